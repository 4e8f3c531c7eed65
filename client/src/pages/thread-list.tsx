import { useEffect, useRef } from 'react';
import { Link, useParams } from 'react-router';
import { useCategories, useThreads } from '../api/forum';
import { CategoryBadges } from '../components/category-badges';
import { CategoryMark } from '../components/category-icon';
import { LoadMore } from '../components/load-more';
import { PageTitle } from '../components/page-title';
import { Loading, PageError } from '../components/states';
import { CategoryWatchControl } from '../components/watch-control';
import { nl } from '../i18n/nl';
import { nlForum } from '../i18n/nl-forum';
import { useLive } from '../live/live-context';

export default function ThreadList() {
  const { slug = '' } = useParams();
  const categories = useCategories();
  const threads = useThreads(slug);
  const { client } = useLive();
  const category = categories.data?.categories.find((c) => c.slug === slug);
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
      {threads.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        <p className="empty">{category?.archived ? nlForum.threads.emptyArchived : nlForum.threads.empty}</p>
      ) : (
        <ul className="card-list" ref={list}>
          {items.map((t) => {
            const unread = t.unreadCount === null ? nlForum.threads.neverRead : t.unreadCount ? nlForum.threads.unread(t.unreadCount) : null;
            return (
              <li key={t.id} className={`card thread-item${t.pinned ? ' pinned' : ''}${unread ? ' unread' : ''}`}>
                <h2 className="card-title">
                  <Link to={`/discussie/${t.id}`}>{t.title}</Link>
                </h2>
                <p className="badges">
                  {t.pinned && <span className="badge">{nlForum.threads.pinned}</span>}
                  {t.locked && <span className="badge">{nlForum.threads.locked}</span>}
                  {t.hidden && <span className="badge warn">{nlForum.threads.hidden}</span>}
                  {unread && <span className="badge new">{unread}</span>}
                </p>
                <p className="meta">
                  {nlForum.threads.by(t.author.displayName)} · {nlForum.threads.posts(t.postCount)} · {nlForum.threads.lastPost}{' '}
                  <time dateTime={t.lastPostAt}>{nl.time.format(t.lastPostAt)}</time>
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
