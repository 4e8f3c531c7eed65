import { useEffect, useRef, useState } from 'react';
import type { ReplyDraft, ThreadDraft } from '../../../shared/api/drafts';
import { replyDraftApi, threadDraftApi } from '../api/drafts';

/** A pause this long in typing saves the draft: one request per pause, not per key. */
export const DRAFT_DELAY_MS = 1000;

export type DraftStatus = 'idle' | 'restored' | 'saved' | 'failed' | 'discarded';

export interface DraftOptions<V, D> {
  /**
   * Which draft (a thread's id). The thread page stays mounted from one thread to the next: a new id sends what is
   * still waiting to the old draft, empties the form and restores the new one's.
   */
  id: string;
  enabled?: boolean;
  load: () => Promise<D | null>;
  save: (value: V) => Promise<unknown>;
  remove: () => Promise<unknown>;
  toValue: (draft: D) => V;
  /** What the form holds now, and what it holds when empty. */
  value: V;
  empty: V;
  /** Nothing worth keeping: the draft is deleted rather than saved. */
  isEmpty: (value: V) => boolean;
  /** Puts a value into the form (a restored draft, or `empty`). */
  apply: (value: V) => void;
  /** Restoring waits for this (the thread page: its posts, to find the one a reply answers). */
  ready?: boolean;
}

export interface Draft {
  status: DraftStatus;
  /** On submit: drops the save still waiting, and saves nothing while the post is on its way. */
  hold: () => void;
  /** The post succeeded, and with it the server deleted the draft: the form's emptying sends nothing. */
  posted: () => void;
  /** The post failed: saving goes on. */
  release: () => void;
  /** "Concept weggooien": deletes the draft, then empties the form. Rejects with the server's refusal. */
  discard: () => Promise<void>;
}

/**
 * A form's draft on the server: restored once when the page opens (never over text she already typed), then saved
 * about a second after typing stops, PUT while there is text and DELETE once it is emptied. Requests go one at a time,
 * in order, so an older save never lands after a newer one. See thread.tsx and new-thread.tsx.
 */
