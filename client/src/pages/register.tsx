import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { LIMITS, REPRESENTATIVE_ROLES, type RepresentativeRole } from '../../../shared/constants';
import { useLogin, useRegister } from '../api/auth';
import { ApiError } from '../api/http';
import { Field } from '../components/field';
import { PageTitle } from '../components/page-title';
import { ErrorMessage } from '../components/states';
import { GEMEENTEN } from '../data/gemeenten';
import { nl } from '../i18n/nl';

const known = new Set(GEMEENTEN);

export default function Register() {
  const [form, setForm] = useState({ email: '', password: '', displayName: '', party: '', municipality: '', representativeRole: '' });
  const [municipalityError, setMunicipalityError] = useState<string | null>(null);
  const register = useRegister();
  const login = useLogin();
  const navigate = useNavigate();
  const set = (name: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [name]: e.target.value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!known.has(form.municipality.trim())) {
      setMunicipalityError(nl.register.municipalityInvalid);
      document.querySelector<HTMLInputElement>("input[list=gemeenten]")?.focus();
      return;
    }
    setMunicipalityError(null);
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
        // Logged in straight away, a pending account sees the waiting page and can check back later.
        onSuccess: () => login.mutate({ email: form.email, password: form.password }, { onSettled: () => navigate('/wachten') }),
      },
    );
  };
  const error = register.error instanceof ApiError ? register.error : null;
  const fieldError = (name: string) => (error?.field === name ? error.message : null);

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
        <Field label={nl.register.municipality} hint={nl.register.municipalityHint} required error={municipalityError ?? fieldError('municipality')}>
          {(p) => (
            <>
              <input {...p} type="text" list="gemeenten" autoComplete="off" value={form.municipality} onChange={set('municipality')} />
              <datalist id="gemeenten">
                {GEMEENTEN.map((g) => (
                  <option key={g} value={g} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        <Field label={nl.register.role} error={fieldError('representativeRole')}>
          {(p) => (
            <select {...p} value={form.representativeRole} onChange={set('representativeRole')}>
              <option value="">{nl.register.roleNone}</option>
              {REPRESENTATIVE_ROLES.map((r) => (
                <option key={r} value={r}>
                  {nl.roles[r]}
                </option>
              ))}
            </select>
          )}
        </Field>
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
