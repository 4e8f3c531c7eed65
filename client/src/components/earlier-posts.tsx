import { useLayoutEffect, useRef, type MouseEvent, type RefObject } from 'react';
import { nlReading } from '../i18n/nl-reading';

/** The part of a TanStack infinite query that the button needs. */
export interface PreviousPages {
  hasPreviousPage: boolean;
  isFetchingPreviousPage: boolean;
  fetchPreviousPage: () => Promise<unknown>;
}

/** The posts in the list (its other children, such as the "Sinds je laatste bezoek" line, are not posts). */
const postsIn = (list: HTMLElement) => [...list.children].filter((child): child is HTMLElement => child instanceof HTMLElement && child.tagName === 'ARTICLE');

/**
 * "Eerdere berichten laden" above a thread that opened at her first unread post: the earlier posts are put above
 * the ones shown. What she was reading stays where it was on her screen (the new posts would otherwise push it down
 * by their height). Pressed from the keyboard (a click without a pointer, `detail` 0), focus moves to the first of
 * the earlier posts, as "Meer laden" moves it to the first new one: reading goes on from there, downwards. Pressed
 * with a pointer, the view stays and focus stays on the button, or goes to the post she was at once the button is
 * gone (no earlier posts left), never to the page's start. aria-disabled while loading, so focus is never lost.
 */
export function EarlierPosts({ pages, list }: { pages: PreviousPages; list: RefObject<HTMLElement | null> }) {
  const pending = useRef<{ anchor: HTMLElement; top: number; count: number; keyboard: boolean } | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const busy = pages.isFetchingPreviousPage;

  // Before the browser paints the longer list: no frame shows the reader's place jump.
  useLayoutEffect(() => {
    if (busy || !pending.current) return;
    const { anchor, top, count, keyboard } = pending.current;
    pending.current = null;
    const el = list.current;
    if (!el || !anchor.isConnected) return;
    const added = postsIn(el).length - count;
    if (added <= 0) return; // Nothing came (the request failed): focus stays on the button.
    window.scrollBy({ top: anchor.getBoundingClientRect().top - top, behavior: 'instant' });
    if (keyboard) postsIn(el)[0]?.focus();
    else if (!button.current?.isConnected) anchor.focus({ preventScroll: true });
  }, [busy, list]);

  if (!pages.hasPreviousPage) return null;
  const load = (event: MouseEvent) => {
    const el = list.current;
    const anchor = el ? postsIn(el)[0] : undefined;
    if (busy || !el || !anchor) return;
    pending.current = { anchor, top: anchor.getBoundingClientRect().top, count: postsIn(el).length, keyboard: event.detail === 0 };
    void pages.fetchPreviousPage();
  };
  return (
    <button ref={button} type="button" className="secondary earlier-posts" aria-disabled={busy} onClick={load}>
      {busy ? nlReading.thread.loadingEarlier : nlReading.thread.loadEarlier}
    </button>
  );
}
