import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { CreateTrainingBody, TrainingDetail, TrainingKind, UpdateTrainingBody } from '../../../shared/api/trainings';
import { useCategories } from '../api/forum';
import { useCreateTraining, useUpdateTraining } from '../api/training-staff';
import { useTraining } from '../api/trainings';
import { Composer } from '../components/composer';
import { Field } from '../components/field';
import { useFormErrors } from '../components/form-errors';
import { PageTitle } from '../components/page-title';
import { ErrorMessage, Loading, NotFound, PageError } from '../components/states';
import { nlTrainingStaff } from '../i18n/nl-training-staff';
import { nlTrainings } from '../i18n/nl-trainings';
import { toIso, toLocalInput } from './training-form-time';
import './trainings.css';
import { RequireCentreStaff } from '../components/centre-staff-only';

const t = nlTrainingStaff.form;
const KINDS = Object.keys(nlTrainings.kinds) as TrainingKind[];
/**
 * The lengths the contract allows (TRAINING_LIMITS in shared/api/trainings.ts), written out: importing that module
 * would bring its schema library into this page.
 */
const MAX = { title: 150, location: 300, url: 2000, entryCriteria: 2000 };
const FIELDS = ['title', 'kind', 'categoryId', 'description', 'startsAt', 'endsAt', 'location', 'meetingUrl', 'linkVisibleMinutes', 'capacity', 'signupDeadline', 'entryCriteria'] as const;
type Values = Record<(typeof FIELDS)[number], string>;

/** A number field's text as the API's integer; what is not one goes as it is, for the server to refuse by name. */
const toInteger = (text: string) => (/^\s*\d+\s*$/.test(text) ? Number(text) : (text as unknown as number));

function toBody(v: Values): CreateTrainingBody {
  return {
    title: v.title,
    kind: v.kind as TrainingKind,
    categoryId: Number(v.categoryId),
    description: v.description,
    startsAt: toIso(v.startsAt),
    endsAt: toIso(v.endsAt),
    location: v.location.trim() || null,
    meetingUrl: v.meetingUrl.trim() || null,
    linkVisibleMinutes: toInteger(v.linkVisibleMinutes),
    capacity: toInteger(v.capacity),
    signupDeadline: v.signupDeadline ? toIso(v.signupDeadline) : null,
    entryCriteria: v.entryCriteria,
  };
}

/**
 * Only what she changed goes in the PATCH: the server checks each field it gets (a start in the past is refused),
 * and a training that is over must still take a correction to its text without its old times being refused.
 */
function changedFields(before: CreateTrainingBody, after: CreateTrainingBody): UpdateTrainingBody {
  const changes: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(after)) {
    if (JSON.stringify(value) !== JSON.stringify(before[field as keyof CreateTrainingBody])) changes[field] = value;
  }
  return changes as UpdateTrainingBody;
}

function valuesOf(training: TrainingDetail, categoryId: string): Values {
  return {
    title: training.title,
    kind: training.kind,
    categoryId,
    description: training.description ?? '',
    startsAt: toLocalInput(training.startsAt),
    endsAt: toLocalInput(training.endsAt),
    location: training.location ?? '',
    meetingUrl: training.meetingUrl ?? '',
    linkVisibleMinutes: String(training.linkVisibleMinutes),
    capacity: String(training.capacity),
    signupDeadline: toLocalInput(training.signupDeadline),
    entryCriteria: training.entryCriteria,
  };
}

