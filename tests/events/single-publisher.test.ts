import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Structural guards of the backbone: every forum change is announced by server/events/ (publish), forum state is
 * written by server/forum/ only, and its counters by server/forum/counters.ts only. Read from the source, so a new
 * file that writes an outbox row, a NOTIFY or a counter by hand fails here before it can forget a consumer.
 */

const root = join(import.meta.dirname, '../..');
const serverDir = join(root, 'server');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const files = sourceFiles(serverDir).map((path) => ({ file: relative(root, path), text: readFileSync(path, 'utf8') }));

/** The files whose source matches `pattern`, with how many times. */
function writers(pattern: RegExp): Record<string, number> {
  const found: Record<string, number> = {};
  for (const { file, text } of files) {
    const n = text.match(new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`))?.length ?? 0;
    if (n > 0) found[file] = n;
  }
  return found;
}

const inside = (dir: string, found: Record<string, number>) => Object.keys(found).filter((file) => !file.startsWith(dir));

describe('one publisher of forum changes', () => {
  it('writes search outbox rows only in server/events/ (and the full reindexes, which are no forum change)', () => {
    const found = writers(/insert\(\s*searchOutbox\s*\)|insert\s+into\s+search_outbox/i);
    expect(found['server/events/search-outbox.ts']).toBeGreaterThan(0); // the pattern sees the real writer
    // npm run reindex, and the reindex at start when the Dutch analysis changed (search_state.analyzer).
    expect(inside('server/events/', found).sort()).toEqual(['server/search/analyzer-version.ts', 'server/search/reindex.ts']);
  });

  it('writes notification outbox rows only in server/events/', () => {
    const found = writers(/insert\(\s*notificationOutbox\s*\)|insert\s+into\s+(notification_outbox|\$\{\s*notificationOutbox\s*\})/i);
    expect(found['server/events/notification-outbox.ts']).toBeGreaterThan(0);
    expect(inside('server/events/', found)).toEqual([]);
  });

  it('sends NOTIFY on the forum channel only in server/events/, apart from typing (ephemeral, outside transactions)', () => {
    const found = writers(/pg_notify\(\s*(\$\{\s*FORUM_CHANNEL\s*\}|'forum_events')/);
    expect(found['server/events/live-notify.ts']).toBeGreaterThan(0);
    expect(inside('server/events/', found)).toEqual(['server/live/notify.ts']);
    expect(found['server/live/notify.ts']).toBe(1);
    const typing = files.find((f) => f.file === 'server/live/notify.ts')!.text;
    expect(typing).toMatch(/export async function notifyTyping\(db: Db, event: TypingEvent\): Promise<void> \{\s*await db\.execute\(sql`select pg_notify\(\$\{FORUM_CHANNEL\}/);
  });
});

describe('server/forum/ is the only writer of forum state', () => {
  it('inserts, updates and deletes posts, threads and categories only in server/forum/', () => {
    const found = writers(/\.(insert|update|delete)\(\s*(posts|threads|categories)\s*\)|\b(insert\s+into|update|delete\s+from)\s+(posts|threads|categories)\b/i);
    expect(found['server/forum/writes.ts']).toBeGreaterThan(0);
    expect(inside('server/forum/', found)).toEqual([]);
  });

  it('changes the post, thread and reaction counters only in server/forum/counters.ts', () => {
    const found = writers(/\b(postCount|threadCount|thanksCount|usefulCount|reactionCount)\s*:\s*sql\b|\b(post_count|thread_count|thanks_count|useful_count|reaction_count)\s*=/);
    expect(Object.keys(found)).toEqual(['server/forum/counters.ts']);
  });

  it('writes reactions only in server/forum/reactions.ts, which keeps their counts and announces them', () => {
    const found = writers(/\.(insert|update|delete)\(\s*postReactions\s*\)|\b(insert\s+into|update|delete\s+from)\s+post_reactions\b/i);
    expect(Object.keys(found)).toEqual(['server/forum/reactions.ts']);
  });
});
