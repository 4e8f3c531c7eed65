import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { LIMITS } from '../../../../shared/constants';
import { useMe } from '../../api/auth';
import { useStartConversation } from '../../api/conversations';
import { useMember } from '../../api/members';
import { Composer } from '../../components/composer';
import { Field } from '../../components/field';
import { useFormErrors } from '../../components/form-errors';
import type { PickedMember } from '../../components/member-picker';
import { PageTitle } from '../../components/page-title';
import { ErrorMessage } from '../../components/states';
import { nl } from '../../i18n/nl';
import { nlConversations } from '../../i18n/nl-conversations';
import { RecipientsPicker } from './recipients';
import './conversations.css';

const t = nlConversations.new;

/** The member named by `?aan=<id>` (the member page's and a post's "Stuur een bericht"), put in as the first recipient. */
function usePresetRecipient(viewerId: number | undefined, apply: (member: PickedMember) => void) {
  const raw = useSearchParams()[0].get('aan');
  const id = raw && /^\d{1,10}$/.test(raw) ? Number(raw) : 0;
  const member = useMember(id);
  const done = useRef(false);
  const data = member.data;
  useEffect(() => {
    if (done.current || !data) return;
    done.current = true;
    if (data.canMessage) apply({ id: data.member.id, displayName: data.member.displayName });
    // Only once, as the page opens: apply is a new function each render.
  }, [data]);
  // Her own page's link never leads here; a hand-typed ?aan= with her own id is simply not taken.
  return data && !data.canMessage && data.member.id !== viewerId ? data.member.displayName : null;
}

/** /berichten/nieuw: a subject, who to (one or more members) and the first message; sent, she lands in the conversation. */
export default function NewConversation() {
  const me = useMe();
  const [subject, setSubject] = useState('');
  const [recipients, setRecipients] = useState<PickedMember[]>([]);
  const [body, setBody] = useState('');
  const [missing, setMissing] = useState(false);
  const start = useStartConversation();
  const errors = useFormErrors(start.error, ['subject', 'participantIds', 'body']);
  const navigate = useNavigate();
  const refused = usePresetRecipient(me.data?.id, (member) => setRecipients((list) => (list.some((m) => m.id === member.id) ? list : [...list, member])));
  const subjectInput = useRef<HTMLInputElement>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (recipients.length === 0) {
      // Said beside the field, and the field takes focus: nothing to send without someone to send it to.
      setMissing(true);
      document.querySelector<HTMLInputElement>('.member-picker input')?.focus();
      return;
    }
    start.mutate(
      { subject, body, participantIds: recipients.map((m) => m.id) },
      { onSuccess: ({ conversation }) => navigate(`/berichten/${conversation.id}`, { replace: true }) },
    );
  };

  return (
    <>
      <nav aria-label={nl.nav.breadcrumb} className="breadcrumb">
        <Link to="/berichten">{nlConversations.title}</Link>
      </nav>
      <PageTitle>{t.title}</PageTitle>
      {refused && <p className="notice">{t.cannotMessage(refused)}</p>}
      <form className="form" onSubmit={submit} noValidate ref={errors.formRef}>
        <ErrorMessage error={errors.general} />
        <RecipientsPicker
          label={t.recipients}
          hint={t.recipientsHint(LIMITS.conversationParticipants)}
          error={missing && recipients.length === 0 ? t.noneChosen : errors.of('participantIds')}
          value={recipients}
          onChange={(list) => {
            errors.clear('participantIds');
            setMissing(false);
            setRecipients(list);
          }}
          exclude={me.data ? [me.data.id] : []}
          max={LIMITS.conversationParticipants}
        />
        <Field label={t.subject} required error={errors.of('subject')}>
          {(p) => (
            <input
              {...p}
              ref={subjectInput}
              type="text"
              maxLength={LIMITS.conversationSubjectMax}
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
        <div className="actions">
          <button type="submit" disabled={start.isPending}>
            {start.isPending ? t.busy : t.submit}
          </button>
          <Link className="button secondary" to="/berichten">
            {t.cancel}
          </Link>
        </div>
      </form>
    </>
  );
}
