// `npm run cli -- db migrate|seed|status`: schema migrations and the demo centre.
import { withDatabase } from './_open.ts';
import { migrate, loadMigrations } from '../db/migrate.ts';
import { seedDemo } from '../demo/seed.ts';

export async function run(args: string[]): Promise<number> {
  const [command] = args;
  if (command === 'migrate') {
    return withDatabase(async (db) => {
      const applied = await migrate(db.sql);
      process.stdout.write(applied.length ? `applied migrations ${applied.join(', ')} on ${db.describe}\n` : `schema up to date on ${db.describe}\n`);
      return 0;
    }, { migrate: false });
  }
  if (command === 'seed') {
    return withDatabase(async (db) => {
      const ran = await seedDemo(db.sql);
      process.stdout.write(ran.length ? `seeded: ${ran.join(', ')}\n` : 'demo centre already seeded\n');
      return 0;
    });
  }
  if (command === 'status') {
    return withDatabase(async (db) => {
      const rows = await db.sql<{ version: number; name: string }[]>`SELECT version, name FROM schema_migrations ORDER BY version`;
      const all = loadMigrations();
      process.stdout.write(`${db.describe}: ${rows.length}/${all.length} migrations applied\n`);
      return rows.length === all.length ? 0 : 1;
    }, { migrate: false });
  }
  process.stderr.write('usage: npm run cli -- db <migrate|seed|status>\n');
  return 2;
}
