import { useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import type { TotpSetup, TotpStatus } from '../../../shared/api/totp';
import { useDisableTwoStep, useNewRecoveryCodes, useTwoStepSetup, useTwoStepStatus } from '../api/two-step';
import { nlTwoStep } from '../i18n/nl-two-step';
import { Outcome, useOutcome } from './outcome';
import { PasswordConfirmDialog } from './password-confirm-dialog';
import { RecoveryCodes } from './recovery-codes';
import { ErrorMessage, Loading } from './states';
import { TwoStepSetup } from './two-step-setup';

const t = nlTwoStep.settings;
/** The heading's id: the staff banner links here (/profiel#tweestapsverificatie). */
export const TWO_STEP_ANCHOR = 'tweestapsverificatie';
/** From this many recovery codes left, she is asked to make new ones. */
const FEW_CODES = 3;

/** "Tweestapsverificatie" on the account page (active members: the API's routes are theirs). */
export function TwoStepSection() {
  const status = useTwoStepStatus(true);
  const heading = useRef<HTMLHeadingElement>(null);
  const { hash } = useLocation();
  // Reached from the banner's link: the layout leaves focus alone for a link with a #, so it is set here.
  const loaded = status.isSuccess;
  useEffect(() => {
    if (hash !== `#${TWO_STEP_ANCHOR}` || !loaded) return;
    heading.current?.scrollIntoView();
    heading.current?.focus();
  }, [hash, loaded]);
  return (
    <section aria-labelledby={TWO_STEP_ANCHOR}>
      <h2 id={TWO_STEP_ANCHOR} tabIndex={-1} ref={heading}>
        {nlTwoStep.title}
      </h2>
      <p>{t.intro}</p>
      {status.isError ? <ErrorMessage error={status.error} /> : status.data ? <TwoStepControls status={status.data} /> : <Loading />}
    </section>
  );
}

/** What is open below the status: linking an app, or recovery codes to store. */
type Panel = { kind: 'setup'; setup: TotpSetup } | { kind: 'codes'; codes: string[]; replaced: boolean } | null;

function TwoStepControls({ status }: { status: TotpStatus }) {
  const [panel, setPanel] = useState<Panel>(null);
  const [asking, setAsking] = useState<'codes' | 'disable' | null>(null);
  const setup = useTwoStepSetup();
  const newCodes = useNewRecoveryCodes();
  const disable = useDisableTwoStep();
  const outcome = useOutcome();
  const setUpButton = useRef<HTMLButtonElement>(null);
  const close = () => {
    setAsking(null);
    newCodes.reset();
    disable.reset();
  };
  // Set when linking an app is cancelled: "Instellen" comes back, and focus with it (after the commit that shows it).
  const [backToSetUp, setBackToSetUp] = useState(false);
  useEffect(() => {
    if (!backToSetUp) return;
    setUpButton.current?.focus();
    setBackToSetUp(false);
  }, [backToSetUp]);
  const cancelSetup = () => {
    setPanel(null);
    setBackToSetUp(true);
  };
  // Closing the codes: the buttons that opened them are gone or moved, so focus goes to the outcome, which says where she stands.
  const codesStored = (replaced: boolean) => {
    setPanel(null);
    outcome.show(replaced ? nlTwoStep.codes.saved : t.enabled);
  };

  return (
    <>
      <p>
        <strong>{status.enabled ? t.on : t.off}</strong>
        {status.enabled && ` ${t.codesLeft(status.recoveryCodesLeft)}`}
        {status.enabled && status.recoveryCodesLeft <= FEW_CODES && ` ${t.fewLeft}`}
      </p>
      {status.required && (
        <p className="notice">
          {t.required} {!status.enabled && t.requiredOff}
        </p>
      )}
      <Outcome outcome={outcome} />
      {panel?.kind === 'setup' && <TwoStepSetup setup={panel.setup} onEnabled={(codes) => setPanel({ kind: 'codes', codes, replaced: false })} onCancel={cancelSetup} />}
      {panel?.kind === 'codes' && <RecoveryCodes codes={panel.codes} replaced={panel.replaced} onDone={() => codesStored(panel.replaced)} />}
      {!panel && !status.enabled && (
        <>
          <ErrorMessage error={setup.error} />
          <button
            type="button"
            ref={setUpButton}
            aria-disabled={setup.isPending}
            onClick={() => !setup.isPending && setup.mutate(undefined, { onSuccess: (offered) => setPanel({ kind: 'setup', setup: offered }) })}
          >
            {setup.isPending ? t.setUpBusy : t.setUp}
          </button>
        </>
      )}
      {!panel && status.enabled && (
        <div className="actions">
          <button type="button" className="secondary" onClick={() => setAsking('codes')}>
            {t.newCodes}
          </button>
          <button type="button" className="secondary" onClick={() => setAsking('disable')}>
            {t.disable}
          </button>
        </div>
      )}
      {asking === 'codes' && (
        <PasswordConfirmDialog
          title={nlTwoStep.password.newCodesTitle}
          submitLabel={nlTwoStep.password.newCodesSubmit}
          pending={newCodes.isPending}
          error={newCodes.error}
          onConfirm={(password) =>
            newCodes.mutate(
              { password },
              {
                onSuccess: ({ recoveryCodes }) => {
                  close();
                  setPanel({ kind: 'codes', codes: recoveryCodes, replaced: true });
                },
              },
            )
          }
          onClose={close}
        >
          <p>{nlTwoStep.password.newCodesIntro}</p>
        </PasswordConfirmDialog>
      )}
      {asking === 'disable' && (
        <PasswordConfirmDialog
          title={nlTwoStep.password.disableTitle}
          submitLabel={nlTwoStep.password.disableSubmit}
          danger
          pending={disable.isPending}
          error={disable.error}
          onConfirm={(password) =>
            disable.mutate(
              { password },
              {
                onSuccess: () => {
                  close();
                  outcome.show(t.disabled);
                },
              },
            )
          }
          onClose={close}
        >
          <p>{nlTwoStep.password.disableIntro}</p>
          {status.required && <p className="notice">{nlTwoStep.password.disableStaff}</p>}
        </PasswordConfirmDialog>
      )}
    </>
  );
}
