import type { Post } from '../../../shared/api/forum';
import { nlMembers } from '../i18n/nl-members';

export const postAnchor = (id: number) => `bericht-${id}`;

/**
 * The HTML of what the reader selected, when the selection lies inside `container` (a post's text); null when
 * nothing (or something elsewhere) is selected. "Citeren" then quotes just that part.
 */
export function selectedHtml(container: HTMLElement | null): string | null {
  const selection = window.getSelection();
  if (!container || !selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.commonAncestorContainer)) return null;
  const holder = document.createElement('div');
  holder.append(range.cloneContents());
  return holder.innerHTML.trim() === '' ? null : holder.innerHTML;
}

/** HTML → Markdown, with the converter loaded only when someone quotes (it is not needed to read a thread). */
async function toMarkdown(html: string): Promise<string> {
  const { default: TurndownService } = await import('turndown');
  const service = new TurndownService({ headingStyle: 'atx', bulletListMarker: '-', codeBlockStyle: 'fenced', emDelimiter: '*' });
  // The server's own HTML: a mention link is written back as the plain name, so quoting it mentions nobody anew.
  service.addRule('mention', {
    filter: (node) => node.nodeName === 'A' && (node as HTMLElement).classList.contains('mention'),
    replacement: (content) => content.replace(/^@/, '\\@'),
  });
  return service.turndown(html);
}

/**
 * The Markdown of a quote: the selected part of a post (`html`), or the whole post (its Markdown source when the
 * reader has it, else its HTML converted back), with its formatting, under a line naming the author and linking to
 * the post: `> [Anna schreef](/discussie/12#bericht-34):`. The server shows that as an attributed quote and tells
 * the author (server/content/quotes.ts, render.ts).
 */
export async function quoteMarkdown(post: Post, html: string | null = null): Promise<string> {
  const source = html !== null ? await toMarkdown(html) : (post.body ?? (await toMarkdown(post.bodyHtml)));
  // Brackets and backslashes in a name would end the link text early.
  const name = post.author.displayName.replace(/[[\]\\]/g, '\\$&');
  const quoted = source
    .trim()
    .split('\n')
    .map((line) => (line === '' ? '>' : `> ${line}`))
    .join('\n');
  return `> [${nlMembers.quoteAttribution(name)}](/discussie/${post.threadId}#${postAnchor(post.id)}):\n>\n${quoted}\n\n`;
}
