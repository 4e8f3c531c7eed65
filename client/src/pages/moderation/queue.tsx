import { useRef, useState } from 'react';
import type { QueueItem } from '../../../../shared/api/moderation';
import type { ReportAction } from '../../../../shared/constants';
import { Link } from 'react-router';
import { REPORT_ACTIONS } from '../../../../shared/constants';
import { useQueue, useResolve } from '../../api/moderation';
import { LoadMore } from '../../components/load-more';
import { Outcome, useOutcome } from '../../components/outcome';
import { PageTitle } from '../../components/page-title';
import { ClaimControl } from '../../components/claim-control';
import { DurationField, ReasonDialog } from '../../components/reason-dialog';
import { postAnchor } from '../../components/post-item';
import { ErrorMessage, Loading, PageError } from '../../components/states';
import { nl } from '../../i18n/nl';
import { nlForum } from '../../i18n/nl-forum';
import { nlModeration } from '../../i18n/nl-moderation';
import { MessageReportsSection } from './message-reports';
import { ModerationNav } from './moderation-nav';

/** A decision that takes something away: it asks first, for a reason the author reads (and a duration for a suspension). */
type Removal = Exclude<ReportAction, 'dismiss'>;

/**
 * Open reports, one card per reported post; one decision settles every report on that post. Dismissing takes
 * nothing away and is done at once; hiding, deleting and suspending ask in a dialog. The card leaves the queue with
 * its buttons, so focus moves to the outcome (outcome.tsx); aria-disabled while busy, for the same reason.
 */
export default function QueuePage() {
  const queue = useQueue();
  const resolve = useResolve();
  const done = useOutcome();
  const list = useRef<HTMLUListElement>(null);
  const [asking, setAsking] = useState<{ item: QueueItem; action: Removal } | null>(null);
  const [days, setDays] = useState<number | null>(7);
  const m = nlModeration;
  const decide = (item: QueueItem, action: ReportAction, note?: string) => {
    const report = item.reports[0];
    if (!report || resolve.isPending) return;
    const suspendDays = action === 'suspend_author' && days !== null ? { suspendDays: days } : {};
    resolve.mutate(
      { reportId: report.id, action, ...(note ? { note } : {}), ...suspendDays },
      {
        onSuccess: () => {
          setAsking(null);
          done.show(m.resolvedAs[action]);
        },
      },
    );
  };
  if (queue.isError) return <PageError error={queue.error} retry={() => void queue.refetch()} />;
  const items = queue.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageTitle title={`${nlModeration.queue} · ${nlModeration.title}`}>{nlModeration.queue}</PageTitle>
      <ModerationNav />
      {!asking && <ErrorMessage error={resolve.error} />}
      <Outcome outcome={done} />
      {queue.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        <p className="empty">{nlModeration.queueEmpty}</p>
      ) : (
        <ul className="card-list" ref={list}>
          {items.map((item) => (
            <li key={item.post.id} className="card">
              <h2 className="card-title">
                <Link to={`/discussie/${item.thread.id}#${postAnchor(item.post.id)}`}>{item.thread.title}</Link>
              </h2>
              <p className="meta">
                {item.author.displayName} · {nl.time.format(item.post.createdAt)} · {m.waited(item.firstReportedAt)}
                {item.post.hidden && <span className="badge warn">{nlForum.thread.hidden}</span>}
              </p>
              {/* What was done already, by hand or by the system at AUTO_HIDE_REPORTS reports. */}
              {item.post.hiddenReason && <p className="hidden-reason">{nlForum.thread.hiddenReason(item.post.hiddenReason)}</p>}
              <ClaimControl kind="report" id={item.post.id} claim={item.claim} what={item.thread.title} />
              {/* Sanitized by the server, like every bodyHtml. */}
              <div className="post-body quoted" dangerouslySetInnerHTML={{ __html: item.post.bodyHtml }} />
              <ul className="reports">
                {item.reports.map((r) => (
                  <li key={r.id}>
                    <strong>{nlForum.report.reasons[r.reason]}</strong> · {nlModeration.reportedBy(r.reporter.displayName)}
                    {r.note && <> · „{r.note}”</>}
                  </li>
                ))}
              </ul>
              <div className="actions">
                {REPORT_ACTIONS.map((action) => (
                  <button
                    key={action}
                    type="button"
                    className={action === 'dismiss' ? 'secondary' : action === 'hide_post' ? '' : 'danger'}
                    aria-disabled={resolve.isPending}
                    onClick={() => {
                      if (action === 'dismiss') return decide(item, action);
                      resolve.reset();
                      setDays(7);
                      setAsking({ item, action });
                    }}
                  >
                    {nlModeration.actions[action]}
                  </button>
                ))}
              </div>
            </li>
          ))}
        </ul>
      )}
      <LoadMore pages={queue} list={list} />
      <MessageReportsSection />
      {asking && (
        <ReasonDialog
          title={m.confirmTitle(m.actions[asking.action], asking.item.author.displayName)}
          reasonLabel={m.authorReason}
          confirmLabel={m.actions[asking.action]}
          templates={asking.action === 'suspend_author' ? m.templates.suspend : m.templates.post}
          pending={resolve.isPending}
          error={resolve.error}
          onConfirm={(reason) => decide(asking.item, asking.action, reason)}
          onClose={() => setAsking(null)}
        >
          <p>{m.confirmExplain[asking.action]}</p>
          {asking.action === 'suspend_author' && <DurationField value={days} onChange={setDays} />}
        </ReasonDialog>
      )}
    </>
  );
}
