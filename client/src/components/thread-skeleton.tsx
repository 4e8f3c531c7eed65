import { useLayoutEffect, useRef } from 'react';
import { nl } from '../i18n/nl';

/** How many post outlines stand in for the posts: enough to fill a phone's and a desktop's first screen. */
const POSTS = 3;

/**
 * What the thread page shows while it loads: the outline of its title, posts and reply box, in the same boxes
 * (breadcrumb, h1, .posts > .post, .reply-box) the page uses, so the thread takes the space the outline held
 * instead of pushing the page down (the "Laden…" line it replaces cost a layout shift of 0.3–0.65).
 * Hidden from assistive technology but for its heading (the skip link's target, which the layout focuses after a
 * navigation) and one status line. `onHandOver`: its heading had focus as it left, so the thread's own should take it.
 */
export function ThreadSkeleton({ onHandOver }: { onHandOver: () => void }) {
  const handOver = useRef(onHandOver);
  handOver.current = onHandOver;
  // A layout cleanup runs before React removes the outline, while its heading still holds focus. (The element, not
  // a ref to it: the outline may have been put back by a suspending page since this effect ran.)
  useLayoutEffect(
    () => () => {
      if (document.activeElement?.closest('.thread-skeleton')) handOver.current();
    },
    [],
  );
  return (
    <div className="thread-skeleton" data-testid="thread-skeleton">
      <p className="breadcrumb" aria-hidden="true">
        <span className="skeleton-line short" />
      </p>
      <h1 id="main-heading" tabIndex={-1} className="skeleton-title">
        <span className="visually-hidden">{nl.common.loading}</span>
      </h1>
      <p className="visually-hidden" role="status">
        {nl.common.loading}
      </p>
      <div aria-hidden="true">
        <p className="badges">
          <span className="skeleton-line short" />
        </p>
        <div className="posts">
          {Array.from({ length: POSTS }, (_, i) => (
            <div key={i} className="post skeleton-post">
              <div className="post-head">
                <span className="skeleton-avatar" />
                <span className="skeleton-line short" />
              </div>
              <span className="skeleton-line" />
              <span className="skeleton-line" />
              <span className="skeleton-line medium" />
            </div>
          ))}
        </div>
        <div className="reply-box skeleton-reply">
          <span className="skeleton-line short" />
          <div className="skeleton-field" />
        </div>
      </div>
    </div>
  );
}
