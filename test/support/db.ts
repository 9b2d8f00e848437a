// The test database: created and migrated once per run (embedded PGlite in memory by default, the
// run's own database on DATABASE_URL), and reset to the seeded demo centre between tests.
import { inject } from 'vitest';
import { openDatabase, type Database, type Sql } from '../../server/db/index.ts';
import { migrate } from '../../server/db/migrate.ts';
import { SHELL_SEED_STEPS, seedDemo } from '../../server/demo/seed.ts';
import { featureSeedSteps } from '../../server/features.ts';
import { DEMO_ROSTER_STEP } from '../../server/scheduling/demo-roster.ts';
import { historySeedStep, TEST_HISTORY_DAYS } from '../../server/scheduling/service.ts';

export interface TestDb {
  db: Database;
  sql: Sql;
  /** Empties every table and seeds the demo centre again. */
  reset(): Promise<void>;
}

let shared: Promise<TestDb> | undefined;

/**
 * The demo seed without the current month's published roster: tests choose their own months (and a roster for the
 * real current month would collide with them); tests that need a published roster call seedPublishedRoster.
 * History is 16 weeks instead of the first start's year: every reset pays for it.
 */
export const RESET_STEPS = [...SHELL_SEED_STEPS, ...featureSeedSteps]
  .filter((s) => s.id !== DEMO_ROSTER_STEP)
  .map((s) => (s.id === 'scheduling-history' ? historySeedStep(TEST_HISTORY_DAYS) : s));

async function open(): Promise<TestDb> {
  const url = inject('testDatabaseUrl');
  const db = url ? await openDatabase({ databaseUrl: url, max: 4 }) : await openDatabase({ memory: true });
  await migrate(db.sql);
  const sql = db.sql;
  async function reset() {
    const tables = await sql<{ tablename: string }[]>`
      SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> 'schema_migrations'`;
    if (tables.length) await sql.unsafe(`TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(', ')} RESTART IDENTITY CASCADE`);
    await seedDemo(sql, RESET_STEPS);
  }
  await reset();
  return { db, sql, reset };
}

/** The run's shared test database (opened on first use). */
export function testDb(): Promise<TestDb> {
  shared ??= open();
  return shared;
}

/** Whether the tests run against a Postgres server rather than embedded PGlite. */
export function usingServer(): boolean {
  return !!inject('testDatabaseUrl');
}
