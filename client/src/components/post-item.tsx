import { lazy, memo, Suspense, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { Post } from '../../../shared/api/forum';
import type { User } from '../../../shared/api/users';
import { moderates } from '../api/auth';
import { reportPost, useDeletePost, useEditPost } from '../api/forum';
import { nl } from '../i18n/nl';
import { nlConversationsNav } from '../i18n/nl-conversations-nav';
import { nlForum } from '../i18n/nl-forum';
import { SolutionBlock, SolutionLabel, SolutionToggle } from './best-answer';
import { Avatar } from './avatar';
import { BookmarkControl } from './bookmark-control';
import { Composer } from './composer';
import { Dialog } from './dialog';
import { Icon } from './icons';
import { PostReactions } from './post-reactions';
import { postAnchor, selectedHtml } from './quote';
import { ReportDialog } from './report-dialog';
import { HidePostButton, PostRemovalDialog, RestorePostButton } from './staff-parts';
import { ErrorMessage } from './states';
import { textErrors } from './form-errors';

export { postAnchor };

// The revision history, opened on request, comes in its own chunk; moderators' controls too (staff-parts.tsx).
const RevisionHistory = lazy(async () => ({ default: (await import('./revision-history')).RevisionHistory }));

/**
 * One post. Memoised: the thread page draws again on every key typed in its reply box and every live status, and a
 * post whose props did not change (the page passes the same post objects and callbacks) need not.
 */
export const PostItem = memo(function PostItem({
  post,
  viewer,
  replyTo,
  locked,
  archived = false,
  onReply,
  onQuote,
  focusPost,
}: {
  post: Post;
  viewer: User;
  replyTo: Post | undefined;
  locked: boolean;
  /** In an archived category: nobody replies, authors no longer edit, but may still delete their own post. */
  archived?: boolean;
  onReply: (post: Post) => void;
  /** `html`: the part of the post the reader selected, if any (quote.ts). */
  onQuote: (post: Post, html: string | null) => void;
  /** Focus this post, or the one now in its place, once the page shows the outcome of an action on it. */
  focusPost: (id: number) => void;
}) {
  const moderator = moderates(viewer);
  const own = post.author.id === viewer.id;
  const mayDelete = !post.deleted && (moderator || (own && !locked));
  const mayEdit = mayDelete && (moderator || !archived);
  // What moderation hid or its author deleted, where this viewer may not read it: only the fact is left.
  const placeholder = (post.deleted || post.hidden) && !post.bodyHtml;
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');
  const [confirming, setConfirming] = useState(false);
  // A moderator hiding or deleting someone else's post gives the author a reason; one's own post only asks.
  const [removing, setRemoving] = useState<'hide' | 'delete' | null>(null);
  const [reporting, setReporting] = useState(false);
  const [history, setHistory] = useState(false);
  const body = useRef<HTMLDivElement>(null);
  const edit = useEditPost(post.threadId);
  const remove = useDeletePost(post.threadId);
  const role = post.author.representativeRole;
  const editErrors = textErrors(edit.error, edit.variables?.body, draft);
  // After a delete or a restore the button that did it is gone: the thread page focuses the post, which now shows
  // the outcome ("Dit bericht is verwijderd."). Through the promise, not mutate's callbacks: the live event may
  // take the post off the page (and unmount this) before the refetch puts its placeholder back.
  const thenFocus = (action: Promise<unknown>, before?: () => void) =>
    void action.then(
      () => {
        before?.();
        focusPost(post.id);
      },
      () => {}, // shown by the ErrorMessage of the mutation
    );

  return (
    <article id={postAnchor(post.id)} className={`post${post.hidden ? ' hidden-post' : ''}`} aria-label={nlForum.thread.postLabel(post.author.displayName)} tabIndex={-1}>
      <header className="post-head">
        <Avatar id={post.author.id} displayName={post.author.displayName} avatarUrl={post.author.avatarUrl} size={32} />
        <Link className="author" to={`/leden/${post.author.id}`}>
          {post.author.displayName}
        </Link>
        {role && role !== 'lid' && (
          <span className="badge role">
            {nl.roles[role]}
            {post.author.representativeVerified && <span className="visually-hidden"> ({nlForum.thread.verified})</span>}
            {post.author.representativeVerified && <span aria-hidden="true"> ✓</span>}
          </span>
        )}
        {post.author.party && (
          <span className="meta">
            {post.author.party}
            {post.author.municipality ? `, ${post.author.municipality}` : ''}
          </span>
        )}
        <span className="meta">
          <a href={`#${postAnchor(post.id)}`}>
            <time dateTime={post.createdAt}>{nl.time.format(post.createdAt)}</time>
          </a>
          {post.editedAt && (
            <>
              {' · '}
              {/* Its author and moderators (who get the Markdown) may open the earlier versions. */}
              {post.body !== undefined ? (
                <button type="button" className="link-button" title={nl.time.format(post.editedAt)} aria-label={nlForum.thread.historyOpen} onClick={() => setHistory(true)}>
                  {nlForum.thread.edited}
                </button>
              ) : (
                <span title={nl.time.format(post.editedAt)}>{nlForum.thread.edited}</span>
              )}
            </>
          )}
        </span>
        {post.hidden && !placeholder && <span className="badge warn">{own && !moderator ? nlForum.thread.hiddenOwn : nlForum.thread.hidden}</span>}
        {/* Moderators still read a deleted post's text; this says it is gone for everyone else. */}
        {post.deleted && post.bodyHtml && <span className="badge warn">{nlForum.thread.deletedBadge}</span>}
        <SolutionLabel post={post} />
      </header>
      {post.replyToPostId !== null && (
        <p className="reply-to">
          <a href={`#${postAnchor(post.replyToPostId)}`}>{replyTo ? nlForum.thread.replyTo(replyTo.author.displayName) : nlForum.thread.replyToUnknown}</a>
        </p>
      )}
      {post.hiddenReason && <p className="hidden-reason">{nlForum.thread.hiddenReason(post.hiddenReason)}</p>}
      {placeholder ? (
        <p className="muted">{post.deleted ? nlForum.thread.deleted : nlForum.thread.hiddenPlaceholder}</p>
      ) : editing ? (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            // The form she saved from is gone: the post takes focus, showing its new text.
            edit.mutate({ id: post.id, body: draft }, {
              onSuccess: () => {
                setEditing(false);
                focusPost(post.id);
              },
            });
          }}
        >
          <ErrorMessage error={editErrors.general} />
          <Composer value={draft} onChange={setDraft} threadId={post.threadId} error={editErrors.text} />
          <div className="actions">
            <button type="submit" disabled={edit.isPending}>
              {nlForum.composer.saveEdit}
            </button>
            <button type="button" className="secondary" onClick={() => setEditing(false)}>
              {nl.common.cancel}
            </button>
          </div>
        </form>
      ) : (
        // bodyHtml is rendered from Markdown and sanitized by the server (sanitize-html); it is the only HTML we insert.
        <div className="post-body" ref={body} dangerouslySetInnerHTML={{ __html: post.bodyHtml }} />
      )}
      {!editing && !post.deleted && !placeholder && (
        <div className="post-actions">
          <PostReactions post={post} own={own} archived={archived} />
          {/* A hidden text is not passed on: no reply to it, no quote of it. */}
          {!locked && !archived && !post.hidden && (
            <>
              <button type="button" className="link-button action" onClick={() => onReply(post)}>
                <Icon name="reply" />
                {nlForum.thread.reply}
              </button>
              {/* Pressing the button must not take away the reader's selection: that is what she quotes. */}
              <button type="button" className="link-button action" onMouseDown={(e) => e.preventDefault()} onClick={() => onQuote(post, selectedHtml(body.current))}>
                <Icon name="quote" />
                {nlForum.thread.quote}
              </button>
            </>
          )}
          {mayEdit && post.body !== undefined && (
            <button
              type="button"
              className="link-button action"
              onClick={() => {
                setDraft(post.body ?? '');
                edit.reset();
                setEditing(true);
              }}
            >
              <Icon name="edit" />
              {nlForum.thread.edit}
            </button>
          )}
          {mayDelete && (
            <button
              type="button"
              className="link-button action action-danger"
              onClick={() => {
                if (own) return setConfirming(true);
                setRemoving('delete');
              }}
            >
              <Icon name="trash" />
              {nlForum.thread.delete}
            </button>
          )}
          {moderator && (
            <Suspense fallback={null}>{post.hidden ? <RestorePostButton post={post} thenFocus={thenFocus} /> : <HidePostButton onClick={() => setRemoving('hide')} />}</Suspense>
          )}
          {!own && !post.hidden && (
            <button type="button" className="link-button action" onClick={() => setReporting(true)}>
              <Icon name="flag" />
              {nlForum.thread.report}
            </button>
          )}
          {/* A private conversation with the author; the new-conversation page says so if she cannot be written to. */}
          {!own && (
            <Link className="link-button action" to={`/berichten/nieuw?aan=${post.author.id}`}>
              <Icon name="mail" />
              {nlConversationsNav.sendMessage}
            </Link>
          )}
          <SolutionToggle post={post} />
          <BookmarkControl post={post} />
        </div>
      )}
      <SolutionBlock post={post} />
      {confirming && (
        <Dialog title={nlForum.thread.deleteTitle} open={confirming} onClose={() => setConfirming(false)}>
          <p>{nlForum.thread.confirmDelete}</p>
          <ErrorMessage error={remove.error} />
          <div className="actions">
            <button
              type="button"
              className="danger"
              aria-disabled={remove.isPending}
              onClick={() => !remove.isPending && thenFocus(remove.mutateAsync(post.id), () => setConfirming(false))}
            >
              {nlForum.thread.delete}
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>
              {nl.common.cancel}
            </button>
          </div>
        </Dialog>
      )}
      {removing && (
        <Suspense fallback={null}>
          {/* Keyed by the action: a fresh mutation (no stale error) each time the dialog opens. */}
          <PostRemovalDialog key={removing} post={post} action={removing} thenFocus={thenFocus} onClose={() => setRemoving(null)} />
        </Suspense>
      )}
      {history && post.body !== undefined && (
        <Suspense fallback={null}>
          <RevisionHistory post={{ ...post, body: post.body }} onClose={() => setHistory(false)} />
        </Suspense>
      )}
      {reporting && <ReportDialog texts={nlForum.report} send={reportPost(post.id)} open={reporting} onClose={() => setReporting(false)} />}
    </article>
  );
});
