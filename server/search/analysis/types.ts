/**
 * What the Dutch analysis (this folder) hands to the engines. Documents and queries go through the same analysis,
 * so PostgreSQL (PGlite or a server) and Meilisearch match on the same terms: docs/decisions/006-dutch-search.md.
 */

/** One word of a text, as the index keeps it. */
export interface AnalysedToken {
  /** 1-based position of the word in its text (phrases match on adjacent positions). */
  position: number;
  /** Where the word is in the text (UTF-16 offsets), for snippets. */
  start: number;
  end: number;
  /**
   * The index terms for this word, all at the same position: its root (fusie for fuseren, fusies, gefuseerd) and,
   * for a compound, the roots of its parts (statutenwijziging → statuutwijzig + statuut, wijzig). Never empty;
   * stop words are not tokens at all.
   */
  terms: string[];
}

/** A set of index terms that must all occur in one post: next to each other, in order, for a phrase. */
export interface TermGroup {
  terms: string[];
  phrase: boolean;
  /** The last term may also match as the start of a longer term (what is being typed; "privacy" → "privacywet"). */
  prefix: boolean;
}

/** One thing the member asked for: a word, a quoted phrase, or a synonym expression. */
export interface QueryClause {
  /** The words as typed, for messages ("fuseren", "algemene ledenvergadering"). */
  typed: string;
  /** The clause matches when any alternative does. The first is the typed words themselves. */
  alternatives: TermGroup[];
  /** Indexes into `alternatives` that came from the admins' synonym list (Meilisearch applies those itself). */
  synonymAlternatives: number[];
}

export interface ParsedQuery {
  /** As typed (trimmed). */
  text: string;
  /**
   * AND of OR-groups: every inner list is clauses joined by OF, any one of which suffices; every inner list must
   * match (in 'all' mode). Empty when the query holds nothing to look for (only stop words, operators or -words).
   */
  required: QueryClause[][];
  /** -woord and -"een zin": posts with these are left out. */
  excluded: QueryClause[];
  /** Every term a snippet should mark (of required clauses, synonyms included). */
  highlight: ReadonlySet<string>;
  /** The plain typed words a typo correction may replace (not quoted, not excluded, no operator). */
  correctable: string[];
}

/** A group of expressions that mean the same, as admins keep them ("alv", "algemene ledenvergadering"). */
export interface SynonymSet {
  terms: readonly string[];
}
