import { Link, useLocation } from 'react-router';
import { helpdeskKeys, useHelpdeskUnread } from '../api/helpdesk-unread';
import { nlHelpdeskNav as t } from '../i18n/nl-helpdesk-nav';
import { useAskAgainOnNavigation, WaitingCount } from './notifications-link';

/** The pages under the one "Kenniscentrum" item: the hub with the helpdesk, the trainings and the Wegwijzer. */
const SECTION = /^\/(kenniscentrum|trainingen|wegwijzer)(\/|$)/i;

/**
 * "Kenniscentrum" in the header (it took the place of "Trainingen" and "Wegwijzer", so the header fits on one line
 * longer), with the number of her questions that have an unread answer, shown and spoken (one aria-label, as the
 * Berichten link). Live helpdesk events ask again (api/helpdesk-cache.ts); so does every navigation.
 */
export function HelpdeskLink() {
  useAskAgainOnNavigation(helpdeskKeys.unread);
  const n = useHelpdeskUnread(true).data?.count ?? 0;
  const { pathname } = useLocation();
  // Current for the whole section; "page" only on the hub itself, "true" (part of it) on the pages below.
  const current = /^\/kenniscentrum\/?$/i.test(pathname) ? 'page' : SECTION.test(pathname) ? 'true' : undefined;
  return (
    <Link to="/kenniscentrum" className={current ? 'active' : undefined} aria-current={current} aria-label={n > 0 ? t.unreadName(n) : undefined}>
      {t.nav}
      <WaitingCount n={n} />
    </Link>
  );
}
