import { useId, useState } from 'react';
import type { ThreadFilter, ThreadSort } from '../../../shared/api/forum';
import { nlKnowledge } from '../i18n/nl-knowledge';

const t = nlKnowledge.list;
// Written out rather than imported from the contract, which would bring its schema library into this page.
const FILTERS = ['all', 'solved', 'unsolved'] as const satisfies readonly ('all' | ThreadFilter)[];
const SORTS = ['activity', 'reactions'] as const satisfies readonly ThreadSort[];
type FilterChoice = (typeof FILTERS)[number];

/**
 * Above a category's threads: "Toon" (Alle / Opgelost / Nog niet opgelost, only where threads are questions) and
 * "Sorteren op". Native selects, labelled, applied at once: only the list below changes, no other page opens.
 * How many threads the new list shows is said in a status line, but only after the reader changed something.
 */
export function ThreadListControls({
  filter,
  sort,
  shown,
  onChange,
}: {
  /** null: the category's threads are no questions, so there is nothing to filter on. */
  filter: FilterChoice | null;
  sort: ThreadSort;
  /** The list as loaded; null while it loads. */
  shown: { count: number; more: boolean } | null;
  onChange: (key: 'filter' | 'sort', value: string) => void;
}) {
  const id = useId();
  const [changed, setChanged] = useState(false);
  const change = (key: 'filter' | 'sort', value: string) => {
    setChanged(true);
    onChange(key, value);
  };
  return (
    <div className="list-controls">
      {filter !== null && (
        <div className="field inline">
          <label htmlFor={`${id}-filter`}>{t.filter}</label>
          <select id={`${id}-filter`} value={filter} onChange={(e) => change('filter', e.target.value)}>
            {FILTERS.map((value) => (
              <option key={value} value={value}>
                {t.filters[value]}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field inline">
        <label htmlFor={`${id}-sort`}>{t.sort}</label>
        <select id={`${id}-sort`} value={sort} onChange={(e) => change('sort', e.target.value)}>
          {SORTS.map((value) => (
            <option key={value} value={value}>
              {t.sorts[value]}
            </option>
          ))}
        </select>
      </div>
      <p className="visually-hidden" role="status">
        {changed && shown ? t.shown(shown.count, shown.more) : ''}
      </p>
    </div>
  );
}
