import { useId, useRef, useState, type FormEvent } from 'react';
import { CATEGORY_ACCESS, CATEGORY_COLORS, CATEGORY_ICONS, LIMITS, type CategoryAccess, type CategoryColor, type CategoryIcon } from '../../../../shared/constants';
import { ApiError } from '../../api/http';
import { categoryColorClass, CategoryMark } from '../../components/category-icon';
import { Field } from '../../components/field';
import { useFormErrors } from '../../components/form-errors';
import { nlCategories as t } from '../../i18n/nl-categories';
import { nlKnowledge } from '../../i18n/nl-knowledge';

export interface CategoryValues {
  name: string;
  description: string;
  color: CategoryColor;
  icon: CategoryIcon | null;
  access: CategoryAccess;
  archived: boolean;
  /** Its threads are questions that can get a best answer ("Opgelost"). */
  expectsAnswers: boolean;
}

// expectsAnswers on, as the server has it when left out (shared/api/categories.ts).
export const NEW_CATEGORY: CategoryValues = { name: '', description: '', color: 'blauw', icon: null, access: 'members', archived: false, expectsAnswers: true };

/** A category's settings and nothing else: the server refuses fields it does not know. */
export const valuesOf = ({ name, description, color, icon, access, archived, expectsAnswers }: CategoryValues): CategoryValues => ({
  name,
  description,
  color,
  icon,
  access,
  archived,
  expectsAnswers,
});

/** The name is taken: told above the fields, and the name field is marked as well. */
const nameTaken = (error: unknown) => error instanceof ApiError && error.code === 'category_exists';

/**
 * One category's settings, to create one or (with `archivable`) to change one. A refused field is told beside it (and
 * focused); any other server error above the fields in an alert, so it is heard though focus stays on the submit
 * button; a name that is taken also marks the name field.
 */
export function CategoryForm({
  initial,
  archivable = false,
  submitLabel,
  busy,
  error,
  onSubmit,
}: {
  initial: CategoryValues;
  archivable?: boolean;
  submitLabel: string;
  busy: boolean;
  error: unknown;
  onSubmit: (values: CategoryValues) => void;
}) {
  const [values, setValues] = useState(initial);
  const [tooShort, setTooShort] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const errorId = `${id}-error`;
  // The server's error about the name no longer applies once the name is changed: its mark goes, its text stays.
  const [answered, setAnswered] = useState<unknown>(null);
  const nameInvalid = nameTaken(error) && error !== answered;
  const errors = useFormErrors(error, ['name', 'description', 'icon', 'access']);
  const set = <K extends keyof CategoryValues>(key: K, value: CategoryValues[K]) => {
    errors.clear(key);
    setValues((v) => ({ ...v, [key]: value }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const name = values.name.trim();
    setTooShort(name.length < LIMITS.categoryNameMin);
    if (name.length < LIMITS.categoryNameMin) {
      nameRef.current?.focus();
      return;
    }
    onSubmit({ ...values, name, description: values.description.trim() });
  };

  return (
    <form className="form" onSubmit={submit} noValidate ref={errors.formRef}>
      {errors.general ? (
        <p className="error" role="alert" id={errorId}>
          {errors.general.message}
        </p>
      ) : null}
      <Field label={t.name} hint={t.nameHint} required error={tooShort ? t.nameTooShort : errors.of('name')}>
        {(p) => (
          <input
            {...p}
            ref={nameRef}
            type="text"
            maxLength={LIMITS.categoryNameMax}
            value={values.name}
            onChange={(e) => {
              setTooShort(false);
              setAnswered(error);
              set('name', e.target.value);
            }}
            aria-invalid={p['aria-invalid'] ?? (nameInvalid || undefined)}
            aria-describedby={[p['aria-describedby'], nameInvalid ? errorId : null].filter(Boolean).join(' ') || undefined}
          />
        )}
      </Field>
      <Field label={t.description} hint={t.descriptionHint} error={errors.of('description')}>
        {(p) => <textarea {...p} rows={3} maxLength={LIMITS.categoryDescriptionMax} value={values.description} onChange={(e) => set('description', e.target.value)} />}
      </Field>
      <fieldset>
        <legend>{t.color}</legend>
        <div className="color-choices">
          {CATEGORY_COLORS.map((color) => (
            <label key={color} className="radio">
              <input type="radio" name={`${id}-color`} value={color} checked={values.color === color} onChange={() => set('color', color)} />
              <span className={`color-swatch ${categoryColorClass(color)}`} aria-hidden="true" />
              {t.colors[color]}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="icon-field">
        <Field label={t.icon} error={errors.of('icon')}>
          {(p) => (
            <select {...p} value={values.icon ?? ''} onChange={(e) => set('icon', (e.target.value || null) as CategoryIcon | null)}>
              <option value="">{t.iconNone}</option>
              {CATEGORY_ICONS.map((icon) => (
                <option key={icon} value={icon}>
                  {t.icons[icon]}
                </option>
              ))}
            </select>
          )}
        </Field>
        {/* How it will look, beside the choice; decorative (the choices are named in words). */}
        <CategoryMark category={values} size="large" />
      </div>
      <Field label={t.access} required error={errors.of('access')}>
        {(p) => (
          <select {...p} value={values.access} onChange={(e) => set('access', e.target.value as CategoryAccess)}>
            {CATEGORY_ACCESS.map((access) => (
              <option key={access} value={access}>
                {t.accessOptions[access]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="field check">
        <div className="radio">
          <input
            type="checkbox"
            id={`${id}-answers`}
            checked={values.expectsAnswers}
            onChange={(e) => set('expectsAnswers', e.target.checked)}
            aria-describedby={`${id}-answers-hint`}
          />
          <label htmlFor={`${id}-answers`}>{nlKnowledge.admin.expectsAnswers}</label>
        </div>
        <p className="hint" id={`${id}-answers-hint`}>
          {nlKnowledge.admin.expectsAnswersHint}
        </p>
      </div>
      {archivable && (
        <div className="field check">
          <div className="radio">
            <input type="checkbox" id={`${id}-archived`} checked={values.archived} onChange={(e) => set('archived', e.target.checked)} aria-describedby={`${id}-archived-hint`} />
            <label htmlFor={`${id}-archived`}>{t.archive}</label>
          </div>
          <p className="hint" id={`${id}-archived-hint`}>
            {t.archiveHint}
          </p>
        </div>
      )}
      <button type="submit" aria-disabled={busy}>
        {busy ? t.busy : submitLabel}
      </button>
    </form>
  );
}
