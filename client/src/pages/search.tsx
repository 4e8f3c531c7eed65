import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useCategories } from '../api/forum';
import { ApiError } from '../api/http';
import { useSearch } from '../api/search';
import { PageTitle } from '../components/page-title';
import { postAnchor } from '../components/post-item';
import { ErrorMessage, Loading } from '../components/states';
import { nl } from '../i18n/nl';

/** The query lives in the URL, so a search can be bookmarked, shared and reached with the back button. */
export default function SearchPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const category = params.get('categorie') ?? '';
  const [draft, setDraft] = useState(q);
  const [draftCategory, setDraftCategory] = useState(category);
  const categories = useCategories();
  const search = useSearch(q, category);
  const names = new Map(categories.data?.categories.map((c) => [c.slug, c.name]));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (draft.trim()) next.q = draft.trim();
    if (draftCategory) next.categorie = draftCategory;
    setParams(next);
  };
  const hits = search.data?.pages.flatMap((p) => p.hits) ?? [];
  const suggestion = search.data?.pages[0]?.suggestion;
  const missing = search.error instanceof ApiError && search.error.status === 404;

  return (
    <>
      <PageTitle>{nl.search.title}</PageTitle>
      <p>{nl.search.intro}</p>
      <form role="search" className="form search-form" onSubmit={submit}>
        <div className="field">
          <label htmlFor="search-q">{nl.search.query}</label>
          <input id="search-q" type="search" value={draft} onChange={(e) => setDraft(e.target.value)} maxLength={200} />
        </div>
        <div className="field">
          <label htmlFor="search-category">{nl.search.category}</label>
          <select id="search-category" value={draftCategory} onChange={(e) => setDraftCategory(e.target.value)}>
            <option value="">{nl.search.allCategories}</option>
            {categories.data?.categories.map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{nl.search.submit}</button>
      </form>
      {missing ? <p>{nl.search.unavailable}</p> : <ErrorMessage error={search.error} />}
      {q && search.isPending && <Loading />}
      {search.isSuccess && (
        <section aria-labelledby="results-heading">
          <h2 id="results-heading" role="status">
            {hits.length === 0 ? nl.search.none : nl.search.results(hits.length, search.hasNextPage)}
          </h2>
          {suggestion && (
            <p>
              {nl.search.suggestion}{' '}
              <Link to={`/zoeken?q=${encodeURIComponent(suggestion)}`} onClick={() => setDraft(suggestion)}>
                {suggestion}
              </Link>
            </p>
          )}
          <ol className="card-list">
            {hits.map((hit) => (
              <li key={`${hit.threadId}-${hit.postId}`} className="card">
                <h3 className="card-title">
                  <Link to={`/discussie/${hit.threadId}#${postAnchor(hit.postId)}`}>{hit.title}</Link>
                </h3>
                {/* Sanitized by the server: only <mark> around the matched words. */}
                <p className="snippet" dangerouslySetInnerHTML={{ __html: hit.snippetHtml }} />
                <p className="meta">
                  {names.get(hit.categorySlug) ?? hit.categorySlug} · {typeof hit.author === 'string' ? hit.author : hit.author.displayName} ·{' '}
                  <time dateTime={hit.createdAt}>{nl.time.format(hit.createdAt)}</time>
                </p>
              </li>
            ))}
          </ol>
          {search.hasNextPage && (
            <button type="button" className="secondary" disabled={search.isFetchingNextPage} onClick={() => void search.fetchNextPage()}>
              {search.isFetchingNextPage ? nl.common.loadingMore : nl.common.loadMore}
            </button>
          )}
        </section>
      )}
    </>
  );
}
