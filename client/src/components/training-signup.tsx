import { useState } from 'react';
import type { TrainingDetail } from '../../../shared/api/trainings';
import { useCancelSignup, useSignup } from '../api/trainings';
import { nlTrainings } from '../i18n/nl-trainings';
import { ConfirmDialog } from './confirm-dialog';
import { Outcome, useOutcome } from './outcome';
import { ErrorMessage } from './states';

const t = nlTrainings.signup;

/**
 * Her place on an upcoming training: sign up (or join the waiting list when it is full), or after a confirmation
 * give the place up (until it starts). The button she pressed makes way for the other one, so focus goes to the message that says
 * what happened (Outcome), from where Tab reaches the new button.
 */
export function TrainingSignup({ training, started }: { training: TrainingDetail; started: boolean }) {
  const signup = useSignup(training.id);
  const leave = useCancelSignup(training.id);
  const done = useOutcome();
  const [confirming, setConfirming] = useState(false);
  const mine = training.mySignup;
  const full = training.participantCount >= training.capacity;

  const join = () => {
    if (signup.isPending) return;
    leave.reset();
    signup.mutate(undefined, {
      onSuccess: ({ training: now }) => done.show(now.mySignup?.status === 'waiting' ? t.joinedWaiting : t.joined),
    });
  };

  return (
    <section className="training-section" aria-labelledby="training-signup">
      <h2 id="training-signup">{t.heading}</h2>
      <Outcome outcome={done} />
      {mine?.status === 'participant' ? (
        <p>{t.participant}</p>
      ) : mine?.status === 'waiting' ? (
        <p>{t.waiting(mine.position)}</p>
      ) : !training.signupOpen ? (
        <p>{t.closed}</p>
      ) : (
        full && <p className="hint">{t.fullHint}</p>
      )}
      <ErrorMessage error={signup.error} />
      {/* Once it has started, a place can no longer be given up (the server refuses it too). */}
      {mine && !started && (
        <p>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              leave.reset();
              setConfirming(true);
            }}
          >
            {mine.status === 'waiting' ? t.leaveWaiting : t.leave}
          </button>
        </p>
      )}
      {!mine && training.signupOpen && (
        <p>
          <button type="button" aria-disabled={signup.isPending} onClick={join}>
            {full ? t.joinWaiting : t.join}
          </button>
        </p>
      )}
      <ConfirmDialog
        title={t.leaveTitle}
        open={confirming}
        onClose={() => setConfirming(false)}
        message={mine?.status === 'waiting' ? t.leaveWaitingConfirm : t.leaveConfirm}
        confirmLabel={mine?.status === 'waiting' ? t.leaveWaiting : t.leave}
        error={leave.error}
        pending={leave.isPending}
        onConfirm={() => {
          const waiting = mine?.status === 'waiting';
          leave.mutate(undefined, {
            onSuccess: () => {
              setConfirming(false);
              signup.reset();
              done.show(waiting ? t.leftWaiting : t.left);
            },
          });
        }}
      />
    </section>
  );
}
