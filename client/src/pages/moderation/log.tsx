import { useRef } from 'react';
import { Link } from 'react-router';
import { useLog } from '../../api/moderation';
import { LoadMore } from '../../components/load-more';
import { PageTitle } from '../../components/page-title';
import { Loading, PageError } from '../../components/states';
import { nl } from '../../i18n/nl';
import { nlModeration } from '../../i18n/nl-moderation';
import { ModerationNav } from './moderation-nav';

export default function LogPage() {
  const log = useLog();
  const list = useRef<HTMLOListElement>(null);
  return (
    <>
      <PageTitle title={`${nlModeration.log} · ${nlModeration.title}`}>{nlModeration.log}</PageTitle>
      <ModerationNav />
      {log.isError ? (
        <PageError error={log.error} retry={() => void log.refetch()} />
      ) : log.isPending ? (
        <Loading />
      ) : log.data.pages[0]?.entries.length === 0 ? (
        <p className="empty">{nlModeration.logEmpty}</p>
      ) : (
        <ol className="log" ref={list}>
          {log.data.pages
            .flatMap((p) => p.entries)
            .map((e) => (
              // Focusable itself: after "Meer laden" the entry takes focus (load-more.tsx), not the link in its middle.
              <li key={e.id} tabIndex={-1}>
                <time dateTime={e.createdAt}>{nl.time.format(e.createdAt)}</time> · <strong>{nlModeration.logActions[e.action]}</strong>
                {' · '}
                {e.moderator?.displayName ?? (e.moderatorDeleted ? nlModeration.deletedAccount : nlModeration.system)}
                {e.targetUser ? <> → {e.targetUser.displayName}</> : e.targetUserDeleted && <> → {nlModeration.deletedAccount}</>}
                {e.targetThreadId && (
                  <>
                    {' · '}
                    <Link to={`/discussie/${e.targetThreadId}${e.targetPostId ? `#bericht-${e.targetPostId}` : ''}`}>{nlModeration.openPost}</Link>
                  </>
                )}
                {typeof e.details?.slug === 'string' && <> · {e.details.slug}</>}
                {e.reason && <> · „{e.reason}”</>}
              </li>
            ))}
        </ol>
      )}
      {log.isSuccess && <LoadMore pages={log} list={list} />}
    </>
  );
}
