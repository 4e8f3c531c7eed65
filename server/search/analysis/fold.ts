/** Lower-cased, accents removed (café = cafe, coördinator = coordinator), curly apostrophes straightened. */
export function foldWord(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').replace(/’/g, "'").toLowerCase();
}
