import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { AdminUser, User } from '../../../shared/api/users';
import { useDeleteAccount, useModeratorDeleteAccount } from '../api/privacy';
import { nlPrivacy } from '../i18n/nl-privacy';
import { Field } from './field';
import { PageTitle } from './page-title';
import { PasswordConfirmDialog } from './password-confirm-dialog';
import { ReasonDialog } from './reason-dialog';

const t = nlPrivacy.deletion;

/** Her choice for her posts, as two radio buttons (keep by "Oud-lid" is the default: others' discussions stay readable). */
function PostsChoice({ removeText, onChange, name }: { removeText: boolean; onChange: (removeText: boolean) => void; name: string }) {
  return (
    <fieldset className="field">
      <legend>{t.choiceLegend}</legend>
      <div className="radio">
        <input type="radio" id={`${name}-keep`} name={name} checked={!removeText} onChange={() => onChange(false)} aria-describedby={`${name}-keep-hint`} />
        <label htmlFor={`${name}-keep`}>{t.keep}</label>
      </div>
      <p className="hint" id={`${name}-keep-hint`}>
        {t.keepHint}
      </p>
      <div className="radio">
        <input type="radio" id={`${name}-remove`} name={name} checked={removeText} onChange={() => onChange(true)} />
        <label htmlFor={`${name}-remove`}>{t.remove}</label>
      </div>
    </fieldset>
  );
}

/**
 * "Account verwijderen" on the profile page: her choice for her posts, a clear warning, then her password (and the
 * code from her app when two-step login is on). Afterwards she lands on /account-verwijderd, logged out.
 */
export function AccountDeletionSection({ user }: { user: User }) {
  const [asking, setAsking] = useState(false);
  const [removeText, setRemoveText] = useState(false);
  const [code, setCode] = useState('');
  const remove = useDeleteAccount();
  const navigate = useNavigate();
  const twoStep = user.totpEnabled === true;
  const close = () => {
    setAsking(false);
    setCode('');
    remove.reset();
  };
  const confirm = (password: string) =>
    remove.mutate(
      { password, removeText, ...(twoStep ? { code } : {}) },
      {
        onSuccess: () => {
          // First away from the profile page, then forget the account (see useDeleteAccount).
          void navigate('/account-verwijderd', { replace: true });
          remove.forget();
        },
      },
    );
  return (
    <section aria-labelledby="account-verwijderen">
      <h2 id="account-verwijderen">{t.title}</h2>
      <p>{t.intro}</p>
      <PostsChoice removeText={removeText} onChange={setRemoveText} name="posts-choice" />
      <button type="button" className="danger" onClick={() => setAsking(true)}>
        {t.start}
      </button>
      {asking && (
        <PasswordConfirmDialog title={t.confirmTitle} submitLabel={t.confirm} danger pending={remove.isPending} error={remove.error} onConfirm={confirm} onClose={close}>
          <p>
            <strong>{t.warning}</strong>
          </p>
          <p>{removeText ? t.remove : t.keep}</p>
          {twoStep && (
            <Field label={t.code} hint={t.codeHint} required>
              {(p) => <input {...p} type="text" inputMode="numeric" autoComplete="one-time-code" maxLength={7} value={code} onChange={(e) => setCode(e.target.value)} />}
            </Field>
          )}
        </PasswordConfirmDialog>
      )}
    </section>
  );
}

/** The page after deleting her account (she is logged out by then). */
export function AccountDeleted() {
  const d = nlPrivacy.deleted;
  return (
    <>
      <PageTitle>{d.title}</PageTitle>
      <p>{d.text}</p>
      <p>
        <Link to="/">{d.home}</Link>
      </p>
    </>
  );
}

/** A moderator's "Account verwijderen" on a member's row, on her request: a reason for the log, and her choice for her posts. */
export function ModeratorAccountDeletion({ user, onDone }: { user: AdminUser; onDone: (notice: string) => void }) {
  const m = nlPrivacy.moderator;
  const [asking, setAsking] = useState(false);
  const [removeText, setRemoveText] = useState(false);
  const remove = useModeratorDeleteAccount();
  const open = () => {
    remove.reset();
    setRemoveText(false);
    setAsking(true);
  };
  return (
    <>
      <button type="button" className="secondary" aria-disabled={remove.isPending} onClick={() => !remove.isPending && open()} aria-label={m.buttonLabel(user.displayName)}>
        {m.button}
      </button>
      {asking && (
        <ReasonDialog
          title={m.title(user.displayName)}
          reasonLabel={m.reasonLabel}
          confirmLabel={m.confirm}
          templates={m.templates}
          pending={remove.isPending}
          error={remove.error}
          onConfirm={(reason) =>
            remove.mutate(
              { id: user.id, reason, removeText },
              {
                onSuccess: () => {
                  setAsking(false);
                  onDone(m.done(user.displayName));
                },
              },
            )
          }
          onClose={() => setAsking(false)}
        >
          <div className="field check">
            <div className="radio">
              <input type="checkbox" id={`remove-text-${user.id}`} checked={removeText} onChange={(e) => setRemoveText(e.target.checked)} />
              <label htmlFor={`remove-text-${user.id}`}>{m.removeText}</label>
            </div>
          </div>
        </ReasonDialog>
      )}
    </>
  );
}
