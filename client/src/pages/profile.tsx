import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { LIMITS, type RepresentativeRole } from '../../../shared/constants';
import type { UpdateProfileBody, User } from '../../../shared/api/users';
import { useLogout, useMe } from '../api/auth';
import { useChangePassword, useUpdateProfile } from '../api/profile';
import { AccountDeletionSection } from '../components/account-deletion';
import { AvatarSettings } from '../components/avatar-settings';
import { DataExportSection } from '../components/data-export';
import { Field } from '../components/field';
import { useFormErrors } from '../components/form-errors';
import { focusMunicipality, isKnownMunicipality, MunicipalityField } from '../components/municipality-field';
import { NotificationSettingsSection } from '../components/notification-settings-form';
import { PageTitle } from '../components/page-title';
import { RoleSelect } from '../components/role-select';
import { ErrorMessage, Loading } from '../components/states';
import { TwoStepSection } from '../components/two-step-settings';
import { BlockedMembersSection } from './conversations/blocked-members';
import { nl } from '../i18n/nl';
import { nlForum } from '../i18n/nl-forum';
import { nlMembers } from '../i18n/nl-members';

/** The account as the server knows it: name, party, municipality and role can be changed here, and the password. */
export default function Profile() {
  const me = useMe();
  const everywhere = useLogout('/api/auth/logout-everywhere');
  const navigate = useNavigate();
  const user = me.data;
  if (me.data === null) return <Navigate to="/inloggen?terug=/profiel" replace />;
  // The server lets only active members change their details (PATCH /api/me is members-only); the password anyone.
  const editable = user?.status === 'active';
  return (
    <>
      <PageTitle>{nlForum.profile.title}</PageTitle>
      {!user ? (
        <Loading />
      ) : (
        <>
          <dl className="details">
            {!editable && (
              <>
                <dt>{nlForum.profile.displayName}</dt>
                <dd>{user.displayName}</dd>
                <dt>{nlForum.profile.party}</dt>
                <dd>{user.party}</dd>
                <dt>{nlForum.profile.municipality}</dt>
                <dd>{user.municipality}</dd>
                <dt>{nlForum.profile.role}</dt>
                <dd>{user.representativeRole ? nl.roles[user.representativeRole] : nlForum.profile.none}</dd>
              </>
            )}
            <dt>{nlForum.profile.accountRole}</dt>
            <dd>{nlForum.profile.accountRoles[user.role]}</dd>
            <dt>{nlForum.profile.since}</dt>
            <dd>{nl.time.date(user.createdAt)}</dd>
          </dl>
          {editable && <ProfileForm user={user} />}
          {editable && <AvatarSettings user={user} />}
          {editable && <NotificationSettingsSection />}
          {editable && <BlockedMembersSection />}
          <PasswordForm />
          {editable && <TwoStepSection />}
          <h2>{nlForum.profile.logoutEverywhere}</h2>
          <p>{nlForum.profile.logoutEverywhereHint}</p>
          <ErrorMessage error={everywhere.error} />
          <button type="button" className="secondary" disabled={everywhere.isPending} onClick={() => everywhere.mutate(undefined, { onSuccess: () => navigate('/') })}>
            {nlForum.profile.logoutEverywhere}
          </button>
          <DataExportSection />
          <AccountDeletionSection user={user} />
        </>
      )}
    </>
  );
}

