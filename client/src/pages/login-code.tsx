import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { User } from '../../../shared/api/users';
import { ApiError } from '../api/http';
import { useLoginCode } from '../api/two-step';
import { ContactLine } from '../components/contact-line';
import { Field } from '../components/field';
import { useFormErrors } from '../components/form-errors';
import { ErrorMessage } from '../components/states';
import { nlTwoStep } from '../i18n/nl-two-step';

const t = nlTwoStep.login;
// Only to spare her a wasted try (the server counts wrong codes): spaces, and a recovery code's dashes, may be typed.
const looksLikeCode = (value: string) => /^\d{6}$/.test(value.replace(/\s/g, ''));
const looksLikeRecoveryCode = (value: string) => /^[a-z0-9]{16}$/i.test(value.replace(/[\s-]/g, ''));

/**
 * The login page's second step, after a right password of an account with two-step login on: the code from her app,
 * or one of her recovery codes. `onExpired`: the server no longer waits for this login (too late, too many wrong
 * codes) and the password is asked again.
 */
export function LoginCodeStep({ onDone, onExpired }: { onDone: (user: User) => void; onExpired: (message: string) => void }) {
  const [recovery, setRecovery] = useState(false);
  const [value, setValue] = useState('');
  const [malformed, setMalformed] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const send = useLoginCode();
  // Focus goes into the field when the step appears (no new page, so nothing else moves it), and on every switch.
  useEffect(() => input.current?.focus(), [recovery]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (send.isPending) return;
    send.reset();
    if (!(recovery ? looksLikeRecoveryCode(value) : looksLikeCode(value))) {
      setMalformed(recovery ? t.recoveryInvalid : t.codeInvalid);
      input.current?.focus();
      return;
    }
    setMalformed(null);
    send.mutate(recovery ? { recoveryCode: value.trim() } : { code: value.replace(/\s/g, '') }, {
      onSuccess: ({ user }) => onDone(user),
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'totp_expired') onExpired(error.message);
      },
    });
  };
  const toggle = () => {
    setRecovery((r) => !r);
    setValue('');
    setMalformed(null);
    send.reset();
  };
  const wrong = send.error instanceof ApiError && send.error.code === 'invalid_code' ? send.error.message : null;
  const expired = send.error instanceof ApiError && send.error.code === 'totp_expired';
  const name = recovery ? 'recoveryCode' : 'code';
  const errors = useFormErrors(send.error, [name]);
  // Whatever was said about the field goes as soon as she changes it; a wrong code names no field, so it goes with
  // the answer it came in.
  const change = (next: string) => {
    setMalformed(null);
    errors.clear(name);
    if (wrong) send.reset();
    setValue(next);
  };

  return (
    <>
      <form className="form narrow" onSubmit={submit} noValidate ref={errors.formRef}>
        <ErrorMessage error={wrong || expired ? null : errors.general} />
        {/* A key per kind: a new field, so the browser offers the right suggestions and no stale state stays on it. */}
        <Field key={recovery ? 'recovery' : 'code'} label={recovery ? t.recovery : t.code} hint={recovery ? t.recoveryHint : t.codeHint} required alert error={malformed ?? wrong ?? errors.of(name)}>
          {(p) =>
            recovery ? (
              <input {...p} ref={input} type="text" autoComplete="off" autoCapitalize="characters" spellCheck={false} maxLength={40} value={value} onChange={(e) => change(e.target.value)} />
            ) : (
              <input {...p} ref={input} type="text" inputMode="numeric" autoComplete="one-time-code" maxLength={12} value={value} onChange={(e) => change(e.target.value)} />
            )
          }
        </Field>
        <button type="submit" disabled={send.isPending}>
          {send.isPending ? t.busy : t.submit}
        </button>
      </form>
      <p>
        <button type="button" className="link-button" onClick={toggle}>
          {recovery ? t.useCode : t.useRecovery}
        </button>
      </p>
      <ContactLine lead={t.lost} />
    </>
  );
}
