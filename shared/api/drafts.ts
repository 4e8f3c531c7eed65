import { Type, type Static } from 'typebox';
import { LIMITS } from '../constants.js';
import { Timestamp } from './common.js';

/**
 * What she is writing and has not posted, saved as she types (the client debounces). One per member and thread
 * (PUT/GET/DELETE /api/threads/:id/draft), one for a new thread (PUT/GET/DELETE /api/drafts/new-thread). Posting
 * deletes it; so does DELETE (discard). The body may be empty while a new thread's title is not.
 */
const DraftText = Type.String({ maxLength: LIMITS.bodyMax });

export const ReplyDraftBody = Type.Object(
  { body: DraftText, replyToPostId: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 2_147_483_647 }), Type.Null()])) },
  { additionalProperties: false },
);
export type ReplyDraftBody = Static<typeof ReplyDraftBody>;

export const ThreadDraftBody = Type.Object(
  {
    categorySlug: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 80 }), Type.Null()])),
    title: Type.String({ maxLength: LIMITS.titleMax }),
    body: DraftText,
  },
  { additionalProperties: false },
);
export type ThreadDraftBody = Static<typeof ThreadDraftBody>;

export const ReplyDraft = Type.Object({ body: Type.String(), replyToPostId: Type.Union([Type.Integer(), Type.Null()]), updatedAt: Timestamp });
export type ReplyDraft = Static<typeof ReplyDraft>;
export const ThreadDraft = Type.Object({ categorySlug: Type.Union([Type.String(), Type.Null()]), title: Type.String(), body: Type.String(), updatedAt: Timestamp });
export type ThreadDraft = Static<typeof ThreadDraft>;

/** GET answers: the draft, or null when there is none. */
export const ReplyDraftAnswer = Type.Object({ draft: Type.Union([ReplyDraft, Type.Null()]) });
export type ReplyDraftAnswer = Static<typeof ReplyDraftAnswer>;
export const ThreadDraftAnswer = Type.Object({ draft: Type.Union([ThreadDraft, Type.Null()]) });
export type ThreadDraftAnswer = Static<typeof ThreadDraftAnswer>;
