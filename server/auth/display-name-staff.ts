/**
 * Whether a display name imitates Plein's staff ("Beheerder", "Moderator", "Kenniscentrum", "Admin", ...), also
 * lightly disguised: other case, accents, look-alike letters from other scripts (Cyrillic "о"), digits and signs
 * for letters ("M0derator", "@dmin"), doubled letters ("Mooderator"), separators between the letters
 * ("M.o.d.e.r.a.t.o.r", "A d m i n") and invisible characters ("Beheerder\u200b"). Staff accounts are made in code
 * (ensure-admin.ts, the seed), never through the routes that apply this rule.
 */

/** Word stems and whether they also count inside a longer word (Dutch compounds: "Forumbeheerder", "Hoofdmoderator"). */
const STAFF_WORDS: readonly { word: string; inCompounds: boolean }[] = [
  // Long and unmistakable: also inside a compound.
  ...['beheerder', 'moderator', 'moderatie', 'moderateur', 'kenniscentrum', 'helpdesk', 'servicedesk', 'administrator', 'webmaster', 'systeembeheer', 'klantenservice'].map(
    (word) => ({ word, inCompounds: true }),
  ),
  // Short: only as a word of its own, or "Badminton", "Modderman" and "Rooter" would be refused.
  ...['admin', 'beheer', 'mod', 'staff', 'sysop', 'root', 'support', 'plein', 'officieel', 'official'].map((word) => ({ word, inCompounds: false })),
];

/** Latin letters that other scripts, digits and signs stand in for. Keys are lower-case after NFKD. */
const LOOK_ALIKES: Record<string, string> = {
  // Cyrillic
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x', і: 'i', ї: 'i', ј: 'j', ѕ: 's', ԁ: 'd', ԛ: 'q', ԝ: 'w', һ: 'h', ӏ: 'l',
  // Greek
  α: 'a', β: 'b', ε: 'e', η: 'n', ι: 'i', κ: 'k', μ: 'm', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', ω: 'w',
  // Latin look-alikes NFKD leaves alone
  ı: 'i', ł: 'l', ø: 'o', đ: 'd', ħ: 'h', ŧ: 't', ɡ: 'g', ɑ: 'a',
};

/** Digits and signs used for letters: each letter of a staff word also matches these. */
const LEET: Record<string, string> = { a: '4@', b: '8', e: '3€', g: '9', i: '1!|', l: '1!|', o: '0', s: '5$', t: '7+', z: '2' };

/**
 * Letters that show as nothing (Hangul fillers, Khmer inherent vowels) and the blank braille pattern.
 * An alternation, not a class: U+1160 and U+17B4/5 join the character before them, which a class would misread.
 */
export const BLANK_LETTERS = /\u115F|\u1160|\u17B4|\u17B5|\u2800|\u3164|\uFFA0/gu;

/** Characters that do not show: removed before matching (the database's display_name_key() removes them too). */
const INVISIBLE = new RegExp(`\\p{Cf}|\\p{M}|${BLANK_LETTERS.source}`, 'gu');

/** White space and punctuation that may stand between the letters of a staff word ("M.o.d", "A d m i n"); never letters. */
const SEPARATOR = "[\\s._\\-*·•'’`~^=:;,/\\\\]";

const escape = (s: string) => s.replace(/[\\\]^-]/g, '\\$&');

function pattern({ word, inCompounds }: { word: string; inCompounds: boolean }): RegExp {
  // Doubled letters count once on both sides: "beheerder" is matched as b+e+h+e+r+d+e+r+, so "Beherder" and "Beheeerder" too.
  const letters = [...word].filter((c, i, all) => c !== all[i - 1]).map((c) => `[${escape(c + (LEET[c] ?? ''))}]+`);
  // A long word may be broken up anyhow ("Mod-erator", "Be heerder").
  if (inCompounds) return new RegExp(letters.join(`${SEPARATOR}*`), 'u');
  // A short word stands alone: no letter right before or after it (plurals and "'s" still count: "Admins", "Mods").
  // Spread out, it takes the same separator between all its letters ("A d m i n", "M.o.d"), so that names such as
  // "Mo D." or "Ad Min" stay possible.
  return new RegExp(`(?<!\\p{L})${letters[0]}(${SEPARATOR}*)${letters.slice(1).join('\\1')}(?:s|en|'s|’s)?(?!\\p{L})`, 'u');
}

const PATTERNS = STAFF_WORDS.map(pattern);

/** The form that is matched: camel case split ("SuperAdmin" is "Super Admin"), accents and invisibles gone, look-alikes replaced, lower case. */
export function staffSkeleton(name: string): string {
  const split = name.normalize('NFKD').replace(INVISIBLE, '').replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2');
  return [...split.toLowerCase()].map((c) => LOOK_ALIKES[c] ?? c).join('');
}

export function imitatesStaff(name: string): boolean {
  const skeleton = staffSkeleton(name);
  return PATTERNS.some((p) => p.test(skeleton));
}
