import { badRequest } from '../http/errors.js';
import { BLANK_LETTERS, imitatesStaff } from './display-name-staff.js';

/**
 * The rules for a display name that a member chooses (registration and profile), besides the length and the
 * control characters that the request schema and the text-input check refuse. Uniqueness is the database's
 * (display-name-taken.ts). Each refusal is a Dutch 400 naming the field.
 */

/** Characters that reverse or reorder the text around them: "Jan\u202Erotaredom" shows as "Jan moderator". */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

export function assertDisplayNameAllowed(name: string): void {
  // Letters that show as nothing are no letters of a name.
  if (!/[\p{L}\p{N}]/u.test(name.replace(BLANK_LETTERS, ''))) {
    throw badRequest('display_name_invalid', 'Een naam moet minstens één letter of cijfer bevatten.', 'displayName');
  }
  if (BIDI_CONTROLS.test(name)) {
    throw badRequest('display_name_invalid', 'Een naam mag geen tekens bevatten die de leesrichting van de tekst omdraaien.', 'displayName');
  }
  if (imitatesStaff(name)) {
    throw badRequest(
      'display_name_reserved',
      'Deze naam lijkt op een naam van de beheerders of moderatoren van Plein en is daarom niet toegestaan. Kies een andere naam.',
      'displayName',
    );
  }
}
