import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { HelpdeskMessage, HelpdeskQuestion, PublishConsent } from '../../../../shared/api/helpdesk';
import { LIMITS } from '../../../../shared/constants';
import { useCategories } from '../../api/forum';
import { usePublish } from '../../api/helpdesk-staff';
import { Composer } from '../../components/composer';
import { Field } from '../../components/field';
import { useFormErrors } from '../../components/form-errors';
import { ErrorMessage } from '../../components/states';
import { nlHelpdeskStaff } from '../../i18n/nl-helpdesk-staff';

const t = nlHelpdeskStaff.publish;
const FIELDS = ['categoryId', 'title', 'question', 'answer'] as const;

const consentLine = (c: PublishConsent) => t.consent(c.showName ? t.withName : c.showAffiliation ? t.withAffiliation : t.anonymous);

/**
 * "Publiceren op het forum": with the asker's consent, the question and the team's answer as a public thread. The
 * texts start as the asker's first message and the team's public answers (the team gets every message's Markdown),
 * for the team to edit: names and details that point at her go out first.
 */
export function PublishForm({ question, messages }: { question: HelpdeskQuestion; messages: HelpdeskMessage[] }) {
  const [justPublished, setJustPublished] = useState(false);
  if (question.publishedThreadId !== null) return <Published threadId={question.publishedThreadId} focus={justPublished} />;
  if (!question.consent) return null;
  // Mounted once she consented, so the texts start from the messages as they are then.
  return <Publish question={question} consent={question.consent} messages={messages} onPublished={() => setJustPublished(true)} />;
}

/** Published: the link to the thread. Just after publishing it takes focus, as the form she was in is gone. */
function Published({ threadId, focus }: { threadId: number; focus: boolean }) {
  const note = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (focus) note.current?.focus();
  }, [focus]);
  return (
    <section className="publish-block card" aria-labelledby="publiceren-kop">
      <h2 id="publiceren-kop">{t.heading}</h2>
      <p tabIndex={-1} ref={note}>
        {t.done}
      </p>
      <p>
        <Link to={`/discussie/${threadId}`}>{t.thread}</Link>
      </p>
    </section>
  );
}

function Publish({
  question,
  consent,
  messages,
  onPublished,
}: {
  question: HelpdeskQuestion;
  consent: PublishConsent;
  messages: HelpdeskMessage[];
  onPublished: () => void;
}) {
  const categories = (useCategories().data?.categories ?? []).filter((c) => !c.archived);
  const [categoryId, setCategoryId] = useState(question.category ? String(question.category.id) : '');
  const [title, setTitle] = useState(question.subject);
  const [text, setText] = useState(() => messages.find((m) => !m.fromTeam)?.body ?? '');
  const [answer, setAnswer] = useState(() =>
    messages
      .filter((m) => m.fromTeam && !m.internal && m.body)
      .map((m) => m.body)
      .join('\n\n'),
  );
  const publish = usePublish(question.id);
  const errors = useFormErrors(publish.error, FIELDS);
  // The category the select shows: hers if it takes threads, else the first that does.
  const chosen = categories.some((c) => String(c.id) === categoryId) ? categoryId : String(categories[0]?.id ?? '');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (publish.isPending) return;
    publish.mutate({ categoryId: Number(chosen), title, question: text, answer }, { onSuccess: onPublished });
  };

  return (
    <section className="publish-block card" aria-labelledby="publiceren-kop">
      <h2 id="publiceren-kop">{t.heading}</h2>
      <p>{consentLine(consent)}</p>
      <p className="notice">{t.reminder}</p>
      <form className="form" onSubmit={submit} noValidate ref={errors.formRef}>
        <ErrorMessage error={errors.general} />
        <Field label={t.category} required error={errors.of('categoryId')}>
          {(p) => (
            <select {...p} value={chosen} onChange={(e) => errors.edit('categoryId', setCategoryId)(e.target.value)}>
              {categories.map((c) => (
                <option key={c.id} value={String(c.id)}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t.title} required error={errors.of('title')}>
          {(p) => <input {...p} type="text" maxLength={LIMITS.titleMax} value={title} onChange={(e) => errors.edit('title', setTitle)(e.target.value)} />}
        </Field>
        <Composer label={t.question} value={text} onChange={errors.edit('question', setText)} error={errors.of('question')} />
        <Composer label={t.answer} value={answer} onChange={errors.edit('answer', setAnswer)} error={errors.of('answer')} />
        <button type="submit" aria-disabled={publish.isPending}>
          {publish.isPending ? t.busy : t.submit}
        </button>
      </form>
    </section>
  );
}
