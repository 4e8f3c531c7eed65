import { PageTitle } from '../components/page-title';
import { nl } from '../i18n/nl';

export function Accessibility() {
  return (
    <>
      <PageTitle>{nl.accessibility.title}</PageTitle>
      {nl.accessibility.paragraphs.map((p) => (
        <p key={p}>{p}</p>
      ))}
    </>
  );
}

export function Privacy() {
  return (
    <>
      <PageTitle>{nl.privacy.title}</PageTitle>
      {nl.privacy.paragraphs.map((p) => (
        <p key={p}>{p}</p>
      ))}
    </>
  );
}
