import { useEffect, useRef, type RefObject } from 'react';
import { nl } from '../i18n/nl';

/** The part of a TanStack infinite query that the button needs. */
export interface NextPages {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/** Where focus goes in a new item: the item if it takes focus already (a post), else its first link, else the item. */
function focusItem(item: Element) {
  if (!(item instanceof HTMLElement)) return;
  const link = item.hasAttribute('tabindex') ? null : item.querySelector<HTMLElement>('a[href]');
  if (link) return link.focus();
  if (!item.hasAttribute('tabindex')) item.tabIndex = -1;
  item.focus();
}

/**
 * "Meer laden" under a list whose direct children are its items (ul, ol, tbody, the posts' section). After a page
 * arrives, focus moves to the first new item: the button is gone after the last page, and Chrome would otherwise drop
 * focus on <body>, so a keyboard or screen-reader user starts again at the top instead of where the new items begin.
 * aria-disabled rather than disabled while loading, for the same reason (Chrome takes focus from a disabled button).
 * Render it whether or not there is a next page: it returns nothing then, but must stay mounted to move focus.
 */
export function LoadMore({ pages, list, label = nl.common.loadMore }: { pages: NextPages; list: RefObject<HTMLElement | null>; label?: string }) {
  // The last item before the request: the first new one is its next sibling, even if live updates added items at the top.
  const after = useRef<{ last: Element | null; count: number } | null>(null);
  const busy = pages.isFetchingNextPage;

  useEffect(() => {
    if (busy || !after.current) return;
    const { last, count } = after.current;
    after.current = null;
    const el = list.current;
    if (!el) return;
    let next = last?.isConnected ? last.nextElementSibling : el.children[count];
    // A line between the items ("Sinds je laatste bezoek", pages/thread.tsx) is no item: focus goes past it.
    while (next?.getAttribute('role') === 'separator') next = next.nextElementSibling;
    // Nothing new (the request failed, or the page was empty): focus stays on the button.
    if (next) focusItem(next);
  }, [busy, list]);

  if (!pages.hasNextPage) return null;
  const load = () => {
    if (busy) return;
    const el = list.current;
    after.current = { last: el?.lastElementChild ?? null, count: el?.children.length ?? 0 };
    void pages.fetchNextPage();
  };
  return (
    <button type="button" className="secondary" aria-disabled={busy} onClick={load}>
      {busy ? nl.common.loadingMore : label}
    </button>
  );
}
