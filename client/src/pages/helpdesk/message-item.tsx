import { memo } from 'react';
import type { HelpdeskMessage } from '../../../../shared/api/helpdesk';
import { Avatar } from '../../components/avatar';
import { nl } from '../../i18n/nl';
import { nlHelpdesk } from '../../i18n/nl-helpdesk';

const t = nlHelpdesk.question;
export const helpdeskAnchor = (id: number) => `bericht-${id}`;

/**
 * One message of a question, drawn as a forum post (components.css .post). The team's messages carry the word
 * "Kenniscentrum"; an internal note (only ever sent to the team) stands apart, saying in words who can read it.
 * Memoised: the page draws again at every key typed in the reply box.
 */
export const HelpdeskMessageItem = memo(function HelpdeskMessageItem({ message, internalLabel }: { message: HelpdeskMessage; internalLabel?: string }) {
  const name = message.author?.displayName ?? t.formerMember;
  const className = `post${message.internal ? ' internal-note' : message.fromTeam ? ' from-team' : ''}`;
  return (
    <article id={helpdeskAnchor(message.id)} className={className} aria-label={message.internal && internalLabel ? `${internalLabel}: ${name}` : t.messageLabel(name)} tabIndex={-1}>
      {message.internal && internalLabel && <p className="internal-label">{internalLabel}</p>}
      <header className="post-head">
        {message.author && <Avatar id={message.author.id} displayName={message.author.displayName} avatarUrl={message.author.avatarUrl} size={32} />}
        <span className="author">{name}</span>
        {message.fromTeam && <span className="badge team-badge">{t.team}</span>}
        <span className="meta">
          <time dateTime={message.createdAt}>{nl.time.format(message.createdAt)}</time>
        </span>
      </header>
      {/* bodyHtml is rendered from Markdown and sanitized by the server, like every post's: the only HTML we insert. */}
      <div className="post-body" dangerouslySetInnerHTML={{ __html: message.bodyHtml }} />
    </article>
  );
});
