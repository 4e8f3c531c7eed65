import { useState, type FormEvent, type ReactNode } from 'react';
import { nl } from '../i18n/nl';
import { nlTwoStep } from '../i18n/nl-two-step';
import { Dialog } from './dialog';
import { Field } from './field';
import { useFormErrors } from './form-errors';
import { ErrorMessage } from './states';

const t = nlTwoStep.password;
const PASSWORD = ['password'];

/**
 * Asks her password before a change to how she logs in (someone at an unlocked computer must not make one). What
 * the change does is `children`. The caller closes it once the request succeeded; a wrong password is said on the
 * field, in an alert, and focus goes back into the field; the message goes when she changes it.
 */
export function PasswordConfirmDialog({
  title,
  submitLabel,
  danger = false,
  pending,
  error,
  onConfirm,
  onClose,
  children,
}: {
  title: string;
  submitLabel: string;
  danger?: boolean;
  pending: boolean;
  error: unknown;
  onConfirm: (password: string) => void;
  onClose: () => void;
  children: ReactNode;
}) {
  const [password, setPassword] = useState('');
  const [empty, setEmpty] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    setEmpty(password === '');
    if (password !== '') onConfirm(password);
  };
  const errors = useFormErrors(error, PASSWORD);
  return (
    <Dialog title={title} open onClose={onClose}>
      <form className="form" onSubmit={submit} noValidate ref={errors.formRef}>
        {children}
        <ErrorMessage error={errors.general} />
        <Field label={t.label} required alert error={empty ? t.empty : errors.of('password')}>
          {(p) => (
            <input
              {...p}
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => {
                setEmpty(false);
                errors.clear('password');
                setPassword(e.target.value);
              }}
            />
          )}
        </Field>
        <div className="actions">
          <button type="submit" className={danger ? 'danger' : undefined} aria-disabled={pending}>
            {pending ? t.busy : submitLabel}
          </button>
          <button type="button" className="secondary" onClick={onClose}>
            {nl.common.cancel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
