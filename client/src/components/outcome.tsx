import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';

export interface OutcomeState {
  text: string;
  show: (text: string, options?: { focus?: boolean }) => void;
  ref: RefObject<HTMLParagraphElement | null>;
}

/**
 * The outcome of an action on a list ("Anna de Vries is goedgekeurd."), told in a polite live region. When the
 * button that did it goes away (the row leaves the list, "Schorsen" becomes "Schorsing opheffen"), focus moves to
 * this message as well: otherwise Chrome drops it on <body> and a keyboard or screen-reader user starts again at
 * the top of the page. From the message, Tab continues into the list. Buttons that stay in place with a new label
 * keep their focus: pass { focus: false }.
 */
export function useOutcome(): OutcomeState {
  const [outcome, setOutcome] = useState<{ text: string; focus: boolean }>({ text: '', focus: false });
  const ref = useRef<HTMLParagraphElement>(null);
  // After the commit, so after a closing dialog's unmount has given focus back to its opener (which may be leaving).
  useEffect(() => {
    if (outcome.focus) ref.current?.focus();
  }, [outcome]);
  const show = useCallback((text: string, { focus = true } = {}) => setOutcome({ text, focus }), []);
  return { text: outcome.text, show, ref };
}

/** Render once, always (also while the list is empty): a live region must be on the page before its text changes. */
export function Outcome({ outcome }: { outcome: OutcomeState }) {
  return (
    <p role="status" tabIndex={-1} ref={outcome.ref} className="outcome">
      {outcome.text}
    </p>
  );
}
