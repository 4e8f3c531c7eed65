import { Link } from 'react-router';
import type { AdminCategory } from '../../../../shared/api/categories';
import { categoryColorClass, CategoryMark } from '../../components/category-icon';
import { nlCategories as t } from '../../i18n/nl-categories';

/** The id of a row's move button, for putting focus back on it once the list is in its new order. */
export const moveButtonId = (id: number, direction: -1 | 1) => `categorie-${id}-${direction < 0 ? 'omhoog' : 'omlaag'}`;

/**
 * One category in the admins' list. The buttons name the category (for a screen reader's list of buttons); at the
 * top and the bottom of the list a move button is aria-disabled, not taken away nor disabled, so focus can stay on
 * it after the move that brought it there.
 */
export function CategoryRow({
  category,
  first,
  last,
  busy,
  onMove,
  onEdit,
  onDelete,
}: {
  category: AdminCategory;
  first: boolean;
  last: boolean;
  busy: boolean;
  onMove: (direction: -1 | 1) => void;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const c = category;
  const move = (direction: -1 | 1, blocked: boolean) => () => {
    if (!blocked && !busy) onMove(direction);
  };
  return (
    <li className={`card category-card ${categoryColorClass(c.color)}`}>
      <CategoryMark category={c} />
      <div className="category-card-body">
        <h3 className="card-title">{c.name}</h3>
        <p className="meta">
          <Link className="slug" to={`/forum/${c.slug}`}>{`/forum/${c.slug}`}</Link> · {t.threads(c.threadsTotal)}
        </p>
        <p className="badges">
          <span className="badge">{t.accessOptions[c.access]}</span>
          {c.archived && <span className="badge muted-badge">{t.archived}</span>}
        </p>
        {c.description && <p>{c.description}</p>}
        <div className="row-actions">
          <button type="button" className="secondary" id={moveButtonId(c.id, -1)} aria-label={t.moveUpLabel(c.name)} aria-disabled={first || busy} onClick={move(-1, first)}>
            {t.moveUp}
          </button>
          <button type="button" className="secondary" id={moveButtonId(c.id, 1)} aria-label={t.moveDownLabel(c.name)} aria-disabled={last || busy} onClick={move(1, last)}>
            {t.moveDown}
          </button>
          <button type="button" className="secondary" aria-label={t.editLabel(c.name)} onClick={onEdit}>
            {t.edit}
          </button>
          {/* Only an empty category that is not one of the three fixed ones can go; otherwise say why not. */}
          {c.core || c.threadsTotal > 0 ? (
            <span className="hint">{c.core ? t.core : t.notEmpty(c.threadsTotal)}</span>
          ) : (
            <button type="button" className="secondary" aria-label={t.deleteLabel(c.name)} onClick={onDelete}>
              {t.delete}
            </button>
          )}
        </div>
      </div>
    </li>
  );
}
