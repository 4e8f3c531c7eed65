import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The embedded database (PGlite) is a folder that one process at a time may open: a second one (`npm run seed`
 * beside `npm start`) writes its own view of the same files, reports success, and leaves the folder inconsistent.
 * PGlite takes no lock of its own, so every opener takes this one first (db/client.ts): a file beside the folder
 * holding the pid of the process that has it. A lock whose process is gone (a crash, `kill -9`, a container that
 * restarted) is taken over; a live one makes the second opener stop before it touches anything.
 */

interface LockContent {
  pid: number;
  /** What holds it, for the message: "de server", "npm run seed". */
  holder: string;
  since: string;
}

export class DatabaseLockedError extends Error {
  constructor(
    readonly lockFile: string,
    readonly held: LockContent,
  ) {
    super(
      `De ingebouwde database is in gebruik door ${held.holder} (proces ${held.pid}, sinds ${held.since}). ` +
        'Er mag maar één programma tegelijk bij: stop eerst de server (Ctrl+C, of bijvoorbeeld systemctl stop plein / docker compose stop plein) en probeer het dan opnieuw. ' +
        `Draait er zeker niets meer? Verwijder dan ${lockFile}.`,
    );
    this.name = 'DatabaseLockedError';
  }
}

export interface DatabaseLock {
  readonly file: string;
  release(): void;
}

/** Locks this process holds: its own pid in a lock file means a lock left by an earlier life only when not listed here. */
const heldHere = new Set<string>();

/** The lock file of an embedded database folder: beside it, so restoring a backup can replace the folder under it. */
export const lockFileFor = (pgliteDir: string): string => `${pgliteDir.replace(/\/+$/, '')}.lock`;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else, which still holds the folder.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(file: string): LockContent | null {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockContent>;
    if (typeof parsed.pid !== 'number') return null;
    return { pid: parsed.pid, holder: String(parsed.holder ?? 'een ander programma'), since: String(parsed.since ?? '?') };
  } catch {
    // Unreadable or half-written (a crash between create and write): nobody can be shown to hold it.
    return null;
  }
}

function removeIfGone(file: string): void {
  try {
    unlinkSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/** Creates the lock file only if there is none ('wx'): of two processes racing for it, exactly one succeeds. */
function tryCreate(file: string, content: LockContent): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, JSON.stringify(content));
  } finally {
    closeSync(fd);
  }
  return true;
}

/** Takes the lock of `pgliteDir` for this process, or throws DatabaseLockedError naming who has it. */
export function acquireDatabaseLock(pgliteDir: string, holder: string): DatabaseLock {
  const file = lockFileFor(pgliteDir);
  if (heldHere.has(file)) throw new DatabaseLockedError(file, readLock(file) ?? { pid: process.pid, holder, since: '?' });
  mkdirSync(dirname(file), { recursive: true });
  const content: LockContent = { pid: process.pid, holder, since: new Date().toISOString() };
  // Twice at most: once as things are, once after clearing a stale lock (another process may clear it at the same time).
  for (let attempt = 0; attempt < 2; attempt++) {
    if (tryCreate(file, content)) return hold(file);
    const existing = readLock(file);
    const stale = existing === null || (existing.pid === process.pid ? !heldHere.has(file) : !alive(existing.pid));
    if (!stale) throw new DatabaseLockedError(file, existing);
    removeIfGone(file);
  }
  throw new DatabaseLockedError(file, readLock(file) ?? { pid: 0, holder: 'een ander programma', since: '?' });
}

function hold(file: string): DatabaseLock {
  heldHere.add(file);
  // A process that exits without closing the database (process.exit after an error) still gives the lock back.
  const onExit = () => release();
  process.on('exit', onExit);
  let released = false;
  function release(): void {
    if (released) return;
    released = true;
    process.off('exit', onExit);
    heldHere.delete(file);
    // Only our own file: never one another process wrote after taking over.
    if (readLock(file)?.pid === process.pid) removeIfGone(file);
  }
  return { file, release };
}
