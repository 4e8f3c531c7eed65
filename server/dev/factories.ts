import { eq } from 'drizzle-orm';
import type { CategoryAccess, RepresentativeRole, Role, UserStatus } from '../../shared/constants.js';
import { hashPassword } from '../auth/passwords.js';
import type { CurrentUser } from '../auth/types.js';
import { userColumns } from '../auth/users.js';
import type { Db } from '../db/client.js';
import { categories, users } from '../db/schema.js';
import { insertCategory } from '../forum/category-writes.js';
import { createReply, createThread } from '../forum/writes.js';

/**
 * One-line makers for members, threads and posts, used by the tests, the seed script and the benchmarks.
 * Posts go through the forum's own writes, so counters, the search outbox and live events are exactly as in use.
 */

export const DEFAULT_PASSWORD = 'wachtwoord-123';
let defaultHash: Promise<string> | null = null;
let sequence = 0;

export interface UserOptions {
  email?: string;
  password?: string;
  displayName?: string;
  party?: string;
  municipality?: string;
  representativeRole?: RepresentativeRole | null;
  /** A moderator checked her role (default false); enters the categories kept for volksvertegenwoordigers. */
  representativeVerified?: boolean;
  role?: Role;
  status?: UserStatus;
  createdAt?: Date;
  /** False: an address not yet confirmed by mail (a registration still waiting for its link). Default true. */
  emailConfirmed?: boolean;
  /** In the kenniscentrum's team (default false). */
  centreTeam?: boolean;
}

export async function makeUser(db: Db, options: UserOptions = {}): Promise<CurrentUser> {
  const n = ++sequence;
  const passwordHash = options.password ? await hashPassword(options.password) : await (defaultHash ??= hashPassword(DEFAULT_PASSWORD));
  const [user] = await db
    .insert(users)
    .values({
      email: (options.email ?? `lid${n}-${Date.now()}@example.nl`).toLowerCase(),
      passwordHash,
      displayName: options.displayName ?? `Lid ${n}`,
      party: options.party ?? 'Lokaal Belang',
      municipality: options.municipality ?? 'Utrecht',
      representativeRole: options.representativeRole ?? (options.representativeVerified ? 'raadslid' : null),
      representativeVerified: options.representativeVerified ?? false,
      role: options.role ?? 'member',
      status: options.status ?? 'active',
      centreTeam: options.centreTeam ?? false,
      emailConfirmedAt: options.emailConfirmed === false ? null : new Date(),
      ...(options.createdAt ? { createdAt: options.createdAt } : { createdAt: new Date(Date.now() - 30 * 24 * 3600 * 1000) }),
    })
    .returning(userColumns);
  return user!;
}

/** A category beside the standard ones (a restricted or archived one, for tests); answers its id. */
export async function makeCategory(db: Db, options: { slug: string; name?: string; access?: CategoryAccess; archived?: boolean }): Promise<number> {
  return db.transaction((tx) =>
    insertCategory(tx, {
      slug: options.slug,
      name: options.name ?? options.slug,
      description: '',
      color: 'blauw',
      icon: null,
      access: options.access ?? 'members',
      archivedAt: options.archived ? new Date() : null,
      position: 100,
    }),
  );
}

export async function categoryId(db: Db, slug: string): Promise<number> {
  const [row] = await db.select({ id: categories.id }).from(categories).where(eq(categories.slug, slug)).limit(1);
  if (!row) throw new Error(`no category ${slug}`);
  return row.id;
}

export async function makeThread(
  db: Db,
  author: CurrentUser,
  options: { category?: string; title?: string; body?: string } = {},
): Promise<{ threadId: number; postId: number }> {
  const n = ++sequence;
  return createThread(
    db,
    author,
    await categoryId(db, options.category ?? 'algemeen'),
    options.title ?? `Vraag nummer ${n}`,
    options.body ?? `Hoe pakken jullie dit aan? (${n})`,
  );
}

export async function makePost(
  db: Db,
  author: CurrentUser,
  threadId: number,
  options: { body?: string; replyToPostId?: number | null } = {},
): Promise<number> {
  const n = ++sequence;
  const [thread] = await db.query.threads.findMany({ where: (t, { eq: equals }) => equals(t.id, threadId), columns: { categoryId: true }, limit: 1 });
  if (!thread) throw new Error(`no thread ${threadId}`);
  return createReply(db, author, threadId, thread.categoryId, options.body ?? `Een antwoord (${n})`, options.replyToPostId ?? null);
}
