import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { LIMITS, REPORT_REASONS, type ReportReason } from '../../../shared/constants';
import { Dialog } from './dialog';
import { Field } from './field';
import { useFormErrors } from './form-errors';
import { ErrorMessage } from './states';

export interface ReportTexts {
  title: string;
  /** What happens with the report, where that is not obvious (a private conversation is read by a moderator). */
  explain?: string;
  reason: string;
  reasons: Record<ReportReason, string>;
  note: string;
  submit: string;
  done: string;
}

/** "Rapporteren": why, and a note, for a post or a private message; `send` goes to the route of either. */
export function ReportDialog({ texts, send, open, onClose }: { texts: ReportTexts; send: (reason: ReportReason, note: string) => Promise<unknown>; open: boolean; onClose: () => void }) {
  const [reason, setReason] = useState<ReportReason>('spam');
  const [note, setNote] = useState('');
  const report = useMutation({ mutationFn: () => send(reason, note) });
  const errors = useFormErrors(report.error, ['note']);
  const close = () => {
    report.reset();
    setNote('');
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    report.mutate();
  };
  return (
    <Dialog title={texts.title} open={open} onClose={close}>
      {report.isSuccess ? (
        <p role="status">{texts.done}</p>
      ) : (
        <form className="form" onSubmit={submit} ref={errors.formRef}>
          {texts.explain && <p>{texts.explain}</p>}
          <ErrorMessage error={errors.general} />
          <fieldset>
            <legend>{texts.reason}</legend>
            {REPORT_REASONS.map((r) => (
              <label key={r} className="radio">
                <input type="radio" name="reason" value={r} checked={reason === r} onChange={() => setReason(r)} /> {texts.reasons[r]}
              </label>
            ))}
          </fieldset>
          <Field label={texts.note} error={errors.of('note')}>
            {(p) => (
              <textarea
                {...p}
                rows={3}
                maxLength={LIMITS.reportNoteMax}
                value={note}
                onChange={(e) => errors.edit('note', setNote)(e.target.value)}
              />
            )}
          </Field>
          <button type="submit" disabled={report.isPending}>
            {texts.submit}
          </button>
        </form>
      )}
    </Dialog>
  );
}
