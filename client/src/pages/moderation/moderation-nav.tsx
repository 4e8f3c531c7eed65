import { NavLink } from 'react-router';
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
