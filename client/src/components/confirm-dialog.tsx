import type { ReactNode } from 'react';
import { nl } from '../i18n/nl';
import { Dialog } from './dialog';
import { ErrorMessage } from './states';

/**
 * "Weet je het zeker?" before something is removed for good: the question, the server's refusal if any, the
 * (danger) confirm button and Annuleren. A second press while the request runs does nothing; the caller closes
 * the dialog (and says what happened) when it succeeds.
 */
export function ConfirmDialog({
  title,
  open,
  onClose,
  message,
  confirmLabel,
  error,
  pending,
  onConfirm,
}: {
  title: string;
  open: boolean;
  onClose: () => void;
  message: ReactNode;
  confirmLabel: string;
  error: unknown;
  pending: boolean;
  onConfirm: () => void;
}) {
  return (
    <Dialog title={title} open={open} onClose={onClose}>
      {open && (
        <>
          <p>{message}</p>
          <ErrorMessage error={error} />
          <div className="actions">
            <button type="button" className="danger" aria-disabled={pending} onClick={() => !pending && onConfirm()}>
              {confirmLabel}
            </button>
            <button type="button" className="secondary" onClick={onClose}>
              {nl.common.cancel}
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}
