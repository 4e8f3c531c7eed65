import { useId, useRef, useState, type FormEvent } from 'react';
import type { Bookmark } from '../../../shared/api/bookmarks';
import { LIMITS } from '../../../shared/constants';
import { useRemoveBookmark, useSaveBookmark } from '../api/bookmarks';
import { nlSaving } from '../i18n/nl-saving';
import { Dialog } from './dialog';
import { Field } from './field';
import { useFormErrors } from './form-errors';
import { ErrorMessage, Loading } from './states';

const t = nlSaving.bookmark;

export type ReminderChoice = keyof typeof t.choices;
const CHOICES = Object.keys(t.choices) as ReminderChoice[];
/** Reminders come in the morning: 09:00 local time on the chosen day, presets and dates alike. */
const HOUR = 9;

/** What the dialog needs of a bookmark that exists; null for a post not yet saved. */
export type BookmarkState = Pick<Bookmark, 'note' | 'remindAt' | 'remindedAt'>;

const pad = (n: number) => String(n).padStart(2, '0');
/** A day as a date input writes it (YYYY-MM-DD), in local time. */
export const dayString = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const morningOf = (y: number, m: number, d: number) => new Date(y, m, d, HOUR, 0, 0, 0);
const daysAhead = (now: Date, n: number) => morningOf(now.getFullYear(), now.getMonth(), now.getDate() + n);
/** The same day next month, or its last day when that month is shorter (31 January: 28 or 29 February). */
function monthAhead(now: Date): Date {
  const last = new Date(now.getFullYear(), now.getMonth() + 2, 0).getDate();
  return morningOf(now.getFullYear(), now.getMonth() + 1, Math.min(now.getDate(), last));
}
function parseDay(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m ? morningOf(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : null;
}

/**
 * The days a date may name: from the first morning still to come (today before 09:00) up to a year ahead, one day
 * short of the server's limit (LIMITS.reminderMaxDays) so 09:00 on the last day never lands just beyond it.
 */
function dateRange(now: Date) {
  const first = daysAhead(now, daysAhead(now, 0) > now ? 0 : 1);
  const last = daysAhead(now, LIMITS.reminderMaxDays - 1);
  return { first, last };
}

export function presetDate(choice: Exclude<ReminderChoice, 'none' | 'date'>, now: Date): Date {
  return choice === 'tomorrow' ? daysAhead(now, 1) : choice === 'week' ? daysAhead(now, 7) : monthAhead(now);
}

/** A reminder still to come opens as its date; one already given (or none) opens as "Geen herinnering". */
function initialChoice(existing: BookmarkState | null, now: Date): { choice: ReminderChoice; day: string } {
  if (existing?.remindAt && !existing.remindedAt && new Date(existing.remindAt) > now) return { choice: 'date', day: dayString(new Date(existing.remindAt)) };
  return { choice: 'none', day: '' };
}

/**
 * "Bewaren" for one post: her note (up to 500 characters) and when to remind her. Also where a saved post is changed
 * or let go ("Niet meer bewaren"). `existing` undefined: still being looked up (the thread page knows only that the
 * post is saved, not what she wrote with it).
 */
export function BookmarkDialog({
  postId,
  threadId,
  existing,
  loadError,
  onClose,
  onSaved,
  onRemoved,
}: {
  postId: number;
  threadId: number | null;
  existing: BookmarkState | null | undefined;
  loadError?: unknown;
  onClose: () => void;
  onSaved?: (bookmark: Bookmark) => void;
  onRemoved?: () => void;
}) {
  return (
    <Dialog title={existing === null ? t.titleNew : t.titleEdit} open onClose={onClose}>
      {loadError ? (
        <ErrorMessage error={loadError} />
      ) : existing === undefined ? (
        <Loading />
      ) : (
        <BookmarkForm postId={postId} threadId={threadId} existing={existing} onClose={onClose} onSaved={onSaved} onRemoved={onRemoved} />
      )}
    </Dialog>
  );
}

function BookmarkForm({
  postId,
  threadId,
  existing,
  onClose,
  onSaved,
  onRemoved,
}: {
  postId: number;
  threadId: number | null;
  existing: BookmarkState | null;
  onClose: () => void;
  onSaved?: (bookmark: Bookmark) => void;
  onRemoved?: () => void;
}) {
  const id = useId();
  // The presets' days are worked out once, when the dialog opens: what it shows is what it saves.
  const [now] = useState(() => new Date());
  const [start] = useState(() => initialChoice(existing, now));
  const [note, setNote] = useState(existing?.note ?? '');
  const [choice, setChoice] = useState<ReminderChoice>(start.choice);
  const [day, setDay] = useState(start.day);
  const [dateError, setDateError] = useState<string | null>(null);
  const dateInput = useRef<HTMLInputElement>(null);
  const save = useSaveBookmark();
  const remove = useRemoveBookmark();
  const busy = save.isPending || remove.isPending;
  const { first, last } = dateRange(now);
  // A field's refusal is shown at its field; one about the reminder while no date field is open, above the form.
  const errors = useFormErrors(save.error, choice === 'date' ? ['note', 'remindAt'] : ['note']);
  const formError = remove.error ?? errors.general;

  /** The ISO time to send, or an error for the date field. An unchanged date keeps its reminder's exact time. */
  const remindAt = (): { value: string | null } | { error: string } => {
    if (choice === 'none') return { value: null };
    if (choice !== 'date') return { value: presetDate(choice, now).toISOString() };
    if (existing?.remindAt && start.choice === 'date' && day === start.day) return { value: existing.remindAt };
    const chosen = parseDay(day);
    if (!chosen) return { error: t.dateMissing };
    if (chosen < first || chosen > last) return { error: t.dateRange(nlSaving.day(first), nlSaving.day(last)) };
    return { value: chosen.toISOString() };
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const when = remindAt();
    if ('error' in when) {
      setDateError(when.error);
      dateInput.current?.focus();
      return;
    }
    setDateError(null);
    save.mutate({ postId, threadId, body: { note: note.trim(), remindAt: when.value } }, { onSuccess: ({ bookmark }) => (onSaved ?? onClose)(bookmark) });
  };

  return (
    <form className="form bookmark-form" onSubmit={submit} noValidate ref={errors.formRef}>
      <p className="muted">{t.intro}</p>
      <ErrorMessage error={formError} />
      {/* autoFocus: where the dialog first showed "Laden…", focus would otherwise stay on its close button. */}
      <Field label={t.note} hint={t.noteHint} error={errors.of('note')}>
        {(p) => (
          <textarea
            {...p}
            autoFocus
            className="bookmark-note"
            rows={3}
            maxLength={LIMITS.bookmarkNoteMax}
            value={note}
            onChange={(e) => errors.edit('note', setNote)(e.target.value)}
          />
        )}
      </Field>
      <fieldset className="reminder-choices">
        <legend>{t.reminder}</legend>
        {CHOICES.map((c) => (
          <label key={c} className="radio">
            <input type="radio" name={`${id}-reminder`} value={c} checked={choice === c} onChange={() => setChoice(c)} /> {t.choices[c]}
            {c !== 'none' && c !== 'date' && <span className="muted"> ({nlSaving.day(presetDate(c, now))})</span>}
          </label>
        ))}
        {choice === 'date' && (
          <Field label={t.date} hint={t.dateHint} error={dateError ?? errors.of('remindAt')}>
            {(p) => (
              <input
                {...p}
                ref={dateInput}
                type="date"
                className="reminder-date"
                min={dayString(first)}
                max={dayString(last)}
                value={day}
                onChange={(e) => {
                  setDay(e.target.value);
                  setDateError(null);
                  errors.clear('remindAt');
                }}
              />
            )}
          </Field>
        )}
      </fieldset>
      <div className="actions">
        <button type="submit" aria-disabled={busy}>
          {save.isPending ? t.busy : t.submit}
        </button>
        {existing && (
          <button
            type="button"
            className="secondary"
            aria-disabled={busy}
            onClick={() => !busy && remove.mutate({ postId, threadId }, { onSuccess: () => (onRemoved ?? onClose)() })}
          >
            {remove.isPending ? t.removing : t.remove}
          </button>
        )}
      </div>
    </form>
  );
}
