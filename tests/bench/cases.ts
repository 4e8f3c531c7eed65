import type { LoadCase, RequestSpec } from './load.js';
import { PROXY_HEADERS, type Member } from './members.js';

/**
 * The HTTP cases. Each connection keeps one member (its session and CSRF token) for the whole run, the way one
 * browser tab would, and every request varies what it asks for, so no single row stays hot in a cache.
 */

type Context = { member?: Member };

/** What every browser sends: the reads are measured with the compression members get (server/http/compression.ts). */
const ACCEPT_ENCODING = { 'accept-encoding': 'gzip, deflate, br, zstd' } as const;

function memberPicker(members: Member[]) {
  let next = 0;
  return (context: object): Member => {
    const ctx = context as Context;
    ctx.member ??= members[next++ % members.length]!;
    return ctx.member;
  };
}

export function healthCase(): LoadCase {
  return { name: 'health', what: 'GET /api/health (no database): the ceiling', connections: 50, requests: [{ method: 'GET', path: '/api/health', headers: { ...PROXY_HEADERS } }] };
}

export function threadCase(members: Member[], threadIds: number[]): LoadCase {
  const pick = memberPicker(members);
  let i = 0;
  const request: RequestSpec = {
    method: 'GET',
    setupRequest: (req, context) => {
      // A stride through the ids: consecutive requests hit threads far apart.
      const id = threadIds[(i++ * 7919) % threadIds.length]!;
      return { ...req, path: `/api/threads/${id}`, headers: { ...PROXY_HEADERS, ...ACCEPT_ENCODING, cookie: pick(context).cookie } };
    },
  };
  return { name: 'thread', what: 'GET /api/threads/:id (first 20 posts) as a member', connections: 50, requests: [request] };
}

export function categoryCase(members: Member[], slugs: string[]): LoadCase {
  const pick = memberPicker(members);
  let i = 0;
  const request: RequestSpec = {
    method: 'GET',
    setupRequest: (req, context) => ({ ...req, path: `/api/categories/${slugs[i++ % slugs.length]}/threads`, headers: { ...PROXY_HEADERS, ...ACCEPT_ENCODING, cookie: pick(context).cookie } }),
  };
  return { name: 'category', what: 'GET /api/categories/:slug/threads (20 threads, unread counts)', connections: 50, requests: [request] };
}

export function replyCase(members: Member[], threadIds: number[]): LoadCase {
  const pick = memberPicker(members);
  let i = 0;
  const stamp = Date.now().toString(36);
  const request: RequestSpec = {
    method: 'POST',
    setupRequest: (req, context) => {
      const n = i++;
      const member = pick(context);
      const id = threadIds[(n * 104729) % threadIds.length]!;
      // Unique bodies: the duplicate check refuses the same text from one member within five minutes.
      const body = JSON.stringify({ body: `Benchmarkreactie ${stamp}-${n}: wij doen dit **ook** zo, met de ledenvergadering in het dorpshuis.` });
      return {
        ...req,
        path: `/api/threads/${id}/posts`,
        headers: { ...PROXY_HEADERS, ...ACCEPT_ENCODING, cookie: member.cookie, 'x-csrf-token': member.csrfToken, 'content-type': 'application/json' },
        body,
      };
    },
  };
  return { name: 'reply', what: 'POST /api/threads/:id/posts (Markdown rendered, one transaction)', connections: 10, requests: [request] };
}

export const SEARCH_QUERIES = ['ledenvergadering', 'fusie statuten', 'flyeren', 'kiesraad', 'begroting', 'donaties', 'vrijwilligers', 'motie zwembad', 'notaris', 'social media', 'debat', 'verkiezingsprogramma'];

export function searchCase(members: Member[]): LoadCase {
  const pick = memberPicker(members);
  let i = 0;
  const request: RequestSpec = {
    method: 'GET',
    setupRequest: (req, context) => ({
      ...req,
      path: `/api/search?q=${encodeURIComponent(SEARCH_QUERIES[i++ % SEARCH_QUERIES.length]!)}`,
      headers: { ...PROXY_HEADERS, ...ACCEPT_ENCODING, cookie: pick(context).cookie },
    }),
  };
  return { name: 'search', what: 'GET /api/search?q=… (varied queries)', connections: 10, requests: [request] };
}

/** The kenniscentrum's shared inbox (member 1 is on the team): every tab in turn, with its counts. */
export function inboxCase(team: Member): LoadCase {
  const views = ['unassigned', 'mine', 'open', 'waiting', 'closed'];
  let i = 0;
  const request: RequestSpec = {
    method: 'GET',
    setupRequest: (req) => ({ ...req, path: `/api/helpdesk/inbox?view=${views[i++ % views.length]}`, headers: { ...PROXY_HEADERS, ...ACCEPT_ENCODING, cookie: team.cookie } }),
  };
  return { name: 'inbox', what: 'GET /api/helpdesk/inbox?view=… (20 questions, counts of every tab) as the team', connections: 10, requests: [request] };
}
