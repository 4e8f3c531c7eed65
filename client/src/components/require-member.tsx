import { Navigate, Outlet, useLocation } from 'react-router';
import { useMe } from '../api/auth';
import { nl } from '../i18n/nl';
import { ContactLine } from './contact-line';
import { PageTitle } from './page-title';
import { Loading, PageError } from './states';

/**
 * Members-only pages: guests go to login, pending accounts to the waiting page, suspended and rejected ones see why.
 * `moderator`: moderators and admins only; `admin`: admins only (the server checks again, this only spares a page of
 * refusals).
 */
export function RequireMember({ moderator = false, admin = false }: { moderator?: boolean; admin?: boolean }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading />;
  if (me.isError) return <PageError error={me.error} retry={() => void me.refetch()} />;
  const user = me.data;
  if (!user) return <Navigate to={`/inloggen?terug=${encodeURIComponent(location.pathname + location.search + location.hash)}`} replace />;
  if (user.status === 'pending') return <Navigate to="/wachten" replace />;
  if (user.status === 'suspended') {
    return (
      <>
        <PageTitle>{nl.suspended.title}</PageTitle>
        {user.statusReason && <p>{nl.suspended.reason(user.statusReason)}</p>}
        {user.suspendedUntil && <p>{nl.suspended.until(nl.time.format(user.suspendedUntil))}</p>}
        <ContactLine lead={nl.suspended.contact} />
      </>
    );
  }
  if (user.status === 'rejected') {
    return (
      <>
        <PageTitle>{nl.rejected.title}</PageTitle>
        <ContactLine lead={nl.rejected.contact} />
      </>
    );
  }
  if ((moderator && user.role === 'member') || (admin && user.role !== 'admin')) {
    return (
      <>
        <PageTitle>{nl.errors.forbiddenTitle}</PageTitle>
        <p>{nl.errors.forbidden}</p>
      </>
    );
  }
  return <Outlet />;
}
