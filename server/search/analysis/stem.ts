import { snowballDutch } from './snowball-dutch.js';

/**
 * A word's stem: the Snowball Dutch stemmer with the gaps it leaves for a forum filled in (each measured on the
 * judged set, tests/relevance/). Input is folded (analysis/fold.ts) and has no apostrophes.
 * - diminutives (flyertje, lijstje, balletje): Snowball leaves "flyertj";
 * - plurals after a vowel: fusies, campagnes, ideeën (Snowball removes -s only after a consonant);
 * - -ing on short words (werving, stemming) that Snowball keeps because the suffix is not in its region R2;
 * - a final double consonant and a voiced final v/z (stemm → stem, werv → werf, verkiez → verkies), so the noun,
 *   the verb and its inflections meet (werf, werven, werving).
 */
export function stem(word: string): string {
  if (word.length <= 3) return word;
  let s = snowballDutch(vowelPlural(diminutive(word)));
  if (s.endsWith('ing') && s.length >= 7) s = s.slice(0, -3);
  return devoice(undoubleConsonant(s));
}

const VOWEL = /[aeiouy]/;
/**
 * -tje follows a vowel, or l/n/r/w after a long vowel or a schwa (autootje, tafeltje, stoeltje, lijntje, flyertje);
 * after other endings the t belongs to the word (lijstje, puntje, kaartje, agentje). Dutch spelling leaves some
 * doubt (kaar-tje?); this rule is right for the words this forum uses.
 */
const TJE_AFTER = /(?:[aeiouy]|ij|e[lr]|(?:ee|uu|ie|oe|eu|ij|ei|ui|ou|au)[lnrw]|(?:aa|oo)[lnw])$/;

/** flyertje → flyer, lijstje → lijst, balletje → bal, boompje → boom, autootje → auto. Plurals (-tjes) too. */
export function diminutive(word: string): string {
  const base = word.endsWith('jes') ? word.slice(0, -1) : word;
  if (!base.endsWith('je') || base.length < 6) return word;
  const before = base.slice(0, -2);
  // "-ije" is an ij before an e (vrije, partije…), not a diminutive.
  if (before.endsWith('i')) return word;
  let stemPart = before;
  if (before.endsWith('t')) {
    const w = before.slice(0, -1);
    if (/([^aeiouy])\1e$/.test(w)) stemPart = w.slice(0, -2); // ball-etje → bal
    else if (TJE_AFTER.test(w)) stemPart = w; // auto-otje, partij-tje, tafel-tje, stoel-tje, lijn-tje
    // otherwise the t is the word's own: lijst-je, punt-je, kaart-je, agent-je
  } else if (before.endsWith('mp')) {
    stemPart = before.slice(0, -1); // boom-pje
  }
  // autoo-tje → auto, cafee-tje → cafe.
  if (/([aeiou])\1$/.test(stemPart) && stemPart.length > 3) stemPart = stemPart.slice(0, -1);
  return stemPart.length >= 3 ? stemPart : word;
}

/** Long words ending in -es that are not a plural (proces is too short to be touched). */
const NOT_PLURAL_ES = new Set(['congres', 'kompres', 'expres', 'interes', 'progres']);

/** fusies → fusie, campagnes → campagne, ideeën (folded: ideeen) → idee. */
export function vowelPlural(word: string): string {
  if (/(?:ee|ie)en$/.test(word) && word.length >= 6) return word.slice(0, -2);
  if (word.endsWith('ies') && word.length >= 6) return word.slice(0, -1);
  if (word.length >= 7 && /[^aeiouy]es$/.test(word) && !NOT_PLURAL_ES.has(word) && !word.endsWith('sses')) return word.slice(0, -1);
  return word;
}

function undoubleConsonant(s: string): string {
  const last = s[s.length - 1];
  return s.length >= 4 && last !== undefined && !VOWEL.test(last) && s[s.length - 2] === last ? s.slice(0, -1) : s;
}

function devoice(s: string): string {
  if (s.length < 3) return s;
  if (s.endsWith('v')) return `${s.slice(0, -1)}f`;
  if (s.endsWith('z')) return `${s.slice(0, -1)}s`;
  return s;
}
