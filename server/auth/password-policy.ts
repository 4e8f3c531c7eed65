import { dictionary } from '@zxcvbn-ts/language-common';
import { LIMITS } from '../../shared/constants.js';
import { badRequest } from '../http/errors.js';

/** Why a password is refused; `null` when it is acceptable. */
export type PasswordProblem = 'too_short' | 'blank' | 'one_character' | 'common';

/**
 * The most used passwords (about 49,000, from the breach lists zxcvbn-ts maintains), compared without case:
 * an attacker tries "Welkom01" as readily as "welkom01". Built once, on first use, so importing stays cheap.
 */
let common: Set<string> | null = null;
function commonPasswords(): Set<string> {
  common ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));
  return common;
}

/** The one password rule (ASVS 2.1): at least LIMITS.passwordMin characters, not blank, not one repeated character, not a common password. */
export function passwordProblem(password: string): PasswordProblem | null {
  const characters = [...password];
  // Counted in code points, like the request schema's minLength.
  if (characters.length < LIMITS.passwordMin) return 'too_short';
  if (password.trim() === '') return 'blank';
  if (new Set(characters).size === 1) return 'one_character';
  if (commonPasswords().has(password.trim().toLowerCase())) return 'common';
  return null;
}

export const PASSWORD_PROBLEM_MESSAGES: Record<PasswordProblem, string> = {
  too_short: `Kies een wachtwoord van minimaal ${LIMITS.passwordMin} tekens.`,
  blank: 'Een wachtwoord van alleen spaties is niet veilig. Kies een wachtwoord met letters, cijfers of leestekens.',
  one_character: 'Een wachtwoord van één herhaald teken is te makkelijk te raden. Kies een ander wachtwoord.',
  common: 'Dit wachtwoord wordt heel vaak gebruikt en staat in de lijsten die aanvallers als eerste proberen. Kies een ander wachtwoord, bijvoorbeeld een zin van een paar woorden.',
};

/** Throws the API's 400 naming `field` when the password breaks the rule; changes nothing. */
export function assertAcceptablePassword(password: string, field: string): void {
  const problem = passwordProblem(password);
  if (problem) throw badRequest('weak_password', PASSWORD_PROBLEM_MESSAGES[problem], field);
}
