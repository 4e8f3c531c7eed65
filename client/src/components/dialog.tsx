import { useEffect, useId, useRef, type ReactNode } from 'react';
import { nl } from '../i18n/nl';

/**
 * A modal built on the native <dialog>: the browser traps focus, closes it on Escape and hides the rest of the
 * page from assistive technology. Focus goes back to whatever opened it.
 */
export function Dialog({ title, open, onClose, children }: { title: string; open: boolean; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      const opener = document.activeElement as HTMLElement | null;
      dialog.showModal();
      return () => opener?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);
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
