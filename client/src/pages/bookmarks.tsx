import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { postAnchor } from '../components/quote';
import type { Bookmark } from '../../../shared/api/bookmarks';
import { useBookmarks, useRemoveBookmark } from '../api/bookmarks';
import { BookmarkDialog } from '../components/bookmark-dialog';
import { LoadMore } from '../components/load-more';
import { PageTitle } from '../components/page-title';
import { ErrorMessage, Loading, PageError } from '../components/states';
import { nl } from '../i18n/nl';
import { nlSaving } from '../i18n/nl-saving';

const t = nlSaving.page;

function BookmarkItem({ bookmark: b, busy, onEdit, onRemove }: { bookmark: Bookmark; busy: boolean; onEdit: () => void; onRemove: () => void }) {
  const titleId = `bewaard-${b.id}`;
  return (
    <li className={`bookmark-item${b.available ? '' : ' unavailable'}`}>
      {b.available && b.threadId !== null ? (
        <>
          <h2 className="bookmark-title" id={titleId}>
            <Link to={`/discussie/${b.threadId}#${postAnchor(b.postId)}`}>{b.threadTitle}</Link>
          </h2>
          <p className="meta">
            {b.author && (
              <>
                {t.by}
                <Link to={`/leden/${b.author.id}`}>{b.author.displayName}</Link>
              </>
            )}
            {b.postCreatedAt && (
              <>
                {b.author && ' · '}
                <time dateTime={b.postCreatedAt}>{nl.time.format(b.postCreatedAt)}</time>
              </>
            )}
          </p>
          {b.excerpt && <p className="bookmark-excerpt">{b.excerpt}</p>}
        </>
      ) : (
        // Gone or closed to her: the bookmark says so, never what the post said.
        <h2 className="bookmark-title" id={titleId}>
          {t.unavailable}
        </h2>
      )}
      {b.note && (
        <p className="bookmark-note-text">
          <span className="bookmark-label">{t.note}</span> {b.note}
        </p>
      )}
      <p className="meta">
        {b.remindedAt ? t.remindedAt(b.remindedAt) : b.remindAt ? t.remindAt(b.remindAt) : t.savedAt(b.createdAt)}
      </p>
      {/* The buttons repeat on every item: the title describes which one they act on. */}
      <div className="row-actions">
        {b.available && (
          <button type="button" className="secondary" aria-describedby={titleId} aria-haspopup="dialog" onClick={onEdit}>
            {t.edit}
          </button>
        )}
        <button type="button" className="secondary" aria-describedby={titleId} aria-disabled={busy} onClick={() => !busy && onRemove()}>
          {t.remove}
        </button>
      </div>
    </li>
  );
}

/**
 * /bewaard: the posts she saved, newest first, with her notes and reminders. Letting one go takes it off the list at
 * once; focus then goes to the item now in its place (or the one before, or the page's heading), since the button
 * she pressed went with it.
 */
export default function BookmarksPage() {
  const list = useBookmarks();
  const remove = useRemoveBookmark();
  const [editing, setEditing] = useState<Bookmark | null>(null);
  const [status, setStatus] = useState('');
  // Where the removed item was, to focus what is there now; acted on once no dialog is open (focus cannot go behind it).
  const [refocus, setRefocus] = useState<number | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const items = list.data?.pages.flatMap((p) => p.bookmarks) ?? [];

  useEffect(() => {
    if (refocus === null || editing) return;
    setRefocus(null);
    const el = listRef.current;
    const item = el?.children[Math.min(refocus, el.children.length - 1)];
    if (!(item instanceof HTMLElement)) return document.getElementById('main-heading')?.focus();
    const link = item.querySelector<HTMLElement>('a[href]');
    if (link) return link.focus();
    item.tabIndex = -1;
    item.focus();
  }, [refocus, editing, items.length]);

  const removed = (b: Bookmark) => {
    setRefocus(items.findIndex((i) => i.id === b.id));
    setStatus(t.removed(b.threadTitle));
  };

  return (
    <>
      <PageTitle>{t.title}</PageTitle>
      <p className="muted">{t.intro}</p>
      <p role="status">{status}</p>
      {list.isError ? (
        <PageError error={list.error} retry={() => void list.refetch()} />
      ) : list.isPending ? (
        <Loading />
      ) : (
        <>
          <ErrorMessage error={remove.error} />
          {items.length === 0 ? (
            <p className="empty">{t.empty}</p>
          ) : (
            <ul className="bookmark-list" aria-label={t.list} ref={listRef}>
              {items.map((b) => (
                <BookmarkItem
                  key={b.id}
                  bookmark={b}
                  busy={remove.isPending}
                  onEdit={() => {
                    setStatus('');
                    setEditing(b);
                  }}
                  onRemove={() => {
                    setStatus('');
                    remove.mutate({ postId: b.postId, threadId: b.threadId }, { onSuccess: () => removed(b) });
                  }}
                />
              ))}
            </ul>
          )}
          <LoadMore pages={list} list={listRef} />
        </>
      )}
      {editing && (
        <BookmarkDialog
          postId={editing.postId}
          threadId={editing.threadId}
          existing={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            setStatus(t.updated);
          }}
          onRemoved={() => {
            removed(editing);
            setEditing(null);
          }}
        />
      )}
    </>
  );
}
