import { NavLink } from 'react-router';
import { nl } from '../../i18n/nl';

export function ModerationNav() {
  return (
    <nav aria-label={nl.moderation.nav} className="subnav">
      <ul className="nav-list">
        <li>
          <NavLink to="/moderatie" end>
            {nl.moderation.queue}
          </NavLink>
        </li>
        <li>
          <NavLink to="/moderatie/aanmeldingen">{nl.moderation.pending}</NavLink>
        </li>
        <li>
          <NavLink to="/moderatie/leden">{nl.moderation.members}</NavLink>
        </li>
        <li>
          <NavLink to="/moderatie/logboek">{nl.moderation.log}</NavLink>
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
