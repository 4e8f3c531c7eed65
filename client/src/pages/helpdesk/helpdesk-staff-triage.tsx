import { useState, type FormEvent } from 'react';
import type { HelpdeskQuestion, TriageBody } from '../../../../shared/api/helpdesk';
import { HELPDESK_STATUSES, type HelpdeskStatus } from '../../../../shared/constants';
import { useCategories } from '../../api/forum';
import { useTeam, useTriage } from '../../api/helpdesk-staff';
import { Field } from '../../components/field';
import { useFormErrors } from '../../components/form-errors';
import { Outcome, useOutcome } from '../../components/outcome';
import { ErrorMessage } from '../../components/states';
import { nlHelpdeskStaff } from '../../i18n/nl-helpdesk-staff';

const t = nlHelpdeskStaff.question;
const FIELDS = ['assigneeId', 'status', 'categoryId'] as const;
const idOrNull = (value: string) => (value ? Number(value) : null);

/**
 * Who handles the question, its status and its category, saved together with one button: only what she changed
 * goes in the PATCH, so a colleague's change to another field meanwhile is not undone.
 */
export function TriageForm({ question }: { question: HelpdeskQuestion }) {
  const team = useTeam().data?.items ?? [];
  const categories = useCategories().data?.categories ?? [];
  const [assignee, setAssignee] = useState(String(question.assignee?.id ?? ''));
  const [status, setStatus] = useState<HelpdeskStatus>(question.status);
  const [category, setCategory] = useState(String(question.category?.id ?? ''));
  const triage = useTriage(question.id);
  const errors = useFormErrors(triage.error, FIELDS);
  const outcome = useOutcome();
  // Her own choices stay while she makes them; after a save (or a colleague's change) the form shows the question as it is.
  const [shown, setShown] = useState(question);
  if (shown !== question) {
    setShown(question);
    setAssignee(String(question.assignee?.id ?? ''));
    setStatus(question.status);
    setCategory(String(question.category?.id ?? ''));
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (triage.isPending) return;
    const body: TriageBody = {};
    if (idOrNull(assignee) !== (question.assignee?.id ?? null)) body.assigneeId = idOrNull(assignee);
    if (status !== question.status) body.status = status;
    if (idOrNull(category) !== (question.category?.id ?? null)) body.categoryId = idOrNull(category);
    if (Object.keys(body).length === 0) return outcome.show(t.triageSaved, { focus: false });
    triage.mutate(body, { onSuccess: () => outcome.show(t.triageSaved, { focus: false }) });
  };

  // The question's own assignee and category stay choosable, also when the lists do not (or not yet) hold them.
  const people = question.assignee && !team.some((m) => m.id === question.assignee?.id) ? [question.assignee, ...team] : team;
  const topics = question.category && !categories.some((c) => c.id === question.category?.id) ? [question.category, ...categories] : categories;
  return (
    <section className="triage-block card" aria-labelledby="behandeling-kop">
      <h2 id="behandeling-kop">{t.triageHeading}</h2>
      <form className="form" onSubmit={submit} noValidate ref={errors.formRef}>
        <ErrorMessage error={errors.general} />
        <div className="field-row">
          <Field label={t.assignee} required error={errors.of('assigneeId')}>
            {(p) => (
              <select {...p} value={assignee} onChange={(e) => errors.edit('assigneeId', setAssignee)(e.target.value)}>
                <option value="">{t.nobody}</option>
                {people.map((m) => (
                  <option key={m.id} value={String(m.id)}>
                    {m.displayName}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t.status} required error={errors.of('status')}>
            {(p) => (
              <select {...p} value={status} onChange={(e) => errors.edit('status', setStatus)(e.target.value as HelpdeskStatus)}>
                {HELPDESK_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {nlHelpdeskStaff.status[s]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t.category} required error={errors.of('categoryId')}>
            {(p) => (
              <select {...p} value={category} onChange={(e) => errors.edit('categoryId', setCategory)(e.target.value)}>
                <option value="">{t.noCategory}</option>
                {topics.map((c) => (
                  <option key={c.id} value={String(c.id)}>
                    {c.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <button type="submit" aria-disabled={triage.isPending}>
          {triage.isPending ? t.triageBusy : t.saveTriage}
        </button>
      </form>
      <Outcome outcome={outcome} />
    </section>
  );
}
