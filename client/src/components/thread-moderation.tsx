import { useState, type FormEvent } from 'react';
import type { Thread } from '../../../shared/api/forum';
import { LIMITS } from '../../../shared/constants';
import { useCategories } from '../api/forum';
import { useThreadHiding, useThreadImpact, useThreadPatch } from '../api/moderation';
import { nl } from '../i18n/nl';
import { nlForum } from '../i18n/nl-forum';
import { nlModeration as m } from '../i18n/nl-moderation';
import { Dialog } from './dialog';
import { Field } from './field';
import { useFormErrors } from './form-errors';
import { ReasonDialog } from './reason-dialog';
import { ErrorMessage } from './states';

type Asking = 'lock' | 'move' | 'rename' | 'hide' | null;
const RENAME_FIELDS = ['title', 'reason'];

/**
 * Pin, lock, move, rename and hide, for moderators, on the thread itself. What takes something away from the
 * members (closing, moving, hiding) asks first, for the reason the starter reads; hiding the whole thread also
 * says how much it takes. Rename asks for the new title, with an optional reason for the log. Pinning, reopening
 * and showing again take nothing away and are done at once.
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
  // Only the rename dialog is read here: the others are ReasonDialogs, which read their own answer.
  const renameErrors = useFormErrors(asking === 'rename' ? change.error : null, RENAME_FIELDS);

  const open = (what: Asking) => {
    change.reset();
    hiding.reset();
    setSlug(others[0]?.slug ?? '');
    setTitle(thread.title);
    setReason('');
    setAsking(what);
  };
  const closeWith = (text: string) => ({
    onSuccess: () => {
      setAsking(null);
      setNotice(text);
    },
  });

  const rename = (event: FormEvent) => {
    event.preventDefault();
    if (change.isPending) return;
    const next = title.trim();
    change.mutate({ title: next, ...(reason.trim() ? { reason: reason.trim() } : {}) }, closeWith(m.renamed(next)));
  };
  const confirm = (why: string) => {
    if (change.isPending || hiding.isPending) return;
    if (asking === 'lock') change.mutate({ locked: true, reason: why }, closeWith(m.locked));
    if (asking === 'move') change.mutate({ categorySlug: slug, reason: why }, closeWith(m.moved(others.find((c) => c.slug === slug)?.name ?? slug)));
    if (asking === 'hide') hiding.mutate({ hide: true, reason: why }, closeWith(m.threadHidden));
  };

  // Pin, reopen and show again stay in place with a new label: aria-disabled rather than disabled while busy,
  // because Chrome takes focus from a button that becomes disabled. The new state is told in the status line.
  const toggle = (body: { pinned: boolean } | { locked: false }, text: string) => {
    if (!change.isPending) change.mutate(body, { onSuccess: () => setNotice(text) });
  };
  const renameUnchanged = title.trim().length < LIMITS.titleMin || title.trim() === thread.title;
  return (
    <div className="actions mod-actions" role="group" aria-label={t.moderate}>
      <button type="button" className="secondary" aria-disabled={change.isPending} onClick={() => toggle({ pinned: !thread.pinned }, thread.pinned ? m.unpinned : m.pinned)}>
        {thread.pinned ? t.unpin : t.pin}
      </button>
      <button
        type="button"
        className="secondary"
        aria-disabled={change.isPending}
        onClick={() => (thread.locked ? toggle({ locked: false }, m.unlocked) : !change.isPending && open('lock'))}
      >
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
      {(asking === 'lock' || asking === 'move' || asking === 'hide') && (
        <ReasonDialog
          title={asking === 'lock' ? m.lockTitle(thread.title) : asking === 'move' ? m.moveTitle(thread.title) : m.hideThreadTitle(thread.title)}
          reasonLabel={asking === 'hide' ? m.hideThreadReason : m.starterReason}
          confirmLabel={asking === 'lock' ? m.lockConfirm : asking === 'move' ? m.move : m.hideThread}
          templates={m.templates[asking === 'hide' ? 'thread' : asking]}
          pending={change.isPending || hiding.isPending || (asking === 'hide' && impact.isPending)}
          error={change.error ?? hiding.error ?? impact.error}
          onConfirm={confirm}
          onClose={() => setAsking(null)}
        >
          {asking === 'lock' && <p>{m.lockExplain}</p>}
          {asking === 'move' && (
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
          )}
          {asking === 'hide' && (
            <>
              <p>{impact.data ? m.hideThreadImpact(impact.data.posts, impact.data.members) : nl.common.loading}</p>
              <p className="muted">{m.hideThreadOnePost}</p>
            </>
          )}
        </ReasonDialog>
      )}
      {asking === 'rename' && (
        <Dialog title={m.renameTitle(thread.title)} open onClose={() => setAsking(null)}>
          <form className="form" onSubmit={rename} ref={renameErrors.formRef}>
            <ErrorMessage error={renameErrors.general} />
            <Field label={m.newTitle} required error={renameErrors.of('title')}>
              {(p) => (
                <input
                  {...p}
                  minLength={LIMITS.titleMin}
                  maxLength={LIMITS.titleMax}
                  value={title}
                  onChange={(e) => {
                    renameErrors.clear('title');
                    setTitle(e.target.value);
                  }}
                />
              )}
            </Field>
            <Field label={m.modReason} error={renameErrors.of('reason')}>
              {(p) => (
                <input
                  {...p}
                  maxLength={LIMITS.reasonMax}
                  value={reason}
                  onChange={(e) => {
                    renameErrors.clear('reason');
                    setReason(e.target.value);
                  }}
                />
              )}
            </Field>
            <button type="submit" disabled={renameUnchanged} aria-disabled={change.isPending}>
              {m.rename}
            </button>
          </form>
        </Dialog>
      )}
    </div>
  );
}
