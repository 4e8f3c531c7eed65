import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useMemberSuggestions } from '../api/members';
import { nlSearch } from '../i18n/nl-search';
import { Field } from './field';
import { useDebounced } from './use-debounced';

export interface PickedMember {
  id: number;
  displayName: string;
}

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
  text,
  value,
  onTextChange,
  onChange,
}: {
  label: string;
  hint?: string;
  error?: string | null;
  text: string;
  value: PickedMember | null;
  onTextChange: (text: string) => void;
  onChange: (member: PickedMember | null) => void;
}) {
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState(false);
  const [activeId, setActiveId] = useState<number | null>(null);
  const shown = value ? value.displayName : text;
  const q = useDebounced(open && !value ? text.trim() : '', DEBOUNCE_MS);
  const query = useMemberSuggestions(q, undefined);
  const members = open && q !== '' && !value ? (query.data?.members ?? []) : [];
  const expanded = members.length > 0;
  const activeIndex = Math.max(0, members.findIndex((m) => m.id === activeId));
  const optionId = (id: number) => `${listId}-lid-${id}`;

  const choose = (member: PickedMember) => {
    onChange(member);
    onTextChange(member.displayName);
    setOpen(false);
  };
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
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActiveId(members[(activeIndex + step + members.length) % members.length]!.id);
    } else if (expanded && event.key === 'Enter') {
      // Chooses the name instead of submitting the form around it.
      event.preventDefault();
      choose(members[activeIndex]!);
    } else if (expanded && event.key === 'Escape') {
      event.preventDefault();
      setOpen(false);
    }
  };

  return (
    <Field label={label} hint={hint} error={error}>
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
              aria-controls={expanded ? listId : undefined}
              aria-activedescendant={expanded ? optionId(members[activeIndex]!.id) : undefined}
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
          {expanded && (
            <ul className="mention-list" role="listbox" id={listId} aria-label={nlSearch.author.list}>
              {members.map((member, index) => (
                <li
                  key={member.id}
                  id={optionId(member.id)}
                  role="option"
                  aria-selected={index === activeIndex}
                  // Keeps the focus in the input.
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => choose(member)}
                >
                  {member.displayName}
                </li>
              ))}
            </ul>
          )}
          <p className="visually-hidden" role="status">
            {expanded ? nlSearch.author.count(members.length) : ''}
          </p>
        </div>
      )}
    </Field>
  );
}
