import { useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { RecentTab } from '../../../shared/api/forum';
import { useCategories } from '../api/forum';
import { useRecentThreads } from '../api/reading';
import { categoryColorClass } from '../components/category-icon';
import { CategoryTag } from '../components/category-tag';
import { LoadMore } from '../components/load-more';
import { PageTitle } from '../components/page-title';
import { Loading, PageError } from '../components/states';
import { ThreadLink } from '../components/thread-link';
import { nl } from '../i18n/nl';
import { nlForum } from '../i18n/nl-forum';
import { nlKnowledge } from '../i18n/nl-knowledge';
import { nlReading } from '../i18n/nl-reading';

const t = nlReading.start;
const START_PATH = '/nieuw-en-ongelezen';

/**
 * The tabs as the address names them (?tab=ongelezen), in the order shown; Laatste, the first, needs no name.
 * Written out rather than imported from the contract, which would bring its schema library into this page.
 */
const TABS = [
  ['latest', null],
  ['unread', 'ongelezen'],
  ['new', 'nieuw'],
] as const satisfies readonly (readonly [RecentTab, string | null])[];

/**
 * "Nieuw en ongelezen": what happened across every category she may read, for the member who comes back once a week.
 * The tabs are links (each list has its own address, the back button goes to the tab before) marked aria-current,
 * so they are reached with Tab and followed with Enter like any link; focus stays on the tab followed.
 */
export default function StartPage() {
  const [params] = useSearchParams();
  const tab: RecentTab = TABS.find(([, word]) => word !== null && word === params.get('tab'))?.[0] ?? 'latest';
  const threads = useRecentThreads(tab);
  const categories = useCategories();
  const list = useRef<HTMLUListElement>(null);
  const categoryOf = (slug: string) => categories.data?.categories.find((c) => c.slug === slug);
  const items = threads.data?.pages.flatMap((p) => p.threads) ?? [];

  return (
    <>
      <PageTitle>{t.title}</PageTitle>
      <p>{t.intro}</p>
      <nav aria-label={t.tabs} className="subnav recent-tabs">
        <ul className="nav-list">
          {TABS.map(([value, word]) => (
            <li key={value}>
              <Link to={{ pathname: START_PATH, search: word ? `?tab=${word}` : '' }} aria-current={value === tab ? 'page' : undefined}>
                {t.tab[value]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {threads.isError ? (
        <PageError error={threads.error} retry={() => void threads.refetch()} />
      ) : threads.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        <p className="empty">{t.empty[tab]}</p>
      ) : (
        <ul className="card-list" ref={list} aria-label={t.list[tab]}>
          {items.map((thread) => {
            const unread = thread.unreadCount === null ? nlForum.threads.neverRead : thread.unreadCount ? nlForum.threads.unread(thread.unreadCount) : null;
            const category = categoryOf(thread.categorySlug);
            return (
              <li key={thread.id} className={`card thread-item${unread ? ' unread' : ''}${category ? ` ${categoryColorClass(category.color)}` : ''}`}>
                <h2 className="card-title">
                  <ThreadLink thread={thread}>{thread.title}</ThreadLink>
                </h2>
                <p className="badges">
                  {thread.solved && <span className="badge solved">{nlKnowledge.solved}</span>}
                  {thread.hidden && <span className="badge warn">{nlForum.threads.hidden}</span>}
                  {unread && <span className="badge new">{unread}</span>}
                </p>
                <p className="meta">
                  {t.inCategory}{' '}
                  {category ? <CategoryTag category={category} /> : <Link to={`/forum/${thread.categorySlug}`}>{thread.categorySlug}</Link>} · {nlForum.threads.posts(thread.postCount)} · {t.lastPost}{' '}
                  <time dateTime={thread.lastPostAt}>{nl.time.format(thread.lastPostAt)}</time>
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
