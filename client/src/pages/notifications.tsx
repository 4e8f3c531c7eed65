import { useEffect, useRef, useState } from 'react';
import { Navigate } from 'react-router';
import { useMe } from '../api/auth';
import { useMarkRead, useNotifications } from '../api/notification-list';
import { LoadMore } from '../components/load-more';
import { PageTitle } from '../components/page-title';
import { ErrorMessage, Loading, PageError } from '../components/states';
import { nl } from '../i18n/nl';
import { nlNotifications as t } from '../i18n/nl-notifications';

/** The server takes at most this many ids in one "read" request. */
const READ_BATCH = 100;

function NotificationList() {
  const list = useNotifications();
  const markRead = useMarkRead();
  const [notice, setNotice] = useState('');
  // Ids already sent as read in this visit, so a re-render or a refetch does not send them again.
  const sent = useRef(new Set<number>());
  const listRef = useRef<HTMLUListElement>(null);
  const items = list.data?.pages.flatMap((p) => p.notifications) ?? [];

  // Showing a notification is reading it: mark the loaded unread ones read (they keep their "new" mark until the next visit).
  const { mutate } = markRead;
  const fresh = items.filter((n) => n.readAt === null && !sent.current.has(n.id)).map((n) => n.id);
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
            <li key={n.id} className={n.readAt === null ? 'unread' : undefined}>
              {n.readAt === null && <span className="badge new">{t.unread}</span>} <span>{n.message}</span>{' '}
              <time className="meta" dateTime={n.createdAt}>
                {nl.time.format(n.createdAt)}
              </time>
            </li>
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
      <NotificationList />
    </>
  );
}
