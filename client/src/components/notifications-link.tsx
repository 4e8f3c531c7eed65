import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { NavLink, useLocation } from 'react-router';
import { notificationKeys, useUnreadCount } from '../api/notifications';
import { nlNotifications } from '../i18n/nl-notifications';

/**
 * "Meldingen" in the header with the unread count, shown and spoken. No polling: the count is fetched again
 * on every navigation and when the live socket announces a notification (live/connect.ts).
 */
export function NotificationsLink() {
  const unread = useUnreadCount(true);
  const client = useQueryClient();
  const { pathname } = useLocation();
  // The first fetch happens anyway; only a later change of page asks again.
  const shown = useRef(pathname);
  useEffect(() => {
    if (shown.current === pathname) return;
    shown.current = pathname;
    void client.invalidateQueries({ queryKey: notificationKeys.unread });
  }, [pathname, client]);
  const n = unread.data ?? 0;
  // The name as one aria-label: a visually hidden suffix is positioned absolutely, and Chrome then puts a space
  // before it ("Meldingen , 1 ongelezen"). The label contains the visible text ("Meldingen 1", hence the real
  // space before the count), so voice control finds the link by what it shows.
  return (
    <NavLink to="/meldingen" aria-label={n > 0 ? nlNotifications.unreadName(n) : undefined}>
      {nlNotifications.nav}
      {n > 0 && (
        <>
          {' '}
          <span className="badge count" aria-hidden="true">
            {n}
          </span>
        </>
      )}
    </NavLink>
  );
}
