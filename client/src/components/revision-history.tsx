import { diffWords } from 'diff';
import type { Post, Revision } from '../../../shared/api/forum';
import { useRevisions } from '../api/forum';
import { nl } from '../i18n/nl';
import { nlForum } from '../i18n/nl-forum';
import { Dialog } from './dialog';
import { ErrorMessage, Loading } from './states';

const t = nlForum.thread;

/** One edit: the text before it against the text after it, word by word (the Markdown as it was written). */
function Change({ before, after }: { before: string; after: string }) {
  return (
    <pre className="revision-diff">
      {diffWords(before, after).map((part, i) =>
        part.removed ? (
          <del key={i}>
            <span className="visually-hidden">{t.historyRemoved}</span>
            {part.value}
          </del>
        ) : part.added ? (
          <ins key={i}>
            <span className="visually-hidden">{t.historyAdded}</span>
            {part.value}
          </ins>
        ) : (
          <span key={i}>{part.value}</span>
        ),
      )}
    </pre>
  );
}

/**
 * A post's edit history, for its author and moderators, opened from the "bewerkt" marker. Each revision holds the
 * text an edit replaced (server: forum/writes.ts editPost), so edit k turned revision k into revision k + 1, the
 * last one into the current text. Newest edit first.
 */
export function RevisionHistory({ post, onClose }: { post: Post & { body: string }; onClose: () => void }) {
  const revisions = useRevisions(post.id, true);
  const list: Revision[] = revisions.data?.revisions ?? [];
  const edits = list.map((revision, k) => ({ revision, before: revision.body, after: list[k + 1]?.body ?? post.body })).reverse();
  return (
    <Dialog title={t.history} open onClose={onClose}>
      <ErrorMessage error={revisions.error} />
      {revisions.isPending ? (
        <Loading />
      ) : edits.length === 0 ? (
        <p>{t.historyEmpty}</p>
      ) : (
        <>
          <p className="muted">{t.historyExplain}</p>
          <ol className="revisions">
            {edits.map(({ revision, before, after }) => (
              <li key={revision.id}>
                <h3>{t.historyEdit(revision.editedBy?.displayName ?? null, nl.time.format(revision.createdAt))}</h3>
                <Change before={before} after={after} />
              </li>
            ))}
          </ol>
        </>
      )}
    </Dialog>
  );
}
