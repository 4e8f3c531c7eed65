/** Text helpers shared by both engines (and by the mail, which shows posts as plain text). */

import { foldWord } from './analysis/fold.js';
import { splitCompound } from './analysis/lexicon.js';

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

/** Removes control and private-use characters (invisible, and no use to a search or a mail) and folds whitespace. */
export function cleanText(text: string): string {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\uE000-\uF8FF]/g, '').replace(/\s+/g, ' ').trim();
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
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
