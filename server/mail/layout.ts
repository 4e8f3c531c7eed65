/**
 * The one look of every mail Plein sends: a Dutch plain-text part and an HTML part made from the same content.
 *
 *   import { mailLayout } from '../layout.js';
 *
 *   const template: MailTemplate = async (context) =>
 *     mailLayout(context, {
 *       subject: 'Nieuwe reacties in "Fusie van twee afdelingen"',
 *       blocks: [
 *         'Er zijn 3 nieuwe reacties in een discussie die je volgt.',
 *         { quote: 'Wij hebben dat vorig jaar gedaan …', by: 'Anna de Vries' },
 *         { list: [{ text: 'Fusie van twee afdelingen', url: context.url('/discussie/12#bericht-34'), detail: '3 nieuwe reacties' }] },
 *         { action: { label: 'Lees de reacties', url: context.url('/discussie/12#bericht-34') } },
 *       ],
 *       unsubscribe: 'watching',
 *     });
 *
 * - Every string is text, never HTML: the layout escapes it (names, titles and excerpts come from members).
 * - The mail starts with the title (default: the subject) as its heading and "Hallo <display name>,".
 * - Blocks, in order: a string is a paragraph; { heading } a subheading; { list } a list of items (text, optional
 *   link and a second line); { quote, by? } an excerpt of a post; { action } a link shown as a button.
 * - Links must be absolute http(s) (use context.url('/pad')); anything else throws, so a bug cannot make a
 *   javascript: link.
 * - `unsubscribe` (notification and digest mail only): the footer links to /afmelden?token=… for that kind, and the
 *   returned RenderedMail carries it, so the transport adds List-Unsubscribe and List-Unsubscribe-Post. Without it
 *   the footer says the mail is about her account (account mail is always sent).
 * - HTML: lang="nl", semantic elements, inline styles only (mail clients drop <style>), no images, no tracking.
 */
import type { RenderedMail, TemplateContext } from './types.js';
import { unsubscribeToken, type UnsubscribeKind } from './unsubscribe.js';

export interface MailAction {
  label: string;
  url: string;
}

export interface MailItem {
  text: string;
  url?: string;
  /** A second line under the item: a count, an author, a short excerpt. */
  detail?: string;
}

export type MailBlock = string | { heading: string } | { list: MailItem[] } | { quote: string; by?: string } | { action: MailAction };

export interface MailContent {
  subject: string;
  /** The heading at the top; the subject when absent. */
  title?: string;
  blocks: MailBlock[];
  unsubscribe?: UnsubscribeKind;
}

const SITE = 'Plein';

/** What the footer says an unsubscribe link switches off. */
export const UNSUBSCRIBE_WHAT: Record<UnsubscribeKind, string> = {
  replies: 'mail over reacties op je berichten',
  mentions: 'mail als iemand je noemt of citeert',
  watching: 'mail over nieuwe berichten in discussies die je volgt',
  categories: 'mail over nieuwe discussies in categorieën die je volgt',
  messages: 'mail over nieuwe privéberichten en de helpdesk van het kenniscentrum',
  all: 'alle mail over meldingen',
};

