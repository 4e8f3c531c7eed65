import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversationMessages, conversationParticipants, conversations } from '../../server/db/schema.js';
import { DEFAULT_PASSWORD } from '../../server/dev/factories.js';
import { buildExport } from '../../server/privacy/export-content.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { send, start } from './fixtures.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('private conversations and her own data', () => {
  it('exports her messages and the subjects of her conversations, never another member’s message', async () => {
    const anna = await t.login();
    const bram = await t.login();
    const id = await start(anna.client, [bram.user.id], 'Annas eigen woorden');
    await send(bram.client, id, 'Brams woorden, niet van Anna');
    const left = await start(anna.client, [bram.user.id], 'Annas woorden in een verlaten gesprek');
    await anna.client.delete(`/api/conversations/${left}/participation`);
    await anna.client.put(`/api/members/${bram.user.id}/block`);

    const data = (await buildExport(t.db, anna.user.id))!;
    const text = JSON.stringify(data);
    expect(text).toContain('Annas eigen woorden');
    expect(text).toContain('Annas woorden in een verlaten gesprek');
    expect(text).not.toContain('Brams woorden');
    const own = data.privateMessages as { conversations: { id: number; subject: string }[]; messages: unknown[]; blocks: { memberId: number }[] };
    expect(own.conversations.map((c) => c.id)).toEqual([id]); // only the ones she is still in
    expect(own.messages).toHaveLength(2);
    expect(own.blocks.map((b) => b.memberId)).toEqual([bram.user.id]);
  });

  it('on deletion she leaves every conversation, her messages stay by a former member, and one she was last in goes', async () => {
    const anna = await t.login();
    const bram = await t.login();
    const shared = await start(anna.client, [bram.user.id], 'Blijft staan zonder naam');
    const alone = await start(anna.client, [bram.user.id], 'Verdwijnt met Anna');
    await bram.client.delete(`/api/conversations/${alone}/participation`);

    const res = await anna.client.post('/api/me/delete-account', { password: DEFAULT_PASSWORD, removeText: false });
    expect(res.status).toBe(204);
    expect(await t.db.select().from(conversations).where(eq(conversations.id, alone))).toEqual([]);
    expect(await t.db.select().from(conversationMessages).where(eq(conversationMessages.conversationId, alone))).toEqual([]);
    expect(await t.db.select({ userId: conversationParticipants.userId }).from(conversationParticipants).where(inArray(conversationParticipants.conversationId, [shared]))).toEqual([
      { userId: bram.user.id },
    ]);
    const page = await bram.client.get<{ messages: { author: unknown; bodyHtml: string }[]; conversation: { participants: { id: number }[] } }>(`/api/conversations/${shared}`);
    expect(page.body.messages[0]).toMatchObject({ author: null });
    expect(page.body.messages[0]!.bodyHtml).toContain('Blijft staan zonder naam');
    expect(page.body.conversation.participants.map((p) => p.id)).toEqual([bram.user.id]);
  });
});

describe('deleting an account with its text', () => {
  it('removes the text of her messages too', async () => {
    const anna = await t.login();
    const bram = await t.login();
    const id = await start(anna.client, [bram.user.id], 'Dit moet weg met Anna');
    expect((await anna.client.post('/api/me/delete-account', { password: DEFAULT_PASSWORD, removeText: true })).status).toBe(204);
    const [row] = await t.db.select().from(conversationMessages).where(eq(conversationMessages.conversationId, id));
    expect(row).toMatchObject({ authorId: null, body: '', bodyHtml: '' });
    expect(row!.deletedAt).not.toBeNull();
  });
});
