import type { Thread } from '../../../shared/api/forum';
import { useThreadPatch } from '../api/moderation';
import { nlForum } from '../i18n/nl-forum';
import { ErrorMessage } from './states';

/** Pin and lock, for moderators, on the thread itself. */
export function ThreadModeration({ thread }: { thread: Thread }) {
  const change = useThreadPatch(thread.id);
  const t = nlForum.thread;
  return (
    <div className="actions mod-actions" role="group" aria-label={t.moderate}>
      <button type="button" className="secondary" disabled={change.isPending} onClick={() => change.mutate({ pinned: !thread.pinned })}>
        {thread.pinned ? t.unpin : t.pin}
      </button>
      <button type="button" className="secondary" disabled={change.isPending} onClick={() => change.mutate({ locked: !thread.locked })}>
        {thread.locked ? t.unlock : t.lock}
      </button>
      <ErrorMessage error={change.error} />
    </div>
  );
}
