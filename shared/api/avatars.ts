import { Type, type Static } from 'typebox';

/**
 * `GET /api/members/:id/avatar?v=…`: `v` is the picture's time (ms), as in the `avatarUrl` the API hands out. It
 * only makes each new picture a new address; with the current one the answer may be cached for good.
 */
export const AvatarQuery = Type.Object({ v: Type.Optional(Type.String({ maxLength: 20 })) });
export type AvatarQuery = Static<typeof AvatarQuery>;
