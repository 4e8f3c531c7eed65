import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { useLogin } from '../api/auth';
import { ApiError } from '../api/http';
import { Field } from '../components/field';
import { PageTitle } from '../components/page-title';
import { ErrorMessage } from '../components/states';
import { nl } from '../i18n/nl';
import { nlAccount } from '../i18n/nl-account';

/** Only paths inside this site are followed after login, never a full URL someone put in the link. */
function safeReturn(path: string | null): string | null {
  return path && path.startsWith('/') && !path.startsWith('//') ? path : null;
}

export default function Login() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const login = useLogin();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  // Set by the page that sent her here, such as "your password was changed" after a reset.
  const notice = (useLocation().state as { notice?: string } | null)?.notice ?? null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate(
      { email, password },
      {
        onSuccess: ({ user }) => {
          if (user.status === 'pending') navigate('/wachten');
          else navigate(safeReturn(params.get('terug')) ?? '/forum');
        },
      },
    );
  };
  const fieldError = (name: string) => (login.error instanceof ApiError && login.error.field === name ? login.error.message : null);

  return (
    <>
      <PageTitle>{nl.login.title}</PageTitle>
      {notice && <p role="status">{notice}</p>}
      <form className="form narrow" onSubmit={submit} noValidate>
        <ErrorMessage error={login.error && !(login.error instanceof ApiError && login.error.field) ? login.error : null} />
        <Field label={nl.login.email} required error={fieldError('email')}>
          {(props) => <input {...props} type="email" name="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} />}
        </Field>
        <Field label={nl.login.password} required error={fieldError('password')}>
          {(props) => (
            <input {...props} type="password" name="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
          )}
        </Field>
        <button type="submit" disabled={login.isPending}>
          {login.isPending ? nl.login.busy : nl.login.submit}
        </button>
      </form>
      <p>
        <Link to="/wachtwoord-vergeten">{nlAccount.forgot.link}</Link>
      </p>
      <p>
        {nl.login.noAccount} <Link to="/aanmelden">{nl.login.register}</Link>
      </p>
    </>
  );
}
