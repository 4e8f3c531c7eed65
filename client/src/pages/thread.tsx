import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import type { Post } from '../../../shared/api/forum';
import { moderates, useMe } from '../api/auth';
import { useCategories, useReply, useThread } from '../api/forum';
import { ApiError } from '../api/http';
import { Composer } from '../components/composer';
import { LoadMore } from '../components/load-more';
import { PageTitle } from '../components/page-title';
import { ThreadModeration } from '../components/thread-moderation';
import { ThreadWatchControl } from '../components/watch-control';
import { postAnchor, PostItem, quoteText } from '../components/post-item';
import { ErrorMessage, Loading, NotFound, PageError } from '../components/states';
import { nl } from '../i18n/nl';
import { nlForum } from '../i18n/nl-forum';
import { useThreadLive } from '../live/use-thread-live';

export default function ThreadPage() {
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const me = useMe();
  const query = useThread(valid ? id : 0);
  const categories = useCategories();
  const posts = query.data?.pages.flatMap((p) => p.posts) ?? [];
  const thread = query.data?.pages[0]?.thread;
  const byId = new Map(posts.map((p) => [p.id, p]));
  const live = useThreadLive(id, query.isSuccess, posts[posts.length - 1]?.id, query.isSuccess && !query.hasNextPage, me.data?.id);

  const [text, setText] = useState('');
  const [replyTo, setReplyTo] = useState<Post | null>(null);
  const reply = useReply(id);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const end = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLElement>(null);
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

  // A link to one post (from search or a notification) brings that post into view once it is loaded. A post beyond
  // the first page (a notification's first unread reply in a long thread) is reached by loading the next pages.
  const scrolledTo = useRef<string | null>(null);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  useEffect(() => {
    if (!hash || scrolledTo.current === hash || !query.isSuccess) return;
    const el = document.getElementById(hash.slice(1));
    if (el) {
      scrolledTo.current = hash;
      el.scrollIntoView();
      el.focus();
    } else if (/^#bericht-\d+$/.test(hash) && hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hash, query.isSuccess, posts.length, hasNextPage, isFetchingNextPage, fetchNextPage]);

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

  if (!valid) return <NotFound />;
  if (query.isError) return <PageError error={query.error} retry={() => void query.refetch()} />;
  if (query.isPending || !thread || !me.data) return <Loading />;
  const category = categories.data?.categories.find((c) => c.slug === thread.categorySlug);

  const startReply = (post: Post, quote: boolean) => {
    setReplyTo(post);
    if (quote) setText((t) => (t && !t.endsWith('\n') ? `${t}\n\n` : t) + quoteText(post));
    requestAnimationFrame(() => textarea.current?.focus());
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    reply.mutate(
      { body: text, replyToPostId: replyTo?.id ?? null },
      {
        onSuccess: () => {
          setText('');
          setReplyTo(null);
        },
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
  const replyError = reply.error instanceof ApiError ? reply.error : null;

  return (
    <>
      <nav aria-label={nl.nav.breadcrumb} className="breadcrumb">
        <Link to="/forum">{nl.nav.forum}</Link>
        {' › '}
        <Link to={`/forum/${thread.categorySlug}`}>{category?.name ?? thread.categorySlug}</Link>
      </nav>
      <PageTitle title={thread.title}>{thread.title}</PageTitle>
      <p className="badges">
        {thread.pinned && <span className="badge">{nlForum.threads.pinned}</span>}
        {thread.locked && <span className="badge">{nlForum.threads.locked}</span>}
        {thread.archived && <span className="badge muted-badge">{nlForum.categories.archived}</span>}
        {thread.hidden && <span className="badge warn">{nlForum.threads.hidden}</span>}
        <span className="meta">{nlForum.threads.posts(thread.postCount)}</span>
      </p>
      {thread.hidden && <p className="notice">{nlForum.thread.threadHidden}</p>}
      <ThreadWatchControl threadId={thread.id} value={query.data.pages[0]?.watch ?? 'normal'} />
      {moderates(me.data) && <ThreadModeration thread={thread} />}
      <section aria-label={nlForum.thread.posts} className="posts" ref={list}>
        {posts.map((post) => (
          <PostItem
            key={post.id}
            post={post}
            viewer={me.data!}
            replyTo={post.replyToPostId ? byId.get(post.replyToPostId) : undefined}
            locked={thread.locked}
            archived={thread.archived === true}
            onReply={(p) => startReply(p, false)}
            onQuote={(p) => startReply(p, true)}
            focusPost={setFocusPost}
          />
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
      ) : thread.locked && !moderates(me.data) ? (
        <p className="notice">{nlForum.thread.lockedNotice}</p>
      ) : (
        <section aria-labelledby="reply-heading" className="reply-box">
          <h2 id="reply-heading">{nlForum.thread.replyHeading}</h2>
          <form className="form" onSubmit={submit} noValidate>
            <ErrorMessage error={reply.error && !replyError?.field ? reply.error : null} />
            {replyTo && (
              <p className="replying">
                {nlForum.composer.replyingTo(replyTo.author.displayName)}{' '}
                <button type="button" className="link-button" onClick={() => setReplyTo(null)}>
                  {nlForum.composer.cancelReply}
                </button>
              </p>
            )}
            <Composer value={text} onChange={setText} onTyping={live.sendTyping} textareaRef={textarea} threadId={id} error={replyError?.field ? replyError.message : null} />
            <button type="submit" disabled={reply.isPending}>
              {reply.isPending ? nlForum.composer.busy : nlForum.composer.submit}
            </button>
          </form>
        </section>
      )}
    </>
  );
}
