import { asc } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { searchSynonyms } from '../db/schema.js';
import type { SynonymSet } from './analysis/types.js';

/**
 * The admins' synonym list, read once and kept until it changes (every search needs it; it changes a few times a
 * year). With several servers, another server's change is seen within MAX_AGE_MS.
 */
export class SynonymStore {
  private cached: { at: number; sets: SynonymSet[] } | null = null;
  private static readonly MAX_AGE_MS = 60_000;

  constructor(private readonly db: Db) {}

  async current(): Promise<SynonymSet[]> {
    if (this.cached && Date.now() - this.cached.at < SynonymStore.MAX_AGE_MS) return this.cached.sets;
    const rows = await this.db.select({ terms: searchSynonyms.terms }).from(searchSynonyms).orderBy(asc(searchSynonyms.id));
    this.cached = { at: Date.now(), sets: rows.map((r) => ({ terms: r.terms })) };
    return this.cached.sets;
  }

  /** After an admin changed the list on this server. */
  invalidate(): void {
    this.cached = null;
  }
}
