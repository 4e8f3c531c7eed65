import { useParams } from 'react-router';
import { useMember } from '../api/members';
import { PageTitle } from '../components/page-title';
import { Loading, NotFound, PageError } from '../components/states';
import { nl } from '../i18n/nl';
import { nlMembers } from '../i18n/nl-members';

/** /leden/:id, where a mention links: what every member may know of another (never an e-mail address). */
export default function MemberPage() {
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const query = useMember(valid ? id : 0);
  if (!valid) return <NotFound />;
  if (query.isError) return <PageError error={query.error} retry={() => void query.refetch()} />;
  const member = query.data?.member;
  if (!member) return <Loading />;
  const t = nlMembers.page;
  return (
    <>
      <PageTitle>{member.displayName}</PageTitle>
      <dl className="details">
        <dt>{t.party}</dt>
        <dd>{member.party}</dd>
        <dt>{t.municipality}</dt>
        <dd>{member.municipality}</dd>
        <dt>{t.role}</dt>
        <dd>
          {member.representativeRole ? nl.roles[member.representativeRole] : t.noRole}
          {member.representativeRole && member.representativeVerified && ` (${t.verified})`}
        </dd>
        <dt>{t.since}</dt>
        <dd>{nl.time.date(member.memberSince)}</dd>
      </dl>
    </>
  );
}
