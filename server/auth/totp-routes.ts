import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { LoginAnswer } from '../../shared/api/users.js';
import { PasswordConfirmBody, RecoveryCodeList, TotpEnableBody, TotpLoginBody, TotpSetup, TotpStatus } from '../../shared/api/totp.js';
import type { Config } from '../config.js';
import { badRequest, conflict, HttpError, tooManyRequests } from '../http/errors.js';
import type { Tx } from '../db/client.js';
import { logAction } from '../moderation/record.js';
import { notifyUser } from '../notifications/notify.js';
import { AttemptCounter } from './attempt-counter.js';
import type { authRateLimit } from './client-address.js';
import { AUTH_WINDOW_MS, type LoginThrottle } from './login-throttle.js';
import { startSession } from './session-lifetime.js';
import { endOtherSessions } from './session-renewal.js';
import { acceptCode, disableTotp, enableTotp, matchingStep, newSecret, recoveryCodesLeft, replaceRecoveryCodes, setupValid, signSetup, useRecoveryCode } from './totp.js';
import { applyStaffTotpPolicy } from './totp-policy.js';
import { findUserById, isModerator, toUserDto } from './users.js';

/** How long after the right password the code may follow. */
export const TOTP_LOGIN_MS = 5 * 60 * 1000;
/** Wrong codes one login may try before the password is asked again. */
export const CODES_PER_LOGIN = 5;
/** Wrong codes per account in AUTH_WINDOW_MS, over all logins: the password alone must not buy endless guesses. */
export const CODE_FAILURES_MAX = 10;

/** In the moderation log, as the member's own act on her account: moderators see who turned the second step off. */
const onRecord = (tx: Tx, userId: number, action: 'enable_totp' | 'disable_totp' | 'replace_recovery_codes') =>
  logAction(tx, { moderatorId: userId, targetUserId: userId, action });

/**
 * The second login step (auth/totp.ts): the code after the password, and a member's own settings for it. Every
 * change to it tells her in a notification (someone else turning it off is what she must hear of) and is kept in
 * the moderation log; the server log gets her id only.
 */
