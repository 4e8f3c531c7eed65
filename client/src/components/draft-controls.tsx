import { useEffect, useState } from 'react';
import { nlSaving } from '../i18n/nl-saving';
import { ConfirmDialog } from './confirm-dialog';
import type { Draft, DraftStatus } from './use-draft';

const t = nlSaving.draft;
const STATUS_TEXT: Record<DraftStatus, string> = { idle: '', restored: t.restored, saved: t.saved, failed: t.failed, discarded: t.discarded };

/**
 * Under a form with a draft (use-draft.ts): a quiet line that says it is kept, and "Concept weggooien". The line is a
 * polite live region that changes only when the state does ("Concept opgeslagen" stays put while she goes on typing
 * and saving), so a screen reader hears it once, not after every pause. After discarding, the button is gone with
 * the text: `focusAfterDiscard` puts focus back in the emptied form.
 */
export function DraftControls({ draft, kind, empty, focusAfterDiscard }: { draft: Draft; kind: 'reply' | 'thread'; empty: boolean; focusAfterDiscard: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // Set once discarded; acted on in an effect, after the commit that took the dialog away: focus cannot go into the
  // form while the modal dialog is still open, and the dialog's own cleanup would aim at the button that is gone.
  const [refocus, setRefocus] = useState(false);
  useEffect(() => {
    if (!refocus || confirming) return;
    setRefocus(false);
    focusAfterDiscard();
  }, [refocus, confirming, focusAfterDiscard]);
  const close = () => {
    setConfirming(false);
    setError(null);
  };
  const discard = () => {
    setPending(true);
    setError(null);
    draft.discard().then(
      () => {
        setPending(false);
        setConfirming(false);
        setRefocus(true);
      },
      (failure: unknown) => {
        setPending(false);
        setError(failure);
      },
    );
  };
  return (
    <div className="draft-controls">
      <p className="draft-status" aria-live="polite">
        {STATUS_TEXT[draft.status]}
      </p>
      {!empty && (
        <button type="button" className="link-button" aria-haspopup="dialog" onClick={() => setConfirming(true)}>
          {t.discard}
        </button>
      )}
      {confirming && (
        <ConfirmDialog title={t.discardTitle} open={confirming} onClose={close} message={kind === 'reply' ? t.discardReply : t.discardThread} confirmLabel={t.discard} error={error} pending={pending} onConfirm={discard} />
      )}
    </div>
  );
}
