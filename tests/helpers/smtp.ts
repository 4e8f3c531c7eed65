import { EventEmitter } from 'node:events';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server for tests (smtp-server on 127.0.0.1, a free port, no TLS, no login) that keeps every message it
 * accepted, parsed with mailparser. A message is parsed before the server answers 250, so once the app's transport
 * has resolved, the message is in `messages`.
 */
export interface TestSmtp {
  /** smtp://127.0.0.1:<port>, for SMTP_URL. */
  url: string;
  port: number;
  /** Every accepted message, in order. */
  messages: ParsedMail[];
  /** The envelope recipients of each message, in the same order. */
  recipients: string[][];
  /** Stops the server (refusing new connections) right after it has accepted `count` more messages. */
  stopAfter(count: number): void;
  /** Resolves once at least `count` messages have arrived in total. */
  waitFor(count: number): Promise<void>;
  stop(): Promise<void>;
  /** Starts again on the same port, keeping the messages received so far. */
  restart(): Promise<void>;
}

export async function startSmtp(): Promise<TestSmtp> {
  const messages: ParsedMail[] = [];
  const recipients: string[][] = [];
  const arrived = new EventEmitter();
  let stopAt: number | null = null;
  let server: SMTPServer | null = null;
  let port = 0;

  const stop = () =>
    new Promise<void>((resolve) => {
      const current = server;
      server = null;
      if (!current) return resolve();
      current.close(() => resolve());
    });

  const listen = async () => {
    const created = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      // A stopped server must not wait 30 s for connections that are between commands.
      closeTimeout: 100,
      onData(stream, session, callback) {
        simpleParser(stream)
          .then((mail) => {
            messages.push(mail);
            recipients.push(session.envelope.rcptTo.map((r) => r.address));
            callback();
            arrived.emit('message');
            if (stopAt !== null && messages.length >= stopAt) {
              stopAt = null;
              void stop();
            }
          })
          .catch((err: Error) => callback(err));
      },
    });
    await new Promise<void>((resolve, reject) => {
      created.server.once('error', reject);
      created.listen(port, '127.0.0.1', () => resolve());
    });
    port = (created.server.address() as AddressInfo).port;
    server = created;
  };

  await listen();
  return {
    get url() {
      return `smtp://127.0.0.1:${port}`;
    },
    get port() {
      return port;
    },
    messages,
    recipients,
    stopAfter(count) {
      stopAt = messages.length + count;
    },
    waitFor(count) {
      return new Promise((resolve) => {
        const check = () => {
          if (messages.length < count) return;
          arrived.off('message', check);
          resolve();
        };
        arrived.on('message', check);
        check();
      });
    },
    stop,
    restart: listen,
  };
}
