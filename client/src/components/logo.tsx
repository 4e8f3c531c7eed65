/**
 * Plein's mark: a town square seen from above, four blocks of houses around an open plaza with a fountain in its
 * middle. Drawn on the same 32×32 grid as public/favicon.svg (the icons are rendered from that file), so it stays
 * sharp at 16 px. The tile takes --logo-tile, lighter in the dark theme; the name beside it is real text.
 */
export function LogoMark({ size = 32 }: { size?: number }) {
  return (
    <svg className="logo-mark" viewBox="0 0 32 32" width={size} height={size} aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" fill="var(--logo-tile)" />
      <g fill="var(--logo-blocks)">
        <rect x="5.5" y="5.5" width="9" height="9" rx="1.5" />
        <rect x="17.5" y="5.5" width="9" height="9" rx="1.5" />
        <rect x="5.5" y="17.5" width="9" height="9" rx="1.5" />
        <rect x="17.5" y="17.5" width="9" height="9" rx="1.5" />
      </g>
      <circle cx="16" cy="16" r="6.5" fill="var(--logo-tile)" />
      <circle cx="16" cy="16" r="3" fill="var(--logo-dot)" />
    </svg>
  );
}

/** The mark and the word: the link around it is named by the word alone. */
export function Logo({ name }: { name: string }) {
  return (
    <span className="logo">
      <LogoMark />
      <span className="logo-word">{name}</span>
    </span>
  );
}
