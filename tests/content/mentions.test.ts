import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CurrentUser } from '../../server/auth/types.js';
import { MAX_MENTIONED } from '../../server/content/mentions.js';
import { renderPost } from '../../server/content/render.js';
import { posts } from '../../server/db/schema.js';
import { makePost, makeThread, makeUser } from '../../server/dev/factories.js';
import { hide } from '../../server/forum/post-hiding.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import type { TestClient } from '../helpers/client.js';

let t: TestApp;
let writer: CurrentUser;
let writerClient: TestClient;
let anna: CurrentUser;
let annaDeVries: CurrentUser;
let jose: CurrentUser;
let bert: CurrentUser;

beforeAll(async () => {
  t = await buildTestApp();
  ({ client: writerClient, user: writer } = await t.login({ displayName: 'Schrijver Een' }));
  anna = await makeUser(t.db, { displayName: 'Anna' });
  annaDeVries = await makeUser(t.db, { displayName: 'Anna de Vries' });
  jose = await makeUser(t.db, { displayName: 'José Ramírez' });
  bert = await makeUser(t.db, { displayName: 'Bert' });
});
afterAll(() => t.close());

const render = (markdown: string) => renderPost(t.db, writer, markdown);
const link = (user: CurrentUser, text: string) => `<a class="mention" href="/leden/${user.id}">${text}</a>`;

