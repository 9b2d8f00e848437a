// Test helpers: the smallest roster models and rosters written as text ('E E - N@EV'), for exact constraint tests.
import { indexModel, type PenaltyItem } from './context.ts';
import { CONSTRAINTS } from './constraints/registry.ts';
import type { Agent, Roster, RosterModel, ShiftType } from './model.ts';
import { DEMO_RULEBOOK, type Rule } from './rules.ts';
import { addLocalDays, weekdayOf } from '../time.ts';

/**
 * Shift types without breaks, so coverage arithmetic in tests stays whole.
 * @example TEST_SHIFTS.find((s) => s.code === 'N')?.startMinute // 1380
 */
export const TEST_SHIFTS: ShiftType[] = [
  { code: 'E', name: '早', startMinute: 420, lengthMinutes: 480, breaks: [], night: false },
  { code: 'D', name: '白', startMinute: 540, lengthMinutes: 480, breaks: [], night: false },
  { code: 'M', name: '中', startMinute: 720, lengthMinutes: 480, breaks: [], night: false },
  { code: 'L', name: '晚', startMinute: 900, lengthMinutes: 480, breaks: [], night: false },
  { code: 'N', name: '夜', startMinute: 1380, lengthMinutes: 480, breaks: [], night: true },
];

/**
 * An agent skilled for project P (unless `skills` is given), allowed every test shift.
 * @example testAgent('a1').skills // { P: 2 }
 */
export function testAgent(id: string, overrides: Partial<Agent> = {}): Agent {
  return {
    id, name: id, team: 'T', emergencyTier: 0, skills: { P: 2 },
    contract: { minWeekMinutes: 0, maxWeekMinutes: 10_000, minMonthMinutes: 0, maxMonthMinutes: 100_000, allowedShifts: ['E', 'D', 'M', 'L', 'N'] },
    preferences: { preferredShifts: [], avoidedShifts: [], preferredDaysOff: [] },
    ...overrides,
  };
}

/**
 * A demo rule by id, with parameter overrides.
 * @example demoRule('min-rest', { minMinutes: 720 }).params.minMinutes // 720
 */
export function demoRule(id: string, params: Record<string, unknown> = {}): Rule {
  const rule = DEMO_RULEBOOK.find((r) => r.id === id);
  if (!rule) throw new RangeError(`no demo rule ${id}`);
  return { ...rule, params: { ...rule.params, ...params } };
}

/**
 * A model of `dayCount` days from `from` (default Monday 2026-11-30), projects P and Q, no demand, no rules.
 * @example tinyModel({ dayCount: 2 }).days[1].date // '2026-12-01'
 */
export function tinyModel({ from = '2026-11-30', dayCount = 7, agents = [testAgent('a1')], ...rest }: Partial<RosterModel> & { from?: string; dayCount?: number } = {}): RosterModel {
  const days = Array.from({ length: dayCount }, (_, i) => addLocalDays(from, i)).map((date) => ({ date, weekday: weekdayOf(date), holiday: false }));
  return { intervalMinutes: 30, projects: ['P', 'Q'], shiftTypes: TEST_SHIFTS, days, agents, requirement: {}, leave: [], pinned: [], entitlements: [], rules: [], ...rest };
}

/**
 * Parses `{ a1: 'E D@Q - N' }` ('-' = off, default project P) into a roster.
 * @example rosterOf({ a1: 'D@Q -' }).a1 // [{ shift: 'D', project: 'Q' }, { shift: null, project: null }]
 */
export function rosterOf(rows: Record<string, string>): Roster {
  const roster: Roster = {};
  for (const [id, text] of Object.entries(rows)) {
    roster[id] = text.trim().split(/\s+/).map((token) => {
      if (token === '-') return { shift: null, project: null };
      const [shift, project] = token.split('@');
      return { shift, project: project ?? 'P' };
    });
  }
  return roster;
}

/**
 * Runs the registered constraint with this id (found in the registry, never imported directly) under `rule`.
 * @example total(penaltiesOf(demoRule('min-rest'), tinyModel({ dayCount: 2 }), rosterOf({ a1: 'L E' }))) // 180
 */
export function penaltiesOf(rule: Rule, model: RosterModel, roster: Roster): PenaltyItem[] {
  const constraint = CONSTRAINTS.find((c) => c.id === rule.id);
  if (!constraint) throw new RangeError(`constraint ${rule.id} is not registered`);
  const ix = indexModel({ ...model, rules: [rule] });
  const out: PenaltyItem[] = [];
  if (constraint.scope === 'global') constraint.evaluate(ix, rule, roster, out);
  else for (const agent of model.agents) constraint.evaluate(ix, rule, agent, roster[agent.id], out);
  return out;
}

/**
 * Sum of item amounts.
 * @example total([{ ruleId: 'x', amount: 2, message: '' }]) // 2
 */
export function total(items: PenaltyItem[]): number {
  return items.reduce((s, i) => s + i.amount, 0);
}