export function mailLayout(context: Pick<TemplateContext, 'config' | 'user' | 'url'>, content: MailContent): RenderedMail {
  const title = content.title ?? content.subject;
  const greeting = `Hallo ${context.user.displayName},`;
  const unsubscribeUrl =
    content.unsubscribe === undefined
      ? null
      : context.url(`/afmelden?token=${unsubscribeToken(context.config.sessionSecret, { userId: context.user.id, kind: content.unsubscribe })}`);
  const profileUrl = context.url('/profiel#meldingen-en-email');
  const siteUrl = context.url('/');

  const text: string[] = [title, '='.repeat(Math.min(title.length, 72)), '', greeting, ''];
  const html: string[] = [
    `<h1 style="${S.h1}">${esc(title)}</h1>`,
    `<p style="${S.p}">${esc(greeting)}</p>`,
  ];
  for (const block of content.blocks) {
    if (typeof block === 'string') {
      text.push(block, '');
      html.push(`<p style="${S.p}">${esc(block)}</p>`);
    } else if ('heading' in block) {
      text.push(block.heading, '-'.repeat(Math.min(block.heading.length, 72)), '');
      html.push(`<h2 style="${S.h2}">${esc(block.heading)}</h2>`);
    } else if ('list' in block) {
      html.push(`<ul style="${S.ul}">`);
      for (const item of block.list) {
        text.push(`- ${item.text}`);
        if (item.detail) text.push(`  ${item.detail}`);
        if (item.url) text.push(`  ${link(item.url)}`);
        const label = item.url ? `<a href="${esc(link(item.url))}" style="${S.a}">${esc(item.text)}</a>` : esc(item.text);
        const detail = item.detail ? `<br><span style="${S.detail}">${esc(item.detail)}</span>` : '';
        html.push(`<li style="${S.li}">${label}${detail}</li>`);
      }
      text.push('');
      html.push('</ul>');
    } else if ('quote' in block) {
      for (const line of block.quote.split('\n')) text.push(`> ${line}`);
      if (block.by) text.push(`  (${block.by})`);
      text.push('');
      const by = block.by ? `<figcaption style="${S.detail}">${esc(block.by)}</figcaption>` : '';
      html.push(`<figure style="${S.figure}"><blockquote style="${S.quote}">${paragraphs(block.quote)}</blockquote>${by}</figure>`);
    } else {
      text.push(`${block.action.label}:`, link(block.action.url), '');
      html.push(`<p style="${S.p}"><a href="${esc(link(block.action.url))}" style="${S.button}">${esc(block.action.label)}</a></p>`);
    }
  }

  text.push('-- ');
  html.push(`<hr style="${S.hr}">`);
  if (unsubscribeUrl) {
    const what = UNSUBSCRIBE_WHAT[content.unsubscribe!];
    text.push(`Geen ${what} meer? Meld je af: ${unsubscribeUrl}`, `Al je mailinstellingen: ${profileUrl}`);
    html.push(
      `<footer style="${S.footer}"><p style="${S.small}">Geen ${esc(what)} meer? <a href="${esc(unsubscribeUrl)}" style="${S.a}">Meld je af</a>.`,
      ` Al je mailinstellingen staan op <a href="${esc(profileUrl)}" style="${S.a}">je profiel</a>.</p>`,
    );
  } else {
    text.push(`Je krijgt deze mail omdat hij over je account bij ${SITE} gaat.`);
    html.push(`<footer style="${S.footer}"><p style="${S.small}">Je krijgt deze mail omdat hij over je account bij ${SITE} gaat.</p>`);
  }
  text.push(`${SITE}: ${siteUrl}`);
  html.push(`<p style="${S.small}"><a href="${esc(siteUrl)}" style="${S.a}">${SITE}</a></p></footer>`);

  return {
    subject: content.subject,
    text: text.join('\n') + '\n',
    html: page(content.subject, html.join('\n')),
    ...(content.unsubscribe === undefined ? {} : { unsubscribe: content.unsubscribe }),
  };
}

function page(subject: string, body: string): string {
  return [
    '<!doctype html>',
    '<html lang="nl">',
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(subject)}</title></head>`,
    `<body style="${S.body}">`,
    // role="article" with a label: screen readers announce the mail as one unit in webmail, which wraps it in its own page.
    `<div role="article" aria-roledescription="e-mail" aria-label="${esc(subject)}" lang="nl" style="${S.article}">`,
    body,
    '</div>',
    '</body>',
    '</html>',
  ].join('\n');
}

function paragraphs(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((part) => `<p style="${S.quoteP}">${esc(part).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

/** Only absolute http(s) links leave this module. */
function link(url: string): string {
  if (!/^https?:\/\/[^\s]+$/.test(url)) throw new Error('mail layout: links must be absolute http(s) URLs');
  return url;
}

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

// Inline styles: many mail clients ignore <style>. Colours meet WCAG AA contrast on white; sizes in px for Outlook.
const FONT = 'font-family:-apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,Helvetica,Arial,sans-serif';
const S = {
  body: `margin:0;padding:16px 0;background:#f3f3f1;color:#1a1a1a;${FONT};font-size:16px;line-height:1.5`,
  article: 'max-width:600px;margin:0 auto;padding:24px;background:#ffffff;border:1px solid #d6d6d2;border-radius:6px',
  h1: 'margin:0 0 16px;font-size:22px;line-height:1.3;color:#1a1a1a',
  h2: 'margin:24px 0 8px;font-size:18px;line-height:1.3;color:#1a1a1a',
  p: 'margin:0 0 16px',
  ul: 'margin:0 0 16px;padding-left:24px',
  li: 'margin:0 0 8px',
  a: 'color:#1d4e89;text-decoration:underline',
  detail: 'color:#4a4a4a;font-size:14px',
  figure: 'margin:0 0 16px',
  quote: 'margin:0 0 4px;padding:8px 12px;border-left:4px solid #9aa7b8;background:#f6f7f9;color:#2b2b2b',
  quoteP: 'margin:0 0 8px',
  button: 'display:inline-block;padding:12px 20px;background:#1d4e89;color:#ffffff;font-weight:bold;text-decoration:underline;border-radius:4px',
  hr: 'border:0;border-top:1px solid #d6d6d2;margin:24px 0 16px',
  footer: 'color:#4a4a4a',
  small: 'margin:0 0 8px;font-size:14px;color:#4a4a4a',
} as const;
