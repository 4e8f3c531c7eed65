import { useEffect, useRef } from 'react';
import { nlTwoStep } from '../i18n/nl-two-step';

const t = nlTwoStep.codes;

/** The codes as a text file, made in the browser: they never travel again, not even to the server that made them. */
function download(codes: string[]) {
  const blob = new Blob([`${t.fileIntro}\n\n${codes.join('\n')}\n`], { type: 'text/plain;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = t.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // After the click has started the download, which reads the blob asynchronously.
  setTimeout(() => URL.revokeObjectURL(url));
}

/**
 * Her recovery codes, shown once (the server keeps only their hashes): to write down, copy or download, until she
 * says she has stored them. `replaced`: new ones, made to replace the old.
 */
export function RecoveryCodes({ codes, replaced, onDone }: { codes: string[]; replaced: boolean; onDone: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  // What opened this (a form, a dialog) is gone: focus starts at the heading, so the instructions come first.
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="two-step-panel">
      <h3 ref={heading} tabIndex={-1}>
        {t.title}
      </h3>
      {replaced && <p>{t.replaced}</p>}
      <p>{t.intro}</p>
      <p>
        <strong>{t.store}</strong>
      </p>
      <ul className="recovery-codes" aria-label={t.listLabel}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <div className="actions">
        <button type="button" className="secondary" onClick={() => download(codes)}>
          {t.download}
        </button>
        <button type="button" onClick={onDone}>
          {t.done}
        </button>
      </div>
    </div>
  );
}
