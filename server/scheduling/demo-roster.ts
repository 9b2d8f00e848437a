// The demo centre's published roster for a month: the forecast's requirement, the solver for a short, fixed number of
// iterations (repeatable on any machine), stored as a published roster so today's floor, weekly re-plans and the
// agents' own schedule pages have something real to work on from the first start.
import { loadConfig } from '../config.ts';
import type { Sql } from '../db/index.ts';
import type { SeedStep } from '../demo/seed.ts';
import { solveRoster } from '../../scheduling/roster/solve.ts';
import type { Roster } from '../../scheduling/roster/model.ts';
import { localDateOf } from '../../scheduling/time.ts';
import { monthModel, monthRequirement } from './roster-model.ts';
import { writeCells, type StoredCell } from './roster-store.ts';

/** Solver iterations of the demo roster: enough to clear the greedy start's worst gaps, about a second on one core. */
export const DEMO_ROSTER_ITERATIONS = 20_000;

/** Solved demo rosters per month, kept for the life of the process (tests reseed often; the demo data does not change). */
const solved = new Map<string, Promise<{ requirement: Record<string, number[][]>; roster: Roster }>>();

/**
 * Stores a published roster for `month` unless that month already has one; returns whether it stored one.
 * @example await seedPublishedRoster(sql, '2026-12', 'Asia/Shanghai') // true (false when 2026-12 has a roster)
 */
export async function seedPublishedRoster(sql: Sql, month: string, timeZone: string): Promise<boolean> {
  const [exists] = await sql`SELECT 1 FROM rosters WHERE month = ${month}`;
  if (exists) return false;
  if (!solved.has(month)) {
    solved.set(
      month,
      (async () => {
        const requirement = await monthRequirement(sql, month, timeZone);
        const mm = await monthModel(sql, month, requirement);
        const result = await solveRoster(mm.model, { timeLimitMs: 60_000, maxIterations: DEMO_ROSTER_ITERATIONS, seed: 1 });
        return { requirement, roster: result.roster };
      })(),
    );
  }
  const { requirement, roster } = await solved.get(month)!.catch((err) => {
    solved.delete(month);
    throw err;
  });
  const mm = await monthModel(sql, month, requirement);
  await sql.begin(async (tx) => {
    const [row] = await tx<{ id: number }[]>`
      INSERT INTO rosters (month, status, requirement, published_at) VALUES (${month}, 'published', ${tx.json(requirement as never)}, now())
      ON CONFLICT (month) DO NOTHING RETURNING id`;
    if (!row) return;
    const cells: StoredCell[] = [];
    for (const agent of mm.model.agents) {
      mm.model.days.forEach((day, d) => {
        const cell = roster[agent.id]?.[d];
        if (cell?.shift) cells.push({ agent: agent.id, date: day.date, shift: cell.shift, project: cell.project, locked: false });
      });
    }
    await writeCells(tx as never, row.id, mm, cells);
  });
  return true;
}

/** Seed step id of the demo roster; the test database's reset leaves it out (tests pick their own months). */
export const DEMO_ROSTER_STEP = 'scheduling-published-roster';

/** The current month's published roster, seeded after the scheduling area's agents and history. */
export const demoRosterSeedSteps: SeedStep[] = [
  {
    id: DEMO_ROSTER_STEP,
    run: async (sql) => {
      const timeZone = loadConfig().timeZone;
      await seedPublishedRoster(sql, localDateOf(new Date(), { timeZone }).slice(0, 7), timeZone);
    },
  },
];
