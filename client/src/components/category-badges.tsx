import type { CategoryAccess } from '../../../shared/constants';
import { nlForum } from '../i18n/nl-forum';

/** Who may enter a category (when not every member) and whether it is archived: said in words, not by colour. */
export function CategoryBadges({ category }: { category: { access: CategoryAccess; archived: boolean } }) {
  if (category.access === 'members' && !category.archived) return null;
  return (
    <p className="badges">
      {category.access !== 'members' && <span className="badge">{nlForum.categories.access[category.access]}</span>}
      {category.archived && <span className="badge muted-badge">{nlForum.categories.archived}</span>}
    </p>
  );
}
