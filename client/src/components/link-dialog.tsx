import { useId, useState, type FormEvent } from 'react';
import { createPortal } from 'react-dom';
import { nl } from '../i18n/nl';
import { nlForum } from '../i18n/nl-forum';
import { Dialog } from './dialog';

/** An address a link may point to: a web page (http or https) or an e-mail address; without a scheme, https. */
export function linkAddress(input: string): string | null {
  const value = input.trim();
  if (!value || /\s/.test(value)) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `https://${value}`;
  try {
    const url = new URL(withScheme);
    if (url.protocol === 'mailto:') return url.pathname.includes('@') ? url.href : null;
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.hostname.includes('.') || url.hostname === 'localhost' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * Asks for the address of a link (the composer's link button). In a portal on the body: the composer sits in a
 * form, and a form may not hold another. React still bubbles the submit through the component tree to the reply
 * form, so it stops there.
 */
export function LinkDialog({ onInsert, onClose }: { onInsert: (url: string) => void; onClose: () => void }) {
  const id = useId();
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    event.stopPropagation();
    const url = linkAddress(value);
    if (!url) return setError(nlForum.composer.linkInvalid);
    onInsert(url);
  };
  return createPortal(
    <Dialog title={nlForum.composer.linkTitle} open onClose={onClose}>
      <form className="form" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={id}>{nlForum.composer.linkAddress}</label>
          <input
            id={id}
            type="url"
            inputMode="url"
            autoComplete="url"
            autoFocus
            value={value}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(e) => {
              setValue(e.target.value);
              setError(null);
            }}
          />
          {error && (
            <p className="error" id={`${id}-error`}>
              {error}
            </p>
          )}
        </div>
        <div className="actions">
          <button type="submit">{nlForum.composer.linkInsert}</button>
          <button type="button" className="secondary" onClick={onClose}>
            {nl.common.cancel}
          </button>
        </div>
      </form>
    </Dialog>,
    document.body,
  );
}
