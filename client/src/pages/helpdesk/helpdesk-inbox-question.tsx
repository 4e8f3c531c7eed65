import { Link, useParams } from 'react-router';
import { useMe } from '../../api/auth';
import { useHelpdeskQuestion } from '../../api/helpdesk';
import { PageTitle } from '../../components/page-title';
import { Loading, NotFound, PageError } from '../../components/states';
import { nl } from '../../i18n/nl';
import { nlHelpdesk } from '../../i18n/nl-helpdesk';
import { nlHelpdeskStaff } from '../../i18n/nl-helpdesk-staff';
import { helpdeskAnchor, HelpdeskMessageItem } from './message-item';
import { useHelpdeskLive } from './use-helpdesk-live';
import { AnswerForm } from './helpdesk-staff-answer';
import { PublishForm } from './helpdesk-staff-publish';
import { RequireCentreStaff } from '../../components/centre-staff-only';
import { TriageForm } from './helpdesk-staff-triage';
import './helpdesk.css';
import { useFocusAfterRender } from '../../components/use-focus-after-render';

const t = nlHelpdeskStaff.question;

/**
 * The whole question for the team: every message with the internal notes set apart, the answer box (answer or note,
 * canned answers), who handles it and its status, and with the asker's consent the form to publish it.
 */
function InboxQuestion({ id }: { id: number }) {
  const me = useMe();
  const query = useHelpdeskQuestion(id);
  const question = query.data?.question;
  const messages = query.data?.messages ?? [];
  const announcement = useHelpdeskLive(id, me.data?.id, (m) => t.announceNew(m.author?.displayName ?? nlHelpdeskStaff.inbox.formerMember));
  const focusSoon = useFocusAfterRender();

  if (query.isError) return <PageError error={query.error} retry={() => void query.refetch()} />;
  if (!question) return <Loading />;
  return (
    <>
      <nav aria-label={nl.nav.breadcrumb} className="breadcrumb">
        <Link to="/kenniscentrum/inbox">{t.breadcrumb}</Link>
      </nav>
      <PageTitle title={question.subject}>{question.subject}</PageTitle>
      <p className="meta">
        {question.asker ? (
          <>
            {t.from('')}
            <Link to={`/leden/${question.asker.id}`}>{question.asker.displayName}</Link>
          </>
        ) : (
          t.from(nlHelpdeskStaff.inbox.formerMember)
        )}{' '}
        · {nlHelpdesk.question.status(nlHelpdeskStaff.status[question.status])} · {nlHelpdesk.question.asked(nl.time.format(question.createdAt))}
      </p>
      <TriageForm question={question} />
      <h2 id="berichten-kop">{nlHelpdesk.question.messages}</h2>
      <section aria-labelledby="berichten-kop" className="posts">
        {messages.map((m) => (
          <HelpdeskMessageItem key={m.id} message={m} internalLabel={t.internal} />
        ))}
      </section>
      <div className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
      <AnswerForm questionId={id} onSent={(messageId) => focusSoon(helpdeskAnchor(messageId))} />
      <PublishForm question={question} messages={messages} />
    </>
  );
}

/** /kenniscentrum/inbox/:id (the team's notifications lead here). */
export default function InboxQuestionPage() {
  const id = Number(useParams().id);
  return <RequireCentreStaff>{Number.isInteger(id) && id > 0 ? <InboxQuestion key={id} id={id} /> : <NotFound />}</RequireCentreStaff>;
}
