import { Type, type Static } from 'typebox';
import { REACTION_KINDS } from '../constants.js';
import { OneOf } from './common.js';
import { AuthorRef, ReactionCounts } from './forum.js';

/** PUT and DELETE /api/posts/:id/reactions/:kind */
export const ReactionParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }), kind: OneOf(REACTION_KINDS) });
export type ReactionParams = Static<typeof ReactionParams>;

/** What the post's reactions are after her change, and which are hers. */
export const ReactionAnswer = Type.Object({ reactions: ReactionCounts, myReactions: Type.Array(OneOf(REACTION_KINDS)) });
export type ReactionAnswer = Static<typeof ReactionAnswer>;

/** GET /api/posts/:id/reactions: who reacted, per kind, oldest first; active members only. */
export const ReactorList = Type.Object({ thanks: Type.Array(AuthorRef), useful: Type.Array(AuthorRef) });
export type ReactorList = Static<typeof ReactorList>;
