import { useId, useState } from 'react';
import { Link } from 'react-router';
import type { Post } from '../../../shared/api/forum';
import { REACTION_KINDS } from '../../../shared/constants';
import { useReaction, useReactors } from '../api/knowledge';
import { nlKnowledge } from '../i18n/nl-knowledge';
import { Dialog } from './dialog';
import { ErrorMessage, Loading } from './states';

const t = nlKnowledge.reactions;

/**
 * "Bedankt" and "Nuttig" under a post: toggle buttons (aria-pressed) with their counts for other members' posts; on
 * her own post only the counts, as text (the server refuses a reaction to one's own post), as in an archived category
 * (read-only) and on a hidden post its author or a moderator still reads. "wie?" opens who reacted. Nothing on a
 * deleted post or a placeholder: there is nothing readable to appreciate.
 */
export function PostReactions({ post, own, archived = false }: { post: Post; own: boolean; archived?: boolean }) {
  const react = useReaction(post.threadId, post.id);
  const [who, setWho] = useState(false);
  if (post.deleted || (post.hidden && !post.bodyHtml)) return null;
  const total = post.reactions.thanks + post.reactions.useful;
  const mine = post.myReactions ?? [];
  const buttons = !own && !post.hidden && !archived;

  return (
    <>
      {buttons ? (
        <span role="group" aria-label={t.group} className="reactions">
          {REACTION_KINDS.map((kind) => {
            const pressed = mine.includes(kind);
            return (
              <button
                key={kind}
                type="button"
                className="reaction"
                aria-pressed={pressed}
                // aria-disabled, not disabled: focus stays on the button while the server answers.
                aria-disabled={react.isPending}
                onClick={() => !react.isPending && react.mutate({ kind, on: !pressed })}
              >
                {/* Pressed is not told by colour alone: a check mark too (the state itself is aria-pressed). */}
                {pressed && (
                  <span aria-hidden="true" className="reaction-check">
                    ✓
                  </span>
                )}
                {t.kinds[kind]} <span className="reaction-count">{post.reactions[kind]}</span>
              </button>
            );
          })}
        </span>
      ) : (
        total > 0 && (
          <span className="meta reaction-counts">
            {REACTION_KINDS.filter((kind) => post.reactions[kind] > 0)
              .map((kind) => t.counted[kind](post.reactions[kind]))
              .join(' · ')}
          </span>
        )
      )}
      {total > 0 && (
        <button type="button" className="link-button" onClick={() => setWho(true)}>
          {t.who}
          <span className="visually-hidden"> {t.whoExplain}</span>
        </button>
      )}
      <ErrorMessage error={react.error} />
      {who && <Reactors post={post} onClose={() => setWho(false)} />}
    </>
  );
}

/** Who reacted, per kind, oldest first (the server's order); each name links to the member's page. */
function Reactors({ post, onClose }: { post: Post; onClose: () => void }) {
  const reactors = useReactors(post.id, true);
  const id = useId();
  return (
    <Dialog title={t.whoTitle(post.author.displayName)} open onClose={onClose}>
      {reactors.isPending ? (
        <Loading />
      ) : reactors.isError ? (
        <ErrorMessage error={reactors.error} />
      ) : (
        REACTION_KINDS.map((kind) => {
          const members = reactors.data[kind];
          return (
            <div key={kind} className="reactors">
              <h3 id={`${id}-${kind}`}>
                {t.kinds[kind]} ({members.length})
              </h3>
              {members.length === 0 ? (
                <p className="muted">{t.nobody}</p>
              ) : (
                <ul aria-labelledby={`${id}-${kind}`}>
                  {members.map((member) => (
                    <li key={member.id}>
                      <Link to={`/leden/${member.id}`}>{member.displayName}</Link>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          );
        })
      )}
    </Dialog>
  );
}
