import type { ChangeEvent } from 'react';
import { REPRESENTATIVE_ROLES } from '../../../shared/constants';
import { nl } from '../i18n/nl';
import { Field } from './field';

/** The representative role; the empty value means none (sent as null). Shared by register and profile. */
export function RoleSelect({
  label,
  value,
  onChange,
  hint,
  error,
}: {
  label: string;
  value: string;
  onChange: (event: ChangeEvent<HTMLSelectElement>) => void;
  hint?: string;
  error?: string | null;
}) {
  return (
    <Field label={label} hint={hint} error={error}>
      {(p) => (
        <select {...p} value={value} onChange={onChange}>
          <option value="">{nl.register.roleNone}</option>
          {REPRESENTATIVE_ROLES.map((r) => (
            <option key={r} value={r}>
              {nl.roles[r]}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
