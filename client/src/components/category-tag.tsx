import { Link } from 'react-router';
import type { CategoryColor, CategoryIcon as IconName } from '../../../shared/constants';
import { categoryColorClass, CategoryIcon } from './category-icon';

/**
 * A category named in a list of threads from many categories: a link in the category's own ink with its icon
 * before the name (the icon is decoration; the name is the link's text). The ink keeps 4.5:1 on the card in both
 * themes (tests/design/contrast.test.ts).
 */
export function CategoryTag({ category }: { category: { slug: string; name: string; color: CategoryColor; icon: IconName | null } }) {
  return (
    <Link to={`/forum/${category.slug}`} className={`category-tag ${categoryColorClass(category.color)}`}>
      {category.icon && <CategoryIcon name={category.icon} />}
      {category.name}
    </Link>
  );
}
