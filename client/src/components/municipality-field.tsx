import type { ChangeEvent } from 'react';
import { GEMEENTEN } from '../data/gemeenten';
import { nl } from '../i18n/nl';
import { Field } from './field';

const known = new Set(GEMEENTEN);

/** Only the names on the CBS list count: a typo would split one municipality into two in every filter. */
export const isKnownMunicipality = (value: string) => known.has(value.trim());

/** Focuses the picker, so a keyboard or screen-reader user lands on the field the error is about. */
export function focusMunicipality() {
  document.querySelector<HTMLInputElement>('input[list=gemeenten]')?.focus();
}

/** The municipality input with the list of all Dutch municipalities as suggestions (shared by register and profile). */
export function MunicipalityField({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: string;
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
  error?: string | null;
}) {
  return (
    <Field label={label} hint={nl.register.municipalityHint} required error={error}>
      {(p) => (
        <>
          <input {...p} type="text" list="gemeenten" autoComplete="off" value={value} onChange={onChange} />
          <datalist id="gemeenten">
            {GEMEENTEN.map((g) => (
              <option key={g} value={g} />
            ))}
          </datalist>
        </>
      )}
    </Field>
  );
}
