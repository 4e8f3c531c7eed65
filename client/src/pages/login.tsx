import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import type { User } from '../../../shared/api/users';
import { isChallenge, useLogin } from '../api/auth';
import { Field } from '../components/field';
import { useFormErrors } from '../components/form-errors';
import { PageTitle } from '../components/page-title';
import { ErrorMessage } from '../components/states';
import { nl } from '../i18n/nl';
import { nlAccount } from '../i18n/nl-account';
import { nlTwoStep } from '../i18n/nl-two-step';
import { LoginCodeStep } from './login-code';

/** Only paths inside this site are followed after login, never a full URL someone put in the link. */
function safeReturn(path: string | null): string | null {
  return path && path.startsWith('/') && !path.startsWith('//') ? path : null;
}

export default function Login() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  // After a right password of an account with two-step login: the same page asks for the code (login-code.tsx).
  const [codeStep, setCodeStep] = useState(false);
  // Why the password is asked again: the code came too late, or was wrong too often.
  const [expired, setExpired] = useState<string | null>(null);
  const passwordInput = useRef<HTMLInputElement>(null);
  const login = useLogin();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  // Set by the page that sent her here, such as "your password was changed" after a reset.
  const notice = (useLocation().state as { notice?: string } | null)?.notice ?? null;

  const enter = (user: User) => {
    if (user.status === 'pending') navigate('/wachten');
    else navigate(safeReturn(params.get('terug')) ?? '/forum');
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setExpired(null);
    login.mutate(
      { email, password },
      {
        onSuccess: (answer) => {
          if (!isChallenge(answer)) return enter(answer.user);
          // The password has done its work: it must not stay in the page while the code is asked.
          setPassword('');
          setCodeStep(true);
        },
      },
    );
  };
  const again = (message: string) => {
    login.reset();
    setExpired(message);
    setCodeStep(false);
  };
  // Back from the code step: into the password field (the focused code field is gone); the message is an alert.
  useEffect(() => {
    if (!codeStep && expired) passwordInput.current?.focus();
  }, [codeStep, expired]);
  const errors = useFormErrors(login.error, ['email', 'password']);

  if (codeStep) {
    return (
      <>
        <PageTitle>{nlTwoStep.title}</PageTitle>
        <LoginCodeStep onDone={enter} onExpired={again} />
      </>
    );
  }
  return (
    <>
      <PageTitle>{nl.login.title}</PageTitle>
      {notice && <p role="status">{notice}</p>}
      <form className="form narrow" onSubmit={submit} noValidate ref={errors.formRef}>
        {expired && (
          <p className="error" role="alert">
            {expired}
          </p>
        )}
        <ErrorMessage error={errors.general} />
        <Field label={nl.login.email} required error={errors.of('email')}>
          {(props) => (
            <input
              {...props}
              type="email"
              name="email"
              autoComplete="username"
              value={email}
              onChange={(e) => errors.edit('email', setEmail)(e.target.value)}
            />
          )}
        </Field>
        <Field label={nl.login.password} required error={errors.of('password')}>
          {(props) => (
            <input
              {...props}
              ref={passwordInput}
              type="password"
              name="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => errors.edit('password', setPassword)(e.target.value)}
            />
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
