import { useRef, useState } from 'react';
import { Link } from 'react-router';
import type { MessageReport, MessageReportAction } from '../../../../shared/api/conversations';
import { useMessageReports, useResolveMessageReport } from '../../api/message-reports';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { LoadMore } from '../../components/load-more';
import { Outcome, useOutcome } from '../../components/outcome';
import { ErrorMessage, Loading } from '../../components/states';
import { nl } from '../../i18n/nl';
import { nlConversations } from '../../i18n/nl-conversations';
import { nlMessageReports as t } from '../../i18n/nl-message-reports';

/**
 * The moderation queue's section for reported private messages. Each card links to the conversation, which a
 * moderator reads read-only while the report is open (pages/conversations/conversation.tsx). Dismissing is done at
 * once; deleting the message asks first. The card leaves with its buttons, so focus moves to the outcome.
 */
export function MessageReportsSection() {
  const reports = useMessageReports();
  const resolve = useResolveMessageReport();
  const done = useOutcome();
  const list = useRef<HTMLUListElement>(null);
  const [deleting, setDeleting] = useState<MessageReport | null>(null);
  const items = reports.data?.pages.flatMap((p) => p.reports) ?? [];
  const decide = (report: MessageReport, action: MessageReportAction) => {
    if (resolve.isPending) return;
    resolve.mutate(
      { reportId: report.id, action },
      {
        onSuccess: () => {
          setDeleting(null);
          done.show(t.resolved[action]);
        },
      },
    );
  };
  return (
    <section aria-labelledby="privéberichten-kop">
      <h2 id="privéberichten-kop">{t.title}</h2>
      <p className="muted">{t.intro}</p>
      {!deleting && <ErrorMessage error={resolve.error ?? reports.error} />}
      <Outcome outcome={done} />
      {reports.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        <p className="empty">{t.empty}</p>
      ) : (
        <ul className="card-list" ref={list} aria-label={t.list}>
          {items.map((r) => (
            <li key={r.id} className="card">
              <h3 className="card-title">
                <Link to={`/berichten/${r.conversationId}`}>{t.open(r.subject)}</Link>
              </h3>
              <p className="meta">
                {t.by(r.message.author?.displayName ?? t.formerMember)} · <time dateTime={r.message.createdAt}>{nl.time.format(r.message.createdAt)}</time>
              </p>
              {r.message.deleted ? (
                <p className="muted">{t.deleted}</p>
              ) : (
                // Sanitized by the server, like every bodyHtml.
                <div className="post-body quoted" dangerouslySetInnerHTML={{ __html: r.message.bodyHtml }} />
              )}
              <p>
                <strong>{nlConversations.report.reasons[r.reason]}</strong> · {r.reporter ? t.reportedBy(r.reporter.displayName) : t.reporterGone}
                {r.note && <> · „{r.note}”</>}
              </p>
              <div className="actions">
                {!r.message.deleted && (
                  <button
                    type="button"
                    className="danger"
                    aria-haspopup="dialog"
                    onClick={() => {
                      resolve.reset();
                      setDeleting(r);
                    }}
                  >
                    {t.actions.delete_message}
                  </button>
                )}
                <button type="button" className="secondary" aria-disabled={resolve.isPending} onClick={() => decide(r, 'dismiss')}>
                  {t.actions.dismiss}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <LoadMore pages={reports} list={list} />
      {deleting && (
        <ConfirmDialog
          title={t.confirmTitle}
          open
          onClose={() => setDeleting(null)}
          message={t.confirm}
          confirmLabel={t.actions.delete_message}
          error={resolve.error}
          pending={resolve.isPending}
          onConfirm={() => decide(deleting, 'delete_message')}
        />
      )}
    </section>
  );
}
