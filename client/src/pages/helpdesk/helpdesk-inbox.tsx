import { useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { InboxItem } from '../../../../shared/api/helpdesk';
import type { HelpdeskView } from '../../../../shared/constants';
import { useInbox } from '../../api/helpdesk-staff';
import { LoadMore } from '../../components/load-more';
import { PageTitle } from '../../components/page-title';
import { Loading, PageError } from '../../components/states';
import { nl } from '../../i18n/nl';
import { nlHelpdesk } from '../../i18n/nl-helpdesk';
import { nlHelpdeskStaff } from '../../i18n/nl-helpdesk-staff';
import { RequireCentreStaff } from '../../components/centre-staff-only';
import './helpdesk.css';

const t = nlHelpdeskStaff.inbox;
const PATH = '/kenniscentrum/inbox';
/** The tabs as the address names them (?weergave=van-mij); the first, Niet toegewezen, needs no name. */
const TABS = [
  ['unassigned', null],
  ['mine', 'van-mij'],
  ['open', 'open'],
  ['waiting', 'wacht-op-lid'],
  ['closed', 'gesloten'],
] as const satisfies readonly (readonly [HelpdeskView, string | null])[];

/** One question in the inbox: subject, who asked, category, who handles it, when it last moved, and the newest message's start. */
function InboxRow({ item }: { item: InboxItem }) {
  const q = item.question;
  return (
    <li className="card question-item">
      <h2 className="card-title">
        <Link to={`${PATH}/${q.id}`}>{q.subject}</Link>
      </h2>
      <p className="meta">
        {t.asker(q.asker?.displayName ?? t.formerMember)}
        {q.category && ` · ${q.category.name}`} · {q.assignee ? t.assignee(q.assignee.displayName) : t.nobody} · {nlHelpdesk.status[q.status]} ·{' '}
        {t.messages(item.messageCount)} · {t.lastActivity}
        <time dateTime={q.lastActivityAt}>{nl.time.format(q.lastActivityAt)}</time>
      </p>
      {item.lastMessage && (
        <p className="question-excerpt">
          {item.lastMessage.fromTeam ? t.lastByTeam : t.lastByAsker}
          {item.lastMessage.excerpt}
        </p>
      )}
    </li>
  );
}

function Inbox() {
  const [params] = useSearchParams();
  const view: HelpdeskView = TABS.find(([, word]) => word !== null && word === params.get('weergave'))?.[0] ?? 'unassigned';
  const inbox = useInbox(view);
  const list = useRef<HTMLUListElement>(null);
  const items = inbox.data?.pages.flatMap((p) => p.items) ?? [];
  // The counts of the newest page: every tab's number, as the server counted it.
  const counts = inbox.data?.pages[inbox.data.pages.length - 1]?.counts;
  return (
    <>
      <nav aria-label={nl.nav.breadcrumb} className="breadcrumb">
        <Link to="/kenniscentrum">{nlHelpdesk.hub.title}</Link>
      </nav>
      <PageTitle>{t.title}</PageTitle>
      <p>{t.intro}</p>
      <nav aria-label={t.more} className="subnav">
        <ul className="nav-list">
          <li>
            <Link to="/kenniscentrum/standaardantwoorden">{t.canned}</Link>
          </li>
          <li>
            <Link to="/kenniscentrum/cijfers">{t.stats}</Link>
          </li>
        </ul>
      </nav>
      <nav aria-label={t.tabs} className="subnav recent-tabs">
        <ul className="nav-list">
          {TABS.map(([value, word]) => (
            <li key={value}>
              <Link to={{ pathname: PATH, search: word ? `?weergave=${word}` : '' }} aria-current={value === view ? 'page' : undefined}>
                {counts ? t.tabName(t.tab[value], counts[value]) : t.tab[value]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {inbox.isError ? (
        <PageError error={inbox.error} retry={() => void inbox.refetch()} />
      ) : inbox.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        <p className="empty">{t.empty}</p>
      ) : (
        <ul className="card-list" ref={list} aria-label={t.label(t.tab[view])}>
          {items.map((item) => (
            <InboxRow key={item.question.id} item={item} />
          ))}
        </ul>
      )}
      <LoadMore pages={inbox} list={list} label={t.loadMore} />
    </>
  );
}

/** /kenniscentrum/inbox: the team's shared inbox, one tab per view, each with its count. */
export default function InboxPage() {
  return (
    <RequireCentreStaff>
      <Inbox />
    </RequireCentreStaff>
  );
}
