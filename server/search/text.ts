/**
 * Text helpers shared by both engines. Snippets are built as: engine output with sentinel characters
 * around matches → HTML-escape everything → turn the sentinels into <mark>. The sentinels are removed
 * from indexed text first, so a post can neither inject markup nor fake a highlight.
 */

import { foldWord } from './analysis/fold.js';
import { splitCompound } from './analysis/lexicon.js';

export { foldWord };

/** Private-use characters: never typed by members, and stripped from documents by cleanText. */
export const MARK_START = '\uE000';
export const MARK_END = '\uE001';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Undoes the entity escaping of sanitize-html's text output (we escape again when we render). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Removes control and private-use characters (our sentinels among them) and folds whitespace. */
export function cleanText(text: string): string {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\uE000-\uF8FF]/g, '').replace(/\s+/g, ' ').trim();
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Engine output with sentinels → safe HTML with only <mark> elements. Unbalanced sentinels are closed. */
export function snippetToHtml(raw: string): string {
  let open = false;
  let out = '';
  for (const part of raw.split(/([\uE000\uE001])/)) {
    if (part === MARK_START) {
      if (!open) out += '<mark>';
      open = true;
    } else if (part === MARK_END) {
      if (open) out += '</mark>';
      open = false;
    } else {
      out += escapeHtml(part);
    }
  }
  return open ? `${out}</mark>` : out;
}

/**
 * Distinct words worth suggesting (letters only, 4 to 30 long), folded, with the parts of the compounds among them:
 * a forum that only ever wrote "coalitieakkoord" still corrects "coaltie" to "coalitie", which finds it.
 */
export function extractWords(text: string): string[] {
  const words = new Set(foldWord(text).match(/\p{L}{4,30}/gu) ?? []);
  for (const word of [...words]) {
    for (const part of splitCompound(word) ?? []) if (/^\p{L}{4,30}$/u.test(part)) words.add(part);
  }
  return [...words];
}

/** Replaces whole-word occurrences outside quotes, keeping everything else the member typed. */
export function replaceWords(text: string, replacements: Map<string, string>): string {
  return text
    .split('"')
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(/[\p{L}\p{N}]+/gu, (word, offset: number, whole: string) => {
            const excluded = offset > 0 && whole[offset - 1] === '-';
            return excluded ? word : (replacements.get(word) ?? word);
          }),
    )
    .join('"');
}

/** Whether a query asks for anything: a word or phrase that is not excluded, not an operator and not in `ignore`. */
export function hasPositiveWord(text: string, ignore: ReadonlySet<string>): boolean {
  return text.split('"').some((part, i) => {
    if (i % 2 === 1) return (part.match(/[\p{L}\p{N}]+/gu) ?? []).some((w) => !ignore.has(w.toLowerCase()));
    return part
      .split(/\s+/)
      .filter((token) => token && !token.startsWith('-') && token !== 'OF')
      .some((token) => (token.match(/[\p{L}\p{N}]+/gu) ?? []).some((w) => !ignore.has(w.toLowerCase())));
  });
}
