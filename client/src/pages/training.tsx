import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { TrainingDetail } from '../../../shared/api/trainings';
import { useMe } from '../api/auth';
import { isCentreStaff } from '../api/centre-staff';
import { calendarUrl, trainingKeys, useTraining } from '../api/trainings';
import { PageTitle } from '../components/page-title';
import { Loading, NotFound, PageError } from '../components/states';
import { placesText, TrainingBadges, trainingWhere } from '../components/training-facts';
import { TrainingSignup } from '../components/training-signup';
import { nlTrainings as t } from '../i18n/nl-trainings';
import { useLive, useLiveStatus } from '../live/live-context';
import './trainings.css';

// Staff only: its own chunk, which members never download (vite.config.ts STAFF_CODE).
const TrainingStaffPanel = lazy(async () => ({ default: (await import('../components/training-staff')).TrainingStaffPanel }));

/** Longest wait for which the page asks again by itself when the meeting link opens (a timer further out is pointless). */
const LINK_WAIT_MAX_MS = 12 * 60 * 60 * 1000;

/**
 * While she has the page open, the answer changes without her doing anything: she moves up from the waiting list
 * (a notification says so over the live socket), or the meeting link opens. Both make the page ask again.
 */
function useFreshTraining(training: TrainingDetail | undefined) {
  const client = useQueryClient();
  const live = useLive();
  const status = useLiveStatus();
  const id = training?.id;
  const opensAt = training?.meetingUrl ? null : (training?.linkOpensAt ?? null);
  useEffect(() => {
    if (id === undefined) return;
    return live.listen((message) => {
      if (message.type === 'notification') void client.invalidateQueries({ queryKey: trainingKeys.detail(id) });
    });
  }, [client, live, id]);
  // A notification sent while the socket was down (or before it first opened) is not delivered again: ask afresh.
  useEffect(() => {
    if (id !== undefined && status === 'open') void client.invalidateQueries({ queryKey: trainingKeys.detail(id) });
  }, [client, id, status]);
  useEffect(() => {
    if (id === undefined || opensAt === null) return;
    const wait = Date.parse(opensAt) - Date.now();
    if (wait < 0 || wait > LINK_WAIT_MAX_MS) return;
    const timer = setTimeout(() => void client.invalidateQueries({ queryKey: trainingKeys.detail(id) }), wait + 1000);
    return () => clearTimeout(timer);
  }, [client, id, opensAt]);
}

/** /trainingen/:id: everything about one event, her sign-up, and for staff its participants. */
export default function TrainingPage() {
  const id = Number(useParams().id);
  const query = useTraining(id);
  const me = useMe();
  const [now] = useState(() => Date.now());
  useFreshTraining(query.data);
  if (!Number.isInteger(id) || id <= 0) return <NotFound />;
  if (query.isError) return <PageError error={query.error} retry={() => void query.refetch()} />;
  if (query.isPending) return <Loading />;
  const training = query.data;
  const staff = isCentreStaff(me.data);
  const started = Date.parse(training.startsAt) <= now;
  const past = Date.parse(training.endsAt) < now;
  const participant = training.mySignup?.status === 'participant';

  return (
    <>
      <p className="breadcrumb">
        <Link to="/trainingen">{t.backToList}</Link>
      </p>
      <PageTitle>{training.title}</PageTitle>
      <TrainingBadges training={training} past={past} />
      {training.cancelled ? <p className="notice">{t.cancelledNotice}</p> : past && <p className="notice">{t.pastNotice}</p>}

      <dl className="details" aria-label={t.details}>
        <dt>{t.whenLabel}</dt>
        <dd>
          <time dateTime={training.startsAt}>{t.when(training.startsAt, training.endsAt)}</time>
        </dd>
        <dt>{t.whereLabel}</dt>
        <dd>{trainingWhere(training)}</dd>
        <dt>{t.categoryLabel}</dt>
        <dd>
          <Link to={`/forum/${training.category.slug}`}>{training.category.name}</Link>
        </dd>
        <dt>{t.placesLabel}</dt>
        <dd>
          {t.capacity(training.capacity, training.participantCount)}
          {!past && !training.cancelled && ` · ${placesText(training)}`}
          {training.waitingCount > 0 && ` · ${t.waitingCount(training.waitingCount)}`}
        </dd>
        {training.signupDeadline && (
          <>
            <dt>{t.deadlineLabel}</dt>
            <dd>
              <time dateTime={training.signupDeadline}>{t.dateTime(training.signupDeadline)}</time>
            </dd>
          </>
        )}
      </dl>

      {!training.cancelled && !past && <TrainingSignup training={training} started={started} />}

      {training.online && !training.cancelled && !past && (
        <section className="training-section" aria-labelledby="training-meeting">
          <h2 id="training-meeting">{t.meeting.heading}</h2>
          {training.meetingUrl ? (
            <p>
              <a href={training.meetingUrl} rel="noopener noreferrer" className="button">
                {t.meeting.join}
              </a>
            </p>
          ) : participant && training.linkOpensAt ? (
            <p>{t.meeting.opensAt(t.dateTime(training.linkOpensAt))}</p>
          ) : (
            <p className="muted">{t.meeting.onlyParticipants}</p>
          )}
        </section>
      )}

      <div className="training-actions">
        {!training.cancelled && (
          <a href={calendarUrl(training.id)} download className="button secondary">
            {t.calendar}
          </a>
        )}
        {training.threadId !== null && (
          <Link to={`/discussie/${training.threadId}`} className="button secondary">
            {t.discussion}
          </Link>
        )}
      </div>
      {training.threadId !== null && <p className="hint">{t.discussionHint}</p>}

      <section className="training-section" aria-labelledby="training-description">
        <h2 id="training-description">{t.description}</h2>
        <div className="post-body" dangerouslySetInnerHTML={{ __html: training.descriptionHtml }} />
      </section>
      {training.entryCriteria.trim() !== '' && (
        <section className="training-section" aria-labelledby="training-criteria">
          <h2 id="training-criteria">{t.entryCriteria}</h2>
          <p className="entry-criteria">{training.entryCriteria}</p>
        </section>
      )}

      {staff && (
        <Suspense fallback={<Loading />}>
          <TrainingStaffPanel training={training} past={past} />
        </Suspense>
      )}
    </>
  );
}
