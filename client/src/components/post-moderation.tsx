import type { Post } from '../../../shared/api/forum';
import { usePostRemoval, useRestorePost } from '../api/moderation';
import { nlForum } from '../i18n/nl-forum';
import { nlModeration } from '../i18n/nl-moderation';
import { Icon } from './icons';
import { ReasonDialog } from './reason-dialog';

/**
 * A moderator's controls on one post: hide, restore, and the reason dialog for hiding or deleting someone else's
 * post. Its own chunk (post-item.tsx loads it lazily, for moderators only), so members never download it.
 * `thenFocus`: post-item's hand-over of focus once the action's outcome is on the page.
 */
type ThenFocus = (action: Promise<unknown>, before?: () => void) => void;

export function HidePostButton({ onClick }: { onClick: () => void }) {
  return (
    <button type="button" className="link-button action" onClick={onClick}>
      <Icon name="hide" />
      {nlModeration.hidePost}
    </button>
  );
}

export function RestorePostButton({ post, thenFocus }: { post: Post; thenFocus: ThenFocus }) {
  const restore = useRestorePost(post.threadId);
  return (
    <button type="button" className="link-button action" aria-disabled={restore.isPending} onClick={() => !restore.isPending && thenFocus(restore.mutateAsync(post.id))}>
      <Icon name="show" />
      {nlForum.thread.restore}
    </button>
  );
}

export function PostRemovalDialog({ post, action, thenFocus, onClose }: { post: Post; action: 'hide' | 'delete'; thenFocus: ThenFocus; onClose: () => void }) {
  const removal = usePostRemoval(post.threadId, action);
  const hide = action === 'hide';
  return (
    <ReasonDialog
      title={hide ? nlModeration.hidePostTitle(post.author.displayName) : nlModeration.deleteOtherTitle(post.author.displayName)}
      reasonLabel={nlModeration.authorReason}
      confirmLabel={hide ? nlModeration.hidePost : nlForum.thread.delete}
      templates={nlModeration.templates.post}
      pending={removal.isPending}
      error={removal.error}
      onClose={onClose}
      onConfirm={(reason) => !removal.isPending && thenFocus(removal.mutateAsync({ postId: post.id, reason }), onClose)}
    >
      <p>{hide ? nlModeration.hidePostExplain : nlModeration.deleteOtherExplain}</p>
    </ReasonDialog>
  );
}
