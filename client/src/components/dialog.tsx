import { useEffect, useId, useRef, type ReactNode } from 'react';
import { nl } from '../i18n/nl';

/**
 * A modal built on the native <dialog>: the browser traps focus, closes it on Escape and hides the rest of the
 * page from assistive technology. Focus goes back to whatever opened it, also when the dialog leaves the page
 * while open (a form that closes it by unmounting it once its request succeeded).
 */
export function Dialog({ title, open, onClose, children }: { title: string; open: boolean; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement as HTMLElement | null;
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
      opener.current?.focus();
    }
  }, [open]);
  // On unmount only. Not a cleanup of the effect above: StrictMode runs that one twice, and the second run finds
  // the dialog already open and would register nothing.
  useEffect(
    () => () => {
      if (opener.current?.isConnected) opener.current.focus();
    },
    [],
  );
  return (
    <dialog ref={ref} aria-labelledby={titleId} onClose={onClose} className="dialog">
      {open && (
        <>
          <h2 id={titleId}>{title}</h2>
          {children}
          <button type="button" className="dialog-close link-button" onClick={onClose}>
            {nl.common.close}
          </button>
        </>
      )}
    </dialog>
  );
}
