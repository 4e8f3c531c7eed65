import { Type, type Static } from 'typebox';
import { MAIL_KINDS } from '../constants.js';
import { OneOf } from './common.js';

/** The signed token of a one-click unsubscribe link (server/mail/unsubscribe.ts). */
export const UnsubscribeToken = Type.String({ minLength: 1, maxLength: 200 });

/** What an unsubscribe link switches off: one mail kind, or every notification mail. */
export const UnsubscribeKind = OneOf([...MAIL_KINDS, 'all'] as const);
export type UnsubscribeKind = Static<typeof UnsubscribeKind>;

export const UnsubscribeQuery = Type.Object({ token: Type.Optional(UnsubscribeToken) });
export type UnsubscribeQuery = Static<typeof UnsubscribeQuery>;

/**
 * POST body: JSON `{ token }` from the client page, or the form `List-Unsubscribe=One-Click` a mail client posts
 * (RFC 8058; the token is then in the query string).
 */
export const UnsubscribeBody = Type.Object({
  token: Type.Optional(UnsubscribeToken),
  'List-Unsubscribe': Type.Optional(Type.String({ maxLength: 50 })),
});
export type UnsubscribeBody = Static<typeof UnsubscribeBody>;

/** Which kind is (or would be) switched off. */
export const UnsubscribeAnswer = Type.Object({ kind: UnsubscribeKind });
export type UnsubscribeAnswer = Static<typeof UnsubscribeAnswer>;
