import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { LIMITS, type RepresentativeRole } from '../../../shared/constants';
import { useLogin, useRegister } from '../api/auth';
import { ApiError } from '../api/http';
import { Field } from '../components/field';
import { focusMunicipality, isKnownMunicipality, MunicipalityField } from '../components/municipality-field';
import { PageTitle } from '../components/page-title';
import { RoleSelect } from '../components/role-select';
import { ErrorMessage } from '../components/states';
import { nl } from '../i18n/nl';

export default function Register() {
  const [form, setForm] = useState({ email: '', password: '', displayName: '', party: '', municipality: '', representativeRole: '' });
  const [municipalityError, setMunicipalityError] = useState<string | null>(null);
  // Set when registering went through but logging in with it did not: the address may already have an account.
  const [received, setReceived] = useState(false);
  const register = useRegister();
  const login = useLogin();
  const navigate = useNavigate();
  const set = (name: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [name]: e.target.value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!isKnownMunicipality(form.municipality)) {
      setMunicipalityError(nl.register.municipalityInvalid);
      focusMunicipality();
      return;
    }
    setMunicipalityError(null);
    setReceived(false);
    register.mutate(
      {
        email: form.email,
        password: form.password,
        displayName: form.displayName,
        party: form.party,
        municipality: form.municipality.trim(),
        representativeRole: form.representativeRole ? (form.representativeRole as RepresentativeRole) : null,
      },
      {
        // Logged in straight away, a pending account sees the waiting page and can check back later. The server
        // answers a registration the same whether or not the address already had an account, so a failed login
        // is told in words that reveal neither.
        onSuccess: () =>
          login.mutate(
            { email: form.email, password: form.password },
            { onSuccess: () => navigate('/wachten'), onError: () => setReceived(true) },
          ),
      },
    );
  };
  const error = register.error instanceof ApiError ? register.error : null;
  const fieldError = (name: string) => (error?.field === name ? error.message : null);

  if (received) {
    return (
      <>
        <PageTitle>{nl.register.receivedTitle}</PageTitle>
        <p role="status">{nl.register.received}</p>
        <p>
          {nl.register.haveAccount} <Link to="/inloggen">{nl.login.submit}</Link>
        </p>
      </>
    );
  }

  return (
    <>
      <PageTitle>{nl.register.title}</PageTitle>
      <p>{nl.register.intro}</p>
      <form className="form narrow" onSubmit={submit} noValidate>
        <ErrorMessage error={register.error && !error?.field ? register.error : null} />
        <Field label={nl.register.email} required error={fieldError('email')}>
          {(p) => <input {...p} type="email" autoComplete="email" value={form.email} onChange={set('email')} />}
        </Field>
        <Field label={nl.register.password} hint={nl.register.passwordHint(LIMITS.passwordMin)} required error={fieldError('password')}>
          {(p) => <input {...p} type="password" autoComplete="new-password" minLength={LIMITS.passwordMin} value={form.password} onChange={set('password')} />}
        </Field>
        <Field label={nl.register.displayName} required error={fieldError('displayName')}>
          {(p) => <input {...p} type="text" autoComplete="name" maxLength={LIMITS.displayNameMax} value={form.displayName} onChange={set('displayName')} />}
        </Field>
        <Field label={nl.register.party} required error={fieldError('party')}>
          {(p) => <input {...p} type="text" autoComplete="organization" maxLength={LIMITS.partyMax} value={form.party} onChange={set('party')} />}
        </Field>
        <MunicipalityField label={nl.register.municipality} value={form.municipality} onChange={set('municipality')} error={municipalityError ?? fieldError('municipality')} />
        <RoleSelect label={nl.register.role} value={form.representativeRole} onChange={set('representativeRole')} error={fieldError('representativeRole')} />
        <button type="submit" disabled={register.isPending || login.isPending}>
          {register.isPending ? nl.register.busy : nl.register.submit}
        </button>
      </form>
      <p>
        {nl.register.haveAccount} <Link to="/inloggen">{nl.login.submit}</Link>
      </p>
    </>
  );
}
