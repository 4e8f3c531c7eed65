import { Type, type Static } from 'typebox';
import { LIMITS } from '../constants.js';

/** One field's problem: the field (dotted path) and a Dutch sentence that names it by its label. */
export const FieldError = Type.Object({ field: Type.String(), message: Type.String() });
export type FieldError = Static<typeof FieldError>;

/**
 * `{ error: { code, message } }`: every 4xx and 5xx answer of the API. A refused input (`invalid_input`, or a route's
 * own check of one field) also names the first field and lists every field's problem in `fields`.
 */
export const ErrorBody = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    field: Type.Optional(Type.String()),
    fields: Type.Optional(Type.Array(FieldError)),
  }),
});
export type ErrorBody = Static<typeof ErrorBody>;

export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) });
export type IdParams = Static<typeof IdParams>;

export const PageQuery = Type.Object({
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: LIMITS.pageSizeMax })),
});
export type PageQuery = Static<typeof PageQuery>;

export const NextCursor = Type.Union([Type.String(), Type.Null()]);

export const Timestamp = Type.String({ format: 'date-time' });
export const NullableTimestamp = Type.Union([Timestamp, Type.Null()]);

/** Literal union from an `as const` list, for enums shared with shared/constants.ts. */
export function OneOf<const T extends readonly string[]>(values: T) {
  // A string enum is one JSON-schema keyword and validates faster than a union of literals.
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values] });
}
