import { makeRandom, QUERY_MATERIAL as M } from './dutch-forum-text.js';

export interface BenchQuery {
  /** What kind of query, for the per-kind breakdown. */
  kind: string;
  filter: 'category' | 'author' | 'from' | 'thread' | null;
  params: Record<string, string>;
  /** Ask for the second page (the runner fetches page one first, untimed, for its cursor). */
  secondPage: boolean;
}

const STEM_VARIANTS = ['fusies', 'kandidaat', 'moties', 'wethouders', 'campagnes', 'vrijwilliger', 'donatie', 'flyer', 'verkiezing', 'amendementen', 'statuut', 'gemeenten', 'partijen', 'debatten'];
const PHRASES = ['"nieuwe leden"', '"op tijd"', '"sociale media"', '"kleine partij"', '"lokale partijen"', '"huis-aan-huis"', '"giften boven de meldgrens"', '"de nieuwe naam"', '"technische sessie"', '"vorig jaar"'];
const NOTHING = ['xylofoon', 'quasar', 'zeppelinhangar', 'kwantumcomputer'];

/** A typo as members make them: a letter dropped, doubled or two swapped. */
function typo(word: string, r: ReturnType<typeof makeRandom>): string {
  const i = 1 + r.int(Math.max(1, word.length - 2));
  const kind = r.int(3);
  if (kind === 0) return word.slice(0, i) + word.slice(i + 1);
  if (kind === 1) return word.slice(0, i) + word[i] + word.slice(i);
  return word.slice(0, i - 1) + word[i] + word[i - 1] + word.slice(i + 1);
}

const singleWords = (words: readonly string[]) => words.filter((w) => /^[\p{L}-]+$/u.test(w));

/**
 * `count` varied queries, the same for a seed: mostly single subject words (a common word matches a tenth of
 * the posts), then rare words, Dutch plural forms, AND, phrases, -exclusion, OF, typos, names, and filters
 * (category, author, period, thread) and second pages mixed in, roughly as members would search.
 */
export function makeQueries(count: number, seed: number, context: { authorIds: number[]; threadIds: number[] }): BenchQuery[] {
  const r = makeRandom(seed);
  const topic = singleWords(M.topicWords);
  const kinds: [string, number, () => string][] = [
    ['word', 28, () => r.zipf(topic)],
    ['rare word', 10, () => r.pick(M.rareTopicWords)],
    ['plural/stem', 8, () => r.pick(STEM_VARIANTS)],
    ['two words', 10, () => `${r.zipf(topic)} ${r.chance(0.5) ? r.pick(M.issues) : r.pick(topic)}`],
    ['phrase', 5, () => r.pick(PHRASES)],
    ['-exclusion', 5, () => `${r.zipf(topic)} -${r.pick(topic)}`],
    ['OF', 5, () => `${r.pick(topic)} OF ${r.pick(topic)}`],
    ['typo', 6, () => typo(r.pick(topic.filter((w) => w.length >= 6)), r)],
    ['place or name', 6, () => (r.chance(0.6) ? r.pick(M.gemeenten) : r.pick(M.names))],
    ['local issue', 5, () => r.pick(M.issues)],
    ['common word', 4, () => r.pick(M.commonWords)],
    ['compound', 4, () => r.pick(M.compounds)],
    ['no match', 4, () => r.pick(NOTHING)],
  ];
  const total = kinds.reduce((sum, [, weight]) => sum + weight, 0);
  const queries: BenchQuery[] = [];
  for (let i = 0; i < count; i++) {
    let u = r.next() * total;
    const [kind, , make] = kinds.find(([, weight]) => (u -= weight) < 0) ?? kinds[0]!;
    const params: Record<string, string> = { q: make() };
    const f = r.next();
    let filter: BenchQuery['filter'] = null;
    if (f < 0.12) [filter, params.category] = ['category', r.pick(M.categories)];
    else if (f < 0.17) [filter, params.author] = ['author', String(r.pick(context.authorIds))];
    else if (f < 0.23) [filter, params.from] = ['from', new Date(Date.now() - (30 + r.int(700)) * 86_400_000).toISOString().slice(0, 10)];
    else if (f < 0.26) [filter, params.thread] = ['thread', String(r.pick(context.threadIds))];
    queries.push({ kind, filter, params, secondPage: r.chance(0.04) });
  }
  return queries;
}
