import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useRequestPasswordReset } from '../api/account-links';
import { Field } from '../components/field';
import { useFormErrors } from '../components/form-errors';
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
  const errors = useFormErrors(request.error, ['email']);

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
      <form className="form narrow" onSubmit={submit} noValidate ref={errors.formRef}>
        <ErrorMessage error={errors.general} />
        <Field label={nlAccount.forgot.email} required error={errors.of('email')}>
          {(p) => (
            <input
              {...p}
              type="email"
              name="email"
              autoComplete="email"
              value={email}
              onChange={(e) => errors.edit('email', setEmail)(e.target.value)}
            />
          )}
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
