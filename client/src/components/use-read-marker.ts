import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, type RefObject } from 'react';
import { reportRead } from '../api/reading';

/** How long her reading must rest before it is reported: one request per pause, not one per post scrolled past. */
const REPORT_AFTER_MS = 1000;
/** A post's element id (post-item.tsx postAnchor). */
const POST_ID = /^bericht-(\d+)$/;
/**
 * Steps of the visible share at which the observer looks again. Fine steps, because a post taller than two screens
 * is never half on screen: it counts once it fills half the screen, which only a step crossed while scrolling reveals.
 */
const THRESHOLDS = Array.from({ length: 21 }, (_, i) => i / 20);

/**
 * Her read marker follows what was on her screen, not what was loaded: the highest post that has been at least half
 * in view (or filled half the view) is reported (POST /api/threads/:id/read) once her reading rests for a second,
 * and only when it is beyond what the server holds. What is pending is sent at once when she leaves the thread or
 * the tab goes to the background. `see(postId)` also counts a post seen from elsewhere (a live reply arriving while
 * she is at the bottom). `marker`: her marker as the thread page says, never reported again.
 */
export function useReadMarker(threadId: number, list: RefObject<HTMLElement | null>, postIds: readonly number[], marker: number | null | undefined) {
  const client = useQueryClient();
  const state = useRef({ threadId, seen: 0, sent: 0, timer: undefined as number | undefined });

  const flush = useCallback(() => {
    const s = state.current;
    window.clearTimeout(s.timer);
    s.timer = undefined;
    if (s.seen <= s.sent) return;
    const { threadId: id, seen: upTo, sent: before } = s;
    s.sent = upTo;
    reportRead(client, id, upTo).catch(() => {
      // Not reported (offline, the thread gone): the next post she sees reports this one too, as the marker only moves forward.
      if (s.threadId === id && s.sent === upTo) s.sent = before;
    });
  }, [client]);

  const see = useCallback(
    (postId: number) => {
      const s = state.current;
      // A tab in the background is not being read, whatever its layout says.
      if (document.visibilityState !== 'visible' || postId <= s.seen) return;
      s.seen = postId;
      if (postId <= s.sent) return;
      window.clearTimeout(s.timer);
      s.timer = window.setTimeout(flush, REPORT_AFTER_MS);
    },
    [flush],
  );

  // Another thread starts from nothing; leaving one (or closing the tab) sends what she saw of it.
  useEffect(() => {
    const s = state.current;
    s.threadId = threadId;
    s.seen = 0;
    s.sent = 0;
    const hidden = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    document.addEventListener('visibilitychange', hidden);
    return () => {
      document.removeEventListener('visibilitychange', hidden);
      flush();
    };
  }, [threadId, flush]);

  useEffect(() => {
    const s = state.current;
    if (marker && marker > s.sent) s.sent = marker;
    if (marker && marker > s.seen) s.seen = marker;
  }, [threadId, marker]);

  const shown = postIds.join(',');
  useEffect(() => {
    const root = list.current;
    if (!root || !shown) return;
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const id = POST_ID.exec(entry.target.id)?.[1];
          if (!id || !entry.isIntersecting) continue;
          const screen = entry.rootBounds?.height ?? window.innerHeight;
          if (entry.intersectionRatio >= 0.5 || entry.intersectionRect.height >= screen / 2) see(Number(id));
        }
      },
      { threshold: THRESHOLDS },
    );
    for (const post of root.querySelectorAll('article[id^="bericht-"]')) observer.observe(post);
    return () => observer.disconnect();
    // The posts shown decide what is observed; `shown` stands for them.
  }, [list, shown, see]);

  return { see };
}
