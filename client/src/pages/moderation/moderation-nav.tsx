import { NavLink } from 'react-router';
import { useMe } from '../../api/auth';
import { useWaiting, WaitingCount } from '../../components/notifications-link';
import { nlCategories } from '../../i18n/nl-categories';
import { nlModeration } from '../../i18n/nl-moderation';
import { nlNotifications } from '../../i18n/nl-notifications';
import { nlSearch } from '../../i18n/nl-search';

export function ModerationNav() {
  // The header's counts (one request for both): what waits behind each tab, shown and spoken.
  const { openReports, pendingRegistrations } = useWaiting();
  const admin = useMe().data?.role === 'admin';
  return (
    <nav aria-label={nlModeration.nav} className="subnav">
      <ul className="nav-list">
        <li>
          <NavLink to="/moderatie" end aria-label={openReports ? nlNotifications.tabName(nlModeration.queue, openReports) : undefined}>
            {nlModeration.queue}
            <WaitingCount n={openReports} />
          </NavLink>
        </li>
        <li>
          <NavLink to="/moderatie/aanmeldingen" aria-label={pendingRegistrations ? nlNotifications.tabName(nlModeration.pending, pendingRegistrations) : undefined}>
            {nlModeration.pending}
            <WaitingCount n={pendingRegistrations} />
          </NavLink>
        </li>
        <li>
          <NavLink to="/moderatie/leden">{nlModeration.members}</NavLink>
        </li>
        <li>
          <NavLink to="/moderatie/logboek">{nlModeration.log}</NavLink>
        </li>
        {admin && (
          <li>
            <NavLink to="/beheer/synoniemen">{nlSearch.synonyms.nav}</NavLink>
          </li>
        )}
        {admin && (
          <li>
            <NavLink to="/beheer/categorieen">{nlCategories.nav}</NavLink>
          </li>
        )}
      </ul>
    </nav>
  );
}
