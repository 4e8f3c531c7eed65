import { Link, useLocation } from 'react-router';
import type { User } from '../../../shared/api/users';
import { nl } from '../i18n/nl';

/**
 * On every page of a moderator or admin who must first set up two-step login (the server treats her as a member until
 * then): what to do, and where. Not on the account page itself, whose section explains it where it is set up.
 */
export function TwoStepBanner({ user }: { user: User | null }) {
  const { pathname } = useLocation();
  if (!user?.totpRequired || user.status !== 'active' || pathname === '/profiel') return null;
  return (
    <p className="notice two-step-banner">
      {nl.twoStep.banner}{' '}
      {/* The section's anchor (TWO_STEP_ANCHOR in two-step-settings.tsx, not imported: that belongs to the profile's chunk). */}
      <Link to="/profiel#tweestapsverificatie">{nl.twoStep.bannerLink}</Link>
    </p>
  );
}