export function useDraft<V, D>(options: DraftOptions<V, D>): Draft {
  const { id, enabled = true, ready = true } = options;
  // The callbacks of the latest render: effects and timers read them here, so callers need not memoize them.
  const latest = useRef(options);
  latest.current = options;
  const key = options.isEmpty(options.value) ? '' : JSON.stringify(options.value);

  const [loaded, setLoaded] = useState<{ id: string; draft: D | null } | null>(null);
  const [restored, setRestored] = useState<string | null>(null);
  const [held, setHeld] = useState(false);
  const [status, setStatus] = useState<DraftStatus>('idle');
  /** What the server holds, as a key ('' for nothing); null when unknown because a request failed. */
  const stored = useRef<string | null>(null);
  /** The save waiting for the pause to end: run at once when the page leaves this draft, dropped on submit. */
  const pending = useRef<{ run: () => void; timer: ReturnType<typeof setTimeout> } | null>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const inFlight = useRef(0);
  const inFlightAtHold = useRef(false);
  /**
   * The text just posted, while the form still shows it: never saved again. Navigation (new-thread.tsx) renders
   * this form once more before it goes, and the form only empties (thread.tsx) after that render.
   */
  const postedKey = useRef<string | null>(null);
  const currentId = useRef(id);
  currentId.current = id;
  const shownId = useRef<string | null>(null);

  const enqueue = <T>(request: () => Promise<T>): Promise<T> => {
    inFlight.current += 1;
    const run = queue.current.then(request);
    queue.current = run.then(
      () => void (inFlight.current -= 1),
      () => void (inFlight.current -= 1),
    );
    return run;
  };

  // Load once per draft. Declared before the saving effect: on leaving a draft (another thread, another page) its
  // cleanup runs first, and sends the save still waiting instead of letting the other cleanup drop it.
  useEffect(() => {
    if (!enabled) return;
    let alive = true;
    if (shownId.current !== null && shownId.current !== id) {
      // Another thread: what the form held was sent to the old draft (the cleanup below); this one starts afresh.
      latest.current.apply(latest.current.empty);
      setLoaded(null);
      setRestored(null);
      setStatus('idle');
    }
    shownId.current = id;
    latest.current.load().then(
      (draft) => alive && setLoaded({ id, draft }),
      // Unknown is taken as none: her typing then saves over it, where assuming one could delete it unseen.
      () => alive && setLoaded({ id, draft: null }),
    );
    return () => {
      alive = false;
      pending.current?.run();
    };
  }, [id, enabled]);

  useEffect(() => {
    if (!loaded || loaded.id !== id || !ready || restored === id) return;
    const current = latest.current;
    stored.current = '';
    if (loaded.draft) {
      const value = current.toValue(loaded.draft);
      const draftKey = current.isEmpty(value) ? '' : JSON.stringify(value);
      stored.current = draftKey;
      // Text typed before the draft arrived stays: the next save replaces the draft with it.
      if (draftKey && current.isEmpty(current.value)) {
        current.apply(value);
        setStatus('restored');
      }
    }
    setRestored(id);
  }, [loaded, id, ready, restored]);

  const restoredHere = restored === id;
  useEffect(() => {
    if (!restoredHere || held) return;
    if (postedKey.current !== null) {
      if (key === postedKey.current) return;
      postedKey.current = null;
    }
    if (key === stored.current) return;
    const current = latest.current;
    const value = current.value;
    const draftId = id;
    const run = () => {
      clearTimeout(timer);
      pending.current = null;
      stored.current = key;
      void enqueue(() => (key ? current.save(value) : current.remove())).then(
        () => currentId.current === draftId && setStatus(key ? 'saved' : 'idle'),
        () => {
          if (currentId.current !== draftId) return;
          stored.current = null;
          setStatus('failed');
        },
      );
    };
    const timer = setTimeout(run, DRAFT_DELAY_MS);
    pending.current = { run, timer };
    return () => {
      clearTimeout(timer);
      if (pending.current?.run === run) pending.current = null;
    };
    // The key stands for the value; the rest is read from `latest`.
  }, [key, restoredHere, held, id]);

  const drop = () => {
    if (pending.current) clearTimeout(pending.current.timer);
    pending.current = null;
  };

  return {
    status,
    hold: () => {
      drop();
      inFlightAtHold.current = inFlight.current > 0;
      setHeld(true);
    },
    posted: () => {
      stored.current = '';
      const current = latest.current;
      postedKey.current = current.isEmpty(current.value) ? null : JSON.stringify(current.value);
      setHeld(false);
      setStatus('idle');
      // A save already on its way when she posted may reach the server after the post deleted the draft.
      if (inFlightAtHold.current) void enqueue(current.remove).catch(() => {});
    },
    release: () => setHeld(false),
    discard: async () => {
      drop();
      const current = latest.current;
      try {
        await enqueue(current.remove);
      } catch (error) {
        stored.current = null;
        throw error;
      }
      stored.current = '';
      current.apply(current.empty);
      setStatus('discarded');
    },
  };
}

export interface ReplyValue {
  body: string;
  replyToPostId: number | null;
}

/** The reply composer's draft on the thread page. */
export function useReplyDraft(
  threadId: number,
  options: { enabled: boolean; ready: boolean; value: ReplyValue; apply: (value: ReplyValue) => void },
): Draft {
  const api = replyDraftApi(threadId);
  return useDraft<ReplyValue, ReplyDraft>({
    id: String(threadId),
    load: api.load,
    save: (v) => api.save({ body: v.body, replyToPostId: v.replyToPostId }),
    remove: api.remove,
    toValue: (d) => ({ body: d.body, replyToPostId: d.replyToPostId }),
    empty: { body: '', replyToPostId: null },
    isEmpty: (v) => v.body.trim() === '',
    ...options,
  });
}

export interface NewThreadValue {
  categorySlug: string | null;
  title: string;
  body: string;
}

/** The new-thread form's draft: its category, title and text. The category alone is no draft. */
export function useNewThreadDraft(options: { ready: boolean; value: NewThreadValue; apply: (value: NewThreadValue) => void }): Draft {
  return useDraft<NewThreadValue, ThreadDraft>({
    id: 'new-thread',
    load: threadDraftApi.load,
    save: threadDraftApi.save,
    remove: threadDraftApi.remove,
    toValue: (d) => ({ categorySlug: d.categorySlug, title: d.title, body: d.body }),
    empty: { categorySlug: null, title: '', body: '' },
    isEmpty: (v) => v.title.trim() === '' && v.body.trim() === '',
    ...options,
  });
}
