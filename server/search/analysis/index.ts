/** Dutch analysis for search: the one place that decides which words match which (docs/decisions/006-dutch-search.md). */
export { analyseText, termsOf, ANALYSIS_VERSION, MAX_POSITION } from './analyse.js';
export { parseQuery } from './query.js';
export { buildSnippet } from './snippet.js';
export { foldWord } from './fold.js';
export type { AnalysedToken, ParsedQuery, QueryClause, SynonymSet, TermGroup } from './types.js';
