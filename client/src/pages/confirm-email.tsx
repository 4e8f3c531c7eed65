import { Link, useSearchParams } from 'react-router';
import { useConfirmEmail } from '../api/account-links';
import { ApiError } from '../api/http';
import { PageTitle } from '../components/page-title';
import { ErrorMessage } from '../components/states';
import { nlAccount } from '../i18n/nl-account';

/**
 * Where the confirmation mail's link leads. It confirms on a button press, not on load: mail scanners that open
 * every link in a mail must not confirm a registration its owner never made (the mail names its details so she
 * can tell).
 */
export default function ConfirmEmail() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const confirm = useConfirmEmail();

  if (confirm.isSuccess) {
    return (
      <>
        <PageTitle>{nlAccount.confirm.doneTitle}</PageTitle>
        <p role="status">{confirm.data.status === 'pending' ? nlAccount.confirm.waiting : nlAccount.confirm.decided}</p>
        <p>
          <Link to="/inloggen">{nlAccount.confirm.login}</Link>
        </p>
      </>
    );
  }

  const badToken = confirm.error instanceof ApiError && confirm.error.code === 'invalid_token';
  return (
    <>
      <PageTitle>{nlAccount.confirm.title}</PageTitle>
      {token === '' ? (
        <p className="error" role="alert">
          {nlAccount.confirm.noToken}
        </p>
      ) : (
        <>
          <p>{nlAccount.confirm.intro}</p>
          <ErrorMessage error={confirm.error} />
          <button type="button" disabled={confirm.isPending} onClick={() => confirm.mutate({ token })}>
            {confirm.isPending ? nlAccount.confirm.busy : nlAccount.confirm.submit}
          </button>
        </>
      )}
      {(token === '' || badToken) && (
        <p>
          {nlAccount.confirm.failedHint} <Link to="/aanmelden">{nlAccount.confirm.register}</Link>
        </p>
      )}
    </>
  );
}
