import { useSiteInfo } from '../api/site';
import { ContactLine } from '../components/contact-line';
import { PageTitle } from '../components/page-title';
import { ErrorMessage, Loading } from '../components/states';
import { nlPrivacy } from '../i18n/nl-privacy';

const t = nlPrivacy.statement;

/**
 * The privacy statement: who is responsible (PRIVACY_CONTROLLER), every kind of data with what it is for and how long
 * it is kept. The periods come from the server (GET /api/site: the retention round's own constants), so the
 * statement says what the code does. Public, like the server's answer.
 */
export default function PrivacyStatement() {
  const site = useSiteInfo();
  return (
    <>
      <PageTitle>{t.title}</PageTitle>
      <p>{t.intro}</p>
      {site.isError ? (
        <ErrorMessage error={site.error} />
      ) : !site.data ? (
        <Loading />
      ) : (
        <>
          <p>{t.controller(site.data.privacy.controller)}</p>
          <h2>{t.tableCaption}</h2>
          {t.rows(site.data.privacy.retentionDays).map((row) => (
            <section key={row.kind} aria-label={row.kind}>
              <h3>{row.kind}</h3>
              <dl className="details">
                <dt>{t.columns.purpose}</dt>
                <dd>{row.purpose}</dd>
                <dt>{t.columns.retention}</dt>
                <dd>{row.retention}</dd>
              </dl>
            </section>
          ))}
        </>
      )}
      <h2>{t.rightsTitle}</h2>
      <ul>
        {t.rights.map((right) => (
          <li key={right}>{right}</li>
        ))}
      </ul>
      <ContactLine lead={t.contact} />
    </>
  );
}
