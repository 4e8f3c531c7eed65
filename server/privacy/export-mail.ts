import { and, eq, gt, sql } from 'drizzle-orm';
import { dataExports } from '../db/schema.js';
import { mailLayout } from '../mail/layout.js';
import type { MailTemplate } from '../mail/types.js';

/**
 * "Je gegevens staan klaar": made at send time, and dropped when the export is no longer there to download (expired,
 * or her account deleted). The mail carries no data and no link that works without logging in.
 */
const exportReady: MailTemplate = async (context) => {
  const id = context.data.exportId;
  if (typeof id !== 'number') return null;
  const [row] = await context.db
    .select({ id: dataExports.id })
    .from(dataExports)
    .where(and(eq(dataExports.id, id), eq(dataExports.userId, context.user.id), eq(dataExports.status, 'ready'), gt(dataExports.expiresAt, sql`now()`)));
  if (!row) return null;
  return mailLayout(context, {
    subject: 'Je gegevens van Plein staan klaar',
    blocks: [
      'Je hebt gevraagd om alles wat Plein over je bewaart. Het bestand staat klaar bij Mijn account; log in om het te downloaden.',
      { action: { label: 'Naar je profiel', url: context.url('/profiel') } },
      'Het bestand blijft 7 dagen bewaard en wordt daarna verwijderd. Heb jij dit niet gevraagd? Verander dan meteen je wachtwoord.',
    ],
  });
};

/** Keyed by mail_outbox.kind. */
export const privacyTemplates: Record<string, MailTemplate> = { data_export_ready: exportReady };
