import type { FastifyBaseLogger } from 'fastify';
import pg from 'pg';
import type { Database } from '../db/client.js';
import { FORUM_CHANNEL, USER_CHANNEL } from './notify.js';

export interface BusHandlers {
  message(channel: string, payload: string): void;
  /** The LISTEN connection came back after a loss: anything published meanwhile was missed. */
  reconnected(): void;
}

export interface LiveBus {
  close(): Promise<void>;
}

const CHANNELS = [FORUM_CHANNEL, USER_CHANNEL];

/** Starts listening: in-process on PGlite, on a dedicated connection on a real server. Resolves once listening. */
export async function startBus(database: Database, handlers: BusHandlers, log: FastifyBaseLogger): Promise<LiveBus> {
  if (database.pglite) {
    const pglite = database.pglite;
    const stops = await Promise.all(CHANNELS.map((channel) => pglite.listen(channel, (payload) => handlers.message(channel, payload))));
    return {
      async close() {
        // PGlite may already be closed by the owner of the database; nothing is left to stop then.
        if (!pglite.closed) await Promise.all(stops.map((stop) => stop().catch(() => {})));
      },
    };
  }
  if (!database.connectionString) throw new Error('live: no database connection string to LISTEN on');
  const listener = new PgListener(database.connectionString, handlers, log);
  await listener.start();
  return listener;
}

/**
 * One pg.Client per process, outside the pool (a pooled connection would be handed to queries and its LISTEN lost).
 * On any error or end it reconnects with exponential backoff and jitter, then reports `reconnected`.
 */
export class PgListener implements LiveBus {
  private client: pg.Client | null = null;
  private closed = false;
  private attempt = 0;
  private timer: NodeJS.Timeout | null = null;
  /** How many times a connection started listening (the first one, then each reconnect). */
  connections = 0;

  constructor(
    private readonly connectionString: string,
    private readonly handlers: BusHandlers,
    private readonly log: FastifyBaseLogger,
  ) {}

  async start(): Promise<void> {
    try {
      await this.connect();
    } catch (error) {
      // The server still starts (HTTP works); live updates follow once the database answers.
      this.log.warn({ err: error }, 'live: LISTEN connection failed, retrying');
      this.scheduleReconnect();
    }
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString, connectionTimeoutMillis: 5000, keepAlive: true });
    let lost = false;
    const onLost = (error?: Error) => {
      if (lost) return;
      lost = true;
      if (this.client === client) this.client = null;
      client.end().catch(() => {});
      if (this.closed) return;
      this.log.warn({ err: error }, 'live: LISTEN connection lost, reconnecting');
      this.scheduleReconnect();
    };
    client.on('error', onLost);
    client.on('end', () => onLost());
    client.on('notification', (n) => {
      if (n.payload !== undefined) this.handlers.message(n.channel, n.payload);
    });
    try {
      await client.connect();
      for (const channel of CHANNELS) await client.query(`LISTEN ${channel}`);
    } catch (error) {
      lost = true;
      client.end().catch(() => {});
      throw error;
    }
    if (this.closed) {
      lost = true;
      await client.end().catch(() => {});
      return;
    }
    this.client = client;
    this.attempt = 0;
    const wasConnected = this.connections > 0;
    this.connections++;
    if (wasConnected) {
      this.log.info('live: LISTEN connection restored; asking clients to catch up');
      this.handlers.reconnected();
    }
  }

  private scheduleReconnect(): void {
    if (this.closed || this.timer) return;
    const base = Math.min(10_000, 250 * 2 ** this.attempt++);
    const delay = base / 2 + Math.random() * (base / 2);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.connect().catch((error: unknown) => {
        this.log.warn({ err: error }, 'live: LISTEN reconnect failed');
        this.scheduleReconnect();
      });
    }, delay);
    this.timer.unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    const client = this.client;
    this.client = null;
    if (client) await client.end().catch(() => {});
  }
}
