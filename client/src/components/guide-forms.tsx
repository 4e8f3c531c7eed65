import { useRef, useState, type FormEvent } from 'react';
import { GUIDE_LIMITS, type GuideSection } from '../../../shared/api/guide';
import { nlGuideStaff as t } from '../i18n/nl-guide-staff';
import { Field } from './field';
import { useFormErrors } from './form-errors';

/**
 * The forms of the Wegwijzer's staff. What the client can check (filled in, long enough, an http(s) address) it says
 * beside the field before sending; the server checks again, and its refusals go beside their fields as well.
 */

function FormButtons({ submitLabel, busy, onCancel }: { submitLabel: string; busy: boolean; onCancel: () => void }) {
  return (
    <div className="actions">
      <button type="submit" aria-disabled={busy}>
        {submitLabel}
      </button>
      <button type="button" className="secondary" onClick={onCancel}>
        {t.cancel}
      </button>
    </div>
  );
}

/** The general error above the fields, in an alert: heard though focus stays on the submit button. */
function GeneralError({ error }: { error: Error | null }) {
  return error ? (
    <p className="error" role="alert">
      {error.message}
    </p>
  ) : null;
}

export function SectionForm({
  initial,
  submitLabel,
  busy,
  error,
  onSubmit,
  onCancel,
}: {
  initial: string;
  submitLabel: string;
  busy: boolean;
  error: unknown;
  onSubmit: (name: string) => void;
  onCancel: () => void;
}) {
  const [name, setName] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const errors = useFormErrors(error, ['name']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const trimmed = name.trim();
    const wrong = trimmed === '' ? t.required(t.name) : trimmed.length < GUIDE_LIMITS.sectionNameMin ? t.tooShort(t.name, GUIDE_LIMITS.sectionNameMin) : null;
    setProblem(wrong);
    if (wrong) return input.current?.focus();
    onSubmit(trimmed);
  };
  return (
    <form className="form" onSubmit={submit} noValidate ref={errors.formRef}>
      <GeneralError error={errors.general} />
      <Field label={t.name} required error={problem ?? errors.of('name')}>
        {(p) => (
          <input
            {...p}
            ref={input}
            type="text"
            maxLength={GUIDE_LIMITS.sectionNameMax}
            value={name}
            onChange={(e) => {
              setProblem(null);
              errors.clear('name');
              setName(e.target.value);
            }}
          />
        )}
      </Field>
      <FormButtons submitLabel={submitLabel} busy={busy} onCancel={onCancel} />
    </form>
  );
}

export interface LinkValues {
  sectionId: number;
  title: string;
  url: string;
  description: string;
}

const isWebAddress = (url: string) => {
  if (!/^https?:\/\//i.test(url)) return false;
  try {
    return new URL(url).hostname !== '';
  } catch {
    return false;
  }
};

type LinkField = 'title' | 'url' | 'description';

export function LinkForm({
  initial,
  sections,
  submitLabel,
  busy,
  error,
  onSubmit,
  onCancel,
}: {
  initial: LinkValues;
  sections: readonly GuideSection[];
  submitLabel: string;
  busy: boolean;
  error: unknown;
  onSubmit: (values: LinkValues) => void;
  onCancel: () => void;
}) {
  const [values, setValues] = useState(initial);
  const [problems, setProblems] = useState<Partial<Record<LinkField, string>>>({});
  const errors = useFormErrors(error, ['sectionId', 'title', 'url', 'description']);
  const set = <K extends keyof LinkValues>(key: K, value: LinkValues[K]) => {
    errors.clear(key);
    setProblems((p) => ({ ...p, [key]: undefined }));
    setValues((v) => ({ ...v, [key]: value }));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    // A description is one paragraph: line breaks typed in the box become spaces.
    const cleaned = { ...values, title: values.title.trim(), url: values.url.trim(), description: values.description.replace(/\s*[\r\n]+\s*/g, ' ').trim() };
    const found: Partial<Record<LinkField, string>> = {};
    if (cleaned.title === '') found.title = t.required(t.linkTitle);
    else if (cleaned.title.length < GUIDE_LIMITS.linkTitleMin) found.title = t.tooShort(t.linkTitle, GUIDE_LIMITS.linkTitleMin);
    if (cleaned.url === '') found.url = t.required(t.url);
    else if (!isWebAddress(cleaned.url)) found.url = t.badUrl;
    if (cleaned.description === '') found.description = t.required(t.description);
    setProblems(found);
    if (Object.keys(found).length > 0) {
      // After the render that marks them: the first field she has to fix.
      requestAnimationFrame(() => errors.formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    onSubmit(cleaned);
  };
  return (
    <form className="form" onSubmit={submit} noValidate ref={errors.formRef}>
      <GeneralError error={errors.general} />
      <Field label={t.section} required error={errors.of('sectionId')}>
        {(p) => (
          <select {...p} value={values.sectionId} onChange={(e) => set('sectionId', Number(e.target.value))}>
            {sections.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t.linkTitle} required error={problems.title ?? errors.of('title')}>
        {(p) => <input {...p} type="text" maxLength={GUIDE_LIMITS.linkTitleMax} value={values.title} onChange={(e) => set('title', e.target.value)} />}
      </Field>
      <Field label={t.url} hint={t.urlHint} required error={problems.url ?? errors.of('url')}>
        {(p) => (
          <input {...p} type="text" inputMode="url" autoComplete="off" spellCheck={false} maxLength={GUIDE_LIMITS.urlMax} value={values.url} onChange={(e) => set('url', e.target.value)} />
        )}
      </Field>
      <Field label={t.description} hint={t.descriptionHint} required error={problems.description ?? errors.of('description')}>
        {(p) => <textarea {...p} rows={3} maxLength={GUIDE_LIMITS.descriptionMax} value={values.description} onChange={(e) => set('description', e.target.value)} />}
      </Field>
      <FormButtons submitLabel={submitLabel} busy={busy} onCancel={onCancel} />
    </form>
  );
}
