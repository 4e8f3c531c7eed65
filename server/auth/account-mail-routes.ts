import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import {
  ConfirmEmailAnswer,
  ConfirmEmailBody,
  PasswordResetBody,
  PasswordResetConfirmBody,
  RegisterAnswer,
} from '../../shared/api/users.js';
import type { UserStatus } from '../../shared/constants.js';
import type { Config } from '../config.js';
import { badRequest } from '../http/errors.js';
import { authRateLimit } from './client-address.js';
import { confirmEmail } from './email-confirmation.js';
import { AddressMailLimit } from './mail-limit.js';
import { requestPasswordReset, resetPassword } from './password-reset.js';
import { assertAcceptablePassword } from './password-policy.js';
import { hashPassword } from './passwords.js';

const invalidToken = () =>
  badRequest('invalid_token', 'Deze link werkt niet (meer): hij is al gebruikt, verlopen of niet volledig overgenomen. Vraag zo nodig een nieuwe aan.', 'token');

/**
 * The links mailed to guests: "wachtwoord vergeten" (request and set a new password) and following the link that
 * confirms a registration's address. Limited per client address like the other routes that take a password, and
 * the reset request also per e-mail address (mail-limit.ts).
 */
export default async function accountMailRoutes(app: FastifyInstance, opts: { config: Config }) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const authLimit = authRateLimit(opts.config.rateLimit.authMax);
  const resetMails = new AddressMailLimit(opts.config.sessionSecret, 'reset');

  /**
   * 202 and the same body whatever the address: an account on this forum reveals a political affiliation.
   * Known and unknown addresses take the same path up to one lookup; only a known one then writes its token and
   * its mail (a few milliseconds in the same transaction, nothing slow such as hashing or sending).
   */
  api.post(
    '/api/auth/password-reset',
    { config: { auth: 'public', rateLimit: authLimit }, schema: { summary: 'Herstellink voor het wachtwoord aanvragen', tags: ['auth'], body: PasswordResetBody, response: { 202: RegisterAnswer } } },
    async (request, reply) => {
      const email = request.body.email.trim().toLowerCase();
      if (resetMails.allow(email)) await requestPasswordReset(app.db, email);
      return reply.code(202).send({ status: 'received' as const });
    },
  );

  api.post(
    '/api/auth/password-reset/confirm',
    { config: { auth: 'public', rateLimit: authLimit }, schema: { summary: 'Nieuw wachtwoord instellen met de herstellink', tags: ['auth'], body: PasswordResetConfirmBody, response: { 204: Type.Null() } } },
    async (request, reply) => {
      assertAcceptablePassword(request.body.password, 'password');
      const userId = await resetPassword(app.db, request.body.token, await hashPassword(request.body.password));
      if (userId === null) throw invalidToken();
      // After commit: her open sockets close too (the live concern listens).
      app.authEvents.emit('revoked', { userId });
      return reply.code(204).send(null);
    },
  );

  api.post(
    '/api/auth/confirm-email',
    { config: { auth: 'public', rateLimit: authLimit }, schema: { summary: 'E-mailadres bevestigen', tags: ['auth'], body: ConfirmEmailBody, response: { 200: ConfirmEmailAnswer } } },
    async (request) => {
      const status = await confirmEmail(app.db, request.body.token);
      if (status === null) throw invalidToken();
      return { status: status as UserStatus };
    },
  );
}
