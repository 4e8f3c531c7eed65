import { useRef, useState, type KeyboardEvent } from 'react';
import { useMemberSuggestions } from '../api/members';
import { nlSearch } from '../i18n/nl-search';
import { Field } from './field';
import { useDebounced } from './use-debounced';
import { useMemberListbox, type ListedMember } from './member-listbox';

export type PickedMember = ListedMember;

const DEBOUNCE_MS = 200;
/** What GET /api/members/suggest accepts. */
const QUERY_MAX = 60;

/**
 * Choose one member by name: an input with the ARIA combobox pattern over the @-mention suggestions
 * (GET /api/members/suggest, active members only). The choice is a member (id), not the typed text: typing after a
 * choice undoes it. Controlled: the form keeps both the text and the member, to refuse text that names nobody.
 */
export function MemberPicker({
  label,
  hint,
  error,
  required,
  text,
  value,
  onTextChange,
  onChange,
}: {
  label: string;
  hint?: string;
  error?: string | null;
  required?: boolean;
  text: string;
  value: PickedMember | null;
  onTextChange: (text: string) => void;
  onChange: (member: PickedMember | null) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState(false);
  const shown = value ? value.displayName : text;
  const q = useDebounced(open && !value ? text.trim() : '', DEBOUNCE_MS);
  const query = useMemberSuggestions(q, undefined);
  const members = open && q !== '' && !value ? (query.data?.members ?? []) : [];

  const choose = (member: PickedMember) => {
    onChange(member);
    onTextChange(member.displayName);
    setOpen(false);
  };
  const listbox = useMemberListbox(members, choose);
  const expanded = listbox.open;
  const clear = () => {
    onChange(null);
    onTextChange('');
    input.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' && !expanded) {
      setOpen(true);
    } else if (expanded && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      event.preventDefault();
      listbox.move(event.key === 'ArrowDown' ? 1 : -1);
    } else if (listbox.active && event.key === 'Enter') {
      // Chooses the name instead of submitting the form around it.
      event.preventDefault();
      choose(listbox.active);
    } else if (expanded && event.key === 'Escape') {
      event.preventDefault();
      setOpen(false);
    }
  };

  return (
    <Field label={label} hint={hint} error={error} required={required}>
      {(p) => (
        <div className="member-picker">
          <div className="member-picker-row">
            <input
              {...p}
              ref={input}
              type="text"
              role="combobox"
              autoComplete="off"
              maxLength={QUERY_MAX}
              aria-autocomplete="list"
              aria-expanded={expanded}
              {...listbox.fieldProps}
              value={shown}
              onChange={(e) => {
                if (value) onChange(null);
                onTextChange(e.target.value);
                setOpen(true);
              }}
              onKeyDown={onKeyDown}
              onBlur={() => setOpen(false)}
            />
            {value && (
              <button type="button" className="secondary" aria-label={nlSearch.author.clear(value.displayName)} onClick={clear}>
                ×
              </button>
            )}
          </div>
          {listbox.list(nlSearch.author.list, nlSearch.author.count)}
        </div>
      )}
    </Field>
  );
}
