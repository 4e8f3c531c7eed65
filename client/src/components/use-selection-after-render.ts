import { useLayoutEffect, useRef, type RefObject } from 'react';

/**
 * Puts the caret (or a selection) in a controlled textarea once React has written its new value: in a layout
 * effect, so before the browser handles the next key. A requestAnimationFrame came too late when keys followed
 * at once (a fast typist, a browser test): the first one went in where the caret was before.
 */
export function useSelectionAfterRender(ref: RefObject<HTMLTextAreaElement | null>): (from: number, to?: number) => void {
  const pending = useRef<[number, number] | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || !pending.current) return;
    const [from, to] = pending.current;
    pending.current = null;
    el.focus();
    el.setSelectionRange(from, to);
  });
  return (from, to = from) => {
    pending.current = [from, to];
  };
}