describe('mentions: which @names become links', () => {
  it('links the longest name that matches, keeping the text as written', async () => {
    const long = await render('Vraag het @Anna de Vries, zij weet het.');
    expect(long.html).toBe(`<p>Vraag het ${link(annaDeVries, '@Anna de Vries')}, zij weet het.</p>`);
    expect(long.mentionedUserIds).toEqual([annaDeVries.id]);
    const short = await render('Vraag het @Anna, zij weet het.');
    expect(short.html).toBe(`<p>Vraag het ${link(anna, '@Anna')}, zij weet het.</p>`);
    expect(short.mentionedUserIds).toEqual([anna.id]);
    // "de" alone is no name: "@Anna de Boer" mentions Anna.
    expect((await render('@Anna de Boer')).html).toBe(`<p>${link(anna, '@Anna')} de Boer</p>`);
  });

  it('ignores case and accents as names do, and takes punctuation after a name as punctuation', async () => {
    const res = await render('(@jose ramirez) en @BERT! en @anna DE vries.');
    expect(res.html).toBe(`<p>(${link(jose, '@jose ramirez')}) en ${link(bert, '@BERT')}! en ${link(annaDeVries, '@anna DE vries')}.</p>`);
    expect(res.mentionedUserIds).toEqual([jose.id, bert.id, annaDeVries.id]);
  });

  it('lists each member once, in order of first mention, and links every mention', async () => {
    const res = await render('@Bert @Anna\n@Bert zei het al');
    expect(res.mentionedUserIds).toEqual([bert.id, anna.id]);
    expect(res.html.match(/class="mention"/g)).toHaveLength(3);
  });

  it('does not look inside code, links, e-mail addresses or an escaped @', async () => {
    const markdown = [
      'Code: `@Anna` en',
      '```\n@Bert\n```',
      '    @Anna de Vries',
      '[@Bert](https://example.nl) en anna@example.nl en mailto:bert@gemeente.nl',
      'jan@Bert en \\@Anna zonder vermelding',
    ].join('\n\n');
    const res = await render(markdown);
    expect(res.mentionedUserIds).toEqual([]);
    expect(res.html).not.toContain('class="mention"');
    expect(res.html).toContain('\\@Anna'.slice(1) + ' zonder vermelding');
    expect(res.html).toContain('<code>@Anna</code>');
  });

  it('does not mention anyone named inside a quote: those are the quoted writer\'s words', async () => {
    const res = await render('> @Anna zei dat @Bert het wist\n\nKlopt dat, @Bert?');
    expect(res.mentionedUserIds).toEqual([bert.id]);
    expect(res.html).toBe(`<blockquote>\n<p>@Anna zei dat @Bert het wist</p>\n</blockquote>\n<p>Klopt dat, ${link(bert, '@Bert')}?</p>`);
  });

  it('resolves all the names of a post in one query, and asks nothing when there is no @', async () => {
    t.queries.length = 0;
    await render('@Anna, @Bert, @José Ramírez, @Anna de Vries en @Niemand Anders');
    expect(t.queries).toHaveLength(1);
    t.queries.length = 0;
    await render('Geen namen hier, alleen [een link](https://example.nl) en anna@example.nl.');
    expect(t.queries).toHaveLength(0);
    // A post of nothing but @-signs still asks once, with a bounded list of names.
    t.queries.length = 0;
    const flood = await render(Array.from({ length: 2000 }, (_, i) => `@x${i}!!!!!!!!!!!! ???`).join(' '));
    expect(flood.mentionedUserIds).toEqual([]);
    expect(t.queries).toHaveLength(1);
  });

  it('reads a name with Markdown characters when they are escaped, as the autocomplete writes them', async () => {
    const kim = await makeUser(t.db, { displayName: 'Kim *Ster* [K]' });
    const res = await render('Dag @Kim \\*Ster\\* \\[K\\]!');
    expect(res.mentionedUserIds).toEqual([kim.id]);
    expect(res.html).toBe(`<p>Dag ${link(kim, '@Kim *Ster* [K]')}!</p>`);
  });

  it('does not link members who are not active', async () => {
    await makeUser(t.db, { displayName: 'Wachtend Lid', status: 'pending' });
    await makeUser(t.db, { displayName: 'Geschorst Lid', status: 'suspended' });
    await makeUser(t.db, { displayName: 'Afgewezen Lid', status: 'rejected' });
    const res = await render('@Wachtend Lid @Geschorst Lid @Afgewezen Lid @Niemand Bestaand');
    expect(res.mentionedUserIds).toEqual([]);
    expect(res.html).toBe('<p>@Wachtend Lid @Geschorst Lid @Afgewezen Lid @Niemand Bestaand</p>');
  });

  it(`links and keeps at most ${MAX_MENTIONED} distinct members; later names stay text`, async () => {
    const many: CurrentUser[] = [];
    for (let i = 1; i <= MAX_MENTIONED + 1; i++) many.push(await makeUser(t.db, { displayName: `Veel ${i}` }));
    const res = await render(many.map((m) => `@${m.displayName}`).join(' ') + ' en nog eens @Veel 1');
    expect(res.mentionedUserIds).toEqual(many.slice(0, MAX_MENTIONED).map((m) => m.id));
    expect(res.html).toContain(`@Veel ${MAX_MENTIONED + 1} en nog eens ${link(many[0]!, '@Veel 1')}`);
  });

  it('keeps script in names and text as text', async () => {
    const evil = await makeUser(t.db, { displayName: 'Eva"><img src=x onerror=alert(1)>' });
    const res = await render('Hoi @Eva"><img src=x onerror=alert(1)> en <script>alert(2)</script> @Eva"><b>');
    expect(res.mentionedUserIds).toEqual([evil.id]);
    expect(res.html).not.toMatch(/<(img|script|b)\b/i);
    expect(res.html).toContain(`<a class="mention" href="/leden/${evil.id}">@Eva"&gt;&lt;img src=x onerror=alert(1)&gt;</a>`);
  });

  it('allows the mention class on links only, and keeps internal links in the page', async () => {
    const res = await render('[intern](/discussie/1) [extern](https://example.nl) @Bert');
    expect(res.html).toBe(
      `<p><a href="/discussie/1">intern</a> <a href="https://example.nl" rel="nofollow noopener noreferrer ugc" target="_blank">extern</a> ${link(bert, '@Bert')}</p>`,
    );
  });
});

