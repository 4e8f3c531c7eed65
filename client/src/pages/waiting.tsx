import { Navigate } from 'react-router';
import { useMe } from '../api/auth';
import { PageTitle } from '../components/page-title';
import { nl } from '../i18n/nl';

/** Where a pending account lands: what happens next, and a way to check whether it has happened. */
export default function Waiting() {
  const me = useMe();
  if (me.data?.status === 'active') return <Navigate to="/forum" replace />;
  return (
    <>
      <PageTitle>{nl.waiting.title}</PageTitle>
      <p>{nl.waiting.body}</p>
      {me.data && <p>{nl.waiting.loggedIn(me.data.displayName)}</p>}
      {me.data && (
        <button type="button" className="secondary" onClick={() => void me.refetch()}>
          {nl.waiting.check}
        </button>
      )}
    </>
  );
}
