import { Type, type Static } from 'typebox';
import { LIMITS } from '../constants.js';
import { NullableTimestamp, Timestamp } from './common.js';

/**
 * The AVG routes (server/privacy/): "Mijn gegevens downloaden" (an export prepared in the background) and
 * "Account verwijderen" (by the member herself, or by a moderator on her request).
 */

const Password = Type.String({ minLength: 1, maxLength: LIMITS.passwordMax });

/** POST /api/me/exports: her password again, as before any change that protects the account. */
export const ExportRequestBody = Type.Object({ password: Password }, { additionalProperties: false });
export type ExportRequestBody = Static<typeof ExportRequestBody>;

export const EXPORT_STATUSES = ['pending', 'ready', 'failed'] as const;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];

/** One export as she sees it in her list; `ready` ones can be downloaded until `expiresAt`. */
export const DataExport = Type.Object({
  id: Type.Integer(),
  status: Type.Unsafe<ExportStatus>({ type: 'string', enum: [...EXPORT_STATUSES] }),
  createdAt: Timestamp,
  readyAt: NullableTimestamp,
  expiresAt: NullableTimestamp,
});
export type DataExport = Static<typeof DataExport>;

export const DataExportList = Type.Object({ exports: Type.Array(DataExport) });
export type DataExportList = Static<typeof DataExportList>;

/**
 * POST /api/me/delete-account. `removeText`: her posts' text goes too (placeholders), else they stay by "Oud-lid".
 * With two-step login on, also a code from her app or a recovery code.
 */
export const DeleteAccountBody = Type.Object(
  {
    password: Password,
    removeText: Type.Boolean(),
    code: Type.Optional(Type.String({ pattern: '^\\s*\\d{3}\\s?\\d{3}\\s*$', maxLength: 12 })),
    recoveryCode: Type.Optional(Type.String({ minLength: 16, maxLength: 40 })),
  },
  { additionalProperties: false },
);
export type DeleteAccountBody = Static<typeof DeleteAccountBody>;

/** POST /api/admin/users/:id/delete: a moderator, on the member's request; the reason goes into the log. */
export const ModeratorDeleteAccountBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: LIMITS.reasonMax, pattern: '\\S' }), removeText: Type.Boolean() },
  { additionalProperties: false },
);
export type ModeratorDeleteAccountBody = Static<typeof ModeratorDeleteAccountBody>;
