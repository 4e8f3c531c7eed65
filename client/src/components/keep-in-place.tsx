import { Component, type ReactNode, type RefObject } from 'react';

interface Props {
  /** What must not move on screen: the reply box with the field she is typing in. */
  anchor: RefObject<HTMLElement | null>;
  /** Changes when posts are added above the anchor (a live reply, her own, a page loaded with "meer laden"). */
  trigger: string;
  children: ReactNode;
}

/**
 * Keeps the anchor where it is on screen while the content above it grows, as long as it is in view. Out of view
 * it is left alone, focused or not: a reader who scrolled up to read, her draft waiting below, stays where she
 * reads (the "N nieuwe reacties" bar tells her what came). Without this a live reply pushes the composer down by the reply's height (on a
 * phone, the field she types in leaves the screen).
 *
 * A class for getSnapshotBeforeUpdate, the one place React offers to measure the old DOM just before it changes;
 * componentDidUpdate runs before the browser paints, so the correction is never seen. CSS `overflow-anchor`
 * alone does not do it: Chromium anchors to the first visible node (a post above, which the new one is inserted
 * after) and Safari has no scroll anchoring at all. The correction is measured, so it adds only what the browser's
 * own anchoring did not already do.
 */
export class KeepInPlace extends Component<Props> {
  override getSnapshotBeforeUpdate(previous: Props): number | null {
    const el = this.props.anchor.current;
    if (previous.trigger === this.props.trigger || !el) return null;
    const box = el.getBoundingClientRect();
    return box.top < window.innerHeight && box.bottom > 0 ? box.top : null;
  }

  override componentDidUpdate(_previous: Props, _state: unknown, top: number | null): void {
    const el = this.props.anchor.current;
    if (top === null || !el) return;
    const shift = el.getBoundingClientRect().top - top;
    if (Math.abs(shift) >= 0.5) window.scrollBy({ top: shift, behavior: 'instant' });
  }

  override render(): ReactNode {
    return this.props.children;
  }
}
