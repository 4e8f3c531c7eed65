import MarkdownIt, { type Env } from 'markdown-it';
import sanitizeHtml from 'sanitize-html';
import type { CurrentUser } from '../auth/types.js';
import type { DbOrTx } from '../db/client.js';
import { linkMentions, type Token } from './mentions.js';
import { findQuotedLinks, postLinkTarget, resolveQuotes } from './quotes.js';

/**
 * Members write Markdown; everyone reads the HTML made here. Raw HTML in the Markdown is off, and the
 * result still goes through sanitize-html with a short allow-list: the stored HTML is safe to show as is.
 * A post's text is rendered by renderPost, outside the write's transaction: its @mentions are resolved against the
 * members (mentions.ts) and its quotes against the posts (quotes.ts) first; renderMarkdown is the same without them.
 */
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: true });

// `\@Anna` is how to write a name without mentioning her: the escaped `@` keeps a token type of its own, so it is
// not joined into the text that mentions.ts reads (markdown-it's text_join would make it plain text again).
markdown.core.ruler.before('text_join', 'escaped_at', (state) => {
  for (const block of state.tokens) {
    for (const child of block.type === 'inline' ? (block.children ?? []) : []) {
      if (child.type === 'text_special' && child.content === '@') child.type = 'escaped_at';
    }
  }
});
markdown.renderer.rules.escaped_at = () => '@';

// An attributed quote, as the composer's "Citeren" writes it: a blockquote whose first paragraph starts with a link
// to a post of this forum (`> [Anna schreef](/discussie/12#bericht-34):`). It gets the classes that show it as a quote
// with its source; whether it counts as a quote (notifying its author) is quotes.ts's business, not this.
markdown.core.ruler.push('attributed_quote', (state) => {
  const tokens = state.tokens;
  for (let i = 0; i + 2 < tokens.length; i++) {
    const [open, paragraph, inline] = [tokens[i]!, tokens[i + 1]!, tokens[i + 2]!];
    if (open.type !== 'blockquote_open' || paragraph.type !== 'paragraph_open' || inline.type !== 'inline') continue;
    const first = inline.children?.[0];
    const href = first?.type === 'link_open' ? first.attrGet('href') : null;
    if (href !== null && href !== undefined && postLinkTarget(String(href), undefined)) {
      open.attrJoin('class', 'quote');
      paragraph.attrJoin('class', 'quote-source');
    }
  }
});

/** A link within the forum: a path on this site (`/leden/3`, `/discussie/12#bericht-34`) or a fragment. */
const isInternal = (href: string | undefined) => href !== undefined && /^(\/(?![/\\])|#)/.test(href);

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'em', 's', 'del', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a', 'h3', 'h4', 'h5', 'h6', 'hr', 'table', 'thead', 'tbody', 'tr', 'th', 'td'],
  allowedAttributes: { a: ['href', 'title', 'rel', 'target'], ol: ['start'], th: ['align'], td: ['align'] },
  // The only classes: a mention's link (mentions.ts) and an attributed quote (above). Members cannot write
  // attributes (raw HTML is off).
  allowedClasses: { a: ['mention'], blockquote: ['quote'], p: ['quote-source'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    // Links that leave the forum open apart and without handing it the reader's session context; links within it
    // (mentions, quotes, threads) are ordinary navigation.
    a: (tagName, attribs) => {
      if (isInternal(attribs.href)) {
        const { rel: _rel, target: _target, ...own } = attribs;
        return { tagName, attribs: own };
      }
      return { tagName, attribs: { ...attribs, rel: 'nofollow noopener noreferrer ugc', target: '_blank' } };
    },
    // Headings inside a post must not compete with the page's own h1/h2.
    h1: 'h3',
    h2: 'h4',
  },
};

function toSafeHtml(tokens: Token[], env: Env): string {
  return sanitizeHtml(markdown.renderer.render(tokens, markdown.options, env), SANITIZE).trim();
}

/** Markdown → safe HTML, without resolving mentions or quotes (an `@name` stays text). */
export function renderMarkdown(source: string): string {
  const env: Env = {};
  return toSafeHtml(markdown.parse(source, env), env);
}

export interface RenderedPost {
  html: string;
  /** Active members named with @, distinct, in order, at most MAX_MENTIONED (mentions.ts). */
  mentionedUserIds: number[];
  /** Posts quoted (a blockquote linking to them) that the writer may see, at most MAX_QUOTED (quotes.ts). */
  quotedPostIds: number[];
}

export interface RenderOptions {
  /** The site's own origin (config.mail.siteUrl): a quote's link may carry it. */
  origin?: string;
  /** False: leave quotes out (the preview shows only the HTML, which quotes do not change). */
  quotes?: boolean;
}

/** A post's text as stored: its HTML with linked mentions, and whom it mentions and quotes. Reads; writes nothing. */
export async function renderPost(db: DbOrTx, writer: CurrentUser, source: string, options: RenderOptions = {}): Promise<RenderedPost> {
  const env: Env = {};
  const tokens = markdown.parse(source, env);
  const mentionedUserIds = await linkMentions(db, tokens);
  const quotedPostIds = options.quotes === false ? [] : await resolveQuotes(db, writer, findQuotedLinks(tokens, options.origin));
  return { html: toSafeHtml(tokens, env), mentionedUserIds, quotedPostIds };
}

/** Plain text of a post, for search documents and previews. */
export function toPlainText(html: string): string {
  return sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} }).replace(/\s+/g, ' ').trim();
}