function TrainingForm({
  initial,
  submitLabel,
  busy,
  error,
  cancelTo,
  unlistedCategory,
  onSubmit,
}: {
  initial: Values;
  submitLabel: string;
  busy: boolean;
  error: unknown;
  cancelTo: string;
  /** The training's category when it is not among hers (restricted to others): kept unless she picks another. */
  unlistedCategory?: string;
  onSubmit: (values: Values) => void;
}) {
  const categories = useCategories();
  const [values, setValues] = useState(initial);
  const errors = useFormErrors(error, FIELDS);
  const set = (field: keyof Values) => errors.edit(field, (value: string) => setValues((v) => ({ ...v, [field]: value })));
  // An archived category takes no new trainings, but the one a training already has stays choosable.
  const choices = categories.data?.categories.filter((c) => !c.archived || String(c.id) === initial.categoryId) ?? [];
  const categoryId = values.categoryId || (unlistedCategory ? '' : String(choices[0]?.id ?? ''));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy) onSubmit({ ...values, categoryId });
  };

  const text = (field: keyof Values, label: string, { hint, required = false, type = 'text', max }: { hint?: string; required?: boolean; type?: string; max?: number } = {}) => (
    <Field label={label} hint={hint} required={required} error={errors.of(field)}>
      {(p) => <input {...p} type={type} maxLength={max} min={type === 'number' ? 0 : undefined} value={values[field]} onChange={(e) => set(field)(e.target.value)} />}
    </Field>
  );

  if (categories.isError) return <ErrorMessage error={categories.error} />;
  if (categories.isPending) return <Loading />;
  return (
    <form className="form training-form" onSubmit={submit} noValidate ref={errors.formRef}>
      <ErrorMessage error={errors.general} />
      {text('title', t.title, { required: true, max: MAX.title })}
      <div className="field-row">
        <Field label={t.kind} required error={errors.of('kind')}>
          {(p) => (
            <select {...p} value={values.kind} onChange={(e) => set('kind')(e.target.value)}>
              {KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {nlTrainings.kinds[kind]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t.category} hint={t.categoryHint} required error={errors.of('categoryId')}>
          {(p) => (
            <select {...p} value={categoryId} onChange={(e) => set('categoryId')(e.target.value)}>
              {unlistedCategory && <option value="">{unlistedCategory}</option>}
              {choices.map((c) => (
                <option key={c.id} value={String(c.id)}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="field-row">
        {text('startsAt', t.startsAt, { hint: t.timeHint, required: true, type: 'datetime-local' })}
        {text('endsAt', t.endsAt, { hint: t.timeHint, required: true, type: 'datetime-local' })}
      </div>
      {text('location', t.location, { hint: t.locationHint, max: MAX.location })}
      {text('meetingUrl', t.meetingUrl, { hint: t.meetingUrlHint, type: 'url', max: MAX.url })}
      <div className="field-row">
        {text('linkVisibleMinutes', t.linkVisibleMinutes, { required: true, type: 'number' })}
        {text('capacity', t.capacity, { hint: t.capacityHint, required: true, type: 'number' })}
      </div>
      {text('signupDeadline', t.signupDeadline, { hint: t.signupDeadlineHint, type: 'datetime-local' })}
      <Field label={t.entryCriteria} hint={t.entryCriteriaHint} error={errors.of('entryCriteria')}>
        {(p) => <textarea {...p} rows={3} maxLength={MAX.entryCriteria} value={values.entryCriteria} onChange={(e) => set('entryCriteria')(e.target.value)} />}
      </Field>
      <Composer label={t.description} value={values.description} onChange={set('description')} error={errors.of('description')} />
      <div className="actions">
        <button type="submit" aria-disabled={busy}>
          {busy ? t.busy : submitLabel}
        </button>
        <Link to={cancelTo} className="button secondary">
          {t.cancelEdit}
        </Link>
      </div>
    </form>
  );
}

const NEW_TRAINING: Values = {
  title: '',
  kind: 'training',
  categoryId: '',
  description: '',
  startsAt: '',
  endsAt: '',
  location: '',
  meetingUrl: '',
  linkVisibleMinutes: '30',
  capacity: '20',
  signupDeadline: '',
  entryCriteria: '',
};

/** /trainingen/nieuw */
export function NewTrainingPage() {
  const create = useCreateTraining();
  const navigate = useNavigate();
  return (
    <RequireCentreStaff>
      <PageTitle>{t.newTitle}</PageTitle>
      <p>{t.intro}</p>
      <TrainingForm
        initial={NEW_TRAINING}
        submitLabel={t.create}
        busy={create.isPending}
        error={create.error}
        cancelTo="/trainingen"
        onSubmit={(values) => create.mutate(toBody(values), { onSuccess: ({ training }) => navigate(`/trainingen/${training.id}`) })}
      />
    </RequireCentreStaff>
  );
}

function EditTraining({ id }: { id: number }) {
  const training = useTraining(id);
  const categories = useCategories();
  const update = useUpdateTraining(id);
  const navigate = useNavigate();
  if (training.isError) return <PageError error={training.error} retry={() => void training.refetch()} />;
  if (categories.isError) return <PageError error={categories.error} retry={() => void categories.refetch()} />;
  if (training.isPending || categories.isPending) return <Loading />;
  // The training names its category by slug; the form (and the API) by id.
  const categoryId = String(categories.data.categories.find((c) => c.slug === training.data.category.slug)?.id ?? '');
  const initial = valuesOf(training.data, categoryId);
  return (
    <>
      <PageTitle title={t.editTitle(training.data.title)}>{t.editTitle(training.data.title)}</PageTitle>
      <TrainingForm
        // Drawn once per training: later refetches (a sign-up elsewhere) must not overwrite what she is typing.
        key={training.data.id}
        initial={initial}
        submitLabel={t.save}
        busy={update.isPending}
        error={update.error}
        cancelTo={`/trainingen/${id}`}
        unlistedCategory={categoryId === '' ? training.data.category.name : undefined}
        onSubmit={(values) => {
          const changes = changedFields(toBody(initial), toBody(values));
          if (Object.keys(changes).length === 0) navigate(`/trainingen/${id}`);
          else update.mutate(changes, { onSuccess: () => navigate(`/trainingen/${id}`) });
        }}
      />
    </>
  );
}

/** /trainingen/:id/bewerken */
export function EditTrainingPage() {
  const id = Number(useParams().id);
  return <RequireCentreStaff>{Number.isInteger(id) && id > 0 ? <EditTraining id={id} /> : <NotFound />}</RequireCentreStaff>;
}