describe('mentions and quotes stored on posts', () => {
  const stored = async (postId: number) => {
    const [row] = await t.db.select({ mentioned: posts.mentionedUserIds, quoted: posts.quotedPostIds }).from(posts).where(eq(posts.id, postId));
    return row!;
  };

  it('stores the mentioned members on a new thread, a reply, and replaces them on an edit', async () => {
    const created = await writerClient.post<{ thread: { id: number }; post: { id: number; bodyHtml: string } }>('/api/threads', {
      categorySlug: 'algemeen',
      title: 'Wie weet het?',
      body: '@Anna en @Bert, weten jullie dit?',
    });
    expect(created.status).toBe(201);
    expect(created.body.post.bodyHtml).toContain(link(anna, '@Anna'));
    expect(await stored(created.body.post.id)).toEqual({ mentioned: [anna.id, bert.id], quoted: [] });

    const reply = await writerClient.post<{ post: { id: number } }>(`/api/threads/${created.body.thread.id}/posts`, { body: 'Of @José Ramírez?' });
    expect(reply.status).toBe(201);
    expect((await stored(reply.body.post.id)).mentioned).toEqual([jose.id]);

    const edited = await writerClient.patch<{ post: { bodyHtml: string } }>(`/api/posts/${reply.body.post.id}`, { body: 'Of @Anna de Vries?' });
    expect(edited.status).toBe(200);
    expect(edited.body.post.bodyHtml).toContain(link(annaDeVries, '@Anna de Vries'));
    expect((await stored(reply.body.post.id)).mentioned).toEqual([annaDeVries.id]);
  });

  it('stores a quoted post: a blockquote linking to it, relatively or with the site origin', async () => {
    const { threadId, postId: first } = await makeThread(t.db, anna, { body: 'Het eerste bericht' });
    const second = await makePost(t.db, bert, threadId, { body: 'Het tweede bericht' });
    const body = [
      `> [Anna schreef](/discussie/${threadId}#bericht-${first}):`,
      '> Het eerste bericht',
      '',
      `> ${t.config.mail.siteUrl}/discussie/${threadId}#bericht-${second}`,
      '',
      'Helemaal mee eens.',
    ].join('\n');
    const res = await writerClient.post<{ post: { id: number; bodyHtml: string } }>(`/api/threads/${threadId}/posts`, { body });
    expect(res.status).toBe(201);
    expect((await stored(res.body.post.id)).quoted).toEqual([first, second]);
    expect(res.body.post.bodyHtml).toContain(`<a href="/discussie/${threadId}#bericht-${first}">Anna schreef</a>`);
  });

  it('does not count links outside a quote, to another origin, to the wrong thread, or to posts the writer may not see', async () => {
    const { threadId, postId: first } = await makeThread(t.db, anna, { body: 'Nog een eerste bericht' });
    const other = await makeThread(t.db, anna, { body: 'Een andere discussie' });
    const hiddenPost = await makePost(t.db, bert, threadId, { body: 'Dit wordt verborgen' });
    await t.db.transaction((tx) => hide(tx, hiddenPost, 'Test'));
    const deletedPost = await makePost(t.db, bert, threadId, { body: 'Dit wordt verwijderd' });
    await t.db.execute(sql`update posts set deleted_at = now() where id = ${deletedPost}`);
    const body = [
      `Zie [dit](/discussie/${threadId}#bericht-${first}).`,
      `> [elders](https://elders.example/discussie/${threadId}#bericht-${first})`,
      `> [verkeerde discussie](/discussie/${other.threadId}#bericht-${first})`,
      `> [verborgen](/discussie/${threadId}#bericht-${hiddenPost})`,
      `> [verwijderd](/discussie/${threadId}#bericht-${deletedPost})`,
      `> [bestaat niet](/discussie/${threadId}#bericht-999999)`,
      `> [te groot](/discussie/${threadId}#bericht-99999999999)`,
    ].join('\n\n');
    const res = await writerClient.post<{ post: { id: number } }>(`/api/threads/${threadId}/posts`, { body });
    expect(res.status).toBe(201);
    expect((await stored(res.body.post.id)).quoted).toEqual([]);
    // A moderator may see the hidden post, so her quote of it counts.
    const { client: moderator } = await t.login({ role: 'moderator' });
    const asModerator = await moderator.post<{ post: { id: number } }>(`/api/threads/${threadId}/posts`, {
      body: `> [verborgen](/discussie/${threadId}#bericht-${hiddenPost})\n\nGezien.`,
    });
    expect((await stored(asModerator.body.post.id)).quoted).toEqual([hiddenPost]);
  });

  it('previews mentions as posting shows them, and stores nothing', async () => {
    const res = await writerClient.post<{ bodyHtml: string }>('/api/posts/preview', { body: 'Dag @Bert' });
    expect(res.status).toBe(200);
    expect(res.body.bodyHtml).toBe(`<p>Dag ${link(bert, '@Bert')}</p>`);
  });
});
