import { useRef } from 'react';
import { Link } from 'react-router';
import type { HelpdeskQuestion } from '../../../../shared/api/helpdesk';
import { useMyQuestions } from '../../api/helpdesk';
import { LoadMore } from '../../components/load-more';
import { PageTitle } from '../../components/page-title';
import { Loading, PageError } from '../../components/states';
import { nl } from '../../i18n/nl';
import { nlHelpdesk } from '../../i18n/nl-helpdesk';
import './helpdesk.css';

const t = nlHelpdesk.list;

/** One of her questions: its subject (bold while an answer waits unread), its status in words, and when it last moved. */
function QuestionItem({ q }: { q: HelpdeskQuestion }) {
  const unread = q.unreadCount > 0;
  return (
    <li className={`card question-item${unread ? ' unread' : ''}`}>
      <h2 className="card-title">
        <Link to={`/kenniscentrum/vragen/${q.id}`}>{q.subject}</Link> {unread && <span className="badge new">{t.unread(q.unreadCount)}</span>}
      </h2>
      <p className="meta">
        <span className={`badge status-${q.status}`}>{nlHelpdesk.status[q.status]}</span>
        {q.category && ` · ${q.category.name}`} · {t.lastActivity}
        <time dateTime={q.lastActivityAt}>{nl.time.format(q.lastActivityAt)}</time>
      </p>
    </li>
  );
}

/** /kenniscentrum/vragen: her questions to the kenniscentrum, the most recently active first. */
export default function MyQuestionsPage() {
  const list = useMyQuestions();
  const listRef = useRef<HTMLUListElement>(null);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <nav aria-label={nl.nav.breadcrumb} className="breadcrumb">
        <Link to="/kenniscentrum">{nlHelpdesk.hub.title}</Link>
      </nav>
      <PageTitle>{t.title}</PageTitle>
      <p className="muted">{t.intro}</p>
      <p>
        <Link className="button" to="/kenniscentrum/vragen/nieuw">
          {t.ask}
        </Link>
      </p>
      {list.isError ? (
        <PageError error={list.error} retry={() => void list.refetch()} />
      ) : list.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        <p className="empty">{t.empty}</p>
      ) : (
        <>
          <ul className="card-list" aria-label={t.label} ref={listRef}>
            {items.map((q) => (
              <QuestionItem key={q.id} q={q} />
            ))}
          </ul>
          <LoadMore pages={list} list={listRef} label={t.loadMore} />
        </>
      )}
    </>
  );
}
