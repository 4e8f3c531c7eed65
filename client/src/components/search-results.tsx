import { useRef, type Ref } from 'react';
import { Link } from 'react-router';
import type { GuideSearchLink } from '../../../shared/api/guide';
import type { SearchHit, SearchResponse } from '../../../shared/api/search';
import { nlGuide } from '../i18n/nl-guide';
import { nl } from '../i18n/nl';
import { nlSearch } from '../i18n/nl-search';
import type { Category } from '../../../shared/api/forum';
import { categoryColorClass } from './category-icon';
import { CategoryTag } from './category-tag';
import { GuideSearchResults } from './guide-search-results';
import { LoadMore, type NextPages } from './load-more';
import { postAnchor } from './quote';

/** The first page's facts that hold for every page of one search (the cursor carries them on). */
export type SearchOutcome = Pick<SearchResponse, 'query' | 'resultsFor' | 'match' | 'suggestion'>;

/** What the live region says once a search has answered. */
export function announceOutcome(outcome: SearchOutcome, count: number, more: boolean, guideLinks = 0): string {
  if (count === 0 && guideLinks === 0) return `${nlSearch.results.noneFor(outcome.query)}.`;
  // Wegwijzer links, named after the discussions (there may be none of those).
  const links = guideLinks > 0 ? ` ${nlGuide.search.announce(guideLinks)}` : '';
  if (count === 0) return `${nlSearch.results.for(outcome.query)}: ${nlGuide.search.noDiscussions}${links}`;
  return `${nlSearch.results.announce({
    query: outcome.query,
    resultsFor: outcome.resultsFor,
    count: nlSearch.results.count(count, more),
    partial: outcome.match === 'some',
    suggestion: offeredSuggestion(outcome),
  })}${links}`;
}

/** "Zoek in plaats daarvan naar …" only for another query than the one the hits are already for. */
const offeredSuggestion = (o: SearchOutcome) => (o.suggestion && o.suggestion !== o.resultsFor ? o.suggestion : undefined);

/** A hit in its category's colour (the card's edge) and with its category named by colour, icon and name. */
function Hit({ hit, category }: { hit: SearchHit; category: Category | undefined }) {
  return (
    <li className={`card search-hit${category ? ` ${categoryColorClass(category.color)}` : ''}`}>
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
        {category ? <CategoryTag category={category} /> : hit.categorySlug} · <Link to={`/leden/${hit.author.id}`}>{hit.author.displayName}</Link> · <time dateTime={hit.createdAt}>{nl.time.format(hit.createdAt)}</time>
        {hit.matchingPosts > 1 && <> · {nlSearch.results.matchingPosts(hit.matchingPosts)}</>}
      </p>
    </li>
  );
}

/**
 * The answer to one search, never another question silently: the heading says which query the hits are for
 * ("Resultaten voor „kandidatenlijst”"), and when that is a correction the line under it says the typed words found
 * nothing. A correction that would find more is offered under the heading ("Zoek in plaats daarvan naar „…”"), and
 * only while the hits shown are this search's own: while the next search loads (`stale`, the previous hits still
 * shown) no offer stands above hits it no longer belongs to. `headingRef` is the heading, where focus goes.
 */
export function SearchResults({
  outcome,
  hits,
  pages,
  categoryOf,
  suggestionHref,
  onSuggestion,
  headingRef,
  stale = false,
  guideLinks = [],
}: {
  outcome: SearchOutcome;
  hits: SearchHit[];
  pages: NextPages;
  categoryOf: (slug: string) => Category | undefined;
  suggestionHref: (q: string) => string;
  onSuggestion: (q: string) => void;
  headingRef: Ref<HTMLHeadingElement>;
  stale?: boolean;
  /** The Wegwijzer's matching links (the first page's), above the discussions. */
  guideLinks?: readonly GuideSearchLink[];
}) {
  const list = useRef<HTMLOListElement>(null);
  const corrected = outcome.resultsFor !== outcome.query;
  const suggestion = stale ? undefined : offeredSuggestion(outcome);

  if (hits.length === 0 && guideLinks.length === 0) {
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
    <section aria-labelledby="results-heading" aria-busy={stale}>
      <h2 id="results-heading" tabIndex={-1} ref={headingRef}>
        {nlSearch.results.for(outcome.resultsFor)}
      </h2>
      {corrected && <p className="search-correction">{nlSearch.results.correctedFrom(outcome.query)}</p>}
      {suggestion && (
        <p className="search-correction">
          {nlSearch.results.suggestionBefore}{' '}
          <Link to={suggestionHref(suggestion)} onClick={() => onSuggestion(suggestion)}>
            „{suggestion}”
          </Link>
        </p>
      )}
      <GuideSearchResults links={guideLinks} />
      <p className="muted">{hits.length === 0 ? nlGuide.search.noDiscussions : nlSearch.results.count(hits.length, pages.hasNextPage)}</p>
      {outcome.match === 'some' && <p className="notice">{nlSearch.results.partial}</p>}
      {hits.length > 0 && (
        <ol className="card-list" ref={list}>
          {hits.map((hit) => (
            <Hit key={hit.threadId} hit={hit} category={categoryOf(hit.categorySlug)} />
          ))}
        </ol>
      )}
      <LoadMore pages={pages} list={list} />
    </section>
  );
}
