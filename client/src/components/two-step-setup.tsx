import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { TotpSetup } from '../../../shared/api/totp';
import { useEnableTwoStep } from '../api/two-step';
import { nlTwoStep } from '../i18n/nl-two-step';
import { Field } from './field';
import { useFormErrors } from './form-errors';
import { ErrorMessage } from './states';

const t = nlTwoStep.setup;
/** In groups of four, as apps show it and as it is easiest to copy by hand; apps ignore the spaces. */
const grouped = (secret: string) => secret.match(/.{1,4}/g)?.join(' ') ?? secret;
// The clipboard exists only in a secure context (https, or localhost): elsewhere the key is copied by hand.
const canCopy = typeof navigator !== 'undefined' && Boolean(navigator.clipboard);

/**
 * Linking an authenticator app: its QR code (or the key, typed over), then a code from the app to prove it works.
 * Only that code turns two-step login on; the recovery codes it answers go to `onEnabled`.
 */
export function TwoStepSetup({ setup, onEnabled, onCancel }: { setup: TotpSetup; onEnabled: (codes: string[]) => void; onCancel: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [code, setCode] = useState('');
  const [malformed, setMalformed] = useState(false);
  const [copied, setCopied] = useState(false);
  const enable = useEnableTwoStep();
  // The button that opened this step is gone: focus starts at its heading, from where the steps are read in order.
  useEffect(() => heading.current?.focus(), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (enable.isPending) return;
    const digits = code.replace(/\s/g, '');
    setMalformed(!/^\d{6}$/.test(digits));
    if (!/^\d{6}$/.test(digits)) return;
    enable.mutate({ code: digits, secret: setup.secret, setupToken: setup.setupToken }, { onSuccess: ({ recoveryCodes }) => onEnabled(recoveryCodes) });
  };
  const copy = () => {
    navigator.clipboard.writeText(setup.secret).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  // The code's message is an alert (focus stays on the button); the secret and its token are not fields she types.
  const errors = useFormErrors(enable.error, ['code']);

  return (
    <div className="two-step-panel">
      <h3 ref={heading} tabIndex={-1}>
        {t.title}
      </h3>
      <p>{t.scan}</p>
      {/* The server's SVG (made by the uqr library) as an image: it cannot run script there, and CSP allows data: images. */}
      <img className="qr-code" src={`data:image/svg+xml;utf8,${encodeURIComponent(setup.qrSvg)}`} alt={t.qrAlt} width={200} height={200} />
      <p>{t.manual}</p>
      <p className="secret-line">
        <span className="visually-hidden">{t.secretLabel}: </span>
        <code className="totp-secret">{grouped(setup.secret)}</code>
        {canCopy && (
          <button type="button" className="secondary" onClick={copy}>
            {t.copy}
          </button>
        )}
      </p>
      <p role="status">{copied ? t.copied : null}</p>
      <form className="form narrow" onSubmit={submit} noValidate>
        <p>{t.confirm}</p>
        <ErrorMessage error={errors.general} />
        <Field label={t.code} required alert error={malformed ? nlTwoStep.login.codeInvalid : errors.of('code')}>
          {(p) => (
            <input
              {...p}
              type="text"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={12}
              value={code}
              onChange={(e) => {
                setMalformed(false);
                errors.clear('code');
                setCode(e.target.value);
              }}
            />
          )}
        </Field>
        <div className="actions">
          <button type="submit" aria-disabled={enable.isPending}>
            {enable.isPending ? t.busy : t.submit}
          </button>
          <button type="button" className="secondary" onClick={onCancel}>
            {t.cancel}
          </button>
        </div>
      </form>
    </div>
  );
}
