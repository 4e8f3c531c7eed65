import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { LIMITS } from '../../../shared/constants';
import { useResetPassword } from '../api/account-links';
import { meKey } from '../api/auth';
import { ApiError, setCsrfToken } from '../api/http';
import { Field } from '../components/field';
import { useFormErrors } from '../components/form-errors';
import { PageTitle } from '../components/page-title';
import { ErrorMessage } from '../components/states';
import { nl } from '../i18n/nl';
import { nlAccount } from '../i18n/nl-account';

/** Where the reset mail's link leads: a new password, typed twice; then every session has ended and she logs in. */
export default function ResetPassword() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [form, setForm] = useState({ password: '', repeat: '' });
  const [mismatch, setMismatch] = useState(false);
  const repeatRef = useRef<HTMLInputElement>(null);
  const reset = useResetPassword();
  // The token comes from the link, not from a field: a refused token is said above the form (with a link for a new one).
  const errors = useFormErrors(reset.error, ['password']);
  const client = useQueryClient();
  const navigate = useNavigate();
  const set = (name: keyof typeof form) => (e: { target: { value: string } }) => {
    errors.clear(name);
    if (name === 'repeat') setMismatch(false);
    setForm((f) => ({ ...f, [name]: e.target.value }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (form.password !== form.repeat) {
      setMismatch(true);
      repeatRef.current?.focus();
      return;
    }
    setMismatch(false);
    reset.mutate(
      { token, password: form.password },
      {
        onSuccess: () => {
          // Every session of the account ended on the server: whatever this tab knew of one goes too.
          setCsrfToken(null);
          client.clear();
          client.setQueryData(meKey, null);
          navigate('/inloggen', { state: { notice: nlAccount.reset.done } });
        },
      },
    );
  };
  const error = reset.error instanceof ApiError ? reset.error : null;
  const badToken = error?.code === 'invalid_token';

  return (
    <>
      <PageTitle>{nlAccount.reset.title}</PageTitle>
      {token === '' ? (
        <p className="error" role="alert">
          {nlAccount.reset.noToken}
        </p>
      ) : (
        <>
          <p>{nlAccount.reset.intro}</p>
          <form className="form narrow" onSubmit={submit} noValidate ref={errors.formRef}>
            <ErrorMessage error={errors.general} />
            <Field
              label={nlAccount.reset.password}
              hint={nl.register.passwordHint(LIMITS.passwordMin)}
              required
              error={errors.of('password')}
            >
              {(p) => <input {...p} type="password" autoComplete="new-password" minLength={LIMITS.passwordMin} value={form.password} onChange={set('password')} />}
            </Field>
            <Field label={nlAccount.reset.repeat} required error={mismatch ? nlAccount.reset.mismatch : null}>
              {(p) => <input {...p} ref={repeatRef} type="password" autoComplete="new-password" value={form.repeat} onChange={set('repeat')} />}
            </Field>
            <button type="submit" disabled={reset.isPending}>
              {reset.isPending ? nlAccount.reset.busy : nlAccount.reset.submit}
            </button>
          </form>
        </>
      )}
      {(token === '' || badToken) && (
        <p>
          <Link to="/wachtwoord-vergeten">{nlAccount.reset.requestNew}</Link>
        </p>
      )}
    </>
  );
}
