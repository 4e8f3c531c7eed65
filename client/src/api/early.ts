/**
 * Answers asked for as soon as the app starts, for the page it opens on (routes.tsx startFirstPage), and handed to
 * the first GET of the same path (http.ts). Without this a page's data waits for a chain of round trips: the entry
 * script, then the session, then the page's own code, and only then its data; on a phone each costs some 150 ms.
 *
 * An early answer is used at most once, and those not yet used are dropped as soon as she makes a change (every
 * non-GET request) or is on another page (components/layout.tsx): none can stand for a state she has since left.
 */
const early = new Map<string, Promise<Response>>();

/** Same request as http.ts send() makes for a GET, so the answer is the one the page would have had. */
export function fetchEarly(paths: readonly string[]): void {
  for (const path of paths) {
    if (early.has(path)) continue;
    const answer = fetch(path, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    // A failure here is the page's to report when it takes the answer; until then it must not reach the console.
    answer.catch(() => undefined);
    early.set(path, answer);
  }
}

/** The early answer for this path, if one was asked for and not yet used. */
export function takeEarly(path: string): Promise<Response> | undefined {
  const answer = early.get(path);
  early.delete(path);
  return answer;
}

export function forgetEarly(): void {
  early.clear();
}
