// Migrations and demo seeding against the run's database: forward-only, applied once, idempotent.
import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RESET_STEPS, testDb } from './support/db.ts';
import { loadMigrations, migrate } from '../server/db/migrate.ts';
import { DEMO_PROJECTS, DEMO_TEAMS, DEMO_USERS, seedDemo } from '../server/demo/seed.ts';

describe('migrations', () => {
  it('are numbered, unique and already applied once; a second run applies nothing', async () => {
    const { sql } = await testDb();
    const all = loadMigrations();
    expect(all[0]).toMatchObject({ version: 1, name: 'foundation' });
    const applied = await sql<{ version: number }[]>`SELECT version FROM schema_migrations ORDER BY version`;
    expect(applied.map((r) => r.version)).toEqual(all.map((m) => m.version));
    expect(await migrate(sql)).toEqual([]);
  });

  describe('edge cases', () => {
    it('refuses two files with the same version', () => {
      const dir = mkdtempSync(join(tmpdir(), 'peakline-mig-'));
      try {
        writeFileSync(join(dir, '001_a.sql'), 'SELECT 1;');
        writeFileSync(join(dir, '001_b.sql'), 'SELECT 1;');
        expect(() => loadMigrations(dir)).toThrow('version 1 is used twice');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});

describe('demo centre seed', () => {
  it('seeds projects, teams, departments and one user per role, and running it again changes nothing', async () => {
    const t = await testDb();
    await t.reset();
    const count = async () => {
      const [r] = await t.sql<{ p: number; t: number; u: number; d: number }[]>`
        SELECT (SELECT count(*)::int FROM projects) AS p, (SELECT count(*)::int FROM teams) AS t,
               (SELECT count(*)::int FROM users) AS u, (SELECT count(*)::int FROM departments) AS d`;
      return r;
    };
    const before = await count();
    expect(before).toEqual({ p: DEMO_PROJECTS.length, t: DEMO_TEAMS.length, u: before.u, d: 13 });
    expect(before.u).toBeGreaterThanOrEqual(DEMO_USERS.length);
    const roles = await t.sql<{ username: string; roles: string[] }[]>`SELECT username, roles FROM users WHERE username = ANY(${t.sql.array(DEMO_USERS.map((u) => u.username))}) ORDER BY username`;
    expect(roles.map((r) => [r.username, r.roles])).toEqual([
      ['admin', ['admin']],
      ['agent', ['agent']],
      ['inspector', ['inspector']],
      ['knowledge', ['knowledge']],
      ['scheduler', ['scheduler']],
    ]);
    // The reset's steps (the current month's demo roster aside: demo-roster.test.ts checks that one runs once).
    expect(await seedDemo(t.sql, RESET_STEPS)).toEqual([]);
    expect(await count()).toEqual(before);
  });
});
