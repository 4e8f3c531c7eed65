import { useRef, useState, type FormEvent } from 'react';
import { useSendHelpdeskMessage } from '../../api/helpdesk';
import { useCanned } from '../../api/helpdesk-staff';
import { Composer } from '../../components/composer';
import { textErrors } from '../../components/form-errors';
import { ErrorMessage } from '../../components/states';
import { nlHelpdeskStaff } from '../../i18n/nl-helpdesk-staff';

const t = nlHelpdeskStaff.question;

/**
 * The team's reply box: an answer to the member or an internal note (a radio, said again beside the button), and a
 * canned answer to start from, inserted where she is writing.
 */
export function AnswerForm({ questionId, onSent }: { questionId: number; onSent: (messageId: number) => void }) {
  const [text, setText] = useState('');
  const [internal, setInternal] = useState(false);
  const [cannedId, setCannedId] = useState('');
  const canned = useCanned().data?.items ?? [];
  const send = useSendHelpdeskMessage(questionId);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const errors = textErrors(send.error, send.variables?.body, text);

  const insert = (id: string) => {
    const chosen = canned.find((c) => String(c.id) === id);
    // The select goes back to its prompt: it is a command, not a setting of the answer.
    setCannedId('');
    if (!chosen) return;
    setText((before) => (before.trim() ? `${before.trimEnd()}\n\n${chosen.body}` : chosen.body));
    textarea.current?.focus();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (send.isPending) return;
    send.mutate(
      { body: text, internal },
      {
        onSuccess: ({ message }) => {
          setText('');
          onSent(message.id);
        },
      },
    );
  };

  return (
    <section aria-labelledby="antwoord-kop" className="reply-box">
      <h2 id="antwoord-kop">{t.answerHeading}</h2>
      <form className="form" onSubmit={submit} noValidate>
        <ErrorMessage error={errors.general} />
        <fieldset className="answer-kind">
          <legend>{t.kind}</legend>
          <label className="check-row">
            <input type="radio" name="soort" checked={!internal} onChange={() => setInternal(false)} />
            {t.toMember}
          </label>
          <label className="check-row">
            <input type="radio" name="soort" checked={internal} onChange={() => setInternal(true)} aria-describedby="notitie-uitleg" />
            {t.note}
          </label>
          <p className="hint" id="notitie-uitleg">
            {t.noteHint}
          </p>
        </fieldset>
        {canned.length > 0 && (
          <div className="field">
            <label htmlFor="standaardantwoord">{t.canned}</label>
            <select id="standaardantwoord" value={cannedId} onChange={(e) => insert(e.target.value)}>
              <option value="">{t.cannedNone}</option>
              {canned.map((c) => (
                <option key={c.id} value={String(c.id)}>
                  {c.title}
                </option>
              ))}
            </select>
          </div>
        )}
        <Composer label={internal ? t.noteLabel : t.answerLabel} value={text} onChange={setText} textareaRef={textarea} error={errors.text} />
        <button type="submit" aria-disabled={send.isPending}>
          {send.isPending ? t.busy : internal ? t.sendNote : t.send}
        </button>
      </form>
    </section>
  );
}
