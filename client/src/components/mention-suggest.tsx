import { useState, type KeyboardEvent, type RefObject } from 'react';
import { useMemberSuggestions } from '../api/members';
import { nlMembers } from '../i18n/nl-members';
import { useDebounced } from './use-debounced';
import { useSelectionAfterRender } from './use-selection-after-render';
import { useMemberListbox } from './member-listbox';

/**
 * The @-autocomplete of the composer. Typing `@` and a letter offers active members' names (GET
 * /api/members/suggest, debounced); ArrowUp/ArrowDown move through them, Enter or Tab puts `@Naam ` at the caret,
 * Escape closes the list. The textarea stays the focus all the time (the ARIA combobox pattern without the
 * combobox role, which a textarea may not take): it carries aria-autocomplete, aria-controls and
 * aria-activedescendant while the list is open, and a polite status says how many names there are.
 * The server decides what a mention is when the post is written (server/content/mentions.ts); this only helps to
 * type a name exactly.
 */

const DEBOUNCE_MS = 200;
/** What may precede the `@` of a mention: not a letter, digit or address character (jan@gemeente.nl is no mention). */
const GLUED = /[\p{L}\p{N}\p{M}_.+\-@/\\&=%`]/u;

/** The `@name` being typed just before the caret, if any: the index of its `@` and the text after it. */
export function mentionBeforeCaret(value: string, caret: number): { at: number; text: string } | null {
  const from = Math.max(0, caret - 61);
  const at = value.lastIndexOf('@', caret - 1);
  if (at < from) return null;
  const text = value.slice(at + 1, caret);
  if (!text || /^\s|\n|\s\s/.test(text) || text.trim().split(/\s+/).length > 5) return null;
  if (at > 0 && GLUED.test(value[at - 1]!)) return null;
  return { at, text };
}

export function useMentionSuggest({
  value,
  onChange,
  textareaRef,
  threadId,
  disabled = false,
}: {
  value: string;
  onChange: (value: string) => void;
  textareaRef: RefObject<HTMLTextAreaElement | null>;
  threadId?: number;
  disabled?: boolean;
}) {
  const [caret, setCaret] = useState<number | null>(null);
  const selectAfterRender = useSelectionAfterRender(textareaRef);
  // The mention whose list was closed (Escape, or a name chosen): closed until its text changes.
  const [closed, setClosed] = useState<{ at: number; text: string } | null>(null);
  const typed = disabled || caret === null ? null : mentionBeforeCaret(value, caret);
  const mention = typed && !(closed && closed.at === typed.at && closed.text === typed.text) ? typed : null;
  const q = useDebounced(mention ? mention.text.trim() : '', DEBOUNCE_MS);
  const query = useMemberSuggestions(mention ? q : '', threadId);
  const members = mention && q !== '' ? (query.data?.members ?? []) : [];

  const choose = (member: { displayName: string }) => {
    const el = textareaRef.current;
    if (!el || !mention || caret === null) return;
    // Markdown's own characters in a name are escaped, so "Kim *Ster*" stays a name, not emphasis (the server reads
    // the escaped text as the name again).
    const insert = `@${member.displayName.replace(/[\\`*_[\]<>~|]/g, '\\$&')} `;
    const position = mention.at + insert.length;
    onChange(value.slice(0, mention.at) + insert + value.slice(caret));
    setClosed({ at: mention.at, text: insert.slice(1) });
    setCaret(position);
    selectAfterRender(position);
  };

  const listbox = useMemberListbox(members, choose);

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!listbox.active || !mention) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      listbox.move(event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      event.preventDefault();
      choose(listbox.active);
    } else if (event.key === 'Escape') {
      // Closes the list only, not a dialog or form around the composer.
      event.preventDefault();
      event.stopPropagation();
      setClosed(mention);
    }
  };

  const trackCaret = (el: HTMLTextAreaElement) => setCaret(el.selectionStart === el.selectionEnd ? el.selectionStart : null);

  /** Spread on the textarea. */
  const textareaProps = {
    'aria-autocomplete': 'list' as const,
    ...listbox.fieldProps,
    onKeyDown,
    onSelect: (event: { currentTarget: HTMLTextAreaElement }) => trackCaret(event.currentTarget),
    onBlur: () => setCaret(null),
  };

  const list = listbox.list(nlMembers.suggest.label, nlMembers.suggest.count);

  return { textareaProps, trackCaret, list };
}
