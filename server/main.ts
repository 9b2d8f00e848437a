// Production entry: opens the database (embedded PGlite or DATABASE_URL), migrates, seeds the
// demo centre into an empty database, serves HTTP on PORT, and shuts down cleanly on signals.
import { serve } from '@hono/node-server';
import { loadConfig } from './config.ts';
import { createLogger } from './log.ts';
import { openDatabase } from './db/index.ts';
import { StoreLockedError } from './db/embedded.ts';
import { migrate } from './db/migrate.ts';
import { seedDemo } from './demo/seed.ts';
import { serverSecret } from './queries/settings.ts';
import { pruneSessions } from './queries/sessions.ts';
import { createApp } from './app.tsx';
import { featureRoutes, startFeatures } from './features.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const started = performance.now();
  let db;
  try {
    db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, holder: `server pid ${process.pid}` });
  } catch (err) {
    if (err instanceof StoreLockedError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(3);
    }
    throw err;
  }
  log.info('database open', { database: db.describe });
  const applied = await migrate(db.sql);
  if (applied.length) log.info('migrations applied', { versions: applied });
  if (config.seedDemo) {
    const seeded = await seedDemo(db.sql);
    if (seeded.length) log.info('demo centre seeded', { steps: seeded });
  }
  const secret = await serverSecret(db.sql);
  const deps = { sql: db.sql, config, log, now: () => new Date(), secret, services: {} as Record<string, unknown> };
  const stopFeatures = await startFeatures(deps);
  const { app } = createApp(deps, featureRoutes);
  const server = serve({ fetch: app.fetch, port: config.port }, (info) => {
    log.info('listening', { url: `http://localhost:${info.port}`, startupMs: Math.round(performance.now() - started) });
  });
  const prune = setInterval(() => void pruneSessions(db.sql, new Date()).catch((err) => log.warn('session prune failed', { err })), 3_600_000);
  prune.unref();

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('shutting down', { signal });
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    server.close(async () => {
      clearInterval(prune);
      await stopFeatures();
      await db.close();
      log.info('stopped');
      process.exit(0);
    });
    // idle keep-alive sockets would hold close() open
    (server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err) => {
  process.stderr.write(`peakline failed to start: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
