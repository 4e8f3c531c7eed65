/**
 * The loop every background worker shares (the search, notification and mail outboxes, the digest round): it runs
 * its drain every `pollMs` on a timer that never keeps the process alive, one drain at a time (a test's drain waits
 * for the poller's), and stop() waits for the drain that is running. A drain checks `closing` between batches, so
 * shutting down does not wait for a long backlog.
 */
export class DrainLoop<R> {
  private timer: NodeJS.Timeout | null = null;
  private stopped = true;
  private stopping = false;
  private chain: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly run: (now: Date | undefined) => Promise<R>,
    private readonly pollMs: number,
    private readonly onError: (err: unknown) => void,
  ) {}

  /** True once stop() was called: a drain returns after its current batch. */
  get closing(): boolean {
    return this.stopping;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.stopping = false;
    this.schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.chain.catch(() => {});
  }

  /** One drain, after any that is running; `now` lets tests step past a delay or a backoff without waiting. */
  drain(now?: Date): Promise<R> {
    const run = this.chain.then(() => this.run(now));
    this.chain = run.catch(() => {});
    return run;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.drain()
        .catch(this.onError)
        .finally(() => this.schedule());
    }, this.pollMs);
    this.timer.unref();
  }
}
