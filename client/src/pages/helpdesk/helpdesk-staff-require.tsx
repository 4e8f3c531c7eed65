import type { ReactNode } from 'react';
import { useMe } from '../../api/auth';
import { isCentreStaff } from '../../api/centre-staff';
import { PageTitle } from '../../components/page-title';
import { Loading } from '../../components/states';
import { nl } from '../../i18n/nl';

/**
 * The team's pages are for admins and the kenniscentrum's team; the server refuses anyone else, this spares a member
 * a page of refusals (the "geen toegang" the other staff pages show).
 */
export function RequireHelpdeskTeam({ children }: { children: ReactNode }) {
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
