import { useId } from 'react';
import { useSimilarThreads } from '../api/search';
import { nl } from '../i18n/nl';
import { nlSearch } from '../i18n/nl-search';
import { useDebounced } from './use-debounced';

/** A pause in typing this long asks the server (which allows about one request a second per member). */
const DEBOUNCE_MS = 400;

/** Enough of a title to compare: three words, or twelve characters (one long word such as "privacywetgeving"). */
export function titleWorthComparing(title: string): string {
  const t = title.trim().replace(/\s+/gu, ' ');
  return t.split(' ').length >= 3 || t.length >= 12 ? t : '';
}

/**
 * "Vergelijkbare discussies" beside the new thread's title: up to five threads that look like the question being
 * typed (GET /api/search/similar, only threads this member may open), so a question answered once is found before it
 * is asked again. The links open in a new tab: the draft stays where it is. Nothing at all when there is nothing
 * similar; a polite status says how many there are when that changes.
 * Not limited to the category chosen: the same question asked under another subject answers it just as well (and the
 * category field starts at "Algemeen", which would hide nearly everything).
 */
export function SimilarThreads({ title, className }: { title: string; className?: string }) {
  const headingId = useId();
  const asked = useDebounced(titleWorthComparing(title), DEBOUNCE_MS);
  const similar = useSimilarThreads(asked);
  // Only for a title still worth comparing: clearing it takes the list away at once, not after the pause.
  const threads = asked && titleWorthComparing(title) ? (similar.data?.threads ?? []) : [];

  return (
    <div className={className}>
      {threads.length > 0 && (
        <section aria-labelledby={headingId} className="similar-threads">
          <h2 id={headingId}>{nlSearch.similar.title}</h2>
          <p className="hint">{nlSearch.similar.intro}</p>
          <ul>
            {threads.map((t) => (
              <li key={t.threadId}>
                <a href={`/discussie/${t.threadId}`} target="_blank" rel="noopener">
                  {t.title}
                  <span className="visually-hidden"> {nlSearch.similar.newTab}</span>
                </a>
                <span className="meta">
                  {nlSearch.similar.posts(t.postCount)} · {nlSearch.similar.lastActivity}{' '}
                  <time dateTime={t.lastPostAt}>{nl.time.format(t.lastPostAt)}</time>
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <p className="visually-hidden" role="status">
        {threads.length > 0 ? nlSearch.similar.found(threads.length) : ''}
      </p>
    </div>
  );
}
