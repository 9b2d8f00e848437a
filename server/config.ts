// Reads the process environment once into a typed configuration (the only place env is read).

export interface Config {
  port: number;
  databaseUrl?: string;
  dataDir: string;
  /** Session lifetime without activity, in minutes. */
  sessionIdleMinutes: number;
  /** Absolute session lifetime, in hours. */
  sessionMaxHours: number;
  /** Set the Secure flag on cookies (behind HTTPS). */
  secureCookies: boolean;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** The centre's time zone for rosters and intervals. */
  timeZone: string;
  /** Seed the demo centre into an empty database. */
  seedDemo: boolean;
  /** Reverse proxies in front of the console whose X-Forwarded-For entries are trusted (0: use the socket address). */
  trustProxyHops: number;
  /** Scenario search engine: our compact BM25 index (default) or the same tokens in a lunr index. */
  searchBackend: 'compact' | 'lunr';
}

function intFrom(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  return n;
}

/** Builds the configuration from an environment (defaults to process.env). */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const logLevel = (env.LOG_LEVEL ?? 'info') as Config['logLevel'];
  if (!['debug', 'info', 'warn', 'error', 'silent'].includes(logLevel)) throw new Error(`LOG_LEVEL: unknown level "${logLevel}"`);
  const searchBackend = (env.SEARCH_BACKEND || 'compact') as Config['searchBackend'];
  if (!['compact', 'lunr'].includes(searchBackend)) throw new Error(`SEARCH_BACKEND: "compact" or "lunr", got "${searchBackend}"`);
  return {
    port: intFrom(env.PORT, 3000, 'PORT'),
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.DATA_DIR || './data',
    sessionIdleMinutes: intFrom(env.SESSION_IDLE_MINUTES, 480, 'SESSION_IDLE_MINUTES'),
    sessionMaxHours: intFrom(env.SESSION_MAX_HOURS, 24, 'SESSION_MAX_HOURS'),
    secureCookies: env.SECURE_COOKIES === '1',
    logLevel,
    timeZone: env.CENTRE_TZ || 'Asia/Shanghai',
    seedDemo: env.SEED_DEMO !== '0',
    trustProxyHops: intFrom(env.TRUST_PROXY, 0, 'TRUST_PROXY'),
    searchBackend,
  };
}
