/**
 * The Snowball Dutch stemmer (https://snowballstem.org/algorithms/dutch/stemmer.html), the algorithm behind
 * PostgreSQL's `dutch_stem` up to PostgreSQL 17. Implemented here so the application, not the database, decides the
 * terms (PGlite, PostgreSQL and Meilisearch then match alike). tests/search/analysis-stemmer.test.ts checks it
 * against words PostgreSQL 15 stemmed. Input: a lower-case word; accents are folded in the prelude.
 */

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y', 'è']);
const ACCENTS: Record<string, string> = { ä: 'a', á: 'a', ë: 'e', é: 'e', ï: 'i', í: 'i', ö: 'o', ó: 'o', ü: 'u', ú: 'u' };

const isVowel = (c: string | undefined): boolean => c !== undefined && VOWELS.has(c);

export function snowballDutch(input: string): string {
  let w = prelude(input);
  const { p1, p2 } = markRegions(w);
  w = standardSuffix(w, p1, p2);
  // Postlude: the marked I and Y are ordinary letters again.
  return w.replace(/I/g, 'i').replace(/Y/g, 'y');
}

/** Accents off; y at the start or after a vowel and i between vowels become consonants (marked upper case). */
function prelude(input: string): string {
  const chars = [...input].map((c) => ACCENTS[c] ?? c);
  if (chars[0] === 'y') chars[0] = 'Y';
  let i = 0;
  while (i < chars.length) {
    if (isVowel(chars[i])) {
      if (chars[i + 1] === 'i' && isVowel(chars[i + 2])) {
        chars[i + 1] = 'I';
        i += 3;
        continue;
      }
      if (chars[i + 1] === 'y') {
        chars[i + 1] = 'Y';
        i += 2;
        continue;
      }
    }
    i++;
  }
  return chars.join('');
}

/** R1 starts after the first consonant that follows a vowel (but at 3 at the least), R2 likewise after R1. */
function markRegions(w: string): { p1: number; p2: number } {
  const after = (from: number): number => {
    let i = from;
    while (i < w.length && !isVowel(w[i])) i++;
    while (i < w.length && isVowel(w[i])) i++;
    return i < w.length ? i + 1 : w.length;
  };
  // R2 is searched from where R1 really starts, before R1 was moved to 3 (as the Snowball source does).
  const first = after(0);
  return { p1: Math.max(first, 3), p2: after(first) };
}

function undouble(w: string): string {
  return /(kk|dd|tt)$/.test(w) ? w.slice(0, -1) : w;
}

/** Deletes a suffix `en` (at `at`) if it is in R1 after a consonant and not after "gem", then undoubles. */
function enEnding(w: string, at: number, p1: number): string | null {
  if (at < p1) return null;
  const before = w[at - 1];
  if (before === undefined || isVowel(before)) return null;
  if (w.slice(0, at).endsWith('gem')) return null;
  return undouble(w.slice(0, at));
}

function standardSuffix(input: string, p1: number, p2: number): string {
  let w = input;
  // Step 1: the longest of heden / ene, en / se, s.
  if (w.endsWith('heden')) {
    if (w.length - 5 >= p1) w = `${w.slice(0, -5)}heid`;
  } else if (w.endsWith('ene') || w.endsWith('en')) {
    const at = w.length - (w.endsWith('ene') ? 3 : 2);
    w = enEnding(w, at, p1) ?? w;
  } else if (w.endsWith('se') || w.endsWith('s')) {
    const at = w.length - (w.endsWith('se') ? 2 : 1);
    const before = w[at - 1];
    if (at >= p1 && before !== undefined && !isVowel(before) && before !== 'j') w = w.slice(0, at);
  }
  // Step 2: a final e after a consonant.
  let eFound = false;
  const eEnding = (): void => {
    eFound = false;
    const at = w.length - 1;
    const before = w[at - 1];
    if (w.endsWith('e') && at >= p1 && before !== undefined && !isVowel(before)) {
      w = undouble(w.slice(0, at));
      eFound = true;
    }
  };
  eEnding();
  // Step 3a: heid (not after c), then a preceding en as in step 1.
  if (w.endsWith('heid') && w.length - 4 >= p2 && w[w.length - 5] !== 'c') {
    w = w.slice(0, -4);
    if (w.endsWith('en')) w = enEnding(w, w.length - 2, p1) ?? w;
  }
  // Step 3b: derivational suffixes in R2.
  const r2 = (len: number): boolean => w.length - len >= p2;
  if (w.endsWith('end') || w.endsWith('ing')) {
    if (r2(3)) {
      w = w.slice(0, -3);
      if (w.endsWith('ig') && r2(2) && w[w.length - 3] !== 'e') w = w.slice(0, -2);
      else w = undouble(w);
    }
  } else if (w.endsWith('ig')) {
    if (r2(2) && w[w.length - 3] !== 'e') w = w.slice(0, -2);
  } else if (w.endsWith('lijk')) {
    if (r2(4)) {
      w = w.slice(0, -4);
      eEnding();
    }
  } else if (w.endsWith('baar')) {
    if (r2(4)) w = w.slice(0, -4);
  } else if (w.endsWith('bar')) {
    if (r2(3) && eFound) w = w.slice(0, -3);
  }
  // Step 4: a double vowel between consonants at the end is made single (maan → man).
  const n = w.length;
  if (n >= 4) {
    const last = w[n - 1]!;
    const pair = w.slice(n - 3, n - 1);
    if (!isVowel(last) && last !== 'I' && /^(aa|ee|oo|uu)$/.test(pair) && !isVowel(w[n - 4])) {
      w = w.slice(0, n - 2) + last;
    }
  }
  return w;
}
