// Opens the same database the server uses (DATABASE_URL or the embedded store in DATA_DIR) for a
// CLI command, migrated; a store held by a running server is reported plainly.
import { loadConfig } from '../config.ts';
import { openDatabase, type Database } from '../db/index.ts';
import { StoreLockedError } from '../db/embedded.ts';
import { migrate } from '../db/migrate.ts';
import { seedDemo } from '../demo/seed.ts';

/** Thrown for command-line mistakes; the dispatcher prints the message and exits 2. */
export class UsageError extends Error {}

/** Runs `fn` with the configured database open, closing it afterwards. */
export async function withDatabase<T>(fn: (db: Database) => Promise<T>, options: { migrate?: boolean; seed?: boolean } = {}): Promise<T> {
  const config = loadConfig();
  let db: Database;
  try {
    db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, holder: `cli pid ${process.pid}`, max: 2 });
  } catch (err) {
    if (err instanceof StoreLockedError) throw new Error(err.message);
    throw err;
  }
  try {
    if (options.migrate !== false) await migrate(db.sql);
    // like the server's first start, so a fresh store has its demo centre whichever comes first
    if (options.migrate !== false && options.seed !== false && config.seedDemo) await seedDemo(db.sql);
    return await fn(db);
  } finally {
    await db.close();
  }
}

/** Parses `--flag value` pairs and positional arguments. */
export function parseArgs(args: string[]): { flags: Record<string, string>; positional: string[] } {
  const flags: Record<string, string> = {};
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      if (eq > 0) flags[a.slice(2, eq)] = a.slice(eq + 1);
      else if (i + 1 < args.length && !args[i + 1].startsWith('--')) flags[a.slice(2)] = args[++i];
      else flags[a.slice(2)] = 'true';
    } else positional.push(a);
  }
  return { flags, positional };
}
