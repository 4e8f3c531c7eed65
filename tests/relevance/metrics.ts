import type { Grade } from './types.js';

/** Where the first judged thread is among the first three. */
export function topThreeHit(ranked: readonly string[], relevant: Readonly<Record<string, Grade>>): boolean {
  return ranked.slice(0, 3).some((key) => relevant[key] !== undefined);
}

/**
 * nDCG@10 with graded gains (2^grade − 1) and the usual log2 discount: 1 when the ten first threads are the judged
 * ones in the best order, 0 when none of them is judged.
 */
export function ndcgAt10(ranked: readonly string[], relevant: Readonly<Record<string, Grade>>): number {
  const gain = (grade: number | undefined): number => (grade ? 2 ** grade - 1 : 0);
  const dcg = (grades: readonly (number | undefined)[]): number =>
    grades.slice(0, 10).reduce<number>((sum, grade, i) => sum + gain(grade) / Math.log2(i + 2), 0);
  const ideal = dcg(Object.values(relevant).sort((a, b) => b - a));
  return ideal === 0 ? 0 : dcg(ranked.map((key) => relevant[key])) / ideal;
}
