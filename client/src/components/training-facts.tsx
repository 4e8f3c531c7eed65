import type { TrainingSummary } from '../../../shared/api/trainings';
import { nlTrainings as t } from '../i18n/nl-trainings';

/** "Online", "Utrecht", or "Utrecht en online". */
export function trainingWhere(training: Pick<TrainingSummary, 'online' | 'location'>): string {
  if (training.location && training.online) return t.onlineAnd(training.location);
  return training.location ?? t.online;
}

/** Places left, or "Vol — wachtlijst"; for one that is cancelled or past, nothing (no place to take). */
export function placesText(training: Pick<TrainingSummary, 'capacity' | 'participantCount'>): string {
  const left = training.capacity - training.participantCount;
  return left > 0 ? t.placesLeft(left) : t.full;
}

/**
 * A training's badges, in every list: its kind, whether it is called off, her own place, and for one she can still
 * sign up for the places left (`past`: none of that, it is over). Her place is said in words, never by colour alone.
 */
export function TrainingBadges({ training, past = false }: { training: TrainingSummary; past?: boolean }) {
  const mine = training.mySignup;
  return (
    <p className="badges">
      <span className="badge">{t.kinds[training.kind]}</span>
      {training.cancelled && <span className="badge warn">{t.cancelled}</span>}
      {mine?.status === 'participant' && <span className="badge new">{t.badgeParticipant}</span>}
      {mine?.status === 'waiting' && <span className="badge muted-badge">{t.badgeWaiting(mine.position)}</span>}
      {!training.cancelled && !mine && !past && (training.signupOpen ? <span className="badge muted-badge">{placesText(training)}</span> : <span className="badge muted-badge">{t.closed}</span>)}
    </p>
  );
}

/** When and where, one line: "vrijdag 4 december 2026, 14:00–15:00 · Online". */
export function TrainingWhenWhere({ training }: { training: TrainingSummary }) {
  return (
    <p className="meta">
      <time dateTime={training.startsAt}>{t.when(training.startsAt, training.endsAt)}</time> · {trainingWhere(training)}
    </p>
  );
}
