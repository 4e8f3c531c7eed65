import type { EnqueuedTask, Meilisearch, Task } from 'meilisearch';
import { SearchUnavailableError } from '../errors.js';
import { errorCode, isTaskTimeout } from './errors.js';

interface Pending {
  taskUid: number;
  /** What the task carries (a digest of the request), to recognise the same request sent again. */
  key: string;
}

/**
 * Enqueues write tasks one at a time and waits for each. When waiting times out, the task is still in Meilisearch's
 * queue and will most likely run: its uid is kept, and the next write waits for it first rather than enqueueing
 * more behind it. Re-sending on every retry is what piled tasks up while the engine was busy (each outbox retry
 * added another copy of the same batch). The same request sent again (same key) is not enqueued twice: its result
 * is the pending task's.
 */
export class TaskRunner {
  private pending: Pending | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly client: () => Meilisearch,
    private readonly timeoutMs: number,
  ) {}

  /** Runs `enqueue` (after any earlier write of this process) and resolves with its finished task, failed or not. */
  run(key: string, enqueue: () => Promise<EnqueuedTask>): Promise<Task> {
    const next = this.queue.then(() => this.runNow(key, enqueue));
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** The uid of a task that timed out and is still being waited for (tests, logs). */
  get pendingTask(): number | null {
    return this.pending?.taskUid ?? null;
  }

  private async runNow(key: string, enqueue: () => Promise<EnqueuedTask>): Promise<Task> {
    if (this.pending) {
      const earlier = this.pending;
      const task = await this.wait(earlier.taskUid);
      this.pending = null;
      // Gone (a Meilisearch started on an empty database forgets its tasks): nothing to wait for, send again.
      if (task !== null && earlier.key === key) return task;
    }
    const enqueued = await enqueue();
    try {
      return await this.client().tasks.waitForTask(enqueued.taskUid, { timeout: this.timeoutMs, interval: 25 });
    } catch (err) {
      if (isTaskTimeout(err)) {
        this.pending = { taskUid: enqueued.taskUid, key };
        throw new SearchUnavailableError(`meilisearch: task ${enqueued.taskUid} not finished after ${this.timeoutMs} ms; waiting for it before sending more`, { cause: err });
      }
      throw err;
    }
  }

  private async wait(taskUid: number): Promise<Task | null> {
    try {
      return await this.client().tasks.waitForTask(taskUid, { timeout: this.timeoutMs, interval: 25 });
    } catch (err) {
      if (isTaskTimeout(err)) throw new SearchUnavailableError(`meilisearch: task ${taskUid} still not finished`, { cause: err });
      if (errorCode(err) === 'task_not_found') return null;
      throw err;
    }
  }
}
