import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import { makeUser } from '../../server/dev/factories.js';
import { enqueueMail } from '../../server/mail/outbox.js';
import { buildTestApp, testConfig, type TestApp } from '../helpers/app.js';
import { captureStream } from '../helpers/log-capture.js';
import { addTestTemplates } from './test-templates.js';

addTestTemplates();

/** Without SMTP_URL (the embedded default) every mail becomes an .eml file in DATA_DIR/mail, and the log says where. */
let t: TestApp;
let app: FastifyInstance;
let dataDir: string;
const logLines: string[] = [];
beforeAll(async () => {
  t = await buildTestApp();
  dataDir = await mkdtemp(join(tmpdir(), 'plein-mail-'));
  const config = testConfig({ DATA_DIR: dataDir, SESSION_SECRET: t.config.sessionSecret });
  app = await buildApp({ config, database: t.database, logger: { level: 'info', stream: captureStream(logLines) }, mailWorker: false, searchWorker: false });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await t.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('mail without SMTP', () => {
  it('writes each mail as an .eml file under DATA_DIR/mail and logs the path, never the address', async () => {
    const user = await makeUser(t.db, { email: 'geheim.adres@example.nl' });
    await enqueueMail(t.db, { userId: user.id, kind: 'test_account', data: { n: 7 } });
    await enqueueMail(t.db, { userId: user.id, kind: 'test_notice' });

    expect(await app.mail.drain()).toEqual({ sent: 2, dropped: 0, failed: 0 });
    const files = (await readdir(join(dataDir, 'mail'))).sort();
    expect(files).toHaveLength(2);
    expect(files.every((f) => /^\d{4}-\d\d-\d\dT[\d-]+Z-\d+\.eml$/.test(f))).toBe(true);

    const mails = await Promise.all(files.map(async (f) => simpleParser(await readFile(join(dataDir, 'mail', f)))));
    const account = mails.find((m) => m.subject === 'Testbericht 7')!;
    expect(account.to && !Array.isArray(account.to) ? account.to.value[0]?.address : null).toBe('geheim.adres@example.nl');
    expect(account.text).toContain('http://localhost:3000/forum');
    expect(account.html).toContain('<html lang="nl">');
    const notice = mails.find((m) => m.subject === 'Nieuwe reacties')!;
    expect(notice.headerLines.some((h) => h.key === 'list-unsubscribe-post')).toBe(true);

    const written = logLines.filter((line) => line.includes('mail: written to a file'));
    expect(written).toHaveLength(2);
    for (const file of files) expect(written.some((line) => line.includes(join(dataDir, 'mail', file)))).toBe(true);
    expect(logLines.join('\n')).not.toContain('geheim.adres');
  });

  it('drops mail of a kind without a template, and says so once per kind', async () => {
    const user = await makeUser(t.db);
    for (let i = 0; i < 3; i++) await enqueueMail(t.db, { userId: user.id, kind: 'kind_from_an_old_version' });
    expect(await app.mail.drain()).toEqual({ sent: 0, dropped: 3, failed: 0 });
    await enqueueMail(t.db, { userId: user.id, kind: 'kind_from_an_old_version' });
    expect(await app.mail.drain()).toEqual({ sent: 0, dropped: 1, failed: 0 });
    expect(logLines.filter((line) => line.includes('no template for this kind'))).toHaveLength(1);
  });
});
