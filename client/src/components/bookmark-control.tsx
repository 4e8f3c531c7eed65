import { useState } from 'react';
import type { Post } from '../../../shared/api/forum';
import { useBookmarkOf } from '../api/bookmarks';
import { nlSaving } from '../i18n/nl-saving';
import { BookmarkDialog } from './bookmark-dialog';
import { Icon } from './icons';

/**
 * "Bewaren" / "Bewaard" under a post she can read. A toggle (aria-pressed) whose press opens the dialog: to save
 * with a note and a reminder, or, once saved, to change those or let it go. The thread's cache gets the new state
 * (api/bookmarks.ts), so the button follows.
 */
export function BookmarkControl({ post }: { post: Post }) {
  // Whether it was saved when the dialog opened: saving flips the post's state before the dialog has closed.
  const [open, setOpen] = useState<{ saved: boolean } | null>(null);
  const saved = post.bookmarked === true;
  const lookup = useBookmarkOf(post.id, open?.saved === true);
  // Only an answer fetched for this opening (a cached one may predate a change made elsewhere). Saved, but not in
  // her list (let go in another tab meanwhile): the dialog starts empty, as for a new one.
  const known = lookup.isSuccess && !lookup.isFetching ? (lookup.data ?? { note: '', remindAt: null, remindedAt: null }) : undefined;
  return (
    <>
      {/* Once saved it reads "Bewaard" beside a filled mark, in bold: the state shows in its shape and words. */}
      <button type="button" className="link-button action bookmark-toggle" aria-pressed={saved} aria-haspopup="dialog" onClick={() => setOpen({ saved })}>
        <Icon name="bookmark" filled={saved} />
        {saved ? nlSaving.bookmark.saved : nlSaving.bookmark.save}
      </button>
      {open && (
        <BookmarkDialog
          postId={post.id}
          threadId={post.threadId}
          existing={open.saved ? known : null}
          loadError={open.saved ? lookup.error : null}
          onClose={() => setOpen(null)}
        />
      )}
    </>
  );
}
