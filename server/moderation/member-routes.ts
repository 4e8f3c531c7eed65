import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { and, asc, eq, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { IdParams } from '../../shared/api/common.js';
import { CentreTeamBody, RejectBody, RoleBody, SuspendBody, VerifyBody } from '../../shared/api/moderation.js';
import { UserBody, UserList, UserListQuery, type UserSort } from '../../shared/api/users.js';
import type { Tx } from '../db/client.js';
import { users } from '../db/schema.js';
import { conflict } from '../http/errors.js';
import { decodeCursor, encodeCursor, pageSize } from '../http/pagination.js';
import { notifyUserEvent } from '../live/notify.js';
import { enqueueMail } from '../mail/outbox.js';
import { notifyUser } from '../notifications/notify.js';
import type { CurrentUser } from '../auth/types.js';
import { toUserDto, userColumns } from '../auth/users.js';
import { claimsOn, decideOn } from './claims.js';
import { assertMayActOn, lockUser, suspendUser } from './members.js';
import { logAction } from './record.js';

/** Name (as the @-autocomplete compares names: without case, accents or invisible characters), e-mail, party or municipality contain `term`. */
const matches = (term: string) =>
  sql`((display_name_key(${term}) <> '' and strpos(${users.nameKey}, display_name_key(${term})) > 0) or strpos(${users.email}, ${term}) > 0
       or strpos(lower(${users.party}), ${term}) > 0 or strpos(lower(${users.municipality}), ${term}) > 0)`;

/** Per sort, the order before the id that makes it total. Pending accounts are a queue: oldest first, the default. */
const ORDER: Record<UserSort, (postCount: SQL<number>) => SQL[]> = {
  oldest: () => [sql`${users.createdAt} asc`],
  newest: () => [sql`${users.createdAt} desc`],
  name: () => [sql`${users.nameKey} asc`],
  activity: () => [sql`${users.lastSeenAt} desc nulls last`],
  posts: (postCount) => [sql`${postCount} desc`],
};

/**
 * Membership administration: the moderators' list of accounts, approval and rejection of new members,
 * suspensions, verified representative roles, and (admins only) who is a moderator. Every change is one
 * transaction with its log row, the user's notification, her mail (approval, rejection, suspension and its end)
 * and a live 'account.changed'.
 */
export default async function memberRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get('/api/admin/users', { config: { auth: 'moderator' }, schema: { summary: 'Accounts', tags: ['moderation'], querystring: UserListQuery, response: { 200: UserList } } }, async (request) => {
    const { status, cursor, limit, sort = 'oldest' } = request.query;
    const size = pageSize(limit);
    // An offset: the list sorts on values that change (activity, posts), which a keyset would skip or repeat on.
    const offset = decodeCursor(cursor, ['number'] as const)?.[0] ?? 0;
    const term = request.query.q?.trim().toLowerCase() ?? '';
    // Spelled out: drizzle writes a column of the outer table unqualified in a select, which inside this subquery would mean p.id.
    const postCount = sql<number>`(select count(*)::int from posts p where p.author_id = users.id and p.deleted_at is null)`;
    const rows = await app.db
      .select({ ...userColumns, email: users.email, emailConfirmedAt: users.emailConfirmedAt, lastActiveOn: sql<Date | null>`date_trunc('day', ${users.lastSeenAt})`, postCount })
      .from(users)
      .where(
        and(
          // A registration whose address was never confirmed is not one yet (its details may be anyone's): not listed.
          isNotNull(users.emailConfirmedAt),
          status ? eq(users.status, status) : undefined,
          term ? matches(term) : undefined,
        ),
      )
      .orderBy(...ORDER[sort](postCount), asc(users.id))
      .limit(size + 1)
      .offset(offset);
    const page = rows.slice(0, size);
    // Registrations are waiting work: say who handles which.
    const pendingIds = page.filter((u) => u.status === 'pending').map((u) => u.id);
    const claims = await claimsOn(app.db, 'registration', pendingIds, request.user!);
    return {
      users: page.map((u) => ({
        ...toUserDto(u, true),
        email: u.email,
        emailConfirmed: u.emailConfirmedAt !== null,
        lastActiveOn: u.lastActiveOn ? new Date(u.lastActiveOn).toISOString() : null,
        postCount: u.postCount,
        ...(u.status === 'pending' ? { claim: claims.get(u.id) ?? null } : {}),
      })),
      nextCursor: rows.length > size ? encodeCursor([offset + size]) : null,
    };
  });

  /**
   * Locks the account, checks that the actor may act on it at all (nobody on themselves or on an admin, only
   * admins on moderators: the one rule for every member action, so no route can forget it), lets `work` act on it,
   * then sends the live event; answers with the account as it is now.
   */
  async function change(actor: CurrentUser, id: number, work: (tx: Tx, target: CurrentUser) => Promise<void>) {
    const user = await app.db.transaction(async (tx) => {
      const target = await lockUser(tx, id);
      assertMayActOn(actor, target);
      await work(tx, target);
      await notifyUserEvent(tx, { type: 'account.changed', userId: id });
      const [updated] = await tx.select(userColumns).from(users).where(eq(users.id, id));
      return updated!;
    });
    return { user: toUserDto(user, true) };
  }

  const moderator = { auth: 'moderator' as const };

  api.post('/api/admin/users/:id/approve', { config: moderator, schema: { summary: 'Aanmelding goedkeuren', tags: ['moderation'], params: IdParams, response: { 200: UserBody } } }, async (request) =>
    change(request.user!, request.params.id, async (tx, target) => {
      if (target.status !== 'pending') throw conflict('not_pending', 'Dit account wacht niet op goedkeuring.');
      await decideOn(tx, 'registration', target.id, request.user!);
      await tx.update(users).set({ status: 'active', statusReason: null, approvedAt: sql`now()`, approvedBy: request.user!.id }).where(eq(users.id, target.id));
      await logAction(tx, { moderatorId: request.user!.id, action: 'approve_user', targetUserId: target.id });
      await notifyUser(tx, target.id, 'account_approved', 'Je account is goedgekeurd. Welkom op Plein!');
      await enqueueMail(tx, { userId: target.id, kind: 'account_approved' });
    }),
  );

  api.post('/api/admin/users/:id/reject', { config: moderator, schema: { summary: 'Aanmelding afwijzen', tags: ['moderation'], params: IdParams, body: RejectBody, response: { 200: UserBody } } }, async (request) =>
    change(request.user!, request.params.id, async (tx, target) => {
      if (target.status !== 'pending') throw conflict('not_pending', 'Dit account wacht niet op goedkeuring.');
      await decideOn(tx, 'registration', target.id, request.user!);
      const reason = request.body.reason.trim();
      await tx.update(users).set({ status: 'rejected', statusReason: reason }).where(eq(users.id, target.id));
      await logAction(tx, { moderatorId: request.user!.id, action: 'reject_user', targetUserId: target.id, reason });
      await notifyUser(tx, target.id, 'account_rejected', `Je aanmelding is afgewezen omdat: ${reason}`);
      await enqueueMail(tx, { userId: target.id, kind: 'account_rejected', data: { reason } });
    }),
  );

  api.post('/api/admin/users/:id/suspend', { config: moderator, schema: { summary: 'Account schorsen', tags: ['moderation'], params: IdParams, body: SuspendBody, response: { 200: UserBody } } }, async (request) => {
    const user = await app.db.transaction((tx) => suspendUser(tx, request.user!, request.params.id, request.body.reason.trim(), request.body.days));
    // After commit: open sockets of this user close (the live concern listens).
    app.authEvents.emit('revoked', { userId: user.id });
    return { user: toUserDto(user, true) };
  });

  api.post('/api/admin/users/:id/lift', { config: moderator, schema: { summary: 'Schorsing opheffen', tags: ['moderation'], params: IdParams, response: { 200: UserBody } } }, async (request) =>
    change(request.user!, request.params.id, async (tx, target) => {
      if (target.status !== 'suspended') throw conflict('not_suspended', 'Dit account is niet geschorst.');
      await tx.update(users).set({ status: 'active', statusReason: null, suspendedUntil: null }).where(eq(users.id, target.id));
      await logAction(tx, { moderatorId: request.user!.id, action: 'lift_suspension', targetUserId: target.id });
      await notifyUser(tx, target.id, 'suspension_lifted', 'Je schorsing is opgeheven. Je kunt weer meedoen op Plein.');
      await enqueueMail(tx, { userId: target.id, kind: 'suspension_lifted' });
    }),
  );

  api.post('/api/admin/users/:id/representative', { config: moderator, schema: { summary: 'Volksvertegenwoordiger bevestigen of intrekken', tags: ['moderation'], params: IdParams, body: VerifyBody, response: { 200: UserBody } } }, async (request) =>
    change(request.user!, request.params.id, async (tx, target) => {
      const { verified } = request.body;
      if (verified && target.representativeRole === null) throw conflict('no_representative_role', 'Dit account heeft geen functie om te verifiëren.');
      if (target.representativeVerified === verified) return;
      await tx.update(users).set({ representativeVerified: verified }).where(eq(users.id, target.id));
      await logAction(tx, {
        moderatorId: request.user!.id,
        action: verified ? 'verify_representative' : 'unverify_representative',
        targetUserId: target.id,
        details: { representativeRole: target.representativeRole },
      });
      if (verified) {
        await notifyUser(tx, target.id, 'representative_verified', `Je functie als ${target.representativeRole} is geverifieerd.`);
      }
    }),
  );

  api.post('/api/admin/users/:id/role', { config: { auth: 'admin' }, schema: { summary: 'Rol wijzigen', tags: ['moderation'], params: IdParams, body: RoleBody, response: { 200: UserBody } } }, async (request) =>
    change(request.user!, request.params.id, async (tx, target) => {
      const { role } = request.body;
      if (target.role === role) return;
      await tx.update(users).set({ role }).where(eq(users.id, target.id));
      await logAction(tx, { moderatorId: request.user!.id, action: 'set_role', targetUserId: target.id, details: { from: target.role, to: role } });
      await notifyUser(tx, target.id, 'role_changed', role === 'moderator' ? 'Je bent nu moderator op Plein.' : 'Je bent geen moderator meer.');
    }),
  );

  api.post(
    '/api/admin/users/:id/centre-team',
    { config: { auth: 'admin' }, schema: { summary: 'Team van het kenniscentrum', tags: ['moderation'], params: IdParams, body: CentreTeamBody, response: { 200: UserBody } } },
    async (request) =>
      change(request.user!, request.params.id, async (tx, target) => {
        const { centreTeam } = request.body;
        if (target.centreTeam === centreTeam) return;
        if (centreTeam && target.status !== 'active') throw conflict('not_active', 'Alleen een actief lid kan in het team van het kenniscentrum.');
        await tx.update(users).set({ centreTeam }).where(eq(users.id, target.id));
        await logAction(tx, { moderatorId: request.user!.id, action: 'set_centre_team', targetUserId: target.id, details: { to: centreTeam } });
        await notifyUser(
          tx,
          target.id,
          'role_changed',
          centreTeam ? 'Je bent nu lid van het team van het kenniscentrum.' : 'Je bent geen lid meer van het team van het kenniscentrum.',
        );
      }),
  );
}
