import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { LIMITS } from '../../../shared/constants';
import { nl } from '../i18n/nl';
import { Dialog } from './dialog';
import { ErrorMessage } from './states';

/**
 * The confirmation a moderator's act that takes something away asks for: what it will do (`children`), and a
 * reason the member reads. Confirming stays possible only with a reason; the outcome is told by the caller once
 * the request succeeded (it closes the dialog).
 */
export function ReasonDialog({
  title,
  reasonLabel,
  confirmLabel,
  pending,
  error,
  onConfirm,
  onClose,
  children,
}: {
  title: string;
  reasonLabel: string;
  confirmLabel: string;
  pending: boolean;
  error: unknown;
  onConfirm: (reason: string) => void;
  onClose: () => void;
  children: ReactNode;
}) {
  const [reason, setReason] = useState('');
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!pending && reason.trim()) onConfirm(reason.trim());
  };
  return (
    <Dialog title={title} open onClose={onClose}>
      <form className="form" onSubmit={submit}>
        {children}
        <ErrorMessage error={error} />
        <div className="field">
          <label htmlFor={id}>{reasonLabel}</label>
          <textarea id={id} rows={3} required maxLength={LIMITS.reasonMax} value={reason} onChange={(e) => setReason(e.target.value)} />
        </div>
        <div className="actions">
          <button type="submit" className="danger" disabled={!reason.trim()} aria-disabled={pending}>
            {confirmLabel}
          </button>
          <button type="button" className="secondary" onClick={onClose}>
            {nl.common.cancel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
