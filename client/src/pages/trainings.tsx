import { useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMe } from '../api/auth';
import { isCentreStaff } from '../api/centre-staff';
import { useTrainings, type TrainingPeriod } from '../api/trainings';
import { LoadMore } from '../components/load-more';
import { PageTitle } from '../components/page-title';
import { Loading, PageError } from '../components/states';
import { TrainingBadges, TrainingWhenWhere } from '../components/training-facts';
import { nlTrainings as t } from '../i18n/nl-trainings';
import './trainings.css';

const PATH = '/trainingen';
/** The tabs as the address names them (?periode=afgelopen); Komend, the first, needs no name. */
const TABS = [
  ['upcoming', null],
  ['past', 'afgelopen'],
] as const satisfies readonly (readonly [TrainingPeriod, string | null])[];

/**
 * /trainingen: the kenniscentrum's trainings, knowledge exchanges and webinars. Upcoming and past are links (each its
 * own address, as the tabs of "Nieuw en ongelezen"), so past events with their discussion stay findable.
 */
export default function TrainingsPage() {
  const [params] = useSearchParams();
  const period: TrainingPeriod = TABS.find(([, word]) => word !== null && word === params.get('periode'))?.[0] ?? 'upcoming';
  const trainings = useTrainings(period);
  const me = useMe();
  const list = useRef<HTMLUListElement>(null);
  const items = trainings.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageTitle>{t.title}</PageTitle>
      <p>{t.intro}</p>
      {isCentreStaff(me.data) && (
        <p>
          <Link to="/trainingen/nieuw" className="button">
            {t.create}
          </Link>
        </p>
      )}
      <nav aria-label={t.tabs} className="subnav recent-tabs">
        <ul className="nav-list">
          {TABS.map(([value, word]) => (
            <li key={value}>
              <Link to={{ pathname: PATH, search: word ? `?periode=${word}` : '' }} aria-current={value === period ? 'page' : undefined}>
                {t.tab[value]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {trainings.isError ? (
        <PageError error={trainings.error} retry={() => void trainings.refetch()} />
      ) : trainings.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        <p className="empty">{t.empty[period]}</p>
      ) : (
        <ul className="card-list" ref={list} aria-label={t.list[period]}>
          {items.map((training) => (
            <li key={training.id} className={`card training-item${training.cancelled ? ' cancelled' : ''}`}>
              <h2 className="card-title">
                <Link to={`/trainingen/${training.id}`}>{training.title}</Link>
              </h2>
              <TrainingBadges training={training} past={period === 'past'} />
              <TrainingWhenWhere training={training} />
              <p className="meta">
                <Link to={`/forum/${training.category.slug}`}>{training.category.name}</Link>
              </p>
            </li>
          ))}
        </ul>
      )}
      <LoadMore pages={trainings} list={list} />
    </>
  );
}
