import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useRequestPasswordReset } from '../api/account-links';
import { ApiError } from '../api/http';
import { Field } from '../components/field';
import { PageTitle } from '../components/page-title';
import { ErrorMessage } from '../components/states';
import { nlAccount } from '../i18n/nl-account';

/** "Wachtwoord vergeten": asks for the address and then says the same thing whatever the server knows of it. */
export default function ForgotPassword() {
  const [email, setEmail] = useState('');
  const request = useRequestPasswordReset();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    request.mutate({ email: email.trim() });
  };
  const error = request.error instanceof ApiError ? request.error : null;

  if (request.isSuccess) {
    return (
      <>
        <PageTitle>{nlAccount.forgot.sentTitle}</PageTitle>
        <p role="status">{nlAccount.forgot.sent}</p>
        <p>
          <Link to="/inloggen">{nlAccount.forgot.backToLogin}</Link>
        </p>
      </>
    );
  }

  return (
    <>
      <PageTitle>{nlAccount.forgot.title}</PageTitle>
      <p>{nlAccount.forgot.intro}</p>
      <form className="form narrow" onSubmit={submit} noValidate>
        <ErrorMessage error={request.error && !error?.field ? request.error : null} />
        <Field label={nlAccount.forgot.email} required error={error?.field === 'email' ? error.message : null}>
          {(p) => <input {...p} type="email" name="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} />}
        </Field>
        <button type="submit" disabled={request.isPending}>
          {request.isPending ? nlAccount.forgot.busy : nlAccount.forgot.submit}
        </button>
      </form>
      <p>
        <Link to="/inloggen">{nlAccount.forgot.backToLogin}</Link>
      </p>
    </>
  );
}
