import type { FastifyRequest } from 'fastify';
import { CLOSE } from '../../shared/live/protocol.js';
import type { CurrentUser } from '../auth/types.js';
import type { Config } from '../config.js';

// Who may hold a live connection: the same rule as the `member` routes, answered with a close code the SPA can show.
const STATUS_REASONS: Record<string, string> = {
  pending: 'Je account wacht nog op goedkeuring.',
  suspended: 'Je account is geschorst.',
  rejected: 'Je aanmelding is afgewezen.',
};

/** Why a user may not hold a live connection, or null when they may. */
export function refusal(user: CurrentUser | null): { code: number; reason: string } | null {
  if (!user) return { code: CLOSE.unauthenticated, reason: 'Log in om live mee te lezen.' };
  if (user.status !== 'active') return { code: CLOSE.forbidden, reason: STATUS_REASONS[user.status] ?? 'Je account is niet actief.' };
  return null;
}

/** Cross-site websocket hijacking: browsers send cookies with a websocket from any site, so the Origin is checked. */
export function originAllowed(request: FastifyRequest, config: Config): boolean {
  const origin = request.headers.origin;
  if (!origin) return false;
  if (config.publicOrigin) return origin === config.publicOrigin;
  const host = request.headers.host;
  return host !== undefined && (origin === `http://${host}` || origin === `https://${host}`);
}
