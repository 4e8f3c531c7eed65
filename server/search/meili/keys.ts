import { createHash } from 'node:crypto';
import { MeilisearchApiError, type Meilisearch } from 'meilisearch';

/**
 * What the app does with its index, and nothing more: no other index, no key management, no dumps, no settings of
 * other indexes. A leaked app key can then at worst read or change the forum's search documents.
 */
export const APP_KEY_ACTIONS = [
  'search',
  'documents.add',
  'documents.get',
  'documents.delete',
  'indexes.create',
  'indexes.get',
  'settings.get',
  'settings.update',
  'tasks.get',
  'stats.get',
] as const;

/**
 * A key uid derived from the index name: the same on every server and every start, so deriving is idempotent
 * (Meilisearch computes a key's value from its uid and the master key, so the value is stable too).
 */
export function appKeyUid(indexUid: string): string {
  const h = createHash('sha256').update(`plein-search-key:${indexUid}`).digest('hex');
  // Meilisearch takes a UUID v4: set the version and variant bits.
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function appKeyName(indexUid: string): string {
  return `plein ${indexUid}`;
}

/**
 * Whether a key may manage keys (the master key): only such a key is replaced by a derived one. A key that may not
 * (MEILI_API_KEY, already scoped) is used as it is.
 */
export async function canManageKeys(client: Meilisearch): Promise<boolean> {
  try {
    await client.getKeys({ limit: 1 });
    return true;
  } catch (err) {
    if (err instanceof MeilisearchApiError && (err.response.status === 401 || err.response.status === 403)) return false;
    throw err;
  }
}

/**
 * The app's key for one index, created with the master key when it does not exist yet (or has other rights than
 * APP_KEY_ACTIONS: deleted and created again under the same uid, which gives the same value).
 */
export async function deriveAppKey(master: Meilisearch, indexUid: string): Promise<string> {
  const uid = appKeyUid(indexUid);
  const wanted = { actions: [...APP_KEY_ACTIONS].sort(), indexes: [indexUid] };
  try {
    const key = await master.getKey(uid);
    if (JSON.stringify([...key.actions].sort()) === JSON.stringify(wanted.actions) && JSON.stringify(key.indexes) === JSON.stringify(wanted.indexes)) {
      return key.key;
    }
    await master.deleteKey(uid);
  } catch (err) {
    if (!(err instanceof MeilisearchApiError && err.response.status === 404)) throw err;
  }
  const created = await master.createKey({
    uid,
    name: appKeyName(indexUid),
    description: 'Plein: search and index one forum index (derived from the master key at start)',
    actions: [...APP_KEY_ACTIONS],
    indexes: [indexUid],
    expiresAt: null,
  });
  return created.key;
}
