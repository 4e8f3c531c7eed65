import { useRef, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { MemberListItem } from '../../../shared/api/members';
import { LIMITS, REPRESENTATIVE_ROLES } from '../../../shared/constants';
import { useMemberDirectory, type DirectoryFilters } from '../api/members';
import { Avatar } from '../components/avatar';
import { LoadMore } from '../components/load-more';
import { PageTitle } from '../components/page-title';
import { ErrorMessage, Loading } from '../components/states';
import { GEMEENTEN, GEMEENTEN_PER_PROVINCIE, isProvincie, PROVINCIES } from '../data/gemeenten';
import { nl } from '../i18n/nl';
import { nlMembers } from '../i18n/nl-members';
import './members.css';

const t = nlMembers.directory;

/** The filters live in the address (Dutch names, as /zoeken's), so a search can be shared, bookmarked and gone back to. */
function filtersFrom(params: URLSearchParams): DirectoryFilters {
  const province = params.get('provincie') ?? '';
  const role = params.get('functie') ?? '';
  return {
    q: params.get('naam') ?? '',
    municipality: params.get('gemeente') ?? '',
    // Values the server would refuse are dropped here: an edited address shows everyone instead of an error.
    province: isProvincie(province) ? province : '',
    role: (REPRESENTATIVE_ROLES as readonly string[]).includes(role) ? role : '',
  };
}

function toParams(f: DirectoryFilters): URLSearchParams {
  const next = new URLSearchParams();
  if (f.q.trim()) next.set('naam', f.q.trim());
  if (f.municipality.trim()) next.set('gemeente', f.municipality.trim());
  if (f.province) next.set('provincie', f.province);
  if (f.role) next.set('functie', f.role);
  return next;
}

function DirectoryForm({ filters, onSearch }: { filters: DirectoryFilters; onSearch: (f: DirectoryFilters) => void }) {
  const [draft, setDraft] = useState(filters);
  const set = (name: keyof DirectoryFilters) => (e: { target: { value: string } }) => setDraft({ ...draft, [name]: e.target.value });
  // With a province chosen, the suggestions are its municipalities only.
  const suggestions = isProvincie(draft.province) ? GEMEENTEN_PER_PROVINCIE[draft.province] : GEMEENTEN;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(draft);
  };
  const empty: DirectoryFilters = { q: '', municipality: '', province: '', role: '' };
  return (
    <form role="search" aria-label={t.filters} className="form directory-form" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor="leden-naam">{t.q}</label>
        <input id="leden-naam" type="search" value={draft.q} onChange={set('q')} maxLength={LIMITS.displayNameMax} autoComplete="off" />
      </div>
      <div className="field">
        <label htmlFor="leden-provincie">{t.province}</label>
        <select id="leden-provincie" value={draft.province} onChange={set('province')}>
          <option value="">{t.allProvinces}</option>
          {PROVINCIES.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="leden-gemeente">{t.municipality}</label>
        {/* Suggestions from the CBS list; matched exactly, as members chose it from the same list. */}
        <input
          id="leden-gemeente"
          type="text"
          list="leden-gemeenten"
          autoComplete="off"
          maxLength={LIMITS.municipalityMax}
          value={draft.municipality}
          onChange={set('municipality')}
        />
        <datalist id="leden-gemeenten">
          {suggestions.map((g) => (
            <option key={g} value={g} />
          ))}
        </datalist>
      </div>
      <div className="field">
        <label htmlFor="leden-functie">{t.role}</label>
        <select id="leden-functie" value={draft.role} onChange={set('role')}>
          <option value="">{t.allRoles}</option>
          {REPRESENTATIVE_ROLES.map((r) => (
            <option key={r} value={r}>
              {nl.roles[r]}
            </option>
          ))}
        </select>
      </div>
      <div className="form-actions">
        <button type="submit">{t.submit}</button>
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setDraft(empty);
            onSearch(empty);
          }}
        >
          {t.reset}
        </button>
      </div>
    </form>
  );
}

function MemberRow({ member: m }: { member: MemberListItem }) {
  const role = m.representativeRole;
  // Party and municipality are absent for a member who hides them: then only name and role are shown.
  const details = [role ? (m.representativeVerified ? t.verifiedRole(nl.roles[role]) : nl.roles[role]) : null, m.party, m.municipality].filter(Boolean);
  return (
    <li className="card member-row">
      <Avatar id={m.id} displayName={m.displayName} avatarUrl={m.avatarUrl} size={44} />
      <div>
        <h3 className="card-title">
          <Link to={`/leden/${m.id}`}>{m.displayName}</Link>
        </h3>
        {details.length > 0 && <p className="meta">{details.join(' · ')}</p>}
      </div>
    </li>
  );
}

/** /leden: the members directory, for members. Filtered by name, municipality, province and role; by name. */
export default function MembersDirectoryPage() {
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const directory = useMemberDirectory(filters);
  const list = useRef<HTMLUListElement>(null);
  const members = directory.data?.pages.flatMap((p) => p.members) ?? [];
  const more = directory.hasNextPage;
  return (
    <>
      <PageTitle>{t.title}</PageTitle>
      <p>{t.intro}</p>
      {/* A new address (a search, or back and forward) starts the form again from it. */}
      <DirectoryForm key={params.toString()} filters={filters} onSearch={(f) => setParams(toParams(f))} />
      <h2>{t.resultsTitle}</h2>
      {/* Always in the page, so screen readers are already listening when the outcome of a search appears. */}
      <p role="status" className="meta">
        {directory.isSuccess ? t.found(members.length, more) : ''}
      </p>
      {directory.isPending ? (
        <Loading />
      ) : directory.isError ? (
        <ErrorMessage error={directory.error} />
      ) : members.length === 0 ? (
        <p className="empty">{t.empty}</p>
      ) : (
        <ul className="card-list" ref={list}>
          {members.map((m) => (
            <MemberRow key={m.id} member={m} />
          ))}
        </ul>
      )}
      <LoadMore pages={directory} list={list} />
    </>
  );
}
