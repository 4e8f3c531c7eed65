import { useId, useRef, useState } from 'react';
import { CATEGORY_WATCH_LEVELS, THREAD_WATCH_LEVELS, type CategoryWatchLevel, type ThreadWatchLevel } from '../../../shared/constants';
import { useWatchCategory, useWatchThread } from '../api/watch';
import { nlWatching } from '../i18n/nl-watching';
import { ErrorMessage } from './states';

export interface WatchTexts<L extends string> {
  summary: string;
  legend: string;
  levels: Record<L, string>;
  explain: Record<L, string>;
  saved: Record<L, string>;
}

/**
 * "Volgen / Normaal / Negeren" for a thread (or "Volgen / Normaal" for a category): a disclosure, so it takes one
 * line until opened, with a radio group whose every choice says what it means. A choice is saved at once (nothing
 * else on the page changes, so this is no change of context) and the outcome is told in a status line. The radio
 * shows the choice while it is saved; if saving fails it goes back to what is in force and the error says why.
 */
export function WatchControl<L extends string>({
  texts,
  options,
  value,
  save,
}: {
  texts: WatchTexts<L>;
  options: readonly L[];
  /** The level in force, from the server's answer. */
  value: L;
  save: (level: L, done: { onSuccess: () => void; onError: (error: unknown) => void }) => void;
}) {
  const id = useId();
  const [chosen, setChosen] = useState<L | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<unknown>(null);
  // The latest choice: moving through the radios with the arrow keys sends one save per step, and only the last speaks.
  const latest = useRef<L | null>(null);
  const shown = chosen ?? value;

  const choose = (level: L) => {
    latest.current = level;
    setChosen(level);
    setStatus('');
    setError(null);
    save(level, {
      onSuccess: () => {
        if (latest.current !== level) return;
        setChosen(null);
        setStatus(texts.saved[level]);
      },
      onError: (failure) => {
        if (latest.current !== level) return;
        setChosen(null);
        setError(failure);
      },
    });
  };

  return (
    <details className="watch-control">
      <summary>
        {texts.summary}: <strong>{texts.levels[value]}</strong>
      </summary>
      <fieldset>
        <legend>{texts.legend}</legend>
        {options.map((level) => (
          <div key={level} className="choice">
            <label className="radio">
              <input type="radio" name={`${id}-level`} value={level} checked={shown === level} onChange={() => choose(level)} aria-describedby={`${id}-${level}`} />{' '}
              {texts.levels[level]}
            </label>
            <p className="hint" id={`${id}-${level}`}>
              {texts.explain[level]}
            </p>
          </div>
        ))}
      </fieldset>
      <p role="status">{status}</p>
      <ErrorMessage error={error} />
    </details>
  );
}

/** On the thread page: Volgen / Normaal / Negeren. */
export function ThreadWatchControl({ threadId, value }: { threadId: number; value: ThreadWatchLevel }) {
  const { mutate } = useWatchThread(threadId);
  return <WatchControl texts={nlWatching.thread} options={THREAD_WATCH_LEVELS} value={value} save={mutate} />;
}

/** On a category's thread list: Volgen (every new thread) / Normaal. */
export function CategoryWatchControl({ slug, value }: { slug: string; value: CategoryWatchLevel }) {
  const { mutate } = useWatchCategory(slug);
  return <WatchControl texts={nlWatching.category} options={CATEGORY_WATCH_LEVELS} value={value} save={mutate} />;
}
