import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../shared/constants.js';
import type { ThreadWithPost } from '../../shared/api/forum.js';
import { CLOSE } from '../../shared/live/protocol.js';
import { DEFAULT_PASSWORD } from '../../server/dev/factories.js';
import { connect, t, useListeningApp } from '../live/sockets.js';

useListeningApp();

/**
 * Deleting an account reaches live readers through publish(): her own sockets close (on every process: the
 * 'revoked' event), and a member reading a thread she wrote in sees her post again, now by "Oud-lid".
 */
describe('account deletion and live sockets', () => {
  it('closes her sockets and shows her post by "Oud-lid" to a reader of the thread', async () => {
    const her = await t.login({ displayName: 'Livia Verwijdert' });
    const reader = await t.login();
    const made = await her.client.post<ThreadWithPost>('/api/threads', { categorySlug: CATEGORIES[0]!.slug, title: 'Live bekeken discussie', body: 'Een bericht dat blijft staan.' });
    const { thread, post } = made.body;
    const hers = await connect(her.client);
    const theirs = await connect(reader.client);
    await hers.next('hello');
    await theirs.next('hello');
    await theirs.subscribe(thread.id);

    expect((await her.client.post('/api/me/delete-account', { password: DEFAULT_PASSWORD, removeText: false })).status).toBe(204);
    expect((await hers.closed).code).toBe(CLOSE.unauthenticated);
    const updated = await theirs.next('post.updated', (m) => m.post.id === post.id);
    expect(updated.post.author.displayName).toBe('Oud-lid');
    expect(JSON.stringify(theirs.messages)).not.toContain('Livia Verwijdert');
    theirs.close();
  });
});
