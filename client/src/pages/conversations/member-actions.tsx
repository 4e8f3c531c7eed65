import { useState } from 'react';
import { Link } from 'react-router';
import type { MemberProfileBody } from '../../../../shared/api/members';
import { useMe } from '../../api/auth';
import { useBlock } from '../../api/conversations';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Outcome, useOutcome } from '../../components/outcome';
import { ErrorMessage } from '../../components/states';
import { nlConversations } from '../../i18n/nl-conversations';

const t = nlConversations.member;

/**
 * On another member's page (pages/member.tsx): "Stuur een bericht" when the server says she may (canMessage: not
 * blocked either way, an active member), and blocking or unblocking her for conversations. Blocking asks first;
 * unblocking is done at once.
 */
export function MemberConversationActions({ page }: { page: MemberProfileBody }) {
  const me = useMe();
  const block = useBlock();
  const outcome = useOutcome();
  const [confirming, setConfirming] = useState(false);
  const { member, canMessage, blockedByMe } = page;
  if (!me.data || me.data.id === member.id) return null;
  const name = member.displayName;
  const toggle = (on: boolean) =>
    block.mutate(
      { memberId: member.id, block: on },
      {
        onSuccess: () => {
          setConfirming(false);
          outcome.show(on ? t.blocked(name) : t.unblocked(name), { focus: false });
        },
      },
    );
  return (
    <>
      {blockedByMe && <p className="notice">{t.blockedNote}</p>}
      <div className="actions">
        {canMessage && (
          <Link className="button" to={`/berichten/nieuw?aan=${member.id}`}>
            {t.send}
          </Link>
        )}
        {blockedByMe ? (
          <button type="button" className="secondary" aria-disabled={block.isPending} onClick={() => !block.isPending && toggle(false)}>
            {t.unblock}
          </button>
        ) : (
          <button
            type="button"
            className="secondary"
            aria-haspopup="dialog"
            onClick={() => {
              block.reset();
              setConfirming(true);
            }}
          >
            {t.block}
          </button>
        )}
      </div>
      {!confirming && <ErrorMessage error={block.error} />}
      <Outcome outcome={outcome} />
      {confirming && (
        <ConfirmDialog
          title={t.blockTitle(name)}
          open={confirming}
          onClose={() => setConfirming(false)}
          message={t.confirmBlock(name)}
          confirmLabel={t.block}
          error={block.error}
          pending={block.isPending}
          onConfirm={() => toggle(true)}
        />
      )}
    </>
  );
}
