import { Navigate, useNavigate } from 'react-router';
import { useLogout, useMe } from '../api/auth';
import { PageTitle } from '../components/page-title';
import { ErrorMessage, Loading } from '../components/states';
import { nl } from '../i18n/nl';

/** The account as the server knows it. The API has no routes yet to change the profile or password: read-only. */
export default function Profile() {
  const me = useMe();
  const everywhere = useLogout('/api/auth/logout-everywhere');
  const navigate = useNavigate();
  const user = me.data;
  if (me.data === null) return <Navigate to="/inloggen?terug=/profiel" replace />;
  return (
    <>
      <PageTitle>{nl.profile.title}</PageTitle>
      {!user ? (
        <Loading />
      ) : (
        <>
          <dl className="details">
            <dt>{nl.profile.displayName}</dt>
            <dd>{user.displayName}</dd>
            <dt>{nl.profile.party}</dt>
            <dd>{user.party}</dd>
            <dt>{nl.profile.municipality}</dt>
            <dd>{user.municipality}</dd>
            <dt>{nl.profile.role}</dt>
            <dd>{user.representativeRole ? nl.roles[user.representativeRole] : nl.profile.none}</dd>
            <dt>{nl.profile.accountRole}</dt>
            <dd>{nl.profile.accountRoles[user.role]}</dd>
            <dt>{nl.profile.since}</dt>
            <dd>{nl.time.date(user.createdAt)}</dd>
          </dl>
          <p className="notice">{nl.profile.readOnly}</p>
          <h2>{nl.profile.logoutEverywhere}</h2>
          <p>{nl.profile.logoutEverywhereHint}</p>
          <ErrorMessage error={everywhere.error} />
          <button type="button" className="secondary" disabled={everywhere.isPending} onClick={() => everywhere.mutate(undefined, { onSuccess: () => navigate('/') })}>
            {nl.profile.logoutEverywhere}
          </button>
        </>
      )}
    </>
  );
}
