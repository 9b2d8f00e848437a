// The embedded database: PGlite (WASM Postgres) in a data folder, reached through postgres.js's
// `socket` option by an in-process duplex that feeds PGlite's raw wire-protocol stream.
import { Duplex } from 'node:stream';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';

/** Thrown when another live process holds the embedded store. */
export class StoreLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
    readonly holder: string,
  ) {
    super(
      `The embedded database in ${dataDir} is in use by process ${pid} (${holder}). ` +
        `Stop that process first, or set DATABASE_URL to use a Postgres server that many processes can share.`,
    );
    this.name = 'StoreLockedError';
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the one-process lock on a data folder, or throws StoreLockedError naming the holder.
 * A lock left by a process that died (kill -9) is taken over.
 * @example const release = lockDataDir('./data', 'server'); … release();
 */
export function lockDataDir(dataDir: string, holder: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockPath = join(dataDir, 'peakline.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, JSON.stringify({ pid: process.pid, holder, since: new Date().toISOString() }));
      closeSync(fd);
      let released = false;
      return function releaseLock() {
        if (released) return;
        released = true;
        rmSync(lockPath, { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let info: { pid?: number; holder?: string } = {};
      try {
        info = JSON.parse(readFileSync(lockPath, 'utf8')) as typeof info;
      } catch {
        // unreadable lock: treat as stale
      }
      if (info.pid && info.pid !== process.pid && processAlive(info.pid)) {
        throw new StoreLockedError(dataDir, info.pid, info.holder ?? 'unknown');
      }
      rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`could not lock ${dataDir}`);
}

/**
 * Makes a `socket` factory for postgres.js that speaks to one PGlite instance. Complete frontend
 * messages are forwarded in order; PGlite answers the startup packet itself. PGlite is a single
 * session, so the postgres.js client must use `max: 1`.
 */
export function pgliteSocketFactory(db: PGlite): () => Duplex {
  return function createPgliteSocket() {
    let pending: Buffer = Buffer.alloc(0);
    let startupSeen = false;
    let chain: Promise<void> = Promise.resolve();
    const socket = new Duplex({
      read() {},
      write(chunk: Buffer, _encoding, callback) {
        pending = pending.length ? Buffer.concat([pending, chunk]) : Buffer.from(chunk);
        let end = 0;
        for (;;) {
          if (!startupSeen) {
            if (pending.length - end < 4) break;
            const length = pending.readInt32BE(end);
            if (pending.length - end < length) break;
            end += length;
            startupSeen = true;
            continue;
          }
          if (pending.length - end < 5) break;
          const length = pending.readInt32BE(end + 1) + 1;
          if (pending.length - end < length) break;
          end += length;
        }
        if (end === 0) return callback();
        const messages = new Uint8Array(pending.subarray(0, end));
        pending = pending.subarray(end);
        const isTerminate = messages.length === 5 && messages[0] === 0x58; // 'X'
        chain = chain.then(async () => {
          if (isTerminate) {
            socket.push(null);
            return;
          }
          try {
            const reply = await db.execProtocolRaw(messages);
            if (reply.length) socket.push(Buffer.from(reply));
          } catch (err) {
            socket.destroy(err as Error);
          }
        });
        callback();
      },
      final(callback) {
        chain.then(() => callback(), callback);
      },
    });
    return socket;
  };
}

/** Opens (creating if needed) a PGlite store; `dataDir` undefined means in memory. */
export async function openPglite(dataDir?: string): Promise<PGlite> {
  return PGlite.create(dataDir ? { dataDir } : {});
}