function ProfileForm({ user }: { user: User }) {
  const [form, setForm] = useState({ displayName: user.displayName, party: user.party, municipality: user.municipality, representativeRole: user.representativeRole ?? '' });
  const [municipalityError, setMunicipalityError] = useState<string | null>(null);
  // Her choice whether other members see her party and municipality; on unless she turned it off.
  const [showAffiliation, setShowAffiliation] = useState(user.showAffiliation ?? true);
  const [notice, setNotice] = useState<string | null>(null);
  const update = useUpdateProfile();
  const errors = useFormErrors(update.error, ['displayName', 'party', 'municipality', 'representativeRole']);
  const set = (name: keyof typeof form) => (e: { target: { value: string } }) => {
    setNotice(null);
    errors.clear(name);
    if (name === 'municipality') setMunicipalityError(null);
    setForm((f) => ({ ...f, [name]: e.target.value }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const municipality = form.municipality.trim();
    // Only a changed municipality must be on the current list: an older name (before a merger) may stay.
    if (municipality !== user.municipality && !isKnownMunicipality(municipality)) {
      setMunicipalityError(nl.register.municipalityInvalid);
      focusMunicipality();
      return;
    }
    setMunicipalityError(null);
    const role = form.representativeRole ? (form.representativeRole as RepresentativeRole) : null;
    // Only what changed: resending an unchanged role must never cost the member their verified badge.
    const changes: UpdateProfileBody = {};
    if (form.displayName !== user.displayName) changes.displayName = form.displayName;
    if (form.party !== user.party) changes.party = form.party;
    if (municipality !== user.municipality) changes.municipality = municipality;
    if (role !== user.representativeRole) changes.representativeRole = role;
    if (showAffiliation !== (user.showAffiliation ?? true)) changes.showAffiliation = showAffiliation;
    // The API wants at least one field; an unchanged form needs no request.
    if (Object.keys(changes).length === 0) {
      update.reset();
      setNotice(nlForum.profile.unchanged);
      return;
    }
    setNotice(null);
    update.mutate(changes, {
      onSuccess: ({ user: saved }) => {
        // The server trims; show what it stored, so the next save compares against that.
        setForm({ displayName: saved.displayName, party: saved.party, municipality: saved.municipality, representativeRole: saved.representativeRole ?? '' });
        setShowAffiliation(saved.showAffiliation ?? true);
        setNotice(nlForum.profile.saved);
      },
    });
  };
  const fieldError = errors.of;

  return (
    <>
      <h2>{nlForum.profile.edit}</h2>
      <form className="form narrow" onSubmit={submit} noValidate ref={errors.formRef}>
        <ErrorMessage error={errors.general} />
        <Field label={nlForum.profile.displayName} required error={fieldError('displayName')}>
          {(p) => <input {...p} type="text" autoComplete="name" maxLength={LIMITS.displayNameMax} value={form.displayName} onChange={set('displayName')} />}
        </Field>
        <Field label={nlForum.profile.party} required error={fieldError('party')}>
          {(p) => <input {...p} type="text" autoComplete="organization" maxLength={LIMITS.partyMax} value={form.party} onChange={set('party')} />}
        </Field>
        <MunicipalityField label={nlForum.profile.municipality} value={form.municipality} onChange={set('municipality')} error={municipalityError ?? fieldError('municipality')} />
        <RoleSelect
          label={nl.register.role}
          hint={user.representativeVerified ? nlForum.profile.verifiedHint : undefined}
          value={form.representativeRole}
          onChange={set('representativeRole')}
          error={fieldError('representativeRole')}
        />
        <div className="field check">
          <div className="radio">
            <input
              type="checkbox"
              id="show-affiliation"
              checked={showAffiliation}
              aria-describedby="show-affiliation-hint"
              onChange={(e) => {
                setNotice(null);
                setShowAffiliation(e.target.checked);
              }}
            />
            <label htmlFor="show-affiliation">{nlMembers.affiliation.label}</label>
          </div>
          <p className="hint" id="show-affiliation-hint">
            {nlMembers.affiliation.hint}
          </p>
        </div>
        <button type="submit" disabled={update.isPending}>
          {update.isPending ? nlForum.profile.saving : nlForum.profile.save}
        </button>
        {/* Always in the page, so screen readers are already listening when the message appears. */}
        <p role="status">{notice}</p>
      </form>
    </>
  );
}

function PasswordForm() {
  const [form, setForm] = useState({ currentPassword: '', newPassword: '' });
  const [done, setDone] = useState(false);
  const change = useChangePassword();
  const errors = useFormErrors(change.error, ['currentPassword', 'newPassword']);
  const set = (name: keyof typeof form) => (e: { target: { value: string } }) => {
    setDone(false);
    errors.clear(name);
    setForm((f) => ({ ...f, [name]: e.target.value }));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    change.mutate(form, {
      onSuccess: () => {
        // A password must not stay in the page (or the browser's form state) once it has done its work.
        setForm({ currentPassword: '', newPassword: '' });
        setDone(true);
      },
    });
  };
  const fieldError = errors.of;

  return (
    <>
      <h2>{nlForum.profile.password}</h2>
      <form className="form narrow" onSubmit={submit} noValidate ref={errors.formRef}>
        <ErrorMessage error={errors.general} />
        <Field label={nlForum.profile.currentPassword} required error={fieldError('currentPassword')}>
          {(p) => <input {...p} type="password" autoComplete="current-password" value={form.currentPassword} onChange={set('currentPassword')} />}
        </Field>
        <Field label={nlForum.profile.newPassword} hint={nl.register.passwordHint(LIMITS.passwordMin)} required error={fieldError('newPassword')}>
          {(p) => <input {...p} type="password" autoComplete="new-password" minLength={LIMITS.passwordMin} value={form.newPassword} onChange={set('newPassword')} />}
        </Field>
        <button type="submit" disabled={change.isPending}>
          {change.isPending ? nlForum.profile.passwordBusy : nlForum.profile.password}
        </button>
        <p role="status">{done ? nlForum.profile.passwordChanged : null}</p>
      </form>
    </>
  );
}
