import type { ReactNode } from 'react';

/**
 * The small icons beside the words of actions (a post's Reageren, Citeren, Bewerken…), drawn on a 24×24 grid with
 * strokes only, like the category icons, so they take the text's colour in both themes. Always beside a word, never
 * instead of one: hidden from assistive technology, and the button's name stays its visible text (WCAG 2.5.3).
 */
const PATHS = {
  reply: <path d="M9 14 4 9l5-5M4 9h10.5a5.5 5.5 0 0 1 0 11H11" />,
  quote: <path d="M6 17c-1.5 0-2.5-1-2.5-2.7C3.5 11 5 8 8.5 6.5M15 17c-1.5 0-2.5-1-2.5-2.7 0-3.3 1.5-6.3 5-7.8M4 13.5h4v4H4zM13 13.5h4v4h-4z" />,
  edit: <path d="M4 20h4L19 9l-4-4L4 16zM13.5 6.5l4 4" />,
  trash: <path d="M4 7h16M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3" />,
  hide: <path d="M3 3l18 18M10.6 6.1A9.7 9.7 0 0 1 12 6c5 0 8.5 4 9.5 6a13 13 0 0 1-2.6 3.4M6.6 7.6C4.5 9 3.1 10.9 2.5 12c1 2 4.5 6 9.5 6 1.6 0 3-.4 4.3-1M9.9 9.9a3 3 0 0 0 4.2 4.2" />,
  show: (
    <>
      <path d="M2.5 12C3.5 10 7 6 12 6s8.5 4 9.5 6c-1 2-4.5 6-9.5 6s-8.5-4-9.5-6z" />
      <circle cx="12" cy="12" r="3" />
    </>
  ),
  flag: <path d="M5 21V4M5 4h11l-2 4 2 4H5" />,
  bookmark: <path d="M6 3h12v18l-6-4-6 4z" />,
  mail: <path d="M3 6h18v12H3zM3 7l9 6.5L21 7" />,
  check: (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="m8 12.5 2.7 2.7L16 9.5" />
    </>
  ),
} satisfies Record<string, ReactNode>;

export type IconName = keyof typeof PATHS;

/**
 * A hand-drawn icon on a 24×24 grid in strokes of the text's colour (currentColor), hidden from screen readers: it
 * always stands beside a word. Also draws the category icons (category-icon.tsx).
 */
export function StrokeIcon({ className, size, filled = false, children }: { className: string; size: number; filled?: boolean; children: ReactNode }) {
  return (
    <svg
      className={className}
      viewBox="0 0 24 24"
      width={size}
      height={size}
      fill={filled ? 'currentColor' : 'none'}
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

/** `filled`: the shape filled in, for a state that is on (a saved bookmark), beside its word. */
export function Icon({ name, filled = false }: { name: IconName; filled?: boolean }) {
  return (
    <StrokeIcon className="icon" size={18} filled={filled}>
      {PATHS[name]}
    </StrokeIcon>
  );
}
