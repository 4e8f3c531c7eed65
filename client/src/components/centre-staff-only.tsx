import type { ReactNode } from 'react';
import { useMe } from '../api/auth';
import { isCentreStaff } from '../api/centre-staff';
import { nl } from '../i18n/nl';
import { PageTitle } from './page-title';
import { Loading } from './states';

/**
 * The kenniscentrum's staff pages (trainings' form, the helpdesk's inbox) are for admins and the team; the server
 * refuses anyone else, this spares a member a page of refusals (the "geen toegang" the other staff pages show).
 */
export function RequireCentreStaff({ children }: { children: ReactNode }) {
  const me = useMe();
  if (me.isPending) return <Loading />;
  if (!isCentreStaff(me.data)) {
    return (
      <>
        <PageTitle>{nl.errors.forbiddenTitle}</PageTitle>
        <p>{nl.errors.forbidden}</p>
      </>
    );
  }
  return <>{children}</>;
}
