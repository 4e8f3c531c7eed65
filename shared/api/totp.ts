import { Type, type Static } from 'typebox';
import { LIMITS } from '../constants.js';

/** A right password for an account with the second step on: the session waits for the code (POST /api/auth/login/totp). */
export const LoginChallenge = Type.Object({ status: Type.Literal('totp_required'), csrfToken: Type.String() });
export type LoginChallenge = Static<typeof LoginChallenge>;

const Code = Type.String({ pattern: '^\\s*\\d{3}\\s?\\d{3}\\s*$', maxLength: 12 });
const RecoveryCode = Type.String({ minLength: 16, maxLength: 40 });

const CodeBody = Type.Object({ code: Code }, { additionalProperties: false });
const RecoveryCodeBody = Type.Object({ recoveryCode: RecoveryCode }, { additionalProperties: false });

/**
 * The code from her authenticator app, or one of her recovery codes: exactly one. Each shape names the other's field
 * as not allowed: the server's ajv removes unknown fields and reports all errors, so checking the first shape would
 * otherwise strip `recoveryCode` before the second shape is tried.
 */
export const TotpLoginBody = Type.Unsafe<Static<typeof CodeBody> | Static<typeof RecoveryCodeBody>>({
  anyOf: [
    { ...CodeBody, properties: { ...CodeBody.properties, recoveryCode: Type.Never() } },
    { ...RecoveryCodeBody, properties: { ...RecoveryCodeBody.properties, code: Type.Never() } },
  ],
});
export type TotpLoginBody = Static<typeof TotpLoginBody>;

export const TotpStatus = Type.Object({
  enabled: Type.Boolean(),
  /** She is a moderator or admin and the forum requires the second step of them. */
  required: Type.Boolean(),
  recoveryCodesLeft: Type.Integer(),
});
export type TotpStatus = Static<typeof TotpStatus>;

/**
 * A new secret to add to an authenticator app: by scanning the QR code (an SVG) or typing the secret. `setupToken`
 * goes back with the secret and the first code to turn it on (it proves the secret was offered to her, recently).
 */
export const TotpSetup = Type.Object({ secret: Type.String(), uri: Type.String(), qrSvg: Type.String(), setupToken: Type.String() });
export type TotpSetup = Static<typeof TotpSetup>;

export const TotpEnableBody = Type.Object(
  { code: Code, secret: Type.String({ pattern: '^[A-Z2-7]{16,64}$' }), setupToken: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);
export type TotpEnableBody = Static<typeof TotpEnableBody>;

/** Shown once: she saves them somewhere safe. */
export const RecoveryCodeList = Type.Object({ recoveryCodes: Type.Array(Type.String()) });
export type RecoveryCodeList = Static<typeof RecoveryCodeList>;

export const PasswordConfirmBody = Type.Object({ password: Type.String({ minLength: 1, maxLength: LIMITS.passwordMax }) }, { additionalProperties: false });
export type PasswordConfirmBody = Static<typeof PasswordConfirmBody>;
