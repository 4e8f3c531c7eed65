import { memo, useState } from 'react';
import { Link } from 'react-router';
import type { ConversationMessage } from '../../../../shared/api/conversations';
import { reportMessage, useDeleteMessage, useEditMessage } from '../../api/conversations';
import { ReportDialog } from '../../components/report-dialog';
import { Avatar } from '../../components/avatar';
import { Composer } from '../../components/composer';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { textErrors } from '../../components/form-errors';
import { Icon } from '../../components/icons';
import { ErrorMessage } from '../../components/states';
import { nl } from '../../i18n/nl';
import { nlConversations } from '../../i18n/nl-conversations';

const t = nlConversations.page;
export const messageAnchor = (id: number) => `bericht-${id}`;

/**
 * One message, drawn as a forum post (components.css .post). Her own can be edited and deleted, someone else's
 * reported; a moderator's read-only view (`readOnly`) has no actions. Memoised: the page draws again at every key
 * typed in the reply box.
 */
export const MessageItem = memo(function MessageItem({
  message,
  viewerId,
  readOnly,
  focusMessage,
}: {
  message: ConversationMessage;
  viewerId: number;
  readOnly: boolean;
  /** Focus this message once the page shows the outcome of an action on it (the button that did it is gone). */
  focusMessage: (id: number) => void;
}) {
  const own = message.author?.id === viewerId;
  const name = message.author?.displayName ?? t.formerMember;
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [reporting, setReporting] = useState(false);
  const edit = useEditMessage(message.conversationId);
  const remove = useDeleteMessage(message.conversationId);
  const editErrors = textErrors(edit.error, edit.variables?.body, draft);

  return (
    <article id={messageAnchor(message.id)} className={`post${own ? ' own-message' : ''}`} aria-label={t.messageLabel(name)} tabIndex={-1}>
      <header className="post-head">
        {message.author ? (
          <>
            <Avatar id={message.author.id} displayName={message.author.displayName} avatarUrl={message.author.avatarUrl} size={32} />
            <Link className="author" to={`/leden/${message.author.id}`}>
              {message.author.displayName}
            </Link>
          </>
        ) : (
          <span className="author">{name}</span>
        )}
        <span className="meta">
          <time dateTime={message.createdAt}>{nl.time.format(message.createdAt)}</time>
          {message.editedAt && !message.deleted && (
            <>
              {' · '}
              <span title={nl.time.format(message.editedAt)}>{t.edited}</span>
            </>
          )}
        </span>
      </header>
      {message.deleted ? (
        <p className="muted">{t.deleted}</p>
      ) : editing ? (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            edit.mutate(
              { id: message.id, body: draft },
              {
                onSuccess: () => {
                  setEditing(false);
                  focusMessage(message.id);
                },
              },
            );
          }}
        >
          <ErrorMessage error={editErrors.general} />
          <Composer label={nlConversations.new.body} value={draft} onChange={setDraft} error={editErrors.text} />
          <div className="actions">
            <button type="submit" disabled={edit.isPending}>
              {t.saveEdit}
            </button>
            <button type="button" className="secondary" onClick={() => setEditing(false)}>
              {nl.common.cancel}
            </button>
          </div>
        </form>
      ) : (
        // bodyHtml is rendered from Markdown and sanitized by the server, like every post's: the only HTML we insert.
        <div className="post-body" dangerouslySetInnerHTML={{ __html: message.bodyHtml }} />
      )}
      {!readOnly && !editing && !message.deleted && (own ? message.body !== undefined : message.author !== null) && (
        <div className="post-actions">
          {own ? (
            <>
              <button
                type="button"
                className="link-button action"
                onClick={() => {
                  setDraft(message.body ?? '');
                  edit.reset();
                  setEditing(true);
                }}
              >
                <Icon name="edit" />
                {t.edit}
              </button>
              <button type="button" className="link-button action action-danger" aria-haspopup="dialog" onClick={() => setConfirming(true)}>
                <Icon name="trash" />
                {t.delete}
              </button>
            </>
          ) : (
            <button type="button" className="link-button action" aria-haspopup="dialog" onClick={() => setReporting(true)}>
              <Icon name="flag" />
              {t.report}
            </button>
          )}
        </div>
      )}
      {confirming && (
        <ConfirmDialog
          title={t.deleteTitle}
          open={confirming}
          onClose={() => setConfirming(false)}
          message={t.confirmDelete}
          confirmLabel={t.delete}
          error={remove.error}
          pending={remove.isPending}
          onConfirm={() =>
            remove.mutate(message.id, {
              onSuccess: () => {
                setConfirming(false);
                focusMessage(message.id);
              },
            })
          }
        />
      )}
      {reporting && <ReportDialog texts={nlConversations.report} send={reportMessage(message.conversationId, message.id)} open onClose={() => setReporting(false)} />}
    </article>
  );
});
