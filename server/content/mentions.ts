import { sql } from 'drizzle-orm';
import type { Token } from 'markdown-it';
import { LIMITS } from '../../shared/constants.js';
import { queryRows, type DbOrTx } from '../db/client.js';

/**
 * @mentions: `@Anna de Vries` in a post links to the member and tells her (the notification worker reads
 * posts.mentioned_user_ids). Resolved when the post is written, in two steps around one query:
 * 1. findInTokens walks the parsed Markdown's text (never code, quotes or the text of a link, never an e-mail
 *    address, never an escaped `\@`) and lists, for each `@`, what may be a name: the next 1 to 5 words, each also without
 *    trailing punctuation ("@Anna, kijk eens" → "Anna,", "Anna", "Anna kijk", …);
 * 2. resolveMentions asks the database once which of them are an ACTIVE member's name by display_name_key() (case,
 *    accents and invisible characters ignored, as the unique index on names does), and linkMentions replaces the
 *    LONGEST match of each `@` by a link to /leden/<id>, keeping the text as written.
 * Only the first MAX_MENTIONED distinct members become links and ids: a link in a post means "she was told", and a
 * post cannot page the whole forum. Later @names stay text, as does an @ beyond the first MAX_AT_SIGNS.
 */

export type { Token };
type TokenClass = new (type: string, tag: string, nesting: -1 | 0 | 1) => Token;

/** Distinct members one post may mention (link and notify). */
export const MAX_MENTIONED = 20;
/** `@` signs looked at per post, and candidate names in all: they bound the one query. */
export const MAX_AT_SIGNS = 200;
const MAX_CANDIDATES = 1000;
/** Words of a name: "Jan-Willem van der Berg" is 4. */
export const MAX_WORDS = 5;

/** Before the `@`: a letter, digit or address character makes it part of a word or an address (jan@gemeente). */
const GLUED = /[\p{L}\p{N}\p{M}_.+\-@/\\&=%]/u;
/** Punctuation that may end a sentence or clause after a name: "@Anna," "(@Anna)" "@Anna!" */
const TRAILING = /[.,;:!?)\]}'"”’»…]$/u;

/** An `@` that may start a mention: the text token holding it, its index there, the possible names (longest first). */
interface Found {
  child: Token;
  at: number;
  names: string[];
}

/**
 * Texts a name may be: up to MAX_WORDS words after `at`, each with and without its trailing punctuation one mark at a
 * time ("[K]!" may end the name "Kim [K]"), longest first.
 */
function namesAfter(text: string, at: number): string[] {
  const rest = text.slice(at + 1, at + 1 + LIMITS.displayNameMax * 2);
  if (!rest || /^\s/u.test(rest)) return [];
  const names = new Set<string>();
  const word = /\S+/gu;
  let match: RegExpExecArray | null;
  for (let n = 0; n < MAX_WORDS && (match = word.exec(rest)) !== null; n++) {
    for (let name = rest.slice(0, match.index + match[0].length); name; name = name.slice(0, -1)) {
      // (A name has a letter or digit: display-name.ts.)
      if (name.length <= LIMITS.displayNameMax && /[\p{L}\p{N}]/u.test(name)) names.add(name);
      if (!TRAILING.test(name)) break;
    }
  }
  return [...names].sort((a, b) => b.length - a.length);
}

/**
 * Every `@` that may start a mention, in the order of the text. Not looked at: code, the text of links, and quotes
 * (someone else's words: quoting a post that mentions Anna does not mention her again; its author hears of the quote).
 */
