import { stem } from './stem.js';
import { EXPLICIT_COMPOUNDS, FAMILIES, NOT_COMPOUNDS } from './vocabulary.js';

/**
 * Roots and compound parts from the curated vocabulary (vocabulary.ts): a word's root is its family's root when the
 * stemmer's result belongs to a family, and a compound is split only into parts that are in the vocabulary.
 */

/** Stem of every listed form → the root of its family. */
const FAMILY_ROOT = new Map<string, string>();
/** Every listed form as written: the words a compound may start with. */
const HEADS = new Set<string>();
for (const line of FAMILIES) {
  const forms = line.split(' ');
  const root = stem(forms[0]!);
  for (const form of forms) {
    FAMILY_ROOT.set(stem(form), root);
    HEADS.add(form);
  }
}
const ROOTS = new Set(FAMILY_ROOT.values());

/** Parts shorter than this are never split off (curated parts such as lid, wet, kas are exactly this long). */
const MIN_PART = 3;
/** The linking sounds between parts: raad-s-lid, fonds-en-werving. */
const LINKS = ['', 's', 'en'] as const;

/** The root of a word that is not a compound (folded, no apostrophes). */
export function rootOf(word: string): string {
  const s = stem(word);
  const direct = FAMILY_ROOT.get(s);
  if (direct) return direct;
  for (const candidate of verbForms(s)) {
    const root = FAMILY_ROOT.get(candidate);
    if (root && candidate.length >= 4) return root;
  }
  return s;
}

/**
 * What a verb form of a listed word may stem from: fuseert → fuser, stemde → stemd → stem, gefuseerd → fuser.
 * Only used when the result is a listed word, so "kast" never becomes "kas".
 */
function verbForms(s: string): string[] {
  const forms: string[] = [];
  if (s.length >= 5 && /[td]$/.test(s)) forms.push(singleVowel(s.slice(0, -1)));
  if (s.startsWith('ge') && s.length >= 6) {
    const rest = s.slice(2);
    forms.push(rest);
    if (/[td]$/.test(rest)) forms.push(singleVowel(rest.slice(0, -1)));
  }
  return forms;
}

/** fuseer → fuser: the spelling of a closed syllable, as the stemmer's last step writes it. */
function singleVowel(s: string): string {
  return /[^aeiouy](aa|ee|oo|uu)[^aeiouy]$/.test(s) ? s.slice(0, -2) + s.slice(-1) : s;
}

/** The parts of a compound as written (ledenwerving → leden, werving), or null when it is not one we know. */
export function splitCompound(word: string): readonly string[] | null {
  const explicit = EXPLICIT_COMPOUNDS[word];
  if (explicit) return explicit;
  if (word.length < 2 * MIN_PART || NOT_COMPOUNDS.has(word)) return null;
  return splitFrom(word, 0);
}

function splitFrom(word: string, depth: number): string[] | null {
  if (depth > 4) return null;
  // Longest known start first: fondsen-werving before fonds-en-werving (the same parts either way).
  for (let i = word.length - MIN_PART; i >= MIN_PART; i--) {
    const head = word.slice(0, i);
    if (!HEADS.has(head)) continue;
    for (const link of LINKS) {
      if (!word.startsWith(link, i)) continue;
      const rest = word.slice(i + link.length);
      if (rest.length < MIN_PART) continue;
      if (ROOTS.has(rootOf(rest)) && !NOT_COMPOUNDS.has(rest)) return [head, rest];
      const more = splitFrom(rest, depth + 1);
      if (more) return [head, ...more];
    }
  }
  return null;
}
