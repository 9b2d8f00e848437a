// The demo centre's published roster: stored once per month, published, covering every active agent's working days.
import { describe, it, expect, beforeAll } from 'vitest';
import { testDb, type TestDb } from '../support/db.ts';
import { seedPublishedRoster } from '../../server/scheduling/demo-roster.ts';

describe('demo published roster', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await testDb();
    await db.reset();
  });

  it('is left out of the test reset, stored published on request, and never twice for a month', async () => {
    expect(await db.sql`SELECT 1 FROM rosters`).toHaveLength(0);
    expect(await seedPublishedRoster(db.sql, '2027-03', 'Asia/Shanghai')).toBe(true);
    expect(await seedPublishedRoster(db.sql, '2027-03', 'Asia/Shanghai')).toBe(false);
    const [r] = await db.sql<{ status: string; published_at: Date | null; projects: string[] }[]>`
      SELECT status, published_at, ARRAY(SELECT jsonb_object_keys(requirement) ORDER BY 1) AS projects FROM rosters WHERE month = '2027-03'`;
    expect(r!.status).toBe('published');
    expect(r!.published_at).not.toBeNull();
    expect(r!.projects).toEqual(['95598', 'EV', 'FIN', 'INS']);
    // Every active agent works some days of the month, and nobody works every day (rest rules hold).
    const perAgent = await db.sql<{ n: number }[]>`
      SELECT count(c.date)::int AS n FROM agents_sched a LEFT JOIN roster_cells c ON c.agent_id = a.id AND c.shift_code IS NOT NULL WHERE a.active GROUP BY a.id`;
    expect(Math.min(...perAgent.map((p) => p.n))).toBeGreaterThan(10);
    expect(Math.max(...perAgent.map((p) => p.n))).toBeLessThan(31);
    // The agent's own schedule reads published cells through roster_assignments.
    const [{ n }] = await db.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM roster_assignments WHERE date BETWEEN '2027-03-01' AND '2027-03-31'`;
    expect(n).toBeGreaterThan(304 * 15);
  });
});
