import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { LIMITS } from '../../../../shared/constants';
import { useAskQuestion } from '../../api/helpdesk';
import { useCategories } from '../../api/forum';
import { Composer } from '../../components/composer';
import { Field } from '../../components/field';
import { useFormErrors } from '../../components/form-errors';
import { PageTitle } from '../../components/page-title';
import { ErrorMessage } from '../../components/states';
import { nl } from '../../i18n/nl';
import { nlHelpdesk } from '../../i18n/nl-helpdesk';
import './helpdesk.css';

const t = nlHelpdesk.ask;
const FIELDS = ['subject', 'body', 'categoryId'] as const;

/** /kenniscentrum/vragen/nieuw: a subject, the question and (optionally) a category; sent, she lands on her question. */
export default function AskPage() {
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [categoryId, setCategoryId] = useState('');
  const ask = useAskQuestion();
  const errors = useFormErrors(ask.error, FIELDS);
  const navigate = useNavigate();
  // The categories she may see; archived ones still name a subject well, so they stay.
  const categories = useCategories().data?.categories ?? [];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (ask.isPending) return;
    ask.mutate(
      { subject, body, categoryId: categoryId ? Number(categoryId) : null },
      { onSuccess: ({ question }) => navigate(`/kenniscentrum/vragen/${question.id}`, { replace: true }) },
    );
  };

  return (
    <>
      <nav aria-label={nl.nav.breadcrumb} className="breadcrumb">
        <Link to="/kenniscentrum/vragen">{nlHelpdesk.question.breadcrumb}</Link>
      </nav>
      <PageTitle>{t.title}</PageTitle>
      <p>{t.privacy}</p>
      <form className="form" onSubmit={submit} noValidate ref={errors.formRef}>
        <ErrorMessage error={errors.general} />
        <Field label={t.subject} hint={t.subjectHint} required error={errors.of('subject')}>
          {(p) => (
            <input
              {...p}
              type="text"
              maxLength={LIMITS.helpdeskSubjectMax}
              value={subject}
              onChange={(e) => errors.edit('subject', setSubject)(e.target.value)}
            />
          )}
        </Field>
        <Composer
          label={t.body}
          value={body}
          onChange={errors.edit('body', setBody)}
          error={errors.of('body')}
        />
        <Field label={t.category} hint={t.categoryHint} error={errors.of('categoryId')}>
          {(p) => (
            <select
              {...p}
              value={categoryId}
              onChange={(e) => errors.edit('categoryId', setCategoryId)(e.target.value)}
            >
              <option value="">{t.noCategory}</option>
              {categories.map((c) => (
                <option key={c.id} value={String(c.id)}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="actions">
          <button type="submit" aria-disabled={ask.isPending}>
            {ask.isPending ? t.busy : t.submit}
          </button>
          <Link className="button secondary" to="/kenniscentrum/vragen">
            {t.cancel}
          </Link>
        </div>
      </form>
    </>
  );
}
