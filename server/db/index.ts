// Opens the application's database: the Postgres server at DATABASE_URL, or embedded PGlite.
import postgres from 'postgres';
import type { PGlite } from '@electric-sql/pglite';
import { lockDataDir, openPglite, pgliteSocketFactory } from './embedded.ts';

/** The postgres.js client type used throughout server/. */
export type Sql = postgres.Sql<Record<string, never>>;

export interface Database {
  sql: Sql;
  /** `server` for DATABASE_URL, `embedded` for PGlite. */
  kind: 'server' | 'embedded';
  /** Human description for logs (never includes a password). */
  describe: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  databaseUrl?: string;
  /** Data folder of the embedded store; ignored with databaseUrl. Undefined + memory → in memory. */
  dataDir?: string;
  memory?: boolean;
  /** Who holds the embedded store's lock (shown to a second process). */
  holder?: string;
  /** Pool size for a real server. */
  max?: number;
}

const common = {
  onnotice: () => {},
  transform: { undefined: null },
  connection: { TimeZone: 'UTC' },
} as const;

/** Hides the password of a connection URL for logs. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}

/**
 * Opens the database described by the options.
 * @example const db = await openDatabase({ dataDir: './data', holder: 'server' });
 */
export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) {
    const sql = postgres(options.databaseUrl, { ...common, max: options.max ?? 10 }) as unknown as Sql;
    return {
      sql,
      kind: 'server',
      describe: redactUrl(options.databaseUrl),
      close: () => sql.end({ timeout: 5 }),
    };
  }
  let release = () => {};
  if (!options.memory) release = lockDataDir(options.dataDir ?? './data', options.holder ?? 'peakline');
  let pg: PGlite;
  try {
    pg = await openPglite(options.memory ? undefined : options.dataDir ?? './data');
  } catch (err) {
    release();
    throw err;
  }
  // `socket` is documented by postgres.js but missing from its type definitions
  const embeddedOptions = { ...common, max: 1, socket: pgliteSocketFactory(pg) } as unknown as postgres.Options<{}>;
  const sql = postgres(embeddedOptions) as unknown as Sql;
  return {
    sql,
    kind: 'embedded',
    describe: options.memory ? 'embedded PGlite (in memory)' : `embedded PGlite in ${options.dataDir ?? './data'}`,
    async close() {
      await sql.end({ timeout: 5 });
      await pg.close();
      release();
    },
  };
}
