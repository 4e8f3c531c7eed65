import { Link } from 'react-router';
import { ApiError } from '../api/http';
import { nl } from '../i18n/nl';
import { PageTitle } from './page-title';

export function Loading() {
  return (
    <p className="muted" role="status">
      {nl.common.loading}
    </p>
  );
}

/** An inline error in the API's own Dutch words. */
export function ErrorMessage({ error }: { error: unknown }) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : nl.errors.generic;
  return (
    <p className="error" role="alert">
      {message}
    </p>
  );
}

export function NotFound() {
  return (
    <>
      <PageTitle>{nl.errors.notFoundTitle}</PageTitle>
      <p>{nl.errors.notFound}</p>
      <p>
        <Link to="/forum">{nl.common.backToForum}</Link>
      </p>
    </>
  );
}

/** A whole-page state for a failed load: 404 and 403 get their own words, the rest the server's message. */
export function PageError({ error, retry }: { error: unknown; retry?: () => void }) {
  if (error instanceof ApiError && error.status === 404) return <NotFound />;
  const forbidden = error instanceof ApiError && error.status === 403;
  return (
    <>
      <PageTitle>{forbidden ? nl.errors.forbiddenTitle : nl.errors.errorTitle}</PageTitle>
      <ErrorMessage error={error} />
      {retry && !forbidden && (
        <button type="button" onClick={retry}>
          {nl.common.retry}
        </button>
      )}
    </>
  );
}
