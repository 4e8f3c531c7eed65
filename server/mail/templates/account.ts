import { and, eq, isNull, sql } from 'drizzle-orm';
import { TOKEN_LIFETIME_MS, hashAccountToken, type AccountTokenPurpose } from '../../auth/account-tokens.js';
import { accountTokens, users } from '../../db/schema.js';
import type { Config } from '../../config.js';
import { mailLayout } from '../layout.js';
import type { MailTemplate, TemplateContext } from '../types.js';

/**
 * Account mail: always sent, no unsubscribe. Each template is made at send time from the account as it is then,
 * and drops the mail (null) when it no longer fits: a link that was replaced or used meanwhile, a suspension
 * already lifted, an address confirmed in the meantime.
 */

const dateNl = (d: Date) => d.toLocaleDateString('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' });
const hours = (purpose: AccountTokenPurpose) => TOKEN_LIFETIME_MS[purpose] / 3600_000;
/** The closing line of a decision's mail, with the centre's address when one is configured (CONTACT_EMAIL, CONTACT_URL). */
function contactLine({ email, url }: Config['contact']): string {
  const ask = 'Heb je vragen, of denk je dat dit niet klopt? Neem dan contact op met het kenniscentrum voor lokale politieke partijen';
  const where = [email && `mail naar ${email}`, url && `kijk op ${url}`].filter(Boolean).join(' of ');
  return where ? `${ask}: ${where}.` : `${ask}.`;
}

/** The token of the mail's link, if it still works; otherwise the mail is not worth sending. */
async function liveToken(context: TemplateContext, purpose: AccountTokenPurpose): Promise<string | null> {
  const token = context.data.token;
  if (typeof token !== 'string') return null;
  const [row] = await context.db
    .select({ userId: accountTokens.userId })
    .from(accountTokens)
    .where(
      and(
        eq(accountTokens.tokenHash, hashAccountToken(token)),
        eq(accountTokens.purpose, purpose),
        eq(accountTokens.userId, context.user.id),
        isNull(accountTokens.usedAt),
        sql`${accountTokens.expiresAt} > now()`,
      ),
    );
  return row ? token : null;
}

const passwordReset: MailTemplate = async (context) => {
  const token = await liveToken(context, 'password_reset');
  if (!token) return null;
  return mailLayout(context, {
    subject: 'Een nieuw wachtwoord kiezen voor Plein',
    blocks: [
      'Iemand heeft gevraagd om een nieuw wachtwoord voor je account op Plein. Was jij dat? Kies dan met de knop hieronder een nieuw wachtwoord.',
      { action: { label: 'Nieuw wachtwoord kiezen', url: context.url(`/wachtwoord-herstellen?token=${token}`) } },
      `De link werkt ${hours('password_reset')} uur en één keer. Als je een nieuw wachtwoord kiest, word je overal uitgelogd.`,
      'Heb je niets gevraagd? Dan kun je deze mail negeren: je wachtwoord blijft zoals het was.',
    ],
  });
};

/** Names the registration's details, so the owner of the address sees what she confirms (someone else may have typed her address). */
const emailConfirm: MailTemplate = async (context) => {
  const token = await liveToken(context, 'email_confirm');
  if (!token) return null;
  const [user] = await context.db
    .select({ party: users.party, municipality: users.municipality, confirmedAt: users.emailConfirmedAt })
    .from(users)
    .where(eq(users.id, context.user.id));
  if (!user || user.confirmedAt) return null;
  return mailLayout(context, {
    subject: 'Bevestig je e-mailadres voor Plein',
    blocks: [
      'Bedankt voor je aanmelding bij Plein, het ledenforum voor lokale politieke partijen. Bevestig met de knop hieronder dat dit je e-mailadres is. Daarna bekijkt een moderator je aanmelding.',
      { list: [{ text: `Naam: ${context.user.displayName}` }, { text: `Partij: ${user.party}` }, { text: `Gemeente: ${user.municipality}` }] },
      { action: { label: 'E-mailadres bevestigen', url: context.url(`/bevestigen?token=${token}`) } },
      `De link werkt ${hours('email_confirm')} uur. Heb je je niet aangemeld, of kloppen deze gegevens niet? Klik dan niet op de link; de aanmelding verdwijnt vanzelf.`,
    ],
  });
};

const accountExists: MailTemplate = async (context) =>
  mailLayout(context, {
    subject: 'Je hebt al een account op Plein',
    blocks: [
      'Iemand (waarschijnlijk jij) probeerde zich met dit e-mailadres aan te melden bij Plein. Je hebt al een account, dus er is niets veranderd.',
      'Weet je je wachtwoord niet meer? Vraag dan een nieuw wachtwoord aan.',
      { action: { label: 'Nieuw wachtwoord aanvragen', url: context.url('/wachtwoord-vergeten') } },
      'Was jij het niet? Dan kun je deze mail negeren.',
    ],
  });

const accountApproved: MailTemplate = async (context) => {
  if (context.user.status !== 'active' && context.user.status !== 'suspended') return null;
  return mailLayout(context, {
    subject: 'Je account op Plein is goedgekeurd',
    blocks: [
      'Goed nieuws: een moderator heeft je aanmelding goedgekeurd. Welkom op Plein! Je kunt nu meelezen en meepraten met andere lokale partijen.',
      { action: { label: 'Naar het forum', url: context.url('/forum') } },
    ],
  });
};

const accountRejected: MailTemplate = async (context) => {
  if (context.user.status !== 'rejected') return null;
  const reason = typeof context.data.reason === 'string' ? context.data.reason : null;
  return mailLayout(context, {
    subject: 'Je aanmelding bij Plein is afgewezen',
    blocks: [
      'Een moderator heeft je aanmelding bij Plein bekeken en afgewezen.',
      ...(reason ? [{ heading: 'Reden' }, reason] : []),
      contactLine(context.config.contact),
    ],
  });
};

const accountSuspended: MailTemplate = async (context) => {
  // Lifted (or ended) before this mail went out: there is nothing left to tell.
  if (context.user.status !== 'suspended') return null;
  const reason = typeof context.data.reason === 'string' ? context.data.reason : null;
  const until = typeof context.data.suspendedUntil === 'string' ? new Date(context.data.suspendedUntil) : null;
  return mailLayout(context, {
    subject: 'Je account op Plein is geschorst',
    blocks: [
      until
        ? `Een moderator heeft je account geschorst tot ${dateNl(until)}. Daarna kun je vanzelf weer meedoen.`
        : 'Een moderator heeft je account geschorst, voor onbepaalde tijd.',
      ...(reason ? [{ heading: 'Reden' }, reason] : []),
      'Zolang de schorsing loopt, kun je wel inloggen om dit te lezen, maar niet meedoen op het forum.',
      contactLine(context.config.contact),
    ],
  });
};

const suspensionLifted: MailTemplate = async (context) => {
  if (context.user.status !== 'active') return null;
  return mailLayout(context, {
    subject: 'Je schorsing op Plein is opgeheven',
    blocks: [
      'Een moderator heeft je schorsing opgeheven. Je kunt weer meedoen op Plein.',
      { action: { label: 'Naar het forum', url: context.url('/forum') } },
    ],
  });
};

/** Keyed by mail_outbox.kind. */
export const accountTemplates: Record<string, MailTemplate> = {
  password_reset: passwordReset,
  email_confirm: emailConfirm,
  account_exists: accountExists,
  account_approved: accountApproved,
  account_rejected: accountRejected,
  account_suspended: accountSuspended,
  suspension_lifted: suspensionLifted,
};
