import { MeilisearchApiError, MeilisearchRequestError, MeilisearchRequestTimeOutError } from 'meilisearch';

/**
 * An outside search engine that cannot answer right now (down, unreachable, timing out, answering 5xx): the one
 * search failure that is not our bug, answered 503 with Retry-After. An engine may throw this itself; the
 * Meilisearch client's own network, timeout and 5xx errors count as the same.
 */
export class SearchUnavailableError extends Error {
  override name = 'SearchUnavailableError';
}

/**
 * Whether a search failure means "the engine is away" (503) rather than a bug (500): a 4xx from the engine means we
 * built a bad request, and hiding that behind "try again later" would keep it from ever being fixed.
 */
export function isEngineUnavailable(err: unknown): boolean {
  if (err instanceof SearchUnavailableError) return true;
  if (err instanceof MeilisearchRequestError || err instanceof MeilisearchRequestTimeOutError) return true;
  if (err instanceof MeilisearchApiError) return err.response.status >= 500;
  // A typed error from the engine class (meili-index.ts) that names itself unavailable.
  return err instanceof Error && (err.name === 'SearchUnavailableError' || (err as Error & { unavailable?: unknown }).unavailable === true);
}
