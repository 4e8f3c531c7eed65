import { Link } from 'react-router';
import { useMe } from '../api/auth';
import { PageTitle } from '../components/page-title';
import { nl } from '../i18n/nl';

export default function Landing() {
  const me = useMe();
  const active = me.data?.status === 'active';
  return (
    <>
      <PageTitle>{nl.landing.title}</PageTitle>
      <p className="lead">{nl.landing.intro}</p>
      <div className="actions">
        {active ? (
          <Link className="button" to="/forum">
            {nl.landing.toForum}
          </Link>
        ) : (
          <>
            <Link className="button" to="/aanmelden">
              {nl.landing.cta}
            </Link>
            <Link className="button secondary" to="/inloggen">
              {nl.landing.login}
            </Link>
          </>
        )}
      </div>
      <section aria-labelledby="topics">
        <h2 id="topics">{nl.landing.topicsTitle}</h2>
        <ul>
          {nl.landing.topics.map((t) => (
            <li key={t}>{t}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="who">
        <h2 id="who">{nl.landing.whoTitle}</h2>
        <p>{nl.landing.who}</p>
      </section>
    </>
  );
}
