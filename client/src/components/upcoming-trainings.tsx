import { Link } from 'react-router';
import { useSoonTrainings } from '../api/trainings';
import { nlTrainings as t } from '../i18n/nl-trainings';
import { TrainingBadges, TrainingWhenWhere } from './training-facts';

/** As many as TRAINING_LIMITS.startPageCount (shared/api/trainings.ts, not imported: it would bring its schema library). */
const COUNT = 3;

/**
 * "Binnenkort" on the forum's overview, where members land after logging in: the next trainings and knowledge
 * exchanges, so they are seen without looking for them. Nothing at all while there are none (or they cannot be
 * loaded): the forum is what the page is for.
 */
export function UpcomingTrainings() {
  const soon = useSoonTrainings(COUNT);
  const items = soon.data ?? [];
  if (items.length === 0) return null;
  return (
    <section className="upcoming-trainings" aria-labelledby="upcoming-trainings">
      <h2 id="upcoming-trainings">{t.soon.heading}</h2>
      <ul className="card-list">
        {items.map((training) => (
          <li key={training.id} className="card">
            <h3 className="card-title">
              <Link to={`/trainingen/${training.id}`}>{training.title}</Link>
            </h3>
            <TrainingBadges training={training} />
            <TrainingWhenWhere training={training} />
          </li>
        ))}
      </ul>
      <p>
        <Link to="/trainingen">{t.soon.all}</Link>
      </p>
    </section>
  );
}
