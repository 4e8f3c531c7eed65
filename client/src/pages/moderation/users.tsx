import { useRef, useState } from 'react';
import { USER_STATUSES, type UserStatus } from '../../../../shared/constants';
import { USER_SORTS, type UserSort } from '../../../../shared/api/users';
import { useUsers, type UserFilter } from '../../api/moderation';
import { useDebounced } from '../../components/use-debounced';
import { UserActions } from './user-actions';
import { ClaimControl } from '../../components/claim-control';
import { LoadMore } from '../../components/load-more';
import { Outcome, useOutcome } from '../../components/outcome';
import { PageTitle } from '../../components/page-title';
import { Loading, PageError } from '../../components/states';
import { nl } from '../../i18n/nl';
import { nlModeration } from '../../i18n/nl-moderation';
import { ModerationNav } from './moderation-nav';

/** An address may break after its @ (<wbr>, so copying it copies no extra character), never inside a word. */
function Email({ address }: { address: string }) {
  const at = address.lastIndexOf('@');
  if (at < 0) return <>{address}</>;
  return (
    <>
      {address.slice(0, at + 1)}
      <wbr />
      {address.slice(at + 1)}
    </>
  );
}

function UserTable({ filter }: { filter: UserFilter }) {
  const { status } = filter;
  const users = useUsers(filter);
  // The registrations are a queue; the members table says more of each member.
  const members = status !== 'pending';
  const done = useOutcome();
  const body = useRef<HTMLTableSectionElement>(null);
  // The outcome of an approval stays visible even when it emptied the list.
  const outcome = <Outcome outcome={done} />;
  if (users.isError) return <PageError error={users.error} retry={() => void users.refetch()} />;
  if (users.isPending) return <Loading />;
  const rows = users.data.pages.flatMap((p) => p.users);
  if (rows.length === 0) {
    return (
      <>
        {outcome}
        <p className="empty">{status === 'pending' ? nlModeration.pendingEmpty : nlModeration.membersEmpty}</p>
      </>
    );
  }
  return (
    <>
      {outcome}
      <div className="table-scroll wide">
        <table>
          <thead>
            <tr>
              <th scope="col">{nlModeration.name}</th>
              <th scope="col">{nlModeration.email}</th>
              <th scope="col">{nlModeration.party}</th>
              <th scope="col">{nlModeration.municipality}</th>
              <th scope="col">{nlModeration.role}</th>
              <th scope="col">{nlModeration.status}</th>
              <th scope="col">{members ? nlModeration.since : nlModeration.applied}</th>
              {members && <th scope="col">{nlModeration.activity}</th>}
              <th scope="col">
                <span className="visually-hidden">{nlModeration.action}</span>
              </th>
            </tr>
          </thead>
          <tbody ref={body}>
            {rows.map((u) => (
              <tr key={u.id}>
                <th scope="row">{u.displayName}</th>
                <td>
                  <Email address={u.email} />
                  {u.status === 'pending' && u.emailConfirmed && <div className="meta">{nlModeration.emailConfirmed}</div>}
                </td>
                <td>{u.party}</td>
                <td>{u.municipality}</td>
                <td>
                  {u.representativeRole ? nl.roles[u.representativeRole] : '—'}
                  {u.role !== 'member' && ' '}
                  {u.role !== 'member' && <span className="badge">{nlModeration.platformRoles[u.role]}</span>}
                  {u.centreTeam && ' '}
                  {u.centreTeam && <span className="badge">{nlModeration.centreTeamBadge}</span>}
                </td>
                <td>
                  {nlModeration.statuses[u.status]}
                  {u.statusReason ? ` (${u.statusReason})` : ''}
                </td>
                <td className="nowrap">
                  {nl.time.shortDate(u.createdAt)}
                  {u.status === 'pending' && <div className="meta">{nlModeration.waited(u.createdAt)}</div>}
                </td>
                {members && (
                  <td className="nowrap">
                    {u.lastActiveOn ? nl.time.shortDate(u.lastActiveOn) : nlModeration.never}
                    <div className="meta">{nlModeration.postCount(u.postCount)}</div>
                  </td>
                )}
                <td>
                  {u.claim !== undefined && <ClaimControl kind="registration" id={u.id} claim={u.claim} what={u.displayName} />}
                  <UserActions user={u} onDone={done.show} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <LoadMore pages={users} list={body} />
    </>
  );
}

export function PendingPage() {
  return (
    <>
      <PageTitle title={`${nlModeration.pending} · ${nlModeration.title}`}>{nlModeration.pending}</PageTitle>
      <ModerationNav />
      <UserTable filter={{ status: 'pending' }} />
    </>
  );
}

export function MembersPage() {
  const [status, setStatus] = useState<UserStatus | ''>('active');
  const [q, setQ] = useState('');
  const [sort, setSort] = useState<UserSort>('oldest');
  const search = useDebounced(q, 300);
  return (
    <>
      <PageTitle title={`${nlModeration.members} · ${nlModeration.title}`}>{nlModeration.members}</PageTitle>
      <ModerationNav />
      <form className="member-filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="member-search">{nlModeration.search}</label>
          <input id="member-search" type="search" maxLength={100} value={q} onChange={(e) => setQ(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="member-sort">{nlModeration.sort}</label>
          <select id="member-sort" value={sort} onChange={(e) => setSort(e.target.value as UserSort)}>
            {USER_SORTS.map((s) => (
              <option key={s} value={s}>
                {nlModeration.sorts[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="member-status">{nlModeration.status}</label>
          <select id="member-status" value={status} onChange={(e) => setStatus(e.target.value as UserStatus | '')}>
            <option value="">—</option>
            {USER_STATUSES.map((s) => (
              <option key={s} value={s}>
                {nlModeration.statuses[s]}
              </option>
            ))}
          </select>
        </div>
      </form>
      <UserTable filter={{ status, q: search, sort }} />
    </>
  );
}
