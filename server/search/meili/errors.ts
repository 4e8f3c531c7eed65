import { MeilisearchApiError, MeilisearchTaskTimeOutError, type Task } from 'meilisearch';
import { SearchUnavailableError } from '../errors.js';

/**
 * Meilisearch refused what we sent (a failed task, a 4xx): our bug or our configuration, answered 500 and logged,
 * never hidden behind "try again later". `code` is Meilisearch's error code (invalid_document_id, …).
 */
export class MeiliRefusedError extends Error {
  override name = 'MeiliRefusedError';
  constructor(
    message: string,
    readonly code: string | undefined,
    readonly type: string | undefined,
  ) {
    super(message);
  }
}

/** A finished task as an error when it did not succeed: waitTask resolves with failed tasks, it does not throw. */
export function taskError(task: Task, what: string): Error | null {
  if (task.status === 'succeeded') return null;
  const message = `meilisearch ${what}: task ${task.uid} ${task.status}${task.error ? `: ${task.error.message}` : ''}`;
  // Meilisearch's own trouble (internal, system: a full disk) is the engine being unable, not our request being wrong.
  if (task.error?.type === 'internal' || task.error?.type === 'system') return new SearchUnavailableError(message, { cause: task.error });
  return new MeiliRefusedError(message, task.error?.code, task.error?.type);
}

/** Meilisearch's error code of a failure (from an API error or a failed task), if it has one. */
export function errorCode(err: unknown): string | undefined {
  if (err instanceof MeiliRefusedError) return err.code;
  if (err instanceof MeilisearchApiError) return err.cause?.code;
  return undefined;
}

/** The task did not finish in time: the engine is busy or stuck. Its uid is kept to wait on (tasks.ts). */
export function isTaskTimeout(err: unknown): err is MeilisearchTaskTimeOutError {
  return err instanceof MeilisearchTaskTimeOutError;
}

/**
 * A refusal that concerns the documents sent (a bad field, an id Meilisearch does not take, a payload over the
 * limit), so sending fewer of them may succeed: meili-index.ts splits the batch until the refused one is alone.
 */
export function refusesDocuments(err: unknown): boolean {
  if (err instanceof MeilisearchApiError && err.response.status === 413) return true;
  const code = errorCode(err);
  return code !== undefined && /document|payload/.test(code) && code !== 'index_not_found';
}

/**
 * A refusal that means the index is not as setup() left it (deleted, recreated by a document addition without our
 * settings, or the derived key revoked): setup must run again before the request is repeated.
 */
export function needsSetup(err: unknown): boolean {
  const code = errorCode(err);
  if (code === undefined) return false;
  return (
    code === 'index_not_found' ||
    code === 'invalid_api_key' ||
    code === 'invalid_search_filter' ||
    code === 'invalid_search_sort' ||
    code === 'invalid_search_distinct' ||
    code === 'invalid_search_facets' ||
    code === 'invalid_search_attributes_to_search_on' ||
    code === 'invalid_multi_search_facets' ||
    code === 'invalid_multi_search_distinct'
  );
}
