import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { NavLink, useLocation } from 'react-router';
import { notificationKeys, useNotificationSummary } from '../api/notifications';
import { nl } from '../i18n/nl';
import { nlNotifications } from '../i18n/nl-notifications';

/** A count beside a link's text: shown, but not read out (the link's aria-label says it in words). */
function Count({ n }: { n: number }) {
  if (n <= 0) return null;
  return (
    <>
      {' '}
      <span className="badge count" aria-hidden="true">
        {n}
      </span>
    </>
  );
}

/** Asks for a header count again when she moves to another page (the first fetch happens anyway). */
export function useAskAgainOnNavigation(queryKey: readonly unknown[]) {
  const client = useQueryClient();
  const { pathname } = useLocation();
  const shown = useRef(pathname);
  useEffect(() => {
    if (shown.current === pathname) return;
    shown.current = pathname;
    void client.invalidateQueries({ queryKey });
  }, [pathname, client, queryKey]);
}

/**
 * The header's counts, fetched again on every navigation; the live socket asks again when a notification arrives
 * (live/connect.ts). No polling. For a moderator, a successful action of hers (approving, resolving a report) may
 * change what waits, so any mutation she makes asks again too.
 */
function useSummaryRefresh(moderator: boolean) {
  const client = useQueryClient();
  useAskAgainOnNavigation(notificationKeys.summary);
  useEffect(() => {
    if (!moderator) return;
    return client.getMutationCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'success') void client.invalidateQueries({ queryKey: notificationKeys.summary });
    });
  }, [moderator, client]);
}

/**
 * "Meldingen" in the header with the unread count, shown and spoken.
 *
 * The name is one aria-label: a visually hidden suffix is positioned absolutely, and Chrome then puts a space before
 * it ("Meldingen , 1 ongelezen"). The label starts with the visible word, so voice control finds the link by what
 * it shows.
 */
export function NotificationsLink({ moderator }: { moderator: boolean }) {
  useSummaryRefresh(moderator);
  const n = useNotificationSummary(true).data?.unreadCount ?? 0;
  return (
    <NavLink to="/meldingen" aria-label={n > 0 ? nlNotifications.unreadName(n) : undefined}>
      {nlNotifications.nav}
      <Count n={n} />
    </NavLink>
  );
}

/** "Moderatie 3" for moderators and admins, named "Moderatie, 3 wachten: 2 gerapporteerde berichten, 1 aanmelding". */
export function ModerationLink() {
  const waiting = useNotificationSummary(true).data?.waiting;
  // Reported posts and reported private messages wait in the same queue (/moderatie).
  const reports = (waiting?.openReports ?? 0) + (waiting?.openMessageReports ?? 0);
  const registrations = waiting?.pendingRegistrations ?? 0;
  const total = reports + registrations;
  return (
    <NavLink to="/moderatie" aria-label={total > 0 ? nlNotifications.waitingName(nl.nav.moderation, reports, registrations) : undefined}>
      {nl.nav.moderation}
      <Count n={total} />
    </NavLink>
  );
}

/** A moderation tab with what waits behind it ("Gerapporteerde berichten 2"), for the sub-navigation. */
export function useWaiting() {
  const waiting = useNotificationSummary(true).data?.waiting;
  return { openReports: (waiting?.openReports ?? 0) + (waiting?.openMessageReports ?? 0), pendingRegistrations: waiting?.pendingRegistrations ?? 0 };
}

export { Count as WaitingCount };
