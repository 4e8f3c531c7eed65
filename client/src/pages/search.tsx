import { useRef, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useCategories } from '../api/forum';
import { ApiError } from '../api/http';
import { useSearch } from '../api/search';
import { LoadMore } from '../components/load-more';
import { PageTitle } from '../components/page-title';
import { postAnchor } from '../components/post-item';
import { ErrorMessage, Loading } from '../components/states';
import { nl } from '../i18n/nl';
import { nlForum } from '../i18n/nl-forum';

/** The query lives in the URL, so a search can be bookmarked, shared and reached with the back button. */
export default function SearchPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const category = params.get('categorie') ?? '';
  const from = params.get('van') ?? '';
  const to = params.get('tot') ?? '';
  const [draft, setDraft] = useState({ q, category, from, to });
  const categories = useCategories();
  const search = useSearch({ q, category, from, to });
  const list = useRef<HTMLOListElement>(null);
  const names = new Map(categories.data?.categories.map((c) => [c.slug, c.name]));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (draft.q.trim()) next.q = draft.q.trim();
    if (draft.category) next.categorie = draft.category;
    if (draft.from) next.van = draft.from;
    if (draft.to) next.tot = draft.to;
    setParams(next);
  };
  const hits = search.data?.pages.flatMap((p) => p.hits) ?? [];
  const suggestion = search.data?.pages[0]?.suggestion;
  const missing = search.error instanceof ApiError && search.error.status === 404;

  return (
    <>
      <PageTitle>{nlForum.search.title}</PageTitle>
      <p>{nlForum.search.intro}</p>
      <form role="search" className="form search-form" onSubmit={submit}>
        <div className="field">
          <label htmlFor="search-q">{nlForum.search.query}</label>
          <input id="search-q" type="search" value={draft.q} onChange={(e) => setDraft({ ...draft, q: e.target.value })} maxLength={200} />
        </div>
        <div className="field">
          <label htmlFor="search-category">{nlForum.search.category}</label>
          <select id="search-category" value={draft.category} onChange={(e) => setDraft({ ...draft, category: e.target.value })}>
            <option value="">{nlForum.search.allCategories}</option>
            {categories.data?.categories.map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="search-from">{nlForum.search.from}</label>
          <input id="search-from" type="date" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="search-to">{nlForum.search.to}</label>
          <input id="search-to" type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
        </div>
        <button type="submit">{nlForum.search.submit}</button>
      </form>
      {missing ? <p>{nlForum.search.unavailable}</p> : <ErrorMessage error={search.error} />}
      {q && search.isPending && <Loading />}
      {search.isSuccess && (
        <section aria-labelledby="results-heading">
          <h2 id="results-heading">{hits.length === 0 ? nlForum.search.none : nlForum.search.results(hits.length, search.hasNextPage)}</h2>
          <p className="visually-hidden" role="status">
            {hits.length === 0 ? nlForum.search.none : nlForum.search.results(hits.length, search.hasNextPage)}
          </p>
          {suggestion && (
            <p>
              {nlForum.search.suggestion}{' '}
              <Link to={`/zoeken?q=${encodeURIComponent(suggestion)}`} onClick={() => setDraft({ ...draft, q: suggestion })}>
                {suggestion}
              </Link>
            </p>
          )}
          <ol className="card-list" ref={list}>
            {hits.map((hit) => (
              <li key={`${hit.threadId}-${hit.postId}`} className="card">
                <h3 className="card-title">
                  <Link to={`/discussie/${hit.threadId}#${postAnchor(hit.postId)}`}>{hit.title}</Link>
                </h3>
                {/* Sanitized by the server: only <mark> around the matched words. */}
                <p className="snippet" dangerouslySetInnerHTML={{ __html: hit.snippetHtml }} />
                <p className="meta">
                  {names.get(hit.categorySlug) ?? hit.categorySlug} · {hit.author.displayName} ·{' '}
                  <time dateTime={hit.createdAt}>{nl.time.format(hit.createdAt)}</time>
                </p>
              </li>
            ))}
          </ol>
          <LoadMore pages={search} list={list} />
        </section>
      )}
    </>
  );
}
