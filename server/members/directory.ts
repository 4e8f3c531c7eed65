import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { MEMBER_DIRECTORY_PAGE, type MemberDirectory, type MemberDirectoryQuery } from '../../shared/api/members.js';
import { LIMITS, REPRESENTATIVE_ROLES, type RepresentativeRole } from '../../shared/constants.js';
import { GEMEENTEN_PER_PROVINCIE, isProvincie } from '../../shared/gemeenten.js';
import type { Db } from '../db/client.js';
import { users } from '../db/schema.js';
import { publicMemberColumns, toPublicMember } from './public-member.js';
import { badRequest } from '../http/errors.js';
import { decodeCursor, encodeCursor } from '../http/pagination.js';

/** The longest cursor a page of ours makes (a name key and an id, base64url): anything longer is not one of ours. */
const CURSOR_MAX = 200;

/** The directory's filters once checked: each a Dutch 400 naming its field when wrong, never a 500 or a silent drop. */
interface Filters {
  q: string | null;
  municipality: string | null;
  province: readonly string[] | null;
  role: RepresentativeRole | null;
  after: readonly [string, number] | null;
}

const filled = (value: string | undefined) => {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

export function parseDirectoryQuery(query: MemberDirectoryQuery): Filters {
  // A leading @ is how members write names in posts; as in the @-autocomplete, it is no part of the name.
  const q = filled(query.q?.replace(/^\s*@+/, ''));
  if (q !== null && q.length > LIMITS.displayNameMax) throw badRequest('invalid_query', `Zoek op hoogstens ${LIMITS.displayNameMax} tekens van een naam.`, 'q');
  // Any name, not only those on today's list: an account may still carry a municipality's name from before a merger.
  const municipality = filled(query.municipality);
  if (municipality !== null && municipality.length > LIMITS.municipalityMax) throw badRequest('invalid_municipality', 'Deze gemeente bestaat niet.', 'municipality');
  const province = filled(query.province);
  if (province !== null && !isProvincie(province)) throw badRequest('invalid_province', 'Kies een van de twaalf provincies.', 'province');
  const role = filled(query.role);
  if (role !== null && !(REPRESENTATIVE_ROLES as readonly string[]).includes(role)) throw badRequest('invalid_role', 'Kies een bestaande functie.', 'role');
  if (query.cursor !== undefined && query.cursor.length > CURSOR_MAX) throw badRequest('invalid_cursor', 'De paginacursor is ongeldig.', 'cursor');
  return {
    q,
    municipality,
    province: province !== null && isProvincie(province) ? GEMEENTEN_PER_PROVINCIE[province] : null,
    role: role as RepresentativeRole | null,
    after: decodeCursor(query.cursor, ['string', 'number'] as const),
  };
}

/**
 * Active members, by name (as names compare: users.name_key, then id), a page at a time. A member who hides her
 * party and municipality is never found by municipality or province (a match would tell where she lives), and no
 * row shows them; nothing else of her is hidden: her name and role are on every post she writes.
 */
export async function listMembers(db: Db, filters: Filters): Promise<MemberDirectory> {
  const where: (SQL | undefined)[] = [eq(users.status, 'active')];
  if (filters.q !== null) where.push(sql`strpos(${users.nameKey}, display_name_key(${filters.q})) > 0`);
  if (filters.municipality !== null || filters.province !== null) where.push(eq(users.showAffiliation, true));
  if (filters.municipality !== null) where.push(eq(users.municipality, filters.municipality));
  if (filters.province !== null) where.push(inArray(users.municipality, [...filters.province]));
  if (filters.role !== null) where.push(eq(users.representativeRole, filters.role));
  // The keyset compares as the order sorts (collation included), or a page would skip or repeat names.
  if (filters.after) where.push(sql`(${users.nameKey} collate "C", ${users.id}) > (${filters.after[0]}::text collate "C", ${filters.after[1]}::int)`);

  const rows = await db
    .select({ ...publicMemberColumns, nameKey: users.nameKey })
    .from(users)
    .where(and(...where))
    // name_key is compared in the C collation: the same order in PostgreSQL and PGlite, and for the keyset above.
    .orderBy(asc(sql`${users.nameKey} collate "C"`), asc(users.id))
    .limit(MEMBER_DIRECTORY_PAGE + 1);

  const page = rows.slice(0, MEMBER_DIRECTORY_PAGE);
  const last = page.at(-1);
  return {
    members: page.map(toPublicMember),
    nextCursor: rows.length > MEMBER_DIRECTORY_PAGE && last ? encodeCursor([last.nameKey, last.id]) : null,
  };
}
