import { useId, useState } from 'react';

export interface ListedMember {
  id: number;
  displayName: string;
}

/**
 * The list of names under a field that suggests members (the @-mentions of the composer, the author picker of the
 * search page): the listbox of the ARIA combobox pattern, with the focus staying in the field. The field spreads
 * `fieldProps` (aria-controls, aria-activedescendant) and calls `move` on ArrowDown/ArrowUp; `list` renders the
 * options and a polite status that says how many names there are.
 */
export function useMemberListbox<M extends ListedMember>(members: readonly M[], choose: (member: M) => void) {
  const listId = useId();
  const [activeId, setActiveId] = useState<number | null>(null);
  const open = members.length > 0;
  const activeIndex = Math.max(0, members.findIndex((m) => m.id === activeId));
  const active = open ? members[activeIndex]! : null;
  const optionId = (id: number) => `${listId}-lid-${id}`;

  /** The next (1) or previous (-1) name, round. */
  const move = (step: 1 | -1) => {
    if (open) setActiveId(members[(activeIndex + step + members.length) % members.length]!.id);
  };

  const fieldProps = {
    'aria-controls': open ? listId : undefined,
    'aria-activedescendant': active ? optionId(active.id) : undefined,
  };

  const list = (label: string, count: (n: number) => string) => (
    <>
      {open && (
        <ul className="mention-list" role="listbox" id={listId} aria-label={label}>
          {members.map((member, index) => (
            <li
              key={member.id}
              id={optionId(member.id)}
              role="option"
              aria-selected={index === activeIndex}
              // Keeps the focus in the field: the choice goes where the member is typing.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(member)}
            >
              {member.displayName}
            </li>
          ))}
        </ul>
      )}
      <p className="visually-hidden" role="status">
        {open ? count(members.length) : ''}
      </p>
    </>
  );

  return { open, active, move, fieldProps, list };
}
