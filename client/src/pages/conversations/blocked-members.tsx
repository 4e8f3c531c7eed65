import { useRef } from 'react';
import { Link } from 'react-router';
import { useBlock, useBlocks } from '../../api/conversations';
import { Outcome, useOutcome } from '../../components/outcome';
import { ErrorMessage, Loading } from '../../components/states';
import { nlConversations } from '../../i18n/nl-conversations';
import './conversations.css';

const t = nlConversations.blocks;

/**
 * "Geblokkeerde leden" on Mijn account: whom she blocked from conversations, each with "Blokkering opheffen". The
 * row leaves with its button, so focus moves to the outcome (outcome.tsx).
 */
export function BlockedMembersSection() {
  const blocks = useBlocks();
  const block = useBlock();
  const outcome = useOutcome();
  const list = useRef<HTMLUListElement>(null);
  const items = blocks.data?.items ?? [];
  return (
    <section aria-labelledby="geblokkeerd-kop">
      <h2 id="geblokkeerd-kop">{t.title}</h2>
      <p>{t.intro}</p>
      <Outcome outcome={outcome} />
      <ErrorMessage error={blocks.error ?? block.error} />
      {blocks.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        <p className="muted">{t.empty}</p>
      ) : (
        <ul className="card-list" ref={list} aria-labelledby="geblokkeerd-kop">
          {items.map((m) => (
            <li key={m.id} className="card blocked-row">
              <Link to={`/leden/${m.id}`} id={`geblokkeerd-${m.id}`}>
                {m.displayName}
              </Link>
              <button
                type="button"
                className="secondary"
                aria-describedby={`geblokkeerd-${m.id}`}
                aria-disabled={block.isPending}
                onClick={() => !block.isPending && block.mutate({ memberId: m.id, block: false }, { onSuccess: () => outcome.show(t.unblocked(m.displayName)) })}
              >
                {t.unblock}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
