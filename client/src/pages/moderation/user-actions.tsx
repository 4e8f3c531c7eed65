import { useState } from 'react';
import type { AdminUser } from '../../../../shared/api/users';
import { actOnRefusal } from '../../../../shared/members';
import { useMe } from '../../api/auth';
import { useApprove, useUserAction } from '../../api/moderation';
import { ModeratorAccountDeletion } from '../../components/account-deletion';
import { DurationField, ReasonDialog } from '../../components/reason-dialog';
import { ErrorMessage } from '../../components/states';
import { nlModeration } from '../../i18n/nl-moderation';

type Asking = 'reject' | 'suspend' | null;

/**
 * The buttons for one account, by its status; reject and suspend ask for a reason (it is shown to the member).
 * `onDone` tells the outcome; it also takes focus when the button that was used leaves the page (see outcome.tsx).
 * Every button is aria-disabled rather than disabled while a request runs: Chrome takes focus away from a button
 * that becomes disabled, and the moderator would be left at the top of the page.
 */
export function UserActions({ user, onDone }: { user: AdminUser; onDone: (notice: string, options?: { focus?: boolean }) => void }) {
  const approve = useApprove();
  const act = useUserAction();
  const [asking, setAsking] = useState<Asking>(null);
  // A week unless the moderator chooses otherwise: "until lifted" is a choice to make on purpose.
  const [days, setDays] = useState<number | null>(7);
  const busy = approve.isPending || act.isPending;
  const t = nlModeration;
  const me = useMe();
  // Only admins hand out or take back moderator rights (of active accounts they may act on at all, see below).
  const canSetRole = me.data?.role === 'admin' && user.status === 'active';
  const nextRole = user.role === 'moderator' ? 'member' : 'moderator';

  const confirm = (reason: string) => {
    const done = (notice: string) => ({
      onSuccess: () => {
        setAsking(null);
        onDone(notice);
      },
    });
    if (asking === 'reject') act.mutate({ id: user.id, action: 'reject', body: { reason } }, done(t.rejected(user.displayName)));
    if (asking === 'suspend') act.mutate({ id: user.id, action: 'suspend', body: days === null ? { reason } : { reason, days } }, done(t.suspended(user.displayName)));
  };
  const ask = (what: Asking) => {
    act.reset();
    setDays(7);
    setAsking(what);
  };

  // No buttons the server would refuse: one's own account, an admin's, and (for moderators) another moderator's.
  if (!me.data || actOnRefusal(me.data, user) !== null) return null;

  return (
    <div className="row-actions">
      {user.status === 'pending' && (
        <>
          <button type="button" aria-disabled={busy} onClick={() => !busy && approve.mutate(user.id, { onSuccess: () => onDone(t.approved(user.displayName)) })} aria-label={`${t.approve}: ${user.displayName}`}>
            {t.approve}
          </button>
          <button type="button" className="secondary" aria-disabled={busy} onClick={() => !busy && ask('reject')} aria-label={`${t.reject}: ${user.displayName}`}>
            {t.reject}
          </button>
        </>
      )}
      {user.status === 'active' && user.role === 'member' && (
        <button type="button" className="secondary" aria-disabled={busy} onClick={() => !busy && ask('suspend')} aria-label={`${t.suspend}: ${user.displayName}`}>
          {t.suspend}
        </button>
      )}
      {user.status === 'suspended' && (
        <button
          type="button"
          className="secondary"
          aria-disabled={busy}
          onClick={() => !busy && act.mutate({ id: user.id, action: 'lift', body: {} }, { onSuccess: () => onDone(t.lifted(user.displayName)) })}
          aria-label={`${t.lift}: ${user.displayName}`}
        >
          {t.lift}
        </button>
      )}
      {/* These two stay in place with a new label and keep their focus; the outcome is only told. */}
      {user.representativeRole && user.representativeRole !== 'lid' && user.status === 'active' && (
        <button
          type="button"
          className="secondary"
          aria-disabled={busy}
          onClick={() => !busy && act.mutate({ id: user.id, action: 'representative', body: { verified: !user.representativeVerified } }, { onSuccess: () => onDone(t.changed(user.displayName), { focus: false }) })}
          aria-label={`${user.representativeVerified ? t.unverify : t.verify}: ${user.displayName}`}
        >
          {user.representativeVerified ? t.unverify : t.verify}
        </button>
      )}
      {canSetRole && (
        <button
          type="button"
          className="secondary"
          aria-disabled={busy}
          onClick={() => !busy && act.mutate({ id: user.id, action: 'role', body: { role: nextRole } }, { onSuccess: () => onDone(t.roleChanged(user.displayName, nextRole === 'moderator'), { focus: false }) })}
          aria-label={`${nextRole === 'moderator' ? t.makeModerator : t.makeMember}: ${user.displayName}`}
        >
          {nextRole === 'moderator' ? t.makeModerator : t.makeMember}
        </button>
      )}
      {canSetRole && (
        <button
          type="button"
          className="secondary"
          aria-disabled={busy}
          onClick={() =>
            !busy &&
            act.mutate({ id: user.id, action: 'centre-team', body: { centreTeam: !user.centreTeam } }, { onSuccess: () => onDone(t.teamChanged(user.displayName, !user.centreTeam), { focus: false }) })
          }
          aria-label={`${user.centreTeam ? t.removeFromTeam : t.addToTeam}: ${user.displayName}`}
        >
          {user.centreTeam ? t.removeFromTeam : t.addToTeam}
        </button>
      )}
      {/* On the member's request (AVG): her account goes, her posts stay by "Oud-lid" or as placeholders. */}
      {user.status !== 'pending' && user.status !== 'deleted' && <ModeratorAccountDeletion user={user} onDone={onDone} />}
      {/* While the dialog asks, its refusal is shown in it, beside the reason, not once more behind it. */}
      {!asking && <ErrorMessage error={approve.error ?? act.error} />}
      {asking && (
        <ReasonDialog
          title={`${asking === 'reject' ? t.reject : t.suspend}: ${user.displayName}`}
          reasonLabel={t.reasonLabel}
          confirmLabel={asking === 'reject' ? t.reject : t.suspend}
          templates={asking === 'reject' ? t.templates.reject : t.templates.suspend}
          pending={act.isPending}
          error={act.error}
          onConfirm={confirm}
          onClose={() => setAsking(null)}
        >
          {asking === 'suspend' && <DurationField value={days} onChange={setDays} />}
        </ReasonDialog>
      )}
    </div>
  );
}
