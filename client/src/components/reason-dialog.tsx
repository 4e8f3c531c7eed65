import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { LIMITS } from '../../../shared/constants';
import { nl } from '../i18n/nl';
import { nlModeration } from '../i18n/nl-moderation';
import { Dialog } from './dialog';
import { Field } from './field';
import { useFormErrors } from './form-errors';
import { ErrorMessage } from './states';

/**
 * The confirmation every moderator's act that takes something away asks for: what it will do (`children`), and a
 * reason the member reads, started from a short template or written. Confirming stays impossible without a
 * reason; the caller closes the dialog once the request succeeded and tells the outcome.
 */
export function ReasonDialog({
  title,
  reasonLabel,
  confirmLabel,
  templates,
  pending,
  error,
  onConfirm,
  onClose,
  children,
}: {
  title: string;
  reasonLabel: string;
  confirmLabel: string;
  templates: readonly string[];
  pending: boolean;
  error: unknown;
  onConfirm: (reason: string) => void;
  onClose: () => void;
  children: ReactNode;
}) {
  const [reason, setReason] = useState('');
  const id = useId();
  const errors = useFormErrors(error, ['reason']);
  const choose = (text: string) => {
    errors.clear('reason');
    setReason(text);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!pending && reason.trim()) onConfirm(reason.trim());
  };
  return (
    <Dialog title={title} open onClose={onClose}>
      <form className="form" onSubmit={submit} ref={errors.formRef}>
        {children}
        <ErrorMessage error={errors.general} />
        <div className="field">
          <label htmlFor={`${id}-template`}>{nlModeration.template}</label>
          {/* Choosing one fills the reason below, where it can still be edited. */}
          <select id={`${id}-template`} value={templates.includes(reason) ? reason : ''} onChange={(e) => e.target.value && choose(e.target.value)}>
            <option value="">{nlModeration.templateNone}</option>
            {templates.map((template) => (
              <option key={template} value={template}>
                {template}
              </option>
            ))}
          </select>
        </div>
        <Field label={reasonLabel} required error={errors.of('reason')}>
          {(p) => <textarea {...p} rows={3} maxLength={LIMITS.reasonMax} value={reason} onChange={(e) => choose(e.target.value)} />}
        </Field>
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

/** How long a suspension lasts: 1 day, 1 week, 1 month or until lifted (null). */
export function DurationField({ value, onChange }: { value: number | null; onChange: (days: number | null) => void }) {
  const name = useId();
  return (
    <fieldset>
      <legend>{nlModeration.duration}</legend>
      {nlModeration.durations.map((d) => (
        <label key={d.label} className="radio">
          <input type="radio" name={name} checked={value === d.days} onChange={() => onChange(d.days)} /> {d.label}
        </label>
      ))}
    </fieldset>
  );
}
