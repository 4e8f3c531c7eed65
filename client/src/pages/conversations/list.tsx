import { useEffect, useRef } from 'react';
import { Link, useLocation } from 'react-router';
import type { ConversationSummary } from '../../../../shared/api/conversations';
import { useMe } from '../../api/auth';
import { useConversations } from '../../api/conversations';
import { LoadMore } from '../../components/load-more';
import { Outcome, useOutcome } from '../../components/outcome';
import { PageTitle } from '../../components/page-title';
import { Loading, PageError } from '../../components/states';
import { nl } from '../../i18n/nl';
import { names, nlConversations } from '../../i18n/nl-conversations';
import './conversations.css';

const t = nlConversations.list;

/** One conversation: its subject (bold while unread), with whom, the newest message's start, and when. */
function ConversationItem({ c, viewerId }: { c: ConversationSummary; viewerId: number }) {
  const others = c.participants.filter((p) => p.id !== viewerId).map((p) => p.displayName);
  const unread = c.unreadCount > 0;
  const titleId = `gesprek-${c.id}`;
  return (
    <li className={`card conversation-item${unread ? ' unread' : ''}`}>
      <h2 className="card-title" id={titleId}>
        <Link to={`/berichten/${c.id}`}>{c.subject}</Link>{' '}
        {unread && <span className="badge new">{t.unread(c.unreadCount)}</span>}
      </h2>
      <p className="meta">
        {others.length > 0 ? t.with(names(others)) : t.onlyYou} · {t.messages(c.messageCount)} · <time dateTime={c.lastMessageAt}>{nl.time.format(c.lastMessageAt)}</time>
      </p>
      {c.lastMessage && (
        <p className="conversation-excerpt">
          {t.lastBy(c.lastMessage.authorName ?? t.formerMember)}
          {c.lastMessage.deleted ? <em>{t.deleted}</em> : c.lastMessage.excerpt}
        </p>
      )}
    </li>
  );
}

/** /berichten: her private conversations, the most recently active first; unread ones stand out. */
export default function ConversationsPage() {
  const me = useMe();
  const list = useConversations();
  const listRef = useRef<HTMLUListElement>(null);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  // Arriving from a conversation she just left: said once, in the status line (the heading has focus).
  const left = (useLocation().state as { left?: unknown } | null)?.left;
  const outcome = useOutcome();
  const { show } = outcome;
  useEffect(() => {
    if (typeof left === 'string') show(nlConversations.page.left(left), { focus: false });
  }, [left, show]);
  return (
    <>
      <PageTitle>{nlConversations.title}</PageTitle>
      <p className="muted">{t.intro}</p>
      <Outcome outcome={outcome} />
      <p>
        <Link className="button" to="/berichten/nieuw">
          {t.start}
        </Link>
      </p>
      {list.isError ? (
        <PageError error={list.error} retry={() => void list.refetch()} />
      ) : list.isPending || !me.data ? (
        <Loading />
      ) : items.length === 0 ? (
        <p className="empty">{t.empty}</p>
      ) : (
        <>
          <ul className="card-list" aria-label={t.label} ref={listRef}>
            {items.map((c) => (
              <ConversationItem key={c.id} c={c} viewerId={me.data!.id} />
            ))}
          </ul>
          <LoadMore pages={list} list={listRef} label={t.loadMore} />
        </>
      )}
    </>
  );
}
