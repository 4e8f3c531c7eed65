import { useState, type FormEvent } from 'react';
import { LIMITS, REPORT_REASONS, type ReportReason } from '../../../../shared/constants';
import { useReportMessage } from '../../api/conversations';
import { Dialog } from '../../components/dialog';
import { Field } from '../../components/field';
import { useFormErrors } from '../../components/form-errors';
import { ErrorMessage } from '../../components/states';
import { nlConversations } from '../../i18n/nl-conversations';

const t = nlConversations.report;

/** "Rapporteren" on someone else's message: the forum's report dialog (report-dialog.tsx), in a conversation's words. */
export function ReportMessageDialog({ conversationId, messageId, onClose }: { conversationId: number; messageId: number; onClose: () => void }) {
  const [reason, setReason] = useState<ReportReason>('spam');
  const [note, setNote] = useState('');
  const report = useReportMessage(conversationId);
  const errors = useFormErrors(report.error, ['note']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    report.mutate({ messageId, reason, note });
  };
  return (
    <Dialog title={t.title} open onClose={onClose}>
      {report.isSuccess ? (
        <p role="status">{t.done}</p>
      ) : (
        <form className="form" onSubmit={submit} ref={errors.formRef}>
          <p>{t.explain}</p>
          <ErrorMessage error={errors.general} />
          <fieldset>
            <legend>{t.reason}</legend>
            {REPORT_REASONS.map((r) => (
              <label key={r} className="radio">
                <input type="radio" name="reason" value={r} checked={reason === r} onChange={() => setReason(r)} /> {t.reasons[r]}
              </label>
            ))}
          </fieldset>
          <Field label={t.note} error={errors.of('note')}>
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
            {t.submit}
          </button>
        </form>
      )}
    </Dialog>
  );
}
