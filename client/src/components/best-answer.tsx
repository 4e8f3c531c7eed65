import { useId, useState } from 'react';
import { Link } from 'react-router';
import type { Post } from '../../../shared/api/forum';
import { useSolution, useThreadData } from '../api/knowledge';
import { nl } from '../i18n/nl';
import { nlKnowledge as t } from '../i18n/nl-knowledge';
import { Icon } from './icons';
import { postAnchor } from './post-item';
import { ErrorMessage } from './states';

/**
 * The best answer ("Opgelost") as a post shows it: the label on the answer, the button that marks or undoes it, and
 * the answer repeated under the question. Each part reads the thread page from the cache (api/knowledge.ts), so
 * post-item.tsx only places them.
 */
function useSolutionState(post: Post) {
  const first = useThreadData(post.threadId)?.pages[0];
  return {
    /** The question: the first post of the first page, when nothing lies before it (a page may start at her first unread post). */
    opening: first?.hasEarlier === false && first.posts[0]?.id === post.id,
    /** The server names the answer only while it solves the thread (every member can read it). */
    isAnswer: first?.thread.solutionPostId === post.id,
    canMark: first?.canMarkSolution ?? false,
    solution: first?.solution ?? null,
  };
}

/** "Beste antwoord" in the answer's header. */
export function SolutionLabel({ post }: { post: Post }) {
  const { isAnswer } = useSolutionState(post);
  return isAnswer ? <span className="badge solved">{t.bestAnswer}</span> : null;
}

/**
 * "Markeer als beste antwoord" on a reply, "Beste antwoord ongedaan maken" on the answer: for the thread's starter
 * and moderators (canMarkSolution). One button whose words change, so focus stays where it was; the outcome is also
 * said in a status line, as a changed name alone is not always read out.
 */
export function SolutionToggle({ post }: { post: Post }) {
  const { opening, isAnswer, canMark } = useSolutionState(post);
  const solution = useSolution(post.threadId);
  const [said, setSaid] = useState('');
  // The question cannot answer itself; a deleted or hidden reply is no answer anyone can read.
  if (!canMark || opening || post.deleted || post.hidden) return null;
  const toggle = () => {
    if (solution.isPending) return;
    setSaid('');
    solution.mutate(isAnswer ? null : post.id, { onSuccess: () => setSaid(isAnswer ? t.unmarked : t.marked) });
  };
  return (
    <>
      <button type="button" className="link-button action" aria-disabled={solution.isPending} onClick={toggle}>
        <Icon name="check" />
        {isAnswer ? t.unmark : t.mark}
      </button>
      <span className="visually-hidden" role="status">
        {said}
      </span>
      <ErrorMessage error={solution.error} />
    </>
  );
}

/**
 * Under the question: the best answer, its author, its text and a link to it in the thread. The text is the server's
 * sanitized HTML (sanitize-html), rendered as post-item.tsx renders a post's body.
 */
export function SolutionBlock({ post }: { post: Post }) {
  const { opening, solution } = useSolutionState(post);
  const headingId = useId();
  if (!opening || !solution) return null;
  return (
    <section className="best-answer" aria-labelledby={headingId}>
      <h2 id={headingId}>{t.bestAnswer}</h2>
      <p className="meta">
        {t.answerBy}{' '}
        <Link to={`/leden/${solution.author.id}`}>{solution.author.displayName}</Link>
        {' · '}
        <time dateTime={solution.createdAt}>{nl.time.format(solution.createdAt)}</time>
      </p>
      <div className="post-body" dangerouslySetInnerHTML={{ __html: solution.bodyHtml }} />
      <p className="best-answer-link">
        <a href={`#${postAnchor(solution.id)}`}>{t.viewInThread}</a>
      </p>
    </section>
  );
}
