import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useMe } from '../../api/auth';
import { isCentreStaff } from '../../api/centre-staff';
import { useHelpdeskUnread } from '../../api/helpdesk-unread';
import { PageTitle } from '../../components/page-title';
import { nlHelpdesk } from '../../i18n/nl-helpdesk';
import './helpdesk.css';

const t = nlHelpdesk.hub;

/** One block of the hub: a heading, a sentence and its links. */
function Block({ id, title, text, children }: { id: string; title: string; text: string; children: ReactNode }) {
  return (
    <li className="card">
      <h2 className="card-title" id={id}>
        {title}
      </h2>
      <p>{text}</p>
      <div className="actions">{children}</div>
    </li>
  );
}

/** /kenniscentrum: what the kenniscentrum offers, in one place (the header's "Kenniscentrum" item leads here). */
export default function HelpdeskHub() {
  const me = useMe();
  const unread = useHelpdeskUnread(true).data?.count ?? 0;
  return (
    <>
      <PageTitle>{t.title}</PageTitle>
      <p>{t.intro}</p>
      <ul className="hub-blocks">
        <Block id="blok-vragen" title={t.askTitle} text={t.askText}>
          <Link to="/kenniscentrum/vragen/nieuw" className="button">
            {t.ask}
          </Link>
          <Link to="/kenniscentrum/vragen" className="button secondary">
            {t.myQuestions}
          </Link>
          {unread > 0 && <span className="badge new">{t.unread(unread)}</span>}
        </Block>
        <Block id="blok-trainingen" title={t.trainingsTitle} text={t.trainingsText}>
          <Link to="/trainingen">{t.trainings}</Link>
        </Block>
        <Block id="blok-wegwijzer" title={t.guideTitle} text={t.guideText}>
          <Link to="/wegwijzer">{t.guide}</Link>
        </Block>
        {isCentreStaff(me.data) && (
          <Block id="blok-inbox" title={t.inboxTitle} text={t.inboxText}>
            <Link to="/kenniscentrum/inbox">{t.inbox}</Link>
          </Block>
        )}
      </ul>
    </>
  );
}
