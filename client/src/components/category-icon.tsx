import type { ReactNode } from 'react';
import { StrokeIcon } from './icons';
import type { CategoryColor, CategoryIcon as IconName } from '../../../shared/constants';

/**
 * Each icon a category can have (shared/constants.ts CATEGORY_ICONS), drawn by hand on a 24×24 grid with
 * strokes only, so it takes the colour of the text around it (currentColor) and needs no image files.
 */
const PATHS: Record<IconName, ReactNode> = {
  // Two circles that overlap: two parties becoming one.
  fusie: (
    <>
      <circle cx="9" cy="12" r="6" />
      <circle cx="15" cy="12" r="6" />
    </>
  ),
  megafoon: <path d="M3 10v4l13 4V6zM7 15.2V19h3v-2.9M19.5 9a4 4 0 0 1 0 6" />,
  lijst: <path d="M9 6h11M9 12h11M9 18h11M4.5 6h.01M4.5 12h.01M4.5 18h.01" />,
  mensen: (
    <>
      <circle cx="9" cy="8" r="3" />
      <path d="M3 20a6 6 0 0 1 12 0" />
      <circle cx="17" cy="9" r="2.5" />
      <path d="M16 14.2a5 5 0 0 1 5 5" />
    </>
  ),
  document: (
    <>
      <path d="M6 3h8l4 4v14H6z" />
      <path d="M14 3v4h4M9 12h6M9 16h6" />
    </>
  ),
  euro: <path d="M17.5 7a7 7 0 1 0 0 10M4 10h9M4 14h9" />,
  // A town hall: a roof on columns.
  gebouw: <path d="M3 9l9-5 9 5zM5 9v10M10 9v10M14 9v10M19 9v10M3 21h18" />,
  // Two people at one table.
  vergadering: (
    <>
      <circle cx="8" cy="5.5" r="2" />
      <circle cx="16" cy="5.5" r="2" />
      <path d="M5 13a3 3 0 0 1 6 0M13 13a3 3 0 0 1 6 0M3 15h18M6 15v5M18 15v5" />
    </>
  ),
  vraag: (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.6v.6M12 17.5h.01" />
    </>
  ),
  slot: (
    <>
      <rect x="5" y="11" width="14" height="10" rx="2" />
      <path d="M8 11V7a4 4 0 0 1 8 0v4" />
    </>
  ),
};

/** Decorative only: what the category is, its name says; the icon is hidden from assistive technology. */
export function CategoryIcon({ name }: { name: IconName }) {
  return (
    <StrokeIcon className="category-icon" size={24}>
      {PATHS[name]}
    </StrokeIcon>
  );
}

/** The class that carries a colour's tint and ink (components.css): also used for a card's coloured edge. */
export const categoryColorClass = (color: CategoryColor) => `cat-${color}`;

/**
 * A category's mark: its icon (or, without one, its first letter) on a tinted rounded square. Beside the name,
 * never instead of it, so it is hidden from screen readers; the ink on the tint still keeps AA contrast.
 */
export function CategoryMark({ category, size = 'normal' }: { category: { name: string; color: CategoryColor; icon: IconName | null }; size?: 'normal' | 'large' }) {
  return (
    <span className={`category-mark ${categoryColorClass(category.color)}${size === 'large' ? ' large' : ''}`} aria-hidden="true">
      {category.icon ? <CategoryIcon name={category.icon} /> : <span className="category-letter">{category.name.trim().charAt(0).toLocaleUpperCase('nl')}</span>}
    </span>
  );
}
