import { Link } from 'react-router';
import { useHelpdeskStats } from '../../api/helpdesk-staff';
import { PageTitle } from '../../components/page-title';
import { Loading, PageError } from '../../components/states';
import { nl } from '../../i18n/nl';
import { formatMinutes, monthName, nlHelpdeskStaff } from '../../i18n/nl-helpdesk-staff';
import { RequireCentreStaff } from '../../components/centre-staff-only';
import './helpdesk.css';

const t = nlHelpdeskStaff.stats;
const minutes = (value: number | null) => (value === null ? t.none : formatMinutes(value));

function Stats() {
  const stats = useHelpdeskStats();
  return (
    <>
      <nav aria-label={nl.nav.breadcrumb} className="breadcrumb">
        <Link to="/kenniscentrum/inbox">{nlHelpdeskStaff.inbox.title}</Link>
      </nav>
      <PageTitle>{t.title}</PageTitle>
      <p>{t.intro}</p>
      {stats.isError ? (
        <PageError error={stats.error} retry={() => void stats.refetch()} />
      ) : stats.isPending ? (
        <Loading />
      ) : stats.data.months.length === 0 ? (
        <p className="empty">{t.empty}</p>
      ) : (
        <div className="table-scroll">
          <table className="stats-table">
            <caption>{t.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.month}</th>
                <th scope="col">{t.asked}</th>
                <th scope="col">{t.answered}</th>
                <th scope="col">{t.median}</th>
                <th scope="col">{t.average}</th>
              </tr>
            </thead>
            <tbody>
              {stats.data.months.map((m) => (
                <tr key={m.month}>
                  <th scope="row">{monthName(m.month)}</th>
                  <td className="number">{m.asked}</td>
                  <td className="number">{m.answered}</td>
                  <td className="number">{minutes(m.medianResponseMinutes)}</td>
                  <td className="number">{minutes(m.averageResponseMinutes)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/** /kenniscentrum/cijfers: per month, questions asked and answered and how long the first answer took. */
export default function StatsPage() {
  return (
    <RequireCentreStaff>
      <Stats />
    </RequireCentreStaff>
  );
}
