import { NavLink } from 'react-router';
import { nl } from '../../i18n/nl';
import { nlModeration } from '../../i18n/nl-moderation';

export function ModerationNav() {
  return (
    <nav aria-label={nlModeration.nav} className="subnav">
      <ul className="nav-list">
        <li>
          <NavLink to="/moderatie" end>
            {nlModeration.queue}
          </NavLink>
        </li>
        <li>
          <NavLink to="/moderatie/aanmeldingen">{nlModeration.pending}</NavLink>
        </li>
        <li>
          <NavLink to="/moderatie/leden">{nlModeration.members}</NavLink>
        </li>
        <li>
          <NavLink to="/moderatie/logboek">{nlModeration.log}</NavLink>
        </li>
      </ul>
    </nav>
  );
}

export function LoadMore({ has, busy, onClick }: { has: boolean; busy: boolean; onClick: () => void }) {
  if (!has) return null;
  return (
    <button type="button" className="secondary" disabled={busy} onClick={onClick}>
      {busy ? nl.common.loadingMore : nl.common.loadMore}
    </button>
  );
}
