import { Link } from 'react-router';
import { useCategories } from '../api/forum';
import { CategoryBadges } from '../components/category-badges';
import { categoryColorClass, CategoryMark } from '../components/category-icon';
import { PageTitle } from '../components/page-title';
import { Loading, PageError } from '../components/states';
import { UpcomingTrainings } from '../components/upcoming-trainings';
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
            <li key={c.id} className={`card category-card ${categoryColorClass(c.color)}`}>
              <CategoryMark category={c} />
              <div className="category-card-body">
                <h2 className="card-title">
                  <Link to={`/forum/${c.slug}`}>{c.name}</Link>
                </h2>
                <CategoryBadges category={c} />
                {c.description && <p>{c.description}</p>}
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
              </div>
            </li>
          ))}
        </ul>
      )}
      {!query.isPending && <UpcomingTrainings />}
    </>
  );
}
