import { useState } from 'react';
import type { Claim, ClaimKind } from '../../../shared/api/claims';
import { useClaim } from '../api/moderation';
import { nlModeration as m } from '../i18n/nl-moderation';
import { ErrorMessage } from './states';

/**
 * Who handles an item of waiting work, and the button to take it ("Oppakken") or let it go ("Loslaten"). Another
 * moderator's claim is only told: the server refuses her decisions on it while it counts. The button keeps its
 * place with a new label, so focus stays on it; the change is told in the status line.
 */
export function ClaimControl({ kind, id, claim, what }: { kind: ClaimKind; id: number; claim: Claim | null; what: string }) {
  const change = useClaim(kind, id);
  const [notice, setNotice] = useState('');
  const take = claim === null || !claim.mine;
  return (
    <div className="claim">
      {claim && <span className={claim.mine ? 'badge' : 'badge warn'}>{claim.mine ? m.claimedByMe : m.claimedBy(claim.moderator.displayName, claim.claimedAt)}</span>}
      {(claim === null || claim.mine) && (
        <button
          type="button"
          className="secondary"
          aria-label={take ? m.claimLabel(what) : m.unclaimLabel(what)}
          aria-disabled={change.isPending}
          onClick={() => !change.isPending && change.mutate(take, { onSuccess: () => setNotice(take ? m.claimed : m.unclaimed) })}
        >
          {take ? m.claim : m.unclaim}
        </button>
      )}
      <ErrorMessage error={change.error} />
      <p role="status" className="visually-hidden">
        {notice}
      </p>
    </div>
  );
}
