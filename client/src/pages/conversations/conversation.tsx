import { Fragment, useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { Participant } from '../../../../shared/api/conversations';
import { useMe } from '../../api/auth';
import { detailOf } from '../../api/conversation-cache';
import { useConversation, useLeaveConversation, useMarkConversationRead, useSendMessage } from '../../api/conversations';
import { Avatar } from '../../components/avatar';
import { Composer } from '../../components/composer';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { DraftControls } from '../../components/draft-controls';
import { EarlierPosts } from '../../components/earlier-posts';
import { textErrors } from '../../components/form-errors';
import { KeepInPlace } from '../../components/keep-in-place';
import { Outcome, useOutcome } from '../../components/outcome';
import { PageTitle } from '../../components/page-title';
import { ErrorMessage, Loading, NotFound, PageError } from '../../components/states';
import { nl } from '../../i18n/nl';
import { nlConversations } from '../../i18n/nl-conversations';
import { nlReading } from '../../i18n/nl-reading';
import { AddParticipantsDialog } from './add-participants';
import { messageAnchor, MessageItem } from './message-item';
import { useConversationDraft } from './use-conversation-draft';
import { useConversationLive } from './use-conversation-live';
import './conversations.css';
import { useFocusAfterRender } from '../../components/use-focus-after-render';
import { useTabVisible } from '../../components/use-tab-visible';

const t = nlConversations.page;
/** The line above the first message that is new since her last visit. */
const SINCE_ID = 'sinds-laatste-bezoek';

function Participants({ people, viewerId }: { people: Participant[]; viewerId: number }) {
  return (
    <ul className="participant-list" aria-labelledby="deelnemers">
      {people.map((p) => (
        <li key={p.id}>
          <Avatar id={p.id} displayName={p.displayName} avatarUrl={p.avatarUrl} size={24} />
          <Link to={`/leden/${p.id}`}>{p.displayName}</Link>
          {p.id === viewerId && <span className="muted">{t.you}</span>}
        </li>
      ))}
    </ul>
  );
}

/** /berichten/:id. Keyed by the id, so another conversation starts with fresh state (draft, read marker, focus). */
export default function ConversationRoute() {
  const id = Number(useParams().id);
  if (!Number.isInteger(id) || id <= 0) return <NotFound />;
  return <ConversationPage key={id} id={id} />;
}

/**
 * One conversation: its subject, who is in it, the messages (the newest page; earlier ones on request) and the reply
 * box with its draft. New messages arrive live (live/connect.ts puts them in the cache); what she sees in a tab in
 * front counts as read. A moderator who opens it from a report reads it without any of the participants' tools.
 */
function ConversationPage({ id }: { id: number }) {
  const me = useMe();
  const viewerId = me.data?.id;
  const query = useConversation(id);
  const detail = detailOf(query.data);
  // A moderator reads without any of the participants' tools; a participant left alone can still add someone.
  const moderatorView = detail?.moderatorView === true;
  const seen = new Set<number>();
  // Pages may overlap by a message after a refresh: each is shown once.
  const messages = (query.data?.pages.flatMap((p) => p.messages) ?? []).filter((m) => !seen.has(m.id) && seen.add(m.id));
  const newest = messages[messages.length - 1]?.id;
  const list = useRef<HTMLElement>(null);
  const end = useRef<HTMLDivElement>(null);
  const replyBox = useRef<HTMLElement>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const live = useConversationLive(id, viewerId);
  const visible = useTabVisible();
  const outcome = useOutcome();
  const navigate = useNavigate();

  const [text, setText] = useState('');
  const send = useSendMessage(id);
  const draft = useConversationDraft(id, { enabled: query.isSuccess && detail?.canReply === true, value: text, apply: setText });
  const [adding, setAdding] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const leave = useLeaveConversation(id);

  // "Sinds je laatste bezoek" goes above the first message from someone else after her marker as this visit found
  // it, and stays there while she reads on (her marker moves as she reads, and a refresh brings the moved one).
  const [since, setSince] = useState<number | null>(null);
  if (since === null && detail) setSince(detail.moderatorView ? Infinity : detail.lastReadMessageId);
  const firstUnread = since === null ? undefined : messages.find((m) => m.id > since && m.author?.id !== viewerId);
  // Opened with news below earlier messages: the line and the first new message come into view, and the message
  // takes focus (a screen reader starts reading there), once per visit.
  const arrived = useRef(false);
  useEffect(() => {
    if (arrived.current || !query.isSuccess || viewerId === undefined) return;
    arrived.current = true;
    if (!firstUnread || firstUnread.id === messages[0]?.id) return;
    const el = document.getElementById(messageAnchor(firstUnread.id));
    (document.getElementById(SINCE_ID) ?? el)?.scrollIntoView({ block: 'start' });
    el?.focus({ preventScroll: true });
  }, [query.isSuccess, viewerId, firstUnread, messages]);

  // Whether the end of the list is in view decides between "appears in place" and the "N nieuwe berichten" bar.
  const { setAtBottom } = live;
  const [endInView, setEndInView] = useState(true);
  useEffect(() => {
    const el = end.current;
    if (!el) return;
    const observer = new IntersectionObserver(([entry]) => {
      setAtBottom(entry?.isIntersecting ?? false);
      setEndInView(entry?.isIntersecting ?? false);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [query.isSuccess, setAtBottom]);

  // Her read marker goes to the newest message when she opens the conversation in a tab in front, and then follows
  // what arrives while the end of the list is in view; a message that came in below her view waits until she gets
  // there (the bar takes her). The server ignores a marker that would go back.
  const markRead = useMarkConversationRead(id);
  const readUpTo = useRef(0);
  const opened = useRef(false);
  const lastRead = detail?.lastReadMessageId ?? 0;
  const { mutate: sendRead } = markRead;
  useEffect(() => {
    if (!detail || moderatorView || !visible || newest === undefined || (opened.current && !endInView)) return;
    opened.current = true;
    if (newest <= Math.max(readUpTo.current, lastRead)) return;
    readUpTo.current = newest;
    sendRead(newest);
  }, [detail, moderatorView, visible, newest, lastRead, endInView, sendRead]);

  // After an edit or a deletion the button that did it is gone: the message takes focus, showing the outcome.
  const focusSoon = useFocusAfterRender();

  if (query.isError) return <PageError error={query.error} retry={() => void query.refetch()} />;
  if (!query.isSuccess || !detail || viewerId === undefined) return <Loading />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // No save may still be waiting once the message is sent: it would bring back the draft that sending deletes.
    draft.hold();
    send.mutate(text, {
      onSuccess: ({ message }) => {
        draft.posted();
        setText('');
        focusSoon(messageAnchor(message.id));
      },
      onError: draft.release,
    });
  };
  const showUnseen = () => {
    const first = live.unseen[0];
    const el = first ? document.getElementById(messageAnchor(first)) : null;
    live.clearUnseen();
    if (el) {
      el.scrollIntoView({ block: 'start' });
      el.focus();
    } else end.current?.scrollIntoView();
  };
  const sendErrors = textErrors(send.error, send.variables, text);
  const alone = detail.participants.every((p) => p.id === viewerId);

  return (
    <>
      <nav aria-label={nl.nav.breadcrumb} className="breadcrumb">
        {moderatorView ? <Link to="/moderatie">{t.toQueue}</Link> : <Link to="/berichten">{nlConversations.title}</Link>}
      </nav>
      <PageTitle title={detail.subject}>{detail.subject}</PageTitle>
      {moderatorView && <p className="notice">{t.moderatorView}</p>}
      <h2 id="deelnemers">{t.participants}</h2>
      <Participants people={detail.participants} viewerId={viewerId} />
      <Outcome outcome={outcome} />
      {!moderatorView && (
        <div className="actions">
          <button type="button" className="secondary" aria-haspopup="dialog" onClick={() => setAdding(true)}>
            {t.add}
          </button>
          <button type="button" className="secondary" aria-haspopup="dialog" onClick={() => setLeaving(true)}>
            {t.leave}
          </button>
        </div>
      )}
      <h2 id="berichten-kop">{t.messages}</h2>
      <EarlierPosts pages={query} list={list} />
      <KeepInPlace anchor={replyBox} trigger={`${messages.length}:${newest ?? 0}`}>
        <section aria-labelledby="berichten-kop" className="posts" ref={list}>
          {messages.map((m) => (
            <Fragment key={m.id}>
              {m === firstUnread && (
                <div role="separator" aria-label={nlReading.thread.since} id={SINCE_ID} className="since-last-visit">
                  <span aria-hidden="true">{nlReading.thread.since}</span>
                </div>
              )}
              <MessageItem message={m} viewerId={viewerId} readOnly={moderatorView} focusMessage={(messageId) => focusSoon(messageAnchor(messageId))} />
            </Fragment>
          ))}
        </section>
        {messages.length === 0 && <p className="empty">{t.empty}</p>}
        <div ref={end} className="end-marker" />
        <div className="visually-hidden" aria-live="polite" aria-atomic="true">
          {live.announcement}
        </div>
        {live.unseen.length > 0 && (
          <button type="button" className="new-replies" onClick={showUnseen}>
            {t.newMessages(live.unseen.length)}
          </button>
        )}
        {alone && !moderatorView && <p className="notice">{t.alone}</p>}
        {detail.canReply && (
          <section aria-labelledby="antwoord-kop" className="reply-box" ref={replyBox}>
            <h2 id="antwoord-kop">{t.replyHeading}</h2>
            <form className="form" onSubmit={submit} noValidate>
              <ErrorMessage error={sendErrors.general} />
              <Composer label={t.replyLabel} value={text} onChange={setText} textareaRef={textarea} error={sendErrors.text} />
              <button type="submit" disabled={send.isPending}>
                {send.isPending ? t.busy : t.send}
              </button>
              <DraftControls draft={draft} kind="reply" empty={!text.trim()} focusAfterDiscard={() => textarea.current?.focus()} />
            </form>
          </section>
        )}
      </KeepInPlace>
      {adding && (
        <AddParticipantsDialog
          conversation={detail}
          viewerId={viewerId}
          onClose={() => setAdding(false)}
          onAdded={(said) => {
            setAdding(false);
            outcome.show(said, { focus: false });
          }}
        />
      )}
      {leaving && (
        <ConfirmDialog
          title={t.leaveTitle}
          open={leaving}
          onClose={() => setLeaving(false)}
          message={t.confirmLeave}
          confirmLabel={t.leave}
          error={leave.error}
          pending={leave.isPending}
          onConfirm={() => leave.mutate(undefined, { onSuccess: () => navigate('/berichten', { state: { left: detail.subject } }) })}
        />
      )}
    </>
  );
}
