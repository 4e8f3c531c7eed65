import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { SEARCH_QUERY_MAX, SEARCH_SORTS, SEARCH_STATUSES, type SearchHit, type SearchSort, type SearchStatus } from '../../../shared/api/search';
import { useCategories } from '../api/forum';
import { ApiError } from '../api/http';
import { useMember } from '../api/members';
import { useSearch, type SearchFilters } from '../api/search';
import { MemberPicker, type PickedMember } from '../components/member-picker';
import { PageTitle } from '../components/page-title';
import { announceOutcome, SearchResults } from '../components/search-results';
import { ErrorMessage, Loading } from '../components/states';
import { nlSearch } from '../i18n/nl-search';

/** The address's words for the sorts: relevance is the default and is left out. */
const SORT_PARAMS: Record<SearchSort, string | null> = { relevance: null, newest: 'nieuwste' };
/** The address's words for the solved filter (`status`); without it, every thread. */
const STATUS_PARAMS: Record<SearchStatus, string> = { solved: 'opgelost', unsolved: 'niet-opgelost' };

/** The query lives in the URL, so a search can be bookmarked, shared and reached with the back button. */
function readFilters(params: URLSearchParams): SearchFilters {
  const author = Number(params.get('schrijver'));
  return {
    q: params.get('q') ?? '',
    category: params.get('categorie') ?? '',
    from: params.get('van') ?? '',
    to: params.get('tot') ?? '',
    author: Number.isSafeInteger(author) && author > 0 ? author : null,
    sort: SEARCH_SORTS.find((s) => SORT_PARAMS[s] === params.get('sortering')) ?? 'relevance',
    status: SEARCH_STATUSES.find((s) => STATUS_PARAMS[s] === params.get('status')) ?? null,
  };
}

function toParams(f: SearchFilters): URLSearchParams {
  const next = new URLSearchParams();
  if (f.q.trim()) next.set('q', f.q.trim());
  if (f.category) next.set('categorie', f.category);
  if (f.from) next.set('van', f.from);
  if (f.to) next.set('tot', f.to);
  if (f.author) next.set('schrijver', String(f.author));
  const sort = SORT_PARAMS[f.sort];
  if (sort) next.set('sortering', sort);
  if (f.status) next.set('status', STATUS_PARAMS[f.status]);
  return next;
}

/** One thread once, also when the index changed between two pages and a thread moved across the page boundary. */
function uniqueThreads(hits: SearchHit[]): SearchHit[] {
  const seen = new Set<number>();
  return hits.filter((h) => !seen.has(h.threadId) && seen.add(h.threadId));
}