function findInTokens(tokens: Token[]): Found[] {
  const found: Found[] = [];
  let candidates = 0;
  let quoted = 0;
  for (const block of tokens) {
    if (block.type === 'blockquote_open') quoted++;
    else if (block.type === 'blockquote_close') quoted--;
    if (block.type !== 'inline' || !block.children || quoted > 0) continue;
    let inLink = 0;
    for (const child of block.children) {
      if (child.type === 'link_open') inLink++;
      else if (child.type === 'link_close') inLink--;
      else if (child.type === 'text' && inLink === 0) {
        const text = child.content;
        for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
          if (found.length >= MAX_AT_SIGNS || candidates >= MAX_CANDIDATES) return found;
          if (at > 0 && GLUED.test(text[at - 1]!)) continue;
          const names = namesAfter(text, at);
          if (names.length > 0) found.push({ child, at, names });
          candidates += names.length;
        }
      }
    }
  }
  return found;
}

export interface MentionedMember {
  id: number;
  displayName: string;
}

/**
 * Which of `names` are the name of an active member: one query, each candidate compared through the unique index
 * on display_name_key(display_name). Answers the candidate as sent → the member.
 */
export async function resolveMentions(db: DbOrTx, names: readonly string[]): Promise<Map<string, MentionedMember>> {
  if (names.length === 0) return new Map();
  const rows = await queryRows<{ candidate: string; id: number; display_name: string }>(
    db,
    sql`select c.candidate, u.id, u.display_name
          from jsonb_array_elements_text(${JSON.stringify([...new Set(names)])}::jsonb) as c(candidate)
          join users u on display_name_key(u.display_name) = display_name_key(c.candidate)
         where u.status = 'active'`,
  );
  return new Map(rows.map((r) => [r.candidate, { id: r.id, displayName: r.display_name }]));
}

/** Splits `child` (a text token) into text and mention links; `cuts` are in order and do not overlap. */
function splitText(child: Token, cuts: { at: number; length: number; memberId: number }[]): Token[] {
  // markdown-it's Token class is not exported on its own; every token is an instance of it.
  const Token = child.constructor as TokenClass;
  const text = (content: string) => Object.assign(new Token('text', '', 0), { content });
  const out: Token[] = [];
  let from = 0;
  for (const cut of cuts) {
    if (cut.at > from) out.push(text(child.content.slice(from, cut.at)));
    const open = new Token('link_open', 'a', 1);
    open.attrs = [
      ['class', 'mention'],
      ['href', `/leden/${cut.memberId}`],
    ];
    open.markup = 'mention';
    out.push(open, text(child.content.slice(cut.at, cut.at + cut.length)), new Token('link_close', 'a', -1));
    from = cut.at + cut.length;
  }
  if (from < child.content.length) out.push(text(child.content.slice(from)));
  return out;
}

/**
 * Finds the @names in parsed Markdown, resolves them (one query) and turns each into a link, in place.
 * Answers the ids of the members mentioned, distinct, in order of first mention, at most MAX_MENTIONED.
 */
export async function linkMentions(db: DbOrTx, tokens: Token[]): Promise<number[]> {
  const found = findInTokens(tokens);
  if (found.length === 0) return [];
  const members = await resolveMentions(db, found.flatMap((f) => f.names));
  const mentioned: number[] = [];
  const cutsByChild = new Map<Token, { at: number; length: number; memberId: number }[]>();
  let covered = { child: null as Token | null, end: 0 };
  for (const { child, at, names } of found) {
    // "@Anna @Bert" is two mentions; in "@Anna de Vries" the name's own words hold no second one.
    if (covered.child === child && at < covered.end) continue;
    const name = names.find((n) => members.has(n));
    if (name === undefined) continue;
    const member = members.get(name)!;
    if (!mentioned.includes(member.id)) {
      if (mentioned.length >= MAX_MENTIONED) continue;
      mentioned.push(member.id);
    }
    const cuts = cutsByChild.get(child) ?? [];
    cuts.push({ at, length: name.length + 1, memberId: member.id });
    cutsByChild.set(child, cuts);
    covered = { child, end: at + 1 + name.length };
  }
  for (const block of tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    block.children = block.children.flatMap((child: Token) => {
      const cuts = cutsByChild.get(child);
      return cuts ? splitText(child, cuts) : [child];
    });
  }
  return mentioned;
}
