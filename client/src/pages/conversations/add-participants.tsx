import { useState, type FormEvent } from 'react';
import type { ConversationDetail } from '../../../../shared/api/conversations';
import { LIMITS } from '../../../../shared/constants';
import { useAddParticipants } from '../../api/conversations';
import { Dialog } from '../../components/dialog';
import { useFormErrors } from '../../components/form-errors';
import type { PickedMember } from '../../components/member-picker';
import { ErrorMessage } from '../../components/states';
import { names, nlConversations } from '../../i18n/nl-conversations';
import { RecipientsPicker } from './recipients';

const t = nlConversations.page;

/** "Deelnemers toevoegen": members chosen as for a new conversation, up to the limit of others besides herself. */
export function AddParticipantsDialog({ conversation, viewerId, onClose, onAdded }: { conversation: ConversationDetail; viewerId: number; onClose: () => void; onAdded: (text: string) => void }) {
  const [chosen, setChosen] = useState<PickedMember[]>([]);
  const [missing, setMissing] = useState(false);
  const add = useAddParticipants(conversation.id);
  const errors = useFormErrors(add.error, ['userIds']);
  const inIt = conversation.participants.map((p) => p.id);
  const room = Math.max(0, LIMITS.conversationParticipants - conversation.participants.filter((p) => p.id !== viewerId).length);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (add.isPending) return;
    if (chosen.length === 0) return setMissing(true);
    add.mutate(
      chosen.map((m) => m.id),
      { onSuccess: () => onAdded(t.added(names(chosen.map((m) => m.displayName)))) },
    );
  };
  return (
    <Dialog title={t.addTitle} open onClose={onClose}>
      <form className="form" onSubmit={submit} noValidate ref={errors.formRef}>
        <p>{t.addHint}</p>
        <ErrorMessage error={errors.general} />
        <RecipientsPicker
          label={nlConversations.new.recipients}
          hint={nlConversations.new.recipientsHint(room)}
          error={missing && chosen.length === 0 ? nlConversations.new.noneChosen : errors.of('userIds')}
          value={chosen}
          onChange={(list) => {
            errors.clear('userIds');
            setMissing(false);
            setChosen(list);
          }}
          exclude={inIt}
          max={room}
        />
        <div className="actions">
          <button type="submit" aria-disabled={add.isPending}>
            {t.addSubmit}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
