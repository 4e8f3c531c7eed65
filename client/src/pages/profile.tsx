import { Navigate, useNavigate } from 'react-router';
import { useLogout, useMe } from '../api/auth';
import { PageTitle } from '../components/page-title';
import { ErrorMessage, Loading } from '../components/states';
import { nl } from '../i18n/nl';
import { nlForum } from '../i18n/nl-forum';

/** The account as the server knows it. The API has no routes yet to change the profile or password: read-only. */
export default function Profile() {
  const me = useMe();
  const everywhere = useLogout('/api/auth/logout-everywhere');
  const navigate = useNavigate();
  const user = me.data;
  if (me.data === null) return <Navigate to="/inloggen?terug=/profiel" replace />;
  return (
    <>
      <PageTitle>{nlForum.profile.title}</PageTitle>
      {!user ? (
        <Loading />
      ) : (
        <>
          <dl className="details">
            <dt>{nlForum.profile.displayName}</dt>
            <dd>{user.displayName}</dd>
            <dt>{nlForum.profile.party}</dt>
            <dd>{user.party}</dd>
            <dt>{nlForum.profile.municipality}</dt>
            <dd>{user.municipality}</dd>
            <dt>{nlForum.profile.role}</dt>
            <dd>{user.representativeRole ? nl.roles[user.representativeRole] : nlForum.profile.none}</dd>
            <dt>{nlForum.profile.accountRole}</dt>
            <dd>{nlForum.profile.accountRoles[user.role]}</dd>
            <dt>{nlForum.profile.since}</dt>
            <dd>{nl.time.date(user.createdAt)}</dd>
          </dl>
          <p className="notice">{nlForum.profile.readOnly}</p>
          <h2>{nlForum.profile.logoutEverywhere}</h2>
          <p>{nlForum.profile.logoutEverywhereHint}</p>
          <ErrorMessage error={everywhere.error} />
          <button type="button" className="secondary" disabled={everywhere.isPending} onClick={() => everywhere.mutate(undefined, { onSuccess: () => navigate('/') })}>
            {nlForum.profile.logoutEverywhere}
          </button>
        </>
      )}
    </>
  );
}
