import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { ErrorBody } from '../../shared/api/common.js';
import { NotificationSettings, NotificationSettingsPatch } from '../../shared/api/notifications.js';
import { users } from '../db/schema.js';
import { badRequest } from '../http/errors.js';
import { mailPreferencesOf } from './mail-preferences.js';

const toSettings = (row: { autoWatch: boolean; mailPreferences: unknown }): NotificationSettings => ({
  autoWatch: row.autoWatch,
  mail: mailPreferencesOf(row.mailPreferences),
});

/**
 * Her own notification settings: whether writing in a thread makes her follow it, and per mail kind how often she
 * is mailed (direct / daily / weekly / never). Members only: a pending or suspended account is mailed nothing
 * of the forum, so it has nothing to set. A PUT changes only what it names; the rest stays as it was.
 */
export default async function settingsRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get(
    '/api/me/notification-settings',
    { config: { auth: 'member' }, schema: { summary: 'Instellingen voor meldingen en e-mail', tags: ['notifications'], response: { 200: NotificationSettings } } },
    async (request) => {
      const [row] = await app.db
        .select({ autoWatch: users.autoWatch, mailPreferences: users.mailPreferences })
        .from(users)
        .where(eq(users.id, request.user!.id));
      return toSettings(row ?? request.user!);
    },
  );

  api.put(
    '/api/me/notification-settings',
    { config: { auth: 'member' }, schema: { summary: 'Instellingen voor meldingen en e-mail wijzigen', tags: ['notifications'], body: NotificationSettingsPatch, response: { 200: NotificationSettings, 400: ErrorBody } } },
    async (request) => {
      const { autoWatch, mail } = request.body;
      // Unknown fields are stripped before the handler runs, so "something to change" is checked here.
      const mailChanges = Object.fromEntries(Object.entries(mail ?? {}).filter(([, frequency]) => frequency !== undefined));
      if (autoWatch === undefined && Object.keys(mailChanges).length === 0) {
        throw badRequest('nothing_to_change', 'Geef minstens één instelling om te wijzigen.');
      }
      // One statement: the chosen kinds are merged into what she chose before (jsonb ||), so two tabs changing
      // different kinds do not undo each other.
      const [row] = await app.db
        .update(users)
        .set({
          ...(autoWatch !== undefined ? { autoWatch } : {}),
          ...(Object.keys(mailChanges).length > 0 ? { mailPreferences: sql`${users.mailPreferences} || ${JSON.stringify(mailChanges)}::jsonb` } : {}),
        })
        .where(eq(users.id, request.user!.id))
        .returning({ autoWatch: users.autoWatch, mailPreferences: users.mailPreferences });
      return toSettings(row ?? request.user!);
    },
  );
}
