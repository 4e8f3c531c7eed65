/** The judged relevance set (docs/decisions/006-dutch-search.md): fixed threads, queries and judgements. */

export interface JudgedThread {
  /** Stable name the queries refer to. */
  key: string;
  category: string;
  title: string;
  /** The opening post. */
  body: string;
  replies: readonly string[];
}

/** How well a thread answers a query: 3 the answer, 2 a good answer, 1 related. */
export type Grade = 1 | 2 | 3;

export interface JudgedQuery {
  q: string;
  /** What the query tests (word form, compound, typo…), for reading the misses. */
  kind: 'woordvorm' | 'familie' | 'samenstelling' | 'typefout' | 'afkorting' | 'zin' | 'meerdere woorden' | 'veelvoorkomend' | 'deels';
  relevant: Readonly<Record<string, Grade>>;
}
