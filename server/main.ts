import { ConfigError, loadConfig, type Config } from './config.js';
import { DatabaseLockedError } from './ops/database-lock.js';
import { prepare, stop, type Prepared } from './start.js';

function loginHint(login: Prepared['login']): string {
  if (!login) return 'Log in met een beheerdersaccount (ADMIN_EMAIL en ADMIN_PASSWORD maken er een aan).';
  if (login.password === null) return `Log in als beheerder: ${login.email} met het wachtwoord uit ADMIN_PASSWORD.`;
  return `Log in als beheerder: ${login.email} / ${login.password}  (lokaal aangemaakt; zet ADMIN_EMAIL en ADMIN_PASSWORD voor een eigen account)`;
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Configuratiefout in ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  const prepared = await prepare(config);
  const { app, login } = prepared;

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000).unref();
    try {
      await stop(prepared);
    } finally {
      clearTimeout(force);
    }
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  const address = await app.listen({ port: config.port, host: config.host });
  const db = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `ingebouwde PostgreSQL (PGlite) in ${config.dataDir}/pglite`;
  const search = config.meiliUrl ? `Meilisearch op ${config.meiliUrl}` : 'PostgreSQL full-text search';
  // Never the SMTP URL itself: it may carry a password.
  const mail = config.mail.smtpUrl ? `via SMTP (SMTP_URL), afzender ${config.mail.from}` : `als .eml-bestanden in ${config.mail.dir} (zet SMTP_URL om echt te versturen)`;
  console.info(`\nPlein draait op ${address.replace('127.0.0.1', 'localhost')}\n  database: ${db}\n  zoeken:   ${search}\n  e-mail:   ${mail}\n  ${loginHint(login)}\n`);
}

main().catch((error: unknown) => {
  // Another process holding the embedded database is an operator's situation, not a bug: its message, no stack.
  if (error instanceof DatabaseLockedError) console.error(`Plein kon niet starten. ${error.message}`);
  else console.error('Plein kon niet starten:', error);
  process.exit(1);
});
