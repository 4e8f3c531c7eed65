import { and, desc, eq, gt, sql } from 'drizzle-orm';
import type { DataExport } from '../../shared/api/privacy.js';
import { queryRows, type Db, type Tx } from '../db/client.js';
import { DrainLoop } from '../db/drain-loop.js';
import { dataExports, users } from '../db/schema.js';
import { conflict, tooManyRequests } from '../http/errors.js';
import { enqueueMail } from '../mail/outbox.js';
import { notifyUser } from '../notifications/notify.js';
import { buildExport } from './export-content.js';

/**
 * "Mijn gegevens downloaden": a request is a pending row; the export worker (a DrainLoop, as every outbox worker)
 * builds the JSON, marks it ready for EXPORT_LIFETIME_MS and tells her (a notification and a mail). Only she can
 * download it (export-routes.ts); the retention round deletes it when it expires.
 */

/** How long a ready export can be downloaded: long enough to get to it after the mail, short enough not to become a copy kept for good. */
export const EXPORT_LIFETIME_MS = 7 * 24 * 3600_000;
/** Requests per member per day: each is a full read of her data. */
export const EXPORTS_PER_DAY = 3;
/** Tries before an export is marked failed (a bug, not a busy database: she can ask again). */
export const EXPORT_MAX_ATTEMPTS = 5;
const POLL_MS = 2_000;
const LEASE_SECONDS = 300;
const BATCH = 5;

export const EXPORT_READY_MESSAGE = 'Je gegevens staan klaar om te downloaden, bij Mijn account. Het bestand blijft 7 dagen bewaard.';

type Row = typeof dataExports.$inferSelect;

export function toExportDto(row: Pick<Row, 'id' | 'status' | 'createdAt' | 'readyAt' | 'expiresAt'>): DataExport {
  return {
    id: row.id,
    status: row.status as DataExport['status'],
    createdAt: row.createdAt.toISOString(),
    readyAt: row.readyAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
  };
}

/** Her exports that still exist, newest first (expired ones are gone with the retention round or hidden until then). */
export async function listExports(db: Db, userId: number, now = new Date()) {
  const rows = await db
    .select()
    .from(dataExports)
    .where(and(eq(dataExports.userId, userId), sql`(${dataExports.expiresAt} is null or ${dataExports.expiresAt} > ${now.toISOString()}::timestamptz)`))
    .orderBy(desc(dataExports.id));
  return rows.map(toExportDto);
}

/** One running at a time, EXPORTS_PER_DAY a day; her users row is locked so two requests at once count as two. */
export async function requestExport(db: Db, userId: number): Promise<DataExport> {
  return db.transaction(async (tx) => {
    await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for('update');
    const running = await tx.$count(dataExports, and(eq(dataExports.userId, userId), eq(dataExports.status, 'pending')));
    if (running > 0) throw conflict('export_running', 'Je gegevens worden al klaargezet. Je krijgt bericht zodra ze klaarstaan.');
    const [oldest] = await queryRows<{ created_at: Date; n: number }>(
      tx,
      sql`select min(created_at) as created_at, count(*)::int as n from data_exports
           where user_id = ${userId} and created_at > now() - make_interval(days => 1)`,
    );
    if (oldest && oldest.n >= EXPORTS_PER_DAY) {
      const waitMs = new Date(oldest.created_at).getTime() + 24 * 3600_000 - Date.now();
      throw tooManyRequests(Math.max(waitMs, 1000), `Je kunt je gegevens ${EXPORTS_PER_DAY} keer per dag opvragen.`);
    }
    const [row] = await tx.insert(dataExports).values({ userId }).returning();
    return toExportDto(row!);
  });
}

/** The file of a ready export of hers, or null (not hers, not ready, expired: the same answer). */
export async function readyExport(db: Db, userId: number, id: number, now = new Date()): Promise<{ content: string; readyAt: Date } | null> {
  const [row] = await db
    .select({ content: dataExports.content, readyAt: dataExports.readyAt })
    .from(dataExports)
    .where(and(eq(dataExports.id, id), eq(dataExports.userId, userId), eq(dataExports.status, 'ready'), gt(dataExports.expiresAt, now)));
  return row?.content && row.readyAt ? { content: row.content, readyAt: row.readyAt } : null;
}

async function markReady(tx: Tx, row: { id: number; user_id: number }, content: string, now: Date): Promise<void> {
  const expiresAt = new Date(now.getTime() + EXPORT_LIFETIME_MS);
  await tx
    .update(dataExports)
    .set({ status: 'ready', content, readyAt: now, expiresAt })
    .where(and(eq(dataExports.id, row.id), eq(dataExports.status, 'pending')));
  await notifyUser(tx, row.user_id, 'data_export_ready', EXPORT_READY_MESSAGE);
  await enqueueMail(tx, { userId: row.user_id, kind: 'data_export_ready', data: { exportId: row.id } });
}

export interface ExportLog {
  warn(obj: object, msg: string): void;
}

/** Builds pending exports; several processes can run it side by side (rows are leased, as in db/outbox-lease.ts). */
export class ExportWorker {
  private readonly loop: DrainLoop<number>;

  constructor(
    private readonly db: Db,
    private readonly log: ExportLog,
  ) {
    this.loop = new DrainLoop((now) => this.run(now ?? new Date()), POLL_MS, (err) => this.log.warn({ err }, 'export worker failed'));
  }

  start(): void {
    this.loop.start();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** Builds every due export now; answers how many became ready. */
  drain(now?: Date): Promise<number> {
    return this.loop.drain(now);
  }

  private async run(now: Date): Promise<number> {
    let done = 0;
    while (!this.loop.closing) {
      const rows = await queryRows<{ id: number; user_id: number; attempts: number }>(
        this.db,
        sql`update data_exports set next_attempt_at = ${now.toISOString()}::timestamptz + make_interval(secs => ${LEASE_SECONDS})
             where id in (select id from data_exports where status = 'pending' and next_attempt_at <= ${now.toISOString()}::timestamptz
                           order by id limit ${BATCH} for update skip locked)
         returning id, user_id, attempts`,
      );
      if (rows.length === 0) break;
      for (const row of rows) {
        try {
          const data = await buildExport(this.db, row.user_id, now);
          // Her account went meanwhile: the row went with it (ON DELETE CASCADE).
          if (data) await this.db.transaction((tx) => markReady(tx, row, JSON.stringify(data, null, 2), now));
          done++;
        } catch (err) {
          const attempts = row.attempts + 1;
          this.log.warn({ err, exportId: row.id, attempts }, 'export not built; retrying later');
          await this.db
            .update(dataExports)
            .set(
              attempts >= EXPORT_MAX_ATTEMPTS
                ? { status: 'failed', attempts }
                : { attempts, nextAttemptAt: new Date(now.getTime() + 30_000 * 2 ** attempts) },
            )
            .where(eq(dataExports.id, row.id));
        }
      }
    }
    return done;
  }
}
