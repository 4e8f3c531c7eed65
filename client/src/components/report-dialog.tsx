import { useState, type FormEvent } from 'react';
import { LIMITS, REPORT_REASONS, type ReportReason } from '../../../shared/constants';
import { useReport } from '../api/forum';
import { nlForum } from '../i18n/nl-forum';
import { Dialog } from './dialog';
import { Field } from './field';
import { useFormErrors } from './form-errors';
import { ErrorMessage } from './states';

export function ReportDialog({ postId, open, onClose }: { postId: number; open: boolean; onClose: () => void }) {
  const [reason, setReason] = useState<ReportReason>('spam');
  const [note, setNote] = useState('');
  const report = useReport();
  const errors = useFormErrors(report.error, ['note']);
  const close = () => {
    report.reset();
    setNote('');
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    report.mutate({ postId, reason, note });
  };
  return (
    <Dialog title={nlForum.report.title} open={open} onClose={close}>
      {report.isSuccess ? (
        <p role="status">{nlForum.report.done}</p>
      ) : (
        <form className="form" onSubmit={submit} ref={errors.formRef}>
          <ErrorMessage error={errors.general} />
          <fieldset>
            <legend>{nlForum.report.reason}</legend>
            {REPORT_REASONS.map((r) => (
              <label key={r} className="radio">
                <input type="radio" name="reason" value={r} checked={reason === r} onChange={() => setReason(r)} /> {nlForum.report.reasons[r]}
              </label>
            ))}
          </fieldset>
          <Field label={nlForum.report.note} error={errors.of('note')}>
            {(p) => (
              <textarea
                {...p}
                rows={3}
                maxLength={LIMITS.reportNoteMax}
                value={note}
                onChange={(e) => {
                  errors.clear('note');
                  setNote(e.target.value);
                }}
              />
            )}
          </Field>
          <button type="submit" disabled={report.isPending}>
            {nlForum.report.submit}
          </button>
        </form>
      )}
    </Dialog>
  );
}
