import { useRef, useState } from 'react';
import { MemberPicker, type PickedMember } from '../../components/member-picker';
import { nlConversations } from '../../i18n/nl-conversations';

const t = nlConversations.new;

/**
 * Several members chosen one at a time: the member picker of the search page (member-picker.tsx) empties after each
 * choice, and the chosen ones stand above it, each with a button to take it off again. Herself and those already
 * in the conversation (`exclude`) are not taken.
 */
export function RecipientsPicker({
  label,
  hint,
  error,
  value,
  onChange,
  exclude,
  max,
}: {
  label: string;
  hint?: string;
  error?: string | null;
  value: readonly PickedMember[];
  onChange: (members: PickedMember[]) => void;
  /** Ids that cannot be chosen: herself, and who is in the conversation already. */
  exclude: readonly number[];
  max: number;
}) {
  const [text, setText] = useState('');
  const [said, setSaid] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  // The picker hands over the member and then its name as the field's new text; after a choice that text is dropped.
  const justPicked = useRef(false);
  const wrap = useRef<HTMLDivElement>(null);
  const focusField = () => wrap.current?.querySelector<HTMLInputElement>('input[role="combobox"]')?.focus();

  const pick = (member: PickedMember | null) => {
    if (!member) return;
    justPicked.current = true;
    setText('');
    if (exclude.includes(member.id) || value.some((m) => m.id === member.id)) return;
    if (value.length >= max) {
      setRefusal(t.tooMany(max));
      return;
    }
    setRefusal(null);
    onChange([...value, member]);
    setSaid(t.picked(member.displayName));
  };
  const remove = (member: PickedMember) => {
    setRefusal(null);
    onChange(value.filter((m) => m.id !== member.id));
    setSaid(t.unpicked(member.displayName));
    focusField();
  };

  return (
    <div ref={wrap}>
      <MemberPicker
        label={label}
        hint={hint}
        error={refusal ?? error}
        required
        text={text}
        value={null}
        onTextChange={(next) => {
          if (justPicked.current) {
            justPicked.current = false;
            return;
          }
          setText(next);
        }}
        onChange={pick}
      />
      {value.length > 0 && (
        <ul className="recipient-list" aria-label={t.chosen}>
          {value.map((m) => (
            <li key={m.id}>
              {m.displayName}
              <button type="button" className="secondary" aria-label={t.remove(m.displayName)} onClick={() => remove(m)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <p className="visually-hidden" aria-live="polite">
        {said}
      </p>
    </div>
  );
}
