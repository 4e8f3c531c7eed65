import { useState } from 'react';
import { Link } from 'react-router';
import type { TrainingDetail } from '../../../shared/api/trainings';
import { participantsCsvUrl, useCancelTraining, useParticipants } from '../api/training-staff';
import { nl } from '../i18n/nl';
import { nlTrainingStaff as t } from '../i18n/nl-training-staff';
import { ConfirmDialog } from './confirm-dialog';
import { Outcome, useOutcome } from './outcome';
import { ErrorMessage, Loading } from './states';

/**
 * The kenniscentrum's part of a training's page: edit it, call it off, and who signed up (with e-mail addresses,
 * which only staff get) and the same list as a CSV file. Its own chunk, which members never download.
 */
export function TrainingStaffPanel({ training, past }: { training: TrainingDetail; past: boolean }) {
  const cancel = useCancelTraining(training.id);
  const done = useOutcome();
  const [confirming, setConfirming] = useState(false);
  // Asked again whenever the counts change (someone signed up, cancelled, moved up), so the table agrees with them.
  const participants = useParticipants(training.id, `${training.participantCount}-${training.waitingCount}`);
  const list = participants.data ?? [];

  return (
    <section className="training-section" aria-labelledby="training-staff">
      <h2 id="training-staff">{t.panel}</h2>
      <Outcome outcome={done} />
      <div className="training-actions">
        {/* A called-off training is kept as it was; one that is over can still be edited (materials, a new time). */}
        {!training.cancelled && (
          <Link to={`/trainingen/${training.id}/bewerken`} className="button secondary">
            {t.edit}
          </Link>
        )}
        {!training.cancelled && !past && (
          <button
            type="button"
            className="secondary"
            onClick={() => {
              cancel.reset();
              setConfirming(true);
            }}
          >
            {t.cancel}
          </button>
        )}
      </div>

      <h3 id="training-participants">{t.participants}</h3>
      {participants.isError ? (
        <ErrorMessage error={participants.error} />
      ) : participants.isPending ? (
        <Loading />
      ) : list.length === 0 ? (
        <p className="empty">{t.noParticipants}</p>
      ) : (
        <div className="table-scroll">
          <table aria-labelledby="training-participants">
            <thead>
              <tr>
                <th scope="col">{t.columns.name}</th>
                <th scope="col">{t.columns.party}</th>
                <th scope="col">{t.columns.municipality}</th>
                <th scope="col">{t.columns.email}</th>
                <th scope="col">{t.columns.status}</th>
                <th scope="col">{t.columns.position}</th>
                <th scope="col">{t.columns.signedUpAt}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    <Link to={`/leden/${p.id}`}>{p.displayName}</Link>
                  </th>
                  <td>{p.party ?? t.unknown}</td>
                  <td>{p.municipality ?? t.unknown}</td>
                  <td>
                    <a href={`mailto:${p.email}`}>{p.email}</a>
                  </td>
                  <td>{t.status[p.status]}</td>
                  <td>{p.position ?? t.unknown}</td>
                  <td className="nowrap">
                    <time dateTime={p.signedUpAt}>{nl.time.format(p.signedUpAt)}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {/* A plain link: the browser downloads it with her session's cookie, as any file. */}
      <p>
        <a href={participantsCsvUrl(training.id)} download>
          {t.export}
        </a>
      </p>

      <ConfirmDialog
        title={t.cancelTitle}
        open={confirming}
        onClose={() => setConfirming(false)}
        message={t.cancelConfirm(training.title)}
        confirmLabel={t.cancel}
        error={cancel.error}
        pending={cancel.isPending}
        onConfirm={() =>
          cancel.mutate(undefined, {
            onSuccess: () => {
              setConfirming(false);
              // The button is gone: focus goes to the message.
              done.show(t.cancelled);
            },
          })
        }
      />
    </section>
  );
}
