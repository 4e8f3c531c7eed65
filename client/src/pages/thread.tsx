import { Fragment, Suspense, useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import type { Post } from '../../../shared/api/forum';
import { moderates, useMe } from '../api/auth';
import { useCategories, useReply, useThread } from '../api/forum';
import { Composer } from '../components/composer';
import { LoadMore } from '../components/load-more';
import { PageTitle } from '../components/page-title';
import { DraftControls } from '../components/draft-controls';
import { EarlierPosts } from '../components/earlier-posts';
import { KeepInPlace } from '../components/keep-in-place';
import { preloadStaffParts, ThreadModeration } from '../components/staff-parts';
import { ThreadSkeleton } from '../components/thread-skeleton';
import { ThreadWatchControl } from '../components/watch-control';
import { postAnchor, PostItem } from '../components/post-item';
import { quoteMarkdown } from '../components/quote';
import { ErrorMessage, NotFound, PageError } from '../components/states';
import { textErrors } from '../components/form-errors';
import { useReplyDraft } from '../components/use-draft';
import { useReadMarker } from '../components/use-read-marker';
import { nl } from '../i18n/nl';
import { nlForum } from '../i18n/nl-forum';
import { nlKnowledge } from '../i18n/nl-knowledge';
import { nlReading } from '../i18n/nl-reading';
import { useThreadLive } from '../live/use-thread-live';


/** The "Sinds je laatste bezoek" line, scrolled to when a thread opens from where she left off. */
const SINCE_ID = 'sinds-laatste-bezoek';

export default function ThreadPage() {
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const me = useMe();
  // From a list's link to a thread with unread posts: the page starts at the first of them (reading.ts, api/forum.ts).
  const fromUnread = useSearchParams()[0].get('vanaf') === 'ongelezen';
  const query = useThread(valid ? id : 0, { fromUnread });
  const categories = useCategories();
  const posts = query.data?.pages.flatMap((p) => p.posts) ?? [];
  const thread = query.data?.pages[0]?.thread;
  const byId = new Map(posts.map((p) => [p.id, p]));
  const list = useRef<HTMLElement>(null);
  // Her read marker follows what was on her screen (use-read-marker.ts); a reply arriving in view counts too.
  const marker = useReadMarker(id, list, posts.map((p) => p.id), query.data?.pages[0]?.lastReadPostId);
  const live = useThreadLive(id, query.isSuccess, posts[posts.length - 1]?.id, query.isSuccess && !query.hasNextPage, me.data?.id, marker.see);

  // "Sinds je laatste bezoek" goes above the first post newer than her marker as this visit found it, and stays
  // there while she reads on (her reports move the marker, and a refetch would bring the moved one). Not above a post
  // of her own: what she writes now is no news to her.
  const [since, setSince] = useState<{ threadId: number; lastRead: number | null } | null>(null);
  const firstPage = query.data?.pages[0];
  if (firstPage && since?.threadId !== id) setSince({ threadId: id, lastRead: firstPage.lastReadPostId });
  const lastRead = since?.threadId === id ? since.lastRead : null;
  const firstUnread = lastRead === null ? undefined : posts.find((p) => p.id > lastRead && p.author.id !== me.data?.id);

  const [text, setText] = useState('');
  const [replyTo, setReplyTo] = useState<Post | null>(null);
  const reply = useReply(id);
  // What she is writing is kept on the server as she types, and comes back when she returns (use-draft.ts).
  const draft = useReplyDraft(id, {
    enabled: valid,
    ready: query.isSuccess,
    value: { body: text, replyToPostId: replyTo?.id ?? null },
    apply: (value) => {
      setText(value.body);
      setReplyTo(value.replyToPostId === null ? null : (byId.get(value.replyToPostId) ?? null));
    },
  });
  const textarea = useRef<HTMLTextAreaElement>(null);
  const replyBox = useRef<HTMLElement>(null);
  const end = useRef<HTMLDivElement>(null);
  const { hash } = useLocation();

  // Whether the end of the list is in view decides between "appears in place" and the "N nieuwe reacties" bar.
  const { setAtBottom } = live;
  useEffect(() => {
    const el = end.current;
    if (!el) return;
    const observer = new IntersectionObserver(([entry]) => setAtBottom(entry?.isIntersecting ?? false));
    observer.observe(el);
    return () => observer.disconnect();
  }, [query.isSuccess, setAtBottom]);

  // Moderators' tools are in chunks of their own (no member downloads them); for staff the outline stays until they
  // are here, loaded alongside the thread, so they do not pop in above the posts and push them down.
  const staff = me.data ? moderates(me.data) : false;
  const [staffReady, setStaffReady] = useState(false);
  useEffect(() => {
    if (staff) void preloadStaffParts().then(() => setStaffReady(true));
  }, [staff]);

  // The outline's heading had focus (the layout gives it after a navigation): the thread's own heading takes it over.
  const skeletonFocused = useRef(false);
  const shown = query.isSuccess && thread !== undefined && me.data !== undefined && (!staff || staffReady);
  useEffect(() => {
    if (!shown || !skeletonFocused.current) return;
    skeletonFocused.current = false;
    document.getElementById('main-heading')?.focus({ preventScroll: true });
  }, [shown]);

  // A link to one post (from search or a notification) brings that post into view once it is loaded. A post beyond
  // the first page (a notification's first unread reply in a long thread) is reached by loading the next pages; one
  // before the first post held (a "reply to" link in a thread opened at its first unread post), by the earlier ones.
  const scrolledTo = useRef<string | null>(null);
  const { hasNextPage, isFetchingNextPage, fetchNextPage, hasPreviousPage, isFetchingPreviousPage, fetchPreviousPage } = query;
  const firstHeld = posts[0]?.id;
  useEffect(() => {
    if (!hash || scrolledTo.current === hash || !query.isSuccess) return;
    const el = document.getElementById(hash.slice(1));
    const target = /^#bericht-(\d+)$/.exec(hash);
    if (el) {
      scrolledTo.current = hash;
      el.scrollIntoView();
      el.focus();
    } else if (target && firstHeld !== undefined && Number(target[1]) < firstHeld) {
      if (hasPreviousPage && !isFetchingPreviousPage) void fetchPreviousPage();
    } else if (target && hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hash, query.isSuccess, posts.length, firstHeld, hasNextPage, isFetchingNextPage, fetchNextPage, hasPreviousPage, isFetchingPreviousPage, fetchPreviousPage]);

  // Opened from where she left off: the line and the first unread post come into view, and the post takes focus, once
  // per visit (a link to one post, #bericht-12, goes there instead). With nothing unread the page stays at its start.
  const arrived = useRef<number | null>(null);
  useEffect(() => {
    if (!fromUnread || hash || arrived.current === id || !query.isSuccess || since?.threadId !== id) return;
    arrived.current = id;
    if (!firstUnread) return;
    const post = document.getElementById(postAnchor(firstUnread.id));
    (document.getElementById(SINCE_ID) ?? post)?.scrollIntoView({ block: 'start' });
    post?.focus({ preventScroll: true });
  }, [fromUnread, hash, id, query.isSuccess, since, firstUnread]);

  // After a delete or a restore (post-item.tsx): focus the post, or the next one if the live event took it off the
  // page, or the last; in an effect, so after a closing dialog gave focus back to a button that is now gone.
  const [focusPost, setFocusPost] = useState<number | null>(null);
  useEffect(() => {
    if (focusPost === null) return;
    setFocusPost(null);
    const target = posts.find((p) => p.id >= focusPost) ?? posts[posts.length - 1];
    document.getElementById(target ? postAnchor(target.id) : 'main-heading')?.focus();
    // Only a new request to focus counts; the posts are read as they are then.
  }, [focusPost]);

  // The thread went away while open (its only post deleted, here or by a moderator): whatever had focus went with
  // it, so the "not found" heading takes it, and a screen reader says where the reader now is.
  const vanished = query.isError && query.data !== undefined;
  useEffect(() => {
    const lost = !document.activeElement || document.activeElement === document.body;
    if (vanished && lost) document.getElementById('main-heading')?.focus();
  }, [vanished]);

  // Reply and quote from a post: the same functions on every render, so a post (memo) is drawn again only when it
  // changes, and not on every key she types in the reply box below.
  const startReply = useCallback((post: Post, quote: boolean, html: string | null = null) => {
    setReplyTo(post);
    if (quote) void quoteMarkdown(post, html).then((markdown) => setText((t) => (t && !t.endsWith('\n') ? `${t}\n\n` : t) + markdown));
    requestAnimationFrame(() => textarea.current?.focus());
  }, []);
  const replyToPost = useCallback((post: Post) => startReply(post, false), [startReply]);
  const quotePost = useCallback((post: Post, html: string | null) => startReply(post, true, html), [startReply]);

  if (!valid) return <NotFound />;
  if (query.isError) return <PageError error={query.error} retry={() => void query.refetch()} />;
  if (!shown || !thread || !me.data) return <ThreadSkeleton onHandOver={() => void (skeletonFocused.current = true)} />;
  // Archived is read-only for everyone, moderators too; a locked thread still takes a moderator's reply.
  const mayReply = !thread.archived && (!thread.locked || moderates(me.data));
  const category = categories.data?.categories.find((c) => c.slug === thread.categorySlug);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // No save may still be waiting once the post is sent: it would bring back the draft that posting deletes.
    draft.hold();
    reply.mutate(
      { body: text, replyToPostId: replyTo?.id ?? null },
      {
        onSuccess: ({ post }) => {
          draft.posted();
          setText('');
          setReplyTo(null);
          // Her reply takes focus, so a screen reader reads it as placed and the keyboard goes on from there (the
          // form's button she pressed would otherwise leave focus on the body once it re-renders busy).
          setFocusPost(post.id);
        },
        onError: draft.release,
      },
    );
  };
  const showUnseen = () => {
    const first = live.unseen[0];
    const el = first ? document.getElementById(postAnchor(first)) : null;
    live.clearUnseen();
    if (el) {
      el.scrollIntoView({ block: 'start' });
      el.focus();
    } else end.current?.scrollIntoView();
  };
  const jumpToReply = () => {
    replyBox.current?.scrollIntoView({ block: 'start' });
    textarea.current?.focus({ preventScroll: true });
  };
  const replyErrors = textErrors(reply.error, reply.variables?.body, text);

  return (
    <>
      <nav aria-label={nl.nav.breadcrumb} className="breadcrumb">
        <Link to="/forum">{nl.nav.forum}</Link>
        {' › '}
        <Link to={`/forum/${thread.categorySlug}`}>{category?.name ?? thread.categorySlug}</Link>
      </nav>
      <PageTitle title={thread.title}>{thread.title}</PageTitle>
      <p className="badges">
        {thread.solved && <span className="badge solved">{nlKnowledge.solved}</span>}
        {thread.pinned && <span className="badge">{nlForum.threads.pinned}</span>}
        {thread.locked && <span className="badge">{nlForum.threads.locked}</span>}
        {thread.archived && <span className="badge muted-badge">{nlForum.categories.archived}</span>}
        {thread.hidden && <span className="badge warn">{nlForum.threads.hidden}</span>}
        <span className="meta">{nlForum.threads.posts(thread.postCount)}</span>
      </p>
      {thread.hidden && <p className="notice">{nlForum.thread.threadHidden}</p>}
      {mayReply && (
        // Shown on narrow screens only (components.css): there the reply box is several screens down.
        <button type="button" className="jump-to-reply" onClick={jumpToReply}>
          {nlForum.composer.jumpToReply}
        </button>
      )}
      <ThreadWatchControl threadId={thread.id} value={query.data.pages[0]?.watch ?? 'normal'} />
      {moderates(me.data) && (
        <Suspense fallback={null}>
          <ThreadModeration thread={thread} />
        </Suspense>
      )}
      <EarlierPosts pages={query} list={list} />
      <KeepInPlace anchor={replyBox} trigger={`${posts.length}:${posts[posts.length - 1]?.id ?? 0}`}>
        <section aria-label={nlForum.thread.posts} className="posts" ref={list}>
          {posts.map((post) => (
            <Fragment key={post.id}>
              {post === firstUnread && (
                <div role="separator" aria-label={nlReading.thread.since} id={SINCE_ID} className="since-last-visit">
                  <span aria-hidden="true">{nlReading.thread.since}</span>
                </div>
              )}
              <PostItem
                post={post}
                viewer={me.data!}
                replyTo={post.replyToPostId ? byId.get(post.replyToPostId) : undefined}
                locked={thread.locked}
                archived={thread.archived === true}
                onReply={replyToPost}
                onQuote={quotePost}
                focusPost={setFocusPost}
              />
            </Fragment>
          ))}
        </section>
        <LoadMore pages={query} list={list} label={nlForum.thread.loadMore} />
        <div ref={end} className="end-marker" />
        <div className="visually-hidden" aria-live="polite" aria-atomic="true">
          {live.announcement}
        </div>
        <p className="typing" aria-hidden={live.typingNames.length === 0}>
          {live.typingNames.length > 0 ? nlForum.thread.typing(live.typingNames) : ''}
        </p>
        {live.unseen.length > 0 && (
          <button type="button" className="new-replies" onClick={showUnseen}>
            {nlForum.thread.newReplies(live.unseen.length)}
          </button>
        )}
        {/* Archived is read-only for everyone, moderators too; a locked thread still takes a moderator's reply. */}
        {thread.archived ? (
          <p className="notice">{nlForum.thread.archivedNotice}</p>
        ) : !mayReply ? (
          <p className="notice">{nlForum.thread.lockedNotice}</p>
        ) : (
          <section aria-labelledby="reply-heading" className="reply-box" ref={replyBox}>
            <h2 id="reply-heading">{nlForum.thread.replyHeading}</h2>
            <form className="form" onSubmit={submit} noValidate>
              <ErrorMessage error={replyErrors.general} />
              {replyTo && (
                <p className="replying">
                  {nlForum.composer.replyingTo(replyTo.author.displayName)}{' '}
                  <button type="button" className="link-button" onClick={() => setReplyTo(null)}>
                    {nlForum.composer.cancelReply}
                  </button>
                </p>
              )}
              <Composer value={text} onChange={setText} onTyping={live.sendTyping} textareaRef={textarea} threadId={id} error={replyErrors.text} />
              <button type="submit" disabled={reply.isPending}>
                {reply.isPending ? nlForum.composer.busy : nlForum.composer.submit}
              </button>
              <DraftControls draft={draft} kind="reply" empty={!text.trim()} focusAfterDiscard={() => textarea.current?.focus()} />
            </form>
          </section>
        )}
      </KeepInPlace>
    </>
  );
}