function SearchForm({ filters, authorName, onSearch }: { filters: SearchFilters; authorName: string | undefined; onSearch: (f: SearchFilters) => void }) {
  const categories = useCategories();
  const [draft, setDraft] = useState(filters);
  // The author chosen in this form; from the address, only the id is known until the name has loaded.
  const [picked, setPicked] = useState<PickedMember | null>(null);
  const [authorText, setAuthorText] = useState('');
  const [authorError, setAuthorError] = useState<string | null>(null);
  const author: PickedMember | null =
    picked ?? (draft.author ? { id: draft.author, displayName: authorName ?? nlSearch.author.unknown(draft.author) } : null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!author && authorText.trim()) {
      setAuthorError(nlSearch.author.choose);
      return;
    }
    setAuthorError(null);
    onSearch({ ...draft, author: author?.id ?? null });
  };

  return (
    <form role="search" className="form search-form" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor="search-q">{nlSearch.page.query}</label>
        <input id="search-q" type="search" value={draft.q} onChange={(e) => setDraft({ ...draft, q: e.target.value })} maxLength={SEARCH_QUERY_MAX} />
      </div>
      <div className="field">
        <label htmlFor="search-category">{nlSearch.page.category}</label>
        <select id="search-category" value={draft.category} onChange={(e) => setDraft({ ...draft, category: e.target.value })}>
          <option value="">{nlSearch.page.allCategories}</option>
          {categories.data?.categories.map((c) => (
            <option key={c.slug} value={c.slug}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="search-from">{nlSearch.page.from}</label>
        <input id="search-from" type="date" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor="search-to">{nlSearch.page.to}</label>
        <input id="search-to" type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
      </div>
      <MemberPicker
        label={nlSearch.author.label}
        hint={nlSearch.author.hint}
        error={authorError}
        text={authorText}
        value={author}
        onTextChange={setAuthorText}
        onChange={(member) => {
          setPicked(member);
          setAuthorError(null);
          // Undone in the draft as well, or the address's author would come back.
          if (!member) setDraft({ ...draft, author: null });
        }}
      />
      <div className="field">
        <label htmlFor="search-status">{nlSearch.page.status}</label>
        <select
          id="search-status"
          value={draft.status ?? ''}
          onChange={(e) => setDraft({ ...draft, status: SEARCH_STATUSES.find((s) => s === e.target.value) ?? null })}
        >
          <option value="">{nlSearch.page.allStatuses}</option>
          {SEARCH_STATUSES.map((s) => (
            <option key={s} value={s}>
              {nlSearch.page.statuses[s]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="search-sort">{nlSearch.page.sort}</label>
        <select id="search-sort" value={draft.sort} onChange={(e) => setDraft({ ...draft, sort: e.target.value as SearchSort })}>
          {SEARCH_SORTS.map((s) => (
            <option key={s} value={s}>
              {nlSearch.page.sorts[s]}
            </option>
          ))}
        </select>
      </div>
      <button type="submit">{nlSearch.page.submit}</button>
    </form>
  );
}

export default function SearchPage() {
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const search = useSearch(filters);
  const member = useMember(filters.author ?? 0);
  const categories = useCategories();
  const bySlug = new Map(categories.data?.categories.map((c) => [c.slug, c]));
  const heading = useRef<HTMLHeadingElement>(null);
  // After a search the member asked for, focus goes to the results' first heading once they are there (the
  // address it is for: the effect may run before the new query has started).
  const focusFor = useRef<string | null>(null);
  const key = params.toString();
  const settled = search.isSuccess && !search.isFetching;

  useEffect(() => {
    if (focusFor.current !== key || !(settled || search.isError)) return;
    focusFor.current = null;
    heading.current?.focus();
  }, [key, settled, search.isError]);

  const go = (next: SearchFilters) => {
    const nextParams = toParams(next);
    // The same search again: asked afresh (there may be new posts), focus on the results that are there.
    if (nextParams.toString() === key) {
      if (next.q.trim()) void search.refetch();
      heading.current?.focus();
      return;
    }
    focusFor.current = nextParams.toString();
    setParams(nextParams);
  };

  const first = search.data?.pages[0];
  const hits = uniqueThreads(search.data?.pages.flatMap((p) => p.hits) ?? []);
  const missing = search.error instanceof ApiError && search.error.status === 404;

  return (
    <>
      <PageTitle>{nlSearch.page.title}</PageTitle>
      <p>{nlSearch.page.intro}</p>
      {/* A new address (back button, a suggestion) fills the form afresh. */}
      <SearchForm key={key} filters={filters} authorName={member.data?.member.displayName} onSearch={go} />
      {missing ? <p>{nlSearch.page.unavailable}</p> : <ErrorMessage error={search.error} />}
      {filters.q && search.isPending && <Loading />}
      {/* On the page from the start: a live region must exist before its text changes to be read out. */}
      <p className="visually-hidden" role="status">
        {first && settled ? announceOutcome(first, hits.length, search.hasNextPage, first.guideLinks.length) : ''}
      </p>
      {first && (
        <SearchResults
          outcome={first}
          hits={hits}
          pages={search}
          categoryOf={(slug) => bySlug.get(slug)}
          suggestionHref={(q) => `/zoeken?${toParams({ ...filters, q }).toString()}`}
          onSuggestion={(q) => {
            focusFor.current = toParams({ ...filters, q }).toString();
          }}
          headingRef={heading}
          stale={search.isPlaceholderData}
          guideLinks={first.guideLinks}
        />
      )}
    </>
  );
}
