import { useEffect, useRef, useState } from 'react';
import { Link, Navigate } from 'react-router';
import type { Notification } from '../../../shared/api/notifications';
import { useMe } from '../api/auth';
import { useMarkRead, useNotifications } from '../api/notification-list';
import { LoadMore } from '../components/load-more';
import { PageTitle } from '../components/page-title';
import { ErrorMessage, Loading, PageError } from '../components/states';
import { nl } from '../i18n/nl';
import { nlNotifications as t } from '../i18n/nl-notifications';

/** The server takes at most this many ids in one "read" request. */
const READ_BATCH = 100;

/** A click that opens the link elsewhere (a new tab or window) still counts as following it. */
function NotificationItem({ n, onFollow }: { n: Notification; onFollow: (id: number) => void }) {
  const unread = n.readAt === null;
  return (
    <li className={unread ? 'unread' : undefined}>
      {unread && <span className="badge new">{t.unread}</span>}{' '}
      {n.link ? (
        <Link to={n.link} onClick={() => unread && onFollow(n.id)} onAuxClick={(e) => e.button === 1 && unread && onFollow(n.id)}>
          {n.message}
        </Link>
      ) : (
        <span>{n.message}</span>
      )}{' '}
      <time className="meta" dateTime={n.updatedAt}>
        {nl.time.format(n.updatedAt)}
      </time>
    </li>
  );
}

/**
 * The list. A notification with a link (a post, the moderation queue) is read when it is followed, not when it is
 * seen: a member who opens this page and follows one of three keeps the other two marked, and the header keeps
 * counting them until she has been there or presses "Alles als gelezen markeren". That is what "marks itself read
 * when followed" asks, and it is how a reader who visits once a week works through what happened: looking at the
 * list must not lose her place. A notification without a link (an account decision) has nowhere to go: reading it
 * here is all there is, so showing it marks it read, as before (it keeps its "new" mark for this visit).
 */
function NotificationList() {
  const list = useNotifications();
  const markRead = useMarkRead();
  const [notice, setNotice] = useState('');
  // Ids already sent as read in this visit, so a re-render or a refetch does not send them again.
  const sent = useRef(new Set<number>());
  const listRef = useRef<HTMLUListElement>(null);
  const items = list.data?.pages.flatMap((p) => p.notifications) ?? [];

  const { mutate } = markRead;
  const fresh = items.filter((n) => n.readAt === null && n.link === null && !sent.current.has(n.id)).map((n) => n.id);
  const freshKey = fresh.join(',');
  useEffect(() => {
    if (!freshKey) return;
    // Filtered again: StrictMode runs this effect twice with the same key.
    const ids = freshKey
      .split(',')
      .map(Number)
      .filter((id) => !sent.current.has(id));
    for (const id of ids) sent.current.add(id);
    for (let i = 0; i < ids.length; i += READ_BATCH) mutate({ ids: ids.slice(i, i + READ_BATCH) });
  }, [freshKey, mutate]);

  // Sent as the link is followed; the request finishes after this page has gone (the hook, not this call, updates the count).
  const follow = (id: number) => {
    sent.current.add(id);
    mutate({ ids: [id], followed: true });
  };

  if (list.isError) return <PageError error={list.error} retry={() => void list.refetch()} />;
  if (list.isPending) return <Loading />;
  return (
    <>
      <p role="status">{notice}</p>
      {/* Always there once there is something to mark: a button that vanished under the reader's focus would strand it.
          For the same reason aria-disabled while a request runs, not disabled: Chrome takes focus from a disabled button. */}
      {items.length > 0 && (
        <button
          type="button"
          className="secondary"
          aria-disabled={markRead.isPending}
          onClick={() => !markRead.isPending && markRead.mutate({ all: true }, { onSuccess: () => setNotice(t.allRead) })}
        >
          {t.markAll}
        </button>
      )}
      <ErrorMessage error={markRead.error} />
      {items.length === 0 ? (
        <p className="empty">{t.empty}</p>
      ) : (
        <ul className="notification-list" aria-label={t.list} ref={listRef}>
          {items.map((n) => (
            <NotificationItem key={n.id} n={n} onFollow={follow} />
          ))}
        </ul>
      )}
      <LoadMore pages={list} list={listRef} />
    </>
  );
}

/** /meldingen: for every logged-in account, whatever its status (a suspended member reads why here). */
export default function NotificationsPage() {
  const me = useMe();
  if (me.isPending) return <Loading />;
  if (me.isError) return <PageError error={me.error} retry={() => void me.refetch()} />;
  if (!me.data) return <Navigate to="/inloggen?terug=%2Fmeldingen" replace />;
  return (
    <>
      <PageTitle>{t.title}</PageTitle>
      <p className="muted">{t.intro}</p>
      {me.data.status === 'active' && (
        <p>
          <Link to="/profiel#meldingen-en-email">{t.settings}</Link>
        </p>
      )}
      <NotificationList />
    </>
  );
}
