import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { HelpdeskQuestion } from '../../../../shared/api/helpdesk';
import { useGiveConsent, useWithdrawConsent } from '../../api/helpdesk';
import { Outcome, useOutcome } from '../../components/outcome';
import { ErrorMessage } from '../../components/states';
import { consentWords, nlHelpdesk } from '../../i18n/nl-helpdesk';

const t = nlHelpdesk.consent;

/**
 * Her consent to share the question and its answer on the forum, once the team answered (waiting or closed): given,
 * changed or taken back until the team published it; after that, the link to the thread.
 */
export function ConsentBlock({ question }: { question: HelpdeskQuestion }) {
  const [showName, setShowName] = useState(question.consent?.showName ?? false);
  const [showAffiliation, setShowAffiliation] = useState(question.consent?.showAffiliation ?? false);
  const give = useGiveConsent(question.id);
  const withdraw = useWithdrawConsent(question.id);
  const outcome = useOutcome();

  if (question.publishedThreadId !== null) {
    return (
      <section className="consent-block card" aria-labelledby="delen-kop">
        <h2 id="delen-kop">{t.heading}</h2>
        <p>{t.published}</p>
        <p>
          <Link to={`/discussie/${question.publishedThreadId}`}>{t.thread}</Link>
        </p>
      </section>
    );
  }
  // Asked once answered; a consent already given stays visible (to change or withdraw) when she replies and it reopens.
  if (question.status === 'open' && !question.consent) return null;

  const busy = give.isPending || withdraw.isPending;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    withdraw.reset();
    give.mutate({ showName, showAffiliation }, { onSuccess: () => outcome.show(t.saved, { focus: false }) });
  };
  const takeBack = () => {
    if (busy) return;
    give.reset();
    withdraw.mutate(undefined, {
      onSuccess: () => {
        setShowName(false);
        setShowAffiliation(false);
        outcome.show(t.withdrawn);
      },
    });
  };

  return (
    <section className="consent-block card" aria-labelledby="delen-kop">
      <h2 id="delen-kop">{t.heading}</h2>
      {question.consent && <p>{t.given(consentWords(question.consent))}</p>}
      <form className="form" onSubmit={submit} noValidate>
        <ErrorMessage error={give.error ?? withdraw.error} />
        <fieldset>
          <legend>{t.question}</legend>
          <p className="hint">{t.explain}</p>
          <label className="check-row">
            <input type="checkbox" checked={showName} onChange={(e) => setShowName(e.target.checked)} />
            {t.showName}
          </label>
          <label className="check-row">
            <input type="checkbox" checked={showAffiliation} onChange={(e) => setShowAffiliation(e.target.checked)} />
            {t.showAffiliation}
          </label>
        </fieldset>
        <div className="actions">
          <button type="submit" aria-disabled={busy}>
            {busy ? t.busy : question.consent ? t.change : t.give}
          </button>
          {question.consent && (
            <button type="button" className="secondary" aria-disabled={busy} onClick={takeBack}>
              {t.withdraw}
            </button>
          )}
        </div>
      </form>
      <Outcome outcome={outcome} />
    </section>
  );
}