export function totpRoutes(app: FastifyInstance, opts: { config: Config; throttle: LoginThrottle; authLimit: ReturnType<typeof authRateLimit> }) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const { config, throttle, authLimit } = opts;
  const codeFailures = new AttemptCounter(CODE_FAILURES_MAX, AUTH_WINDOW_MS);
  const tell = (userId: number, kind: string, message: string) => app.db.transaction((tx) => notifyUser(tx, userId, kind, message));

  api.post(
    '/api/auth/login/totp',
    { config: { auth: 'public', rateLimit: authLimit }, schema: { summary: 'Inloggen, tweede stap: de code', tags: ['auth'], body: TotpLoginBody, response: { 200: LoginAnswer } } },
    async (request, reply) => {
      const pending = request.session.totpPending;
      if (!pending || Date.now() - pending.since > TOTP_LOGIN_MS) {
        request.session.totpPending = undefined;
        throw new HttpError(401, 'totp_expired', 'Log opnieuw in met je wachtwoord: de tijd om de code in te vullen is om.');
      }
      const key = `user:${pending.userId}`;
      const blocked = codeFailures.blockedFor(key);
      if (blocked > 0) throw tooManyRequests(blocked, 'Er is te vaak een verkeerde code opgegeven.');
      const body = request.body;
      const recovery = 'recoveryCode' in body;
      const ok = recovery ? await useRecoveryCode(app.db, pending.userId, body.recoveryCode) : await acceptCode(app.db, pending.userId, body.code.replace(/\s/g, ''));
      if (!ok) {
        codeFailures.hit(key);
        const failures = pending.failures + 1;
        request.session.totpPending = failures >= CODES_PER_LOGIN ? undefined : { ...pending, failures };
        request.log.info({ userId: pending.userId, recovery }, 'wrong second-step code');
        throw new HttpError(
          401,
          failures >= CODES_PER_LOGIN ? 'totp_expired' : 'invalid_code',
          failures >= CODES_PER_LOGIN
            ? 'Te vaak een verkeerde code. Log opnieuw in met je wachtwoord.'
            : recovery
              ? 'Deze herstelcode klopt niet of is al gebruikt.'
              : 'Deze code klopt niet. Vul de code in die je app nu toont.',
        );
      }
      const user = await findUserById(app.db, pending.userId);
      if (!user) throw new HttpError(401, 'totp_expired', 'Log opnieuw in met je wachtwoord.');
      // The same as a login with the password alone: a new session id, the absolute lifetime from now.
      await request.session.regenerate();
      startSession(request, user.id);
      throttle.succeeded(reply, { account: pending.account, trustedDevice: pending.trustedDevice });
      request.log.info({ userId: user.id, recovery }, 'logged in with a second step');
      if (recovery) {
        const left = await recoveryCodesLeft(app.db, user.id);
        await tell(user.id, 'recovery_code_used', `Je bent ingelogd met een herstelcode; je hebt er nog ${left}. Was jij dat niet? Verander dan meteen je wachtwoord.`);
      }
      return { user: toUserDto(applyStaffTotpPolicy(user, config.staffTotpRequired), true), csrfToken: reply.generateCsrf({ userInfo: String(user.id) }) };
    },
  );

  api.get('/api/me/totp', { config: { auth: 'member' }, schema: { summary: 'Stand van de tweestapsverificatie', tags: ['auth'], response: { 200: TotpStatus } } }, async (request) => {
    const me = request.user!;
    return {
      enabled: me.totpEnabledAt !== null,
      required: config.staffTotpRequired && (me.awaitingTotpRole !== undefined || me.awaitingTotpTeam === true || isModerator(me) || me.centreTeam),
      recoveryCodesLeft: await recoveryCodesLeft(app.db, me.id),
    };
  });

  api.post('/api/me/totp/setup', { config: { auth: 'member', rateLimit: authLimit }, schema: { summary: 'Tweestapsverificatie: app koppelen', tags: ['auth'], response: { 200: TotpSetup } } }, async (request) => {
    const me = request.user!;
    if (me.totpEnabledAt !== null) throw conflict('totp_enabled', 'Tweestapsverificatie staat al aan. Zet hem eerst uit om een nieuwe app te koppelen.');
    const offered = newSecret(me.email);
    return { ...offered, setupToken: signSetup(config.sessionSecret, me.id, offered.secret) };
  });

  api.post(
    '/api/me/totp/enable',
    { config: { auth: 'member', rateLimit: authLimit }, schema: { summary: 'Tweestapsverificatie aanzetten', tags: ['auth'], body: TotpEnableBody, response: { 200: RecoveryCodeList } } },
    async (request) => {
      const me = request.user!;
      const { secret, setupToken } = request.body;
      if (me.totpEnabledAt !== null) throw conflict('totp_enabled', 'Tweestapsverificatie staat al aan.');
      if (!setupValid(config.sessionSecret, me.id, secret, setupToken)) throw conflict('totp_setup_expired', 'Begin opnieuw: scan de nieuwe QR-code met je app.');
      const step = matchingStep(secret, request.body.code.replace(/\s/g, ''));
      if (step === null) throw badRequest('invalid_code', 'Deze code klopt niet. Vul de code in die je app nu toont.', 'code');
      const codes = await app.db.transaction(async (tx) => {
        const made = await enableTotp(tx, me.id, secret, step);
        await onRecord(tx, me.id, 'enable_totp');
        await notifyUser(tx, me.id, 'totp_enabled', 'Tweestapsverificatie staat aan: je logt voortaan in met je wachtwoord en een code uit je app.');
        return made;
      });
      // Whoever was logged in with the password alone is logged out everywhere; this browser goes on, with a new id.
      await endOtherSessions(app, request, me.id);
      request.log.info({ userId: me.id }, 'second step enabled');
      return { recoveryCodes: codes };
    },
  );

  api.post(
    '/api/me/totp/recovery-codes',
    { config: { auth: 'member', rateLimit: authLimit }, schema: { summary: 'Nieuwe herstelcodes maken', tags: ['auth'], body: PasswordConfirmBody, response: { 200: RecoveryCodeList } } },
    async (request) => {
      const me = request.user!;
      if (me.totpEnabledAt === null) throw conflict('totp_not_enabled', 'Tweestapsverificatie staat niet aan.');
      await app.passwordConfirmer.confirm(me.id, request.body.password, 'password');
      const codes = await app.db.transaction(async (tx) => {
        const made = await replaceRecoveryCodes(tx, me.id);
        await onRecord(tx, me.id, 'replace_recovery_codes');
        await notifyUser(tx, me.id, 'recovery_codes_replaced', 'Je hebt nieuwe herstelcodes gemaakt; de oude werken niet meer.');
        return made;
      });
      request.log.info({ userId: me.id }, 'recovery codes replaced');
      return { recoveryCodes: codes };
    },
  );

  api.post('/api/me/totp/disable', { config: { auth: 'member', rateLimit: authLimit }, schema: { summary: 'Tweestapsverificatie uitzetten', tags: ['auth'], body: PasswordConfirmBody } }, async (request, reply) => {
    const me = request.user!;
    if (me.totpEnabledAt === null) throw conflict('totp_not_enabled', 'Tweestapsverificatie staat niet aan.');
    await app.passwordConfirmer.confirm(me.id, request.body.password, 'password');
    const staff = config.staffTotpRequired && isModerator(me);
    await app.db.transaction(async (tx) => {
      await disableTotp(tx, me.id);
      await onRecord(tx, me.id, 'disable_totp');
      await notifyUser(
        tx,
        me.id,
        'totp_disabled',
        `Tweestapsverificatie staat uit: je logt weer in met alleen je wachtwoord.${staff ? ' Als moderator of beheerder kun je pas weer modereren als je hem opnieuw instelt.' : ''} Was jij dat niet? Verander dan meteen je wachtwoord.`,
      );
    });
    request.log.info({ userId: me.id }, 'second step disabled');
    return reply.code(204).send();
  });
}
