/**
 * The new order of a list when `id` goes to `index` (counted from 0; past the end, or undefined, is the end). `ids` is
 * the list as it is, with or without `id` in it. Positions are rewritten as 0, 1, 2, … from this, so a list never
 * keeps gaps or ties.
 */
export function placed(ids: readonly number[], id: number, index: number | undefined): number[] {
  const rest = ids.filter((other) => other !== id);
  rest.splice(index === undefined ? rest.length : Math.min(index, rest.length), 0, id);
  return rest;
}
