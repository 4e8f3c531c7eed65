/**
 * Counts attempts per key in fixed windows, in this process's memory (like @fastify/rate-limit's default store):
 * with several server processes each counts for itself. The number of keys is capped so a flood of made-up keys
 * cannot exhaust memory; the least recently counted key goes first.
 */
export class AttemptCounter {
  private readonly entries = new Map<string, { count: number; resetAt: number }>();

  constructor(
    readonly max: number,
    readonly windowMs: number,
    private readonly capacity = 100_000,
  ) {}

  private live(key: string, now: number) {
    const entry = this.entries.get(key);
    if (entry && entry.resetAt <= now) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  /** Counts one attempt; returns how many there were in this window, this one included. */
  hit(key: string, now = Date.now()): number {
    const entry = this.live(key, now) ?? { count: 0, resetAt: now + this.windowMs };
    entry.count++;
    // Re-inserting moves the key to the end of the Map's order, so the first key is the least recently counted.
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return entry.count;
  }

  /** Milliseconds until the key may try again once it has used up `max` attempts; 0 while it still may. */
  blockedFor(key: string, now = Date.now()): number {
    const entry = this.live(key, now);
    return entry && entry.count >= this.max ? entry.resetAt - now : 0;
  }
}
