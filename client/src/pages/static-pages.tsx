import { ContactLine } from '../components/contact-line';
import { PageTitle } from '../components/page-title';
import { nlStatements } from '../i18n/nl-statements';

export function Accessibility() {
  return (
    <>
      <PageTitle>{nlStatements.accessibility.title}</PageTitle>
      {nlStatements.accessibility.paragraphs.map((p) => (
        <p key={p}>{p}</p>
      ))}
      <ContactLine lead={nlStatements.accessibility.contact} />
    </>
  );
}
