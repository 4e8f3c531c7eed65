import { useEffect, useRef, useState, type RefObject } from 'react';
import { ApiError } from '../api/http';

/**
 * The API's refusals per field of a form (ApiError.fields): each shown beside its field (Field's `error`, tied with
 * aria-describedby), and gone as soon as she changes that field. A field the server names but the form does not
 * show, and an error that names no field, go above the form (`general`).
 */
export interface FormErrors {
  /** The message for one field of the form, until she changes it. */
  of(field: string): string | null;
  /** She changed the field: its message goes (the others stay until they are fixed or the form is sent again). */
  clear(field: string): void;
  /** A field's change handler: its message goes, then `set` takes the value (Composer's onChange, or an input's value). */
  edit<T = string>(field: string, set: (value: T) => void): (value: T) => void;
  /** What to show above the form (ErrorMessage), or null: the error when it names no field this form shows. */
  general: Error | null;
  /** On the form: after an answer with field errors, focus goes to the first field named (its message is read with it). */
  formRef: RefObject<HTMLFormElement | null>;
}

const NONE: ReadonlySet<string> = new Set();

/** Which of the form's fields a server field belongs to: itself, or the nearest shown parent ("terms.1" → "terms"). */
function shownFieldOf(field: string, shown: readonly string[]): string | undefined {
  return shown.filter((name) => field === name || field.startsWith(`${name}.`)).sort((a, b) => b.length - a.length)[0];
}

/** Per shown field, the answer's messages for it; and the messages no shown field takes. */
export function splitFieldErrors(error: unknown, shown: readonly string[]): { byField: Map<string, string>; rest: string[] } {
  const byField = new Map<string, string>();
  const rest: string[] = [];
  if (!(error instanceof ApiError)) return { byField, rest };
  for (const { field, message } of error.fields) {
    const name = shownFieldOf(field, shown);
    const had = name === undefined ? undefined : byField.get(name);
    if (name === undefined) rest.push(message);
    // One input can hold several of the API's fields (a list typed comma-separated): each different message once.
    else if (had === undefined) byField.set(name, message);
    else if (!had.includes(message)) byField.set(name, `${had} ${message}`);
  }
  return { byField, rest };
}

/** `shown`: the API field names this form has an input for. */
export function useFormErrors(error: unknown, shown: readonly string[]): FormErrors {
  // Cleared fields belong to one answer: the next answer's errors all show again.
  const [cleared, setCleared] = useState<{ error: unknown; fields: ReadonlySet<string> }>({ error: null, fields: NONE });
  const gone = cleared.error === error ? cleared.fields : NONE;
  const { byField, rest } = splitFieldErrors(error, shown);
  const formRef = useRef<HTMLFormElement>(null);
  const named = byField.size > 0;

  useEffect(() => {
    if (named) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    // Once per answer: not again when she clears a field.
  }, [error, named]);

  let general: Error | null = null;
  if (rest.length > 0) general = new Error(rest.join(' '));
  else if (error && !named) general = error instanceof Error ? error : new Error(String(error));
  const clear = (field: string) => {
    if (byField.has(field) && !gone.has(field)) setCleared({ error, fields: new Set([...gone, field]) });
  };
  return {
    of: (field) => (gone.has(field) ? null : (byField.get(field) ?? null)),
    clear,
    edit: (field, set) => (value) => {
      clear(field);
      set(value);
    },
    general,
    formRef,
  };
}

/**
 * For a form of one text (the reply and edit composers): the message about the text while it is still the text that
 * was refused (`sent`: the mutation's variables), and whatever else above the form. Without state, so the composer's
 * own onChange stays as it is: the message goes with her first change.
 */
export function textErrors(error: unknown, sent: string | undefined, now: string): { text: string | null; general: Error | null } {
  const { byField, rest } = splitFieldErrors(error, ['body']);
  const text = sent === now ? (byField.get('body') ?? null) : null;
  if (rest.length > 0) return { text, general: new Error(rest.join(' ')) };
  return { text, general: error && byField.size === 0 ? (error instanceof Error ? error : new Error(String(error))) : null };
}
