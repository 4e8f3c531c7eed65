import { useRef, type Ref } from 'react';
import { Link } from 'react-router';
import type { SearchHit, SearchResponse } from '../../../shared/api/search';
import { nl } from '../i18n/nl';
import { nlSearch } from '../i18n/nl-search';
import { LoadMore, type NextPages } from './load-more';
import { postAnchor } from './quote';

/** The first page's facts that hold for every page of one search (the cursor carries them on). */
export type SearchOutcome = Pick<SearchResponse, 'query' | 'resultsFor' | 'match' | 'suggestion'>;

/** What the live region says once a search has answered. */
export function announceOutcome(outcome: SearchOutcome, count: number, more: boolean): string {
  if (count === 0) return `${nlSearch.results.noneFor(outcome.query)}.`;
  return nlSearch.results.announce({
    query: outcome.query,
    resultsFor: outcome.resultsFor,
    count: nlSearch.results.count(count, more),
    partial: outcome.match === 'some',
    suggestion: offeredSuggestion(outcome),
  });
}

/** "Bedoelde je …?" only for another query than the one the hits are already for. */
const offeredSuggestion = (o: SearchOutcome) => (o.suggestion && o.suggestion !== o.resultsFor ? o.suggestion : undefined);

function Hit({ hit, category }: { hit: SearchHit; category: string }) {
  return (
    <li className="card search-hit">
      <h3 className="card-title">
        <Link to={`/discussie/${hit.threadId}#${postAnchor(hit.postId)}`}>{hit.title}</Link>
      </h3>
      {hit.solved && (
        <p className="badges">
          <span className="badge">{nlSearch.results.solved}</span>
        </p>
      )}
      {/* Sanitized by the server: escaped text, the only markup is <mark> around the matched words. */}
      <p className="snippet" dangerouslySetInnerHTML={{ __html: hit.snippetHtml }} />
      <p className="meta">
        {category} · <Link to={`/leden/${hit.author.id}`}>{hit.author.displayName}</Link> · <time dateTime={hit.createdAt}>{nl.time.format(hit.createdAt)}</time>
        {hit.matchingPosts > 1 && <> · {nlSearch.results.matchingPosts(hit.matchingPosts)}</>}
      </p>
    </li>
  );
}

/**
 * The answer to one search, never another question silently: when the typed words found nothing and the hits are
 * for a correction, "Geen resultaten voor ‘typed’" comes first and the hits stand under their own heading.
 * `headingRef` is the first heading, where focus goes after a search.
 */
export function SearchResults({
  outcome,
  hits,
  pages,
  categoryName,
  suggestionHref,
  onSuggestion,
  headingRef,
}: {
  outcome: SearchOutcome;
  hits: SearchHit[];
  pages: NextPages;
  categoryName: (slug: string) => string;
  suggestionHref: (q: string) => string;
  onSuggestion: (q: string) => void;
  headingRef: Ref<HTMLHeadingElement>;
}) {
  const list = useRef<HTMLOListElement>(null);
  const corrected = outcome.resultsFor !== outcome.query;
  const suggestion = offeredSuggestion(outcome);

  if (hits.length === 0) {
    return (
      <section aria-labelledby="results-heading">
        <h2 id="results-heading" tabIndex={-1} ref={headingRef}>
          {nlSearch.results.noneFor(outcome.query)}
        </h2>
        <p className="empty">{nlSearch.results.noneHint}</p>
      </section>
    );
  }
  return (
    <section aria-labelledby="results-heading">
      {corrected && (
        <h2 className="no-results" tabIndex={-1} ref={headingRef}>
          {nlSearch.results.noneFor(outcome.query)}
        </h2>
      )}
      <h2 id="results-heading" tabIndex={-1} ref={corrected ? undefined : headingRef}>
        {nlSearch.results.for(outcome.resultsFor)}
      </h2>
      <p className="muted">{nlSearch.results.count(hits.length, pages.hasNextPage)}</p>
      {outcome.match === 'some' && <p className="notice">{nlSearch.results.partial}</p>}
      {suggestion && (
        <p>
          {nlSearch.results.suggestionBefore}{' '}
          <Link to={suggestionHref(suggestion)} onClick={() => onSuggestion(suggestion)}>
            ‘{suggestion}’
          </Link>
          {nlSearch.results.suggestionAfter}
        </p>
      )}
      <ol className="card-list" ref={list}>
        {hits.map((hit) => (
          <Hit key={hit.threadId} hit={hit} category={categoryName(hit.categorySlug)} />
        ))}
      </ol>
      <LoadMore pages={pages} list={list} />
    </section>
  );
}
