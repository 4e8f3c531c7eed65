import { avatarColours, initials } from './avatar-initials';

/**
 * A member's picture, or her initials on her colour when she has none. Always decoration: her name is shown beside
 * it, so the picture has an empty alt and the initials are hidden from screen readers (they would read "A V").
 * The picture comes from Plein itself (`/api/members/:id/avatar`), so the CSP's `img-src 'self'` allows it.
 */
export function Avatar({ id, displayName, avatarUrl, size = 40 }: { id: number; displayName: string; avatarUrl?: string | null; size?: number }) {
  if (avatarUrl) return <img className="avatar" src={avatarUrl} alt="" width={size} height={size} loading="lazy" decoding="async" />;
  const { background, color } = avatarColours(id);
  return (
    <span className="avatar avatar-initials" aria-hidden="true" style={{ width: size, height: size, background, color, fontSize: Math.max(10, Math.round(size * 0.4)) }}>
      {initials(displayName)}
    </span>
  );
}
