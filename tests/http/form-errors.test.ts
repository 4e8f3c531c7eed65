import { describe, expect, it } from 'vitest';
import { ApiError } from '../../client/src/api/http';
import { splitFieldErrors, textErrors } from '../../client/src/components/form-errors';

/** How the client's forms place the API's list of refused fields (client/src/components/form-errors.ts). */
describe('form errors', () => {
  const refused = new ApiError(400, 'invalid_input', '„E-mailadres” is verplicht.', 'email', [
    { field: 'email', message: '„E-mailadres” is verplicht.' },
    { field: 'password', message: '„Wachtwoord” is te kort: gebruik minstens 10 tekens.' },
    { field: 'representativeRole', message: 'Kies bij „Functie” een van de mogelijkheden.' },
  ]);

  it('puts each message beside its field and what the form does not show above it', () => {
    const { byField, rest } = splitFieldErrors(refused, ['email', 'password']);
    expect(Object.fromEntries(byField)).toEqual({ email: '„E-mailadres” is verplicht.', password: '„Wachtwoord” is te kort: gebruik minstens 10 tekens.' });
    expect(rest).toEqual(['Kies bij „Functie” een van de mogelijkheden.']);
  });

  it('gathers the items of a list under the one input that holds them, each message once', () => {
    const terms = new ApiError(400, 'invalid_input', 'a', 'terms.1', [
      { field: 'terms.1', message: '„Woorden of uitdrukkingen” bevat alleen spaties: vul tekst in.' },
      { field: 'terms.3', message: '„Woorden of uitdrukkingen” bevat alleen spaties: vul tekst in.' },
      { field: 'terms.4', message: '„Woorden of uitdrukkingen” is te lang: gebruik hoogstens 60 tekens.' },
    ]);
    expect(splitFieldErrors(terms, ['terms']).byField.get('terms')).toBe(
      '„Woorden of uitdrukkingen” bevat alleen spaties: vul tekst in. „Woorden of uitdrukkingen” is te lang: gebruik hoogstens 60 tekens.',
    );
  });

  it('reads an answer from before `fields` existed as a list of its one field', () => {
    const old = new ApiError(400, 'invalid_token', 'Deze link werkt niet (meer).', 'token');
    expect(old.fields).toEqual([{ field: 'token', message: 'Deze link werkt niet (meer).' }]);
    expect(new ApiError(409, 'category_exists', 'Er is al een categorie met deze naam.').fields).toEqual([]);
  });

  it('shows a composer its message only while the refused text is unchanged', () => {
    const body = new ApiError(400, 'invalid_input', '„Je bericht” is verplicht.', 'body', [{ field: 'body', message: '„Je bericht” is verplicht.' }]);
    expect(textErrors(body, '', '')).toEqual({ text: '„Je bericht” is verplicht.', general: null });
    expect(textErrors(body, '', 'H')).toEqual({ text: null, general: null });
    const locked = new ApiError(409, 'thread_locked', 'Deze discussie is gesloten.');
    expect(textErrors(locked, 'Hallo', 'Hallo').general?.message).toBe('Deze discussie is gesloten.');
    expect(textErrors(null, undefined, '')).toEqual({ text: null, general: null });
  });
});
