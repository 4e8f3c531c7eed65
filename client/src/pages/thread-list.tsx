import { useEffect, useRef } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { ThreadFilter, ThreadSort } from '../../../shared/api/forum';
import { useCategories, useThreads } from '../api/forum';
import { CategoryBadges } from '../components/category-badges';
import { categoryColorClass, CategoryMark } from '../components/category-icon';
import { LoadMore } from '../components/load-more';
import { PageTitle } from '../components/page-title';
import { Loading, PageError } from '../components/states';
import { ThreadLink } from '../components/thread-link';
import { ThreadListControls } from '../components/thread-list-controls';
import { CategoryWatchControl } from '../components/watch-control';
import { nl } from '../i18n/nl';
import { nlForum } from '../i18n/nl-forum';
import { nlKnowledge } from '../i18n/nl-knowledge';
import { nlMembers } from '../i18n/nl-members';
import { useLive } from '../live/live-context';

export default function ThreadList() {
  const { slug = '' } = useParams();
  const categories = useCategories();
  const category = categories.data?.categories.find((c) => c.slug === slug);
  // The filter and the order live in the address (?filter=solved&sort=reactions), so a list can be linked and kept.
  // The filter only where threads are questions; until the category is known, the address is trusted.
  const [params, setParams] = useSearchParams();
  const asked = params.get('filter');
  const filter: ThreadFilter | undefined = (asked === 'solved' || asked === 'unsolved') && category?.expectsAnswers !== false ? asked : undefined;
  const sort: ThreadSort | undefined = params.get('sort') === 'reactions' ? 'reactions' : undefined;
  const threads = useThreads(slug, { filter, sort });
  const { client } = useLive();
  const list = useRef<HTMLUListElement>(null);

  // New threads in this category arrive live (the live context refreshes the list).
  useEffect(() => {
    if (!client) return;
    client.subscribeCategory(slug);
    return () => client.unsubscribeCategory(slug);
  }, [client, slug]);

  if (threads.isError) return <PageError error={threads.error} retry={() => void threads.refetch()} />;
  const items = threads.data?.pages.flatMap((p) => p.threads) ?? [];
  return (
    <>
      <nav aria-label={nl.nav.breadcrumb} className="breadcrumb">
        <Link to="/forum">{nl.nav.forum}</Link>
      </nav>
      <PageTitle title={category?.name ?? slug}>
        {category ? (
          <span className="title-with-mark">
            <CategoryMark category={category} size="large" />
            <span>{category.name}</span>
          </span>
        ) : (
          slug
        )}
      </PageTitle>
      {category && <CategoryBadges category={category} />}
      {category?.description && <p>{category.description}</p>}
      {/* Archived: read-only, so nothing to start here; said once, where the button would be. Neither is shown
          before the category is known, so the button never flashes up on an archived one. */}
      {category &&
        (category.archived ? (
          <p className="notice">{nlForum.categories.archivedNotice}</p>
        ) : (
          <p>
            <Link className="button" to={`/nieuw?categorie=${encodeURIComponent(slug)}`}>
              {nlForum.categories.newThread}
            </Link>
          </p>
        ))}
      {/* Watching tells of new threads, and an archived category gets none. */}
      {category && !category.archived && <CategoryWatchControl slug={category.slug} value={category.watch} />}
      {category && (
        <ThreadListControls
          filter={category.expectsAnswers ? (filter ?? 'all') : null}
          sort={sort ?? 'activity'}
          shown={threads.isPending ? null : { count: items.length, more: threads.hasNextPage }}
          onChange={(key, value) =>
            setParams(
              (current) => {
                const next = new URLSearchParams(current);
                // The defaults are left out of the address.
                if (value === 'all' || value === 'activity') next.delete(key);
                else next.set(key, value);
                return next;
              },
              { replace: true },
            )
          }
        />
      )}
      {threads.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        <p className="empty">
          {filter === 'solved'
            ? nlKnowledge.list.emptySolved
            : filter === 'unsolved'
              ? nlKnowledge.list.emptyUnsolved
              : category?.archived
                ? nlForum.threads.emptyArchived
                : nlForum.threads.empty}
        </p>
      ) : (
        <ul className="card-list" ref={list}>
          {items.map((t) => {
            const unread = t.unreadCount === null ? nlForum.threads.neverRead : t.unreadCount ? nlForum.threads.unread(t.unreadCount) : null;
            return (
              <li key={t.id} className={`card thread-item${t.pinned ? ' pinned' : ''}${unread ? ' unread' : ''}${category ? ` ${categoryColorClass(category.color)}` : ''}`}>
                <h2 className="card-title">
                  <ThreadLink thread={t}>{t.title}</ThreadLink>
                </h2>
                <p className="badges">
                  {t.solved && <span className="badge solved">{nlKnowledge.solved}</span>}
                  {t.pinned && <span className="badge">{nlForum.threads.pinned}</span>}
                  {t.locked && <span className="badge">{nlForum.threads.locked}</span>}
                  {t.hidden && <span className="badge warn">{nlForum.threads.hidden}</span>}
                  {unread && <span className="badge new">{unread}</span>}
                </p>
                <p className="meta">
                  {nlMembers.startedBy} <Link to={`/leden/${t.author.id}`}>{t.author.displayName}</Link> · {nlForum.threads.posts(t.postCount)} · {nlForum.threads.lastPost}{' '}
                  <time dateTime={t.lastPostAt}>{nl.time.format(t.lastPostAt)}</time>
                  {t.reactionCount > 0 && ` · ${nlKnowledge.list.reactionCount(t.reactionCount)}`}
                </p>
              </li>
            );
          })}
        </ul>
      )}
      <LoadMore pages={threads} list={list} />
    </>
  );
}
