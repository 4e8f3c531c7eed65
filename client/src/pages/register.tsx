import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { LIMITS, type RepresentativeRole } from '../../../shared/constants';
import { useRegister } from '../api/auth';
import { Field } from '../components/field';
import { useFormErrors } from '../components/form-errors';
import { focusMunicipality, isKnownMunicipality, MunicipalityField } from '../components/municipality-field';
import { PageTitle } from '../components/page-title';
import { RoleSelect } from '../components/role-select';
import { ErrorMessage } from '../components/states';
import { nl } from '../i18n/nl';
import { nlAccount } from '../i18n/nl-account';

const FIELDS = ['email', 'password', 'displayName', 'party', 'municipality', 'representativeRole'];

export default function Register() {
  const [form, setForm] = useState({ email: '', password: '', displayName: '', party: '', municipality: '', representativeRole: '' });
  const [municipalityError, setMunicipalityError] = useState<string | null>(null);
  const register = useRegister();
  const errors = useFormErrors(register.error, FIELDS);
  const set = (name: keyof typeof form) => (e: { target: { value: string } }) => {
    errors.clear(name);
    if (name === 'municipality') setMunicipalityError(null);
    setForm((f) => ({ ...f, [name]: e.target.value }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!isKnownMunicipality(form.municipality)) {
      setMunicipalityError(nl.register.municipalityInvalid);
      focusMunicipality();
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
      // A password must not stay in the page once it has done its work.
      { onSuccess: () => setForm((f) => ({ ...f, password: '' })) },
    );
  };
  const fieldError = errors.of;

  // The server answers the same whether or not the address already had an account, and so does this page: the
  // confirmation mail (or, for an existing account, a mail saying so) tells her what comes next.
  if (register.isSuccess) {
    return (
      <>
        <PageTitle>{nlAccount.registered.title}</PageTitle>
        <p role="status">{nlAccount.registered.body(form.email.trim())}</p>
        <p>{nlAccount.registered.spam}</p>
      </>
    );
  }

  return (
    <>
      <PageTitle>{nl.register.title}</PageTitle>
      <p>{nl.register.intro}</p>
      <form className="form narrow" onSubmit={submit} noValidate ref={errors.formRef}>
        <ErrorMessage error={errors.general} />
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
        <button type="submit" disabled={register.isPending}>
          {register.isPending ? nl.register.busy : nl.register.submit}
        </button>
      </form>
      <p>
        {nl.register.haveAccount} <Link to="/inloggen">{nl.login.submit}</Link>
      </p>
    </>
  );
}
