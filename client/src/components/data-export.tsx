import { useState } from 'react';
import { downloadUrl, useExports, useRequestExport } from '../api/privacy';
import { nl } from '../i18n/nl';
import { nlPrivacy } from '../i18n/nl-privacy';
import { Outcome, useOutcome } from './outcome';
import { PasswordConfirmDialog } from './password-confirm-dialog';
import { ErrorMessage, Loading } from './states';

const t = nlPrivacy.exports;

/**
 * "Mijn gegevens downloaden" on the profile page: ask (her password again), follow the status while it is prepared,
 * and download it as a file (a plain link: the server answers with an attachment).
 */
export function DataExportSection() {
  const list = useExports();
  const request = useRequestExport();
  const [asking, setAsking] = useState(false);
  const outcome = useOutcome();
  const close = () => {
    setAsking(false);
    request.reset();
  };
  return (
    <section aria-labelledby="mijn-gegevens">
      <h2 id="mijn-gegevens">{t.title}</h2>
      <p>{t.intro}</p>
      <button type="button" className="secondary" onClick={() => setAsking(true)}>
        {t.request}
      </button>
      <Outcome outcome={outcome} />
      {list.isError ? (
        <ErrorMessage error={list.error} />
      ) : !list.data ? (
        <Loading />
      ) : (
        list.data.exports.length > 0 && (
          <ul aria-label={t.listLabel}>
            {list.data.exports.map((item) => (
              <li key={item.id}>
                {t.askedOn(nl.time.format(item.createdAt))}: <strong>{t.status[item.status]}</strong>
                {item.status === 'ready' && item.expiresAt && (
                  <>
                    {' '}
                    <a href={downloadUrl(item.id)} download aria-label={t.downloadLabel(nl.time.format(item.createdAt))}>
                      {t.download}
                    </a>{' '}
                    <span className="muted">{t.until(nl.time.date(item.expiresAt))}</span>
                  </>
                )}
              </li>
            ))}
          </ul>
        )
      )}
      {asking && (
        <PasswordConfirmDialog
          title={t.confirmTitle}
          submitLabel={t.request}
          pending={request.isPending}
          error={request.error}
          onConfirm={(password) =>
            request.mutate(password, {
              onSuccess: () => {
                close();
                outcome.show(t.requested);
              },
            })
          }
          onClose={close}
        >
          <p>{t.confirmText}</p>
        </PasswordConfirmDialog>
      )}
    </section>
  );
}
