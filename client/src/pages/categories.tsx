import { Link } from 'react-router';
import { useCategories } from '../api/forum';
import { PageTitle } from '../components/page-title';
import { Loading, PageError } from '../components/states';
import { nl } from '../i18n/nl';
import { nlForum } from '../i18n/nl-forum';

export default function Categories() {
  const query = useCategories();
  if (query.isError) return <PageError error={query.error} retry={() => void query.refetch()} />;
  return (
    <>
      <PageTitle>{nlForum.categories.title}</PageTitle>
      <p>{nlForum.categories.intro}</p>
      {query.isPending ? (
        <Loading />
      ) : (
        <ul className="card-list">
          {query.data.categories.map((c) => (
            <li key={c.id} className="card">
              <h2 className="card-title">
                <Link to={`/forum/${c.slug}`}>{c.name}</Link>
              </h2>
              <p>{c.description}</p>
              <p className="meta">
                {nlForum.categories.threads(c.threadCount)} ·{' '}
                {c.lastPostAt ? (
                  <>
                    {nlForum.categories.lastActivity} <time dateTime={c.lastPostAt}>{nl.time.format(c.lastPostAt)}</time>
                  </>
                ) : (
                  nlForum.categories.noActivity
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
