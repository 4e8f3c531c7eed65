/**
 * A member without a picture is shown by her initials on a colour of her own. The colours are fixed pairs: white
 * text on a dark background, each at least 6:1 (WCAG AA asks 4.5:1; tests/members/avatar-palette.test.ts checks
 * it). They do not depend on the page's colours, so a dark theme or a dark header leaves them readable.
 */
export const AVATAR_PALETTE = [
  { background: '#2b5f9e', color: '#ffffff' }, // blue, 6.5:1
  { background: '#1e6b34', color: '#ffffff' }, // green, 6.6:1
  { background: '#a4161a', color: '#ffffff' }, // red, 7.8:1
  { background: '#6b3fa0', color: '#ffffff' }, // purple, 7.4:1
  { background: '#0f6e74', color: '#ffffff' }, // teal, 6.0:1
  { background: '#a3266b', color: '#ffffff' }, // magenta, 6.9:1
  { background: '#8a4b00', color: '#ffffff' }, // brown, 6.8:1
  { background: '#4a5568', color: '#ffffff' }, // slate, 7.5:1
] as const;

/**
 * Her colour, from her id: the same on every page and every visit, and unchanged when she changes her name.
 * Consecutive ids (members who joined together) get different colours.
 */
export const avatarColours = (id: number) => AVATAR_PALETTE[Math.abs(Math.trunc(id)) % AVATAR_PALETTE.length]!;

/** The first letter or digit of a word ("(Anna)" gives "A"); a word without one gives its first character. */
function firstLetter(word: string): string {
  return word.match(/[\p{L}\p{N}]/u)?.[0] ?? Array.from(word)[0] ?? '';
}

/**
 * The first letters of her first and last word, upper case: "Anna de Vries" is "AV", "Beheerder" is "B". The last
 * word, not the tussenvoegsel: "Jan van der Berg" is "JB", as Dutch initials go.
 */
export function initials(displayName: string): string {
  const words = displayName.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';
  const first = firstLetter(words[0]!);
  const last = words.length > 1 ? firstLetter(words[words.length - 1]!) : '';
  return (first + last).toLocaleUpperCase('nl-NL');
}
