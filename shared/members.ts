import type { Role } from './constants.js';

/** Why an account may not be acted on by this actor: it is the actor's own, an admin's, or a moderator's (for a non-admin). */
export type ActOnRefusal = 'self' | 'admin' | 'moderator';

/**
 * Who may act on whose account, for every member action (approve, reject, suspend, lift, representative role,
 * moderator rights): nobody on themselves, nobody on an admin (not even another admin: admins are made outside
 * Plein), only admins on moderators. The server enforces it (server/moderation/members.ts); the members screen
 * hides the buttons it would refuse.
 */
export function actOnRefusal(actor: { id: number; role: Role | string }, target: { id: number; role: Role | string }): ActOnRefusal | null {
  if (actor.id === target.id) return 'self';
  if (target.role === 'admin') return 'admin';
  if (target.role === 'moderator' && actor.role !== 'admin') return 'moderator';
  return null;
}
