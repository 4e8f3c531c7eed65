import { describe, expect, it } from 'vitest';
import { mailLayout } from '../../server/mail/layout.js';
import { readUnsubscribeToken } from '../../server/mail/unsubscribe.js';
import { testConfig } from '../helpers/app.js';

const config = testConfig({ PUBLIC_ORIGIN: 'https://plein.test' });
const context = {
  config,
  user: { id: 5, email: 'a@example.nl', displayName: 'Bram "B" <script>', status: 'active', role: 'member', representativeVerified: false, totpEnabledAt: null },
  url: (path: string) => new URL(path, config.mail.siteUrl).toString(),
};

describe('the mail layout', () => {
  it('escapes every string in the HTML and keeps the plain text as written', () => {
    const mail = mailLayout(context, {
      subject: 'Over <b>fusies</b> & "partijen"',
      blocks: [
        'Alinea met <img src=x onerror=alert(1)>',
        { heading: 'Kop <i>' },
        { list: [{ text: 'Titel <u>', url: context.url('/discussie/1?a=1&b=2'), detail: 'Anna & co' }, { text: 'Zonder link' }] },
        { quote: 'Eerste regel\nTweede <regel>\n\nNieuwe alinea', by: 'Anna <x>' },
        { action: { label: 'Lees <meer>', url: context.url('/discussie/1') } },
      ],
    });
    expect(mail.subject).toBe('Over <b>fusies</b> & "partijen"');
    expect(mail.html).not.toMatch(/<(b|i|u|x|img|script|regel|meer)[\s>]/);
    expect(mail.html).toContain('<title>Over &lt;b&gt;fusies&lt;/b&gt; &amp; &quot;partijen&quot;</title>');
    expect(mail.html).toContain('Hallo Bram &quot;B&quot; &lt;script&gt;,');
    expect(mail.html).toContain('href="https://plein.test/discussie/1?a=1&amp;b=2"');
    expect(mail.html).toMatch(/<html lang="nl">[\s\S]*<h1[^>]*>Over &lt;b&gt;/);
    expect(mail.html).toMatch(/<h2[^>]*>Kop &lt;i&gt;<\/h2>/);
    expect(mail.html).toMatch(/<blockquote[^>]*><p[^>]*>Eerste regel<br>Tweede &lt;regel&gt;<\/p><p[^>]*>Nieuwe alinea<\/p><\/blockquote>/);
    expect(mail.html).not.toMatch(/<style|<img|<link|<script/);
    expect(mail.text).toContain('Hallo Bram "B" <script>,');
    expect(mail.text).toContain('- Titel <u>\n  Anna & co\n  https://plein.test/discussie/1?a=1&b=2\n- Zonder link');
    expect(mail.text).toContain('> Eerste regel\n> Tweede <regel>');
    expect(mail.text).toContain('Lees <meer>:\nhttps://plein.test/discussie/1');
    // Account mail: no unsubscribe, a footer that says why it came.
    expect(mail.unsubscribe).toBeUndefined();
    expect(mail.text).toContain('over je account');
    expect(mail.text).not.toContain('afmelden');
  });

  it('puts a signed unsubscribe link to the /afmelden page in the footer of notification mail', () => {
    const mail = mailLayout(context, { subject: 'Nieuw', blocks: ['Tekst'], unsubscribe: 'watching' });
    expect(mail.unsubscribe).toBe('watching');
    const token = /https:\/\/plein\.test\/afmelden\?token=([\w.-]+)/.exec(mail.text)?.[1];
    expect(readUnsubscribeToken(config.sessionSecret, token!)).toEqual({ userId: 5, kind: 'watching' });
    expect(mail.html).toContain(`href="https://plein.test/afmelden?token=${token}"`);
    expect(mail.text).toContain('Geen mail over nieuwe berichten in discussies die je volgt meer?');
  });

  it('refuses links that are not absolute http(s)', () => {
    for (const url of ['javascript:alert(1)', '/relatief', 'data:text/html,x', 'https://plein.test/a b']) {
      expect(() => mailLayout(context, { subject: 'x', blocks: [{ action: { label: 'x', url } }] }), url).toThrow(/absolute http/);
      expect(() => mailLayout(context, { subject: 'x', blocks: [{ list: [{ text: 'x', url }] }] }), url).toThrow(/absolute http/);
    }
  });
});
