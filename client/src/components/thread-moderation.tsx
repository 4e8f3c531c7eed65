import { useState, type FormEvent } from 'react';
import type { Thread } from '../../../shared/api/forum';
import { LIMITS } from '../../../shared/constants';
import { useCategories } from '../api/forum';
import { useThreadHiding, useThreadImpact, useThreadPatch } from '../api/moderation';
import { nl } from '../i18n/nl';
import { nlForum } from '../i18n/nl-forum';
import { nlModeration as m } from '../i18n/nl-moderation';
import { Dialog } from './dialog';
import { ReasonDialog } from './reason-dialog';
import { ErrorMessage } from './states';

type Asking = 'move' | 'rename' | 'hide' | null;

/**
 * Pin, lock, move, rename and hide, for moderators, on the thread itself. Move and rename ask in a dialog, with an
 * optional reason for the log. Hiding the whole thread takes every reply along: its dialog says how much, and
 * asks for the reason the starter reads. Showing it again needs no confirmation.
 */
export function ThreadModeration({ thread }: { thread: Thread }) {
  const change = useThreadPatch(thread.id);
  const hiding = useThreadHiding(thread.id);
  const categories = useCategories();
  const t = nlForum.thread;
  const [asking, setAsking] = useState<Asking>(null);
  const impact = useThreadImpact(thread.id, asking === 'hide');
  const [slug, setSlug] = useState(thread.categorySlug);
  const [title, setTitle] = useState(thread.title);
  const [reason, setReason] = useState('');
  const [notice, setNotice] = useState('');
  const others = (categories.data?.categories ?? []).filter((c) => c.slug !== thread.categorySlug);

  const open = (what: Asking) => {
    change.reset();
    hiding.reset();
    setSlug(others[0]?.slug ?? '');
    setTitle(thread.title);
    setReason('');
    setAsking(what);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (change.isPending) return;
    const why = reason.trim() ? { reason: reason.trim() } : {};
    if (asking === 'move') {
      const name = others.find((c) => c.slug === slug)?.name ?? slug;
      change.mutate({ categorySlug: slug, ...why }, {
          onSuccess: () => {
            setAsking(null);
            setNotice(m.moved(name));
          },
        });
    } else if (asking === 'rename') {
      const next = title.trim();
      change.mutate({ title: next, ...why }, {
          onSuccess: () => {
            setAsking(null);
            setNotice(m.renamed(next));
          },
        });
    }
  };

  // Pin and lock stay in place with a new label: aria-disabled rather than disabled while busy, because Chrome takes
  // focus from a button that becomes disabled. The new state is told in the status line.
  const toggle = (body: { pinned: boolean } | { locked: boolean }, notice: string) => {
    if (!change.isPending) change.mutate(body, { onSuccess: () => setNotice(notice) });
  };
  const unchanged = asking === 'rename' ? title.trim().length < LIMITS.titleMin || title.trim() === thread.title : !slug;
  return (
    <div className="actions mod-actions" role="group" aria-label={t.moderate}>
      <button type="button" className="secondary" aria-disabled={change.isPending} onClick={() => toggle({ pinned: !thread.pinned }, thread.pinned ? m.unpinned : m.pinned)}>
        {thread.pinned ? t.unpin : t.pin}
      </button>
      <button type="button" className="secondary" aria-disabled={change.isPending} onClick={() => toggle({ locked: !thread.locked }, thread.locked ? m.unlocked : m.locked)}>
        {thread.locked ? t.unlock : t.lock}
      </button>
      <button type="button" className="secondary" disabled={others.length === 0} aria-disabled={change.isPending} onClick={() => !change.isPending && open('move')}>
        {m.move}
      </button>
      <button type="button" className="secondary" aria-disabled={change.isPending} onClick={() => !change.isPending && open('rename')}>
        {m.rename}
      </button>
      {thread.hidden ? (
        <button
          type="button"
          className="secondary"
          aria-disabled={hiding.isPending}
          onClick={() => !hiding.isPending && hiding.mutate({ hide: false }, { onSuccess: () => setNotice(m.threadRestored) })}
        >
          {m.restoreThread}
        </button>
      ) : (
        <button type="button" className="secondary" onClick={() => open('hide')}>
          {m.hideThread}
        </button>
      )}
      {!asking && <ErrorMessage error={change.error ?? hiding.error} />}
      <p role="status" className="visually-hidden">
        {notice}
      </p>
      {asking === 'hide' && (
        <ReasonDialog
          title={m.hideThreadTitle(thread.title)}
          reasonLabel={m.hideThreadReason}
          confirmLabel={m.hideThread}
          pending={hiding.isPending || impact.isPending}
          error={hiding.error ?? impact.error}
          onClose={() => setAsking(null)}
          onConfirm={(reason) =>
            hiding.mutate(
              { hide: true, reason },
              {
                onSuccess: () => {
                  setAsking(null);
                  setNotice(m.threadHidden);
                },
              },
            )
          }
        >
          <p>{impact.data ? m.hideThreadImpact(impact.data.posts, impact.data.members) : nl.common.loading}</p>
          <p className="muted">{m.hideThreadOnePost}</p>
        </ReasonDialog>
      )}
      {(asking === 'move' || asking === 'rename') && (
        <Dialog title={asking === 'move' ? m.moveTitle(thread.title) : m.renameTitle(thread.title)} open onClose={() => setAsking(null)}>
          <form className="form" onSubmit={submit}>
            <ErrorMessage error={change.error} />
            {asking === 'move' ? (
              <div className="field">
                <label htmlFor="move-category">{m.moveTo}</label>
                <select id="move-category" value={slug} onChange={(e) => setSlug(e.target.value)}>
                  {others.map((c) => (
                    <option key={c.slug} value={c.slug}>
                      {c.name}
                    </option>
                  ))}
                </select>
              </div>
            ) : (
              <div className="field">
                <label htmlFor="rename-title">{m.newTitle}</label>
                <input id="rename-title" required minLength={LIMITS.titleMin} maxLength={LIMITS.titleMax} value={title} onChange={(e) => setTitle(e.target.value)} />
              </div>
            )}
            <div className="field">
              <label htmlFor="mod-reason">
                {m.modReason} <span className="muted">{nl.common.optional}</span>
              </label>
              <input id="mod-reason" maxLength={LIMITS.reasonMax} value={reason} onChange={(e) => setReason(e.target.value)} />
            </div>
            <button type="submit" disabled={unchanged} aria-disabled={change.isPending}>
              {asking === 'move' ? m.move : m.rename}
            </button>
          </form>
        </Dialog>
      )}
    </div>
  );
}
