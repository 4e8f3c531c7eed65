import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useMe } from '../../api/auth';
import { useCloseQuestion, useHelpdeskQuestion, useMarkHelpdeskRead, useSendHelpdeskMessage } from '../../api/helpdesk';
import { Composer } from '../../components/composer';
import { textErrors } from '../../components/form-errors';
import { Outcome, useOutcome } from '../../components/outcome';
import { PageTitle } from '../../components/page-title';
import { ErrorMessage, Loading, NotFound, PageError } from '../../components/states';
import { nl } from '../../i18n/nl';
import { nlHelpdesk } from '../../i18n/nl-helpdesk';
import { ConsentBlock } from './consent';
import { helpdeskAnchor, HelpdeskMessageItem } from './message-item';
import { useHelpdeskLive } from './use-helpdesk-live';
import './helpdesk.css';
import { useFocusAfterRender } from '../../components/use-focus-after-render';
import { useTabVisible } from '../../components/use-tab-visible';

const t = nlHelpdesk.question;

/** /kenniscentrum/vragen/:id. Keyed by the id, so another question starts with fresh state (reply, read marker). */
export default function QuestionRoute() {
  const id = Number(useParams().id);
  if (!Number.isInteger(id) || id <= 0) return <NotFound />;
  return <QuestionPage key={id} id={id} />;
}

/**
 * Her question as she sees it: the messages (the team's marked "Kenniscentrum"; internal notes never reach her), a
 * reply box, "Mijn vraag is beantwoord", and once answered her consent to share it. Answers arrive live; what she
 * sees in a tab in front counts as read.
 */
function QuestionPage({ id }: { id: number }) {
  const me = useMe();
  const viewerId = me.data?.id;
  const query = useHelpdeskQuestion(id);
  const question = query.data?.question;
  const messages = query.data?.messages ?? [];
  const newest = messages[messages.length - 1]?.id;
  const visible = useTabVisible();
  const announcement = useHelpdeskLive(id, viewerId, (m) => (m.fromTeam && !m.internal ? t.announceNew : null));
  const outcome = useOutcome();
  const [text, setText] = useState('');
  const send = useSendHelpdeskMessage(id);
  const close = useCloseQuestion(id);
  const textarea = useRef<HTMLTextAreaElement>(null);

  // Her read marker follows the newest message while the tab is in front (the server ignores one that goes back).
  // Only the asker has one: a team member who opens this address reads without moving it.
  const asker = question !== undefined && question.asker?.id === viewerId;
  const readUpTo = useRef(0);
  const { mutate: sendRead } = useMarkHelpdeskRead(id);
  const unreadOnOpen = question?.unreadCount ?? 0;
  useEffect(() => {
    if (!asker || newest === undefined) return;
    // Nothing unread as the page opens: no marker to move until something arrives.
    if (readUpTo.current === 0 && unreadOnOpen === 0) readUpTo.current = newest;
    if (!visible || newest <= readUpTo.current) return;
    readUpTo.current = newest;
    sendRead(newest);
  }, [asker, visible, newest, unreadOnOpen, sendRead]);

  // After sending, the new message takes focus: the reader hears it is there, and the empty box is behind it.
  const focusSoon = useFocusAfterRender();

  if (query.isError) return <PageError error={query.error} retry={() => void query.refetch()} />;
  if (!question || viewerId === undefined) return <Loading />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (send.isPending) return;
    send.mutate(
      { body: text },
      {
        onSuccess: ({ message }) => {
          setText('');
          focusSoon(helpdeskAnchor(message.id));
        },
      },
    );
  };
  const sendErrors = textErrors(send.error, send.variables?.body, text);

  return (
    <>
      <nav aria-label={nl.nav.breadcrumb} className="breadcrumb">
        <Link to="/kenniscentrum/vragen">{t.breadcrumb}</Link>
      </nav>
      <PageTitle title={question.subject}>{question.subject}</PageTitle>
      <p className="meta">
        <span className={`badge status-${question.status}`}>{t.status(nlHelpdesk.status[question.status])}</span>
        {question.category && ` · ${t.category(question.category.name)}`} · {t.asked(nl.time.format(question.createdAt))}
      </p>
      <Outcome outcome={outcome} />
      {question.status !== 'closed' ? (
        <div className="actions">
          <button
            type="button"
            className="secondary"
            aria-disabled={close.isPending}
            onClick={() => !close.isPending && close.mutate(undefined, { onSuccess: () => outcome.show(t.closedNow) })}
          >
            {close.isPending ? t.closing : t.close}
          </button>
        </div>
      ) : (
        <p className="notice">{t.closed}</p>
      )}
      <ErrorMessage error={close.error} />
      <h2 id="berichten-kop">{t.messages}</h2>
      <section aria-labelledby="berichten-kop" className="posts">
        {messages.map((m) => (
          <HelpdeskMessageItem key={m.id} message={m} />
        ))}
      </section>
      <div className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
      <section aria-labelledby="antwoord-kop" className="reply-box">
        <h2 id="antwoord-kop">{t.replyHeading}</h2>
        <form className="form" onSubmit={submit} noValidate>
          <ErrorMessage error={sendErrors.general} />
          <Composer label={t.replyLabel} value={text} onChange={setText} textareaRef={textarea} error={sendErrors.text} />
          <button type="submit" aria-disabled={send.isPending}>
            {send.isPending ? t.busy : t.send}
          </button>
        </form>
      </section>
      <ConsentBlock question={question} />
    </>
  );
}
