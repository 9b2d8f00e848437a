// Compiles a roster model once into lookups (shifts by code, leave and pins by day, weeks, weekends, coverage profiles) that constraints read.
import type { Agent, PinnedAssignment, RosterCell, RosterModel, ShiftType } from './model.ts';
import type { Rule } from './rules.ts';

/** One penalty: which rule, where (agent, date, interval, project), how much, and a sentence for the scheduler. */
export interface PenaltyItem {
  ruleId: string;
  agentId?: string;
  date?: string;
  interval?: number;
  project?: string;
  amount: number;
  message: string;
}

/** The compiled model every constraint reads. */
export interface RosterIndex {
  model: RosterModel;
  dayCount: number;
  intervalsPerDay: number;
  shiftByCode: Map<string, ShiftType>;
  leaveDays: Map<string, Set<number>>;
  pinned: Map<string, Map<number, PinnedAssignment>>;
  /** 常白班 holders, with the entitlement's own shifts when it names them (else the rule's). */
  dayShiftsOnly: Map<string, readonly string[] | undefined>;
  holidayRest: Map<string, Set<number>>;
  /** 优选排次 holders and the shifts they picked. */
  firstPick: Map<string, ReadonlySet<string>>;
  /** Day indices of each full Monday–Sunday week inside the period. */
  weeks: number[][];
  /** Day indices of each weekend (Saturday and/or Sunday) touching the period. */
  weekends: number[][];
  /** Minutes on duty (breaks excluded) per interval, over the shift's own day and the next (2 × intervalsPerDay). */
  coverageProfile: Map<string, Int16Array>;
  previous: Map<string, (string | null)[]>;
  rules: Map<string, Rule>;
}

/** A constraint that reads one agent's cells at a time (the solver re-scores only changed agents). */
export interface AgentConstraint {
  id: string;
  label: string;
  scope: 'agent';
  evaluate(ix: RosterIndex, rule: Rule, agent: Agent, cells: RosterCell[], out: PenaltyItem[]): void;
}

/** A constraint over the whole roster (coverage, fairness). */
export interface GlobalConstraint {
  id: string;
  label: string;
  scope: 'global';
  evaluate(ix: RosterIndex, rule: Rule, roster: Record<string, RosterCell[]>, out: PenaltyItem[]): void;
}

/** Either kind of constraint. */
export type Constraint = AgentConstraint | GlobalConstraint;

function perAgentDays(model: RosterModel, dayIndexOf: Map<string, number>, rows: { agentId: string; date: string }[]): Map<string, Set<number>> {
  const map = new Map<string, Set<number>>();
  for (const row of rows) {
    const d = dayIndexOf.get(row.date);
    if (d === undefined) continue;
    if (!map.has(row.agentId)) map.set(row.agentId, new Set());
    map.get(row.agentId)!.add(d);
  }
  return map;
}

/**
 * Which minutes of each interval does a shift cover, over its day and the next (breaks excluded)?
 * @example coverageProfileOf({ startMinute: 1380, lengthMinutes: 480, breaks: [] } as ShiftType, 30)[47] // 30 (23:30–24:00)
 */
export function coverageProfileOf(shift: ShiftType, intervalMinutes: number): Int16Array {
  const perDay = 1440 / intervalMinutes;
  const profile = new Int16Array(perDay * 2);
  const onBreak = (m: number) => shift.breaks.some((b) => m >= b.offsetMinutes && m < b.offsetMinutes + b.minutes);
  for (let m = 0; m < shift.lengthMinutes; m++) {
    const abs = shift.startMinute + m;
    if (abs >= 2880 || onBreak(m)) continue;
    profile[Math.floor(abs / intervalMinutes)]++;
  }
  return profile;
}

/**
 * Which compiled index answers the constraints' lookups for this model?
 * @example indexModel(model).shiftByCode.get('N')?.night // true
 */
export function indexModel(model: RosterModel): RosterIndex {
  const dayIndexOf = new Map(model.days.map((d, i) => [d.date, i]));
  const pinned = new Map<string, Map<number, PinnedAssignment>>();
  for (const p of model.pinned) {
    const d = dayIndexOf.get(p.date);
    if (d === undefined) continue;
    if (!pinned.has(p.agentId)) pinned.set(p.agentId, new Map());
    pinned.get(p.agentId)!.set(d, p);
  }
  const weeks: number[][] = [];
  const weekends: number[][] = [];
  model.days.forEach((day, i) => {
    if (day.weekday === 0 && i + 6 < model.days.length) weeks.push([0, 1, 2, 3, 4, 5, 6].map((k) => i + k));
    if (day.weekday === 5) weekends.push(i + 1 < model.days.length ? [i, i + 1] : [i]);
    if (day.weekday === 6 && i === 0) weekends.push([0]);
  });
  const holidayRest = perAgentDays(model, dayIndexOf, model.entitlements.flatMap((e) => (e.kind === 'holiday-rest' ? e.dates.map((date) => ({ agentId: e.agentId, date })) : [])));
  return {
    model,
    dayCount: model.days.length,
    intervalsPerDay: 1440 / model.intervalMinutes,
    shiftByCode: new Map(model.shiftTypes.map((s) => [s.code, s])),
    leaveDays: perAgentDays(model, dayIndexOf, model.leave),
    pinned,
    dayShiftsOnly: new Map(model.entitlements.flatMap((e) => (e.kind === 'day-shifts-only' ? [[e.agentId, e.shifts] as const] : []))),
    holidayRest,
    firstPick: new Map(model.entitlements.flatMap((e) => (e.kind === 'first-pick' ? [[e.agentId, new Set(e.shifts)] as const] : []))),
    weeks,
    weekends,
    coverageProfile: new Map(model.shiftTypes.map((s) => [s.code, coverageProfileOf(s, model.intervalMinutes)])),
    previous: new Map(Object.entries(model.previousShifts ?? {})),
    rules: new Map(model.rules.map((r) => [r.id, r])),
  };
}

/**
 * How many minutes does an agent work over some cells (whole shift length, breaks included)?
 * @example workedMinutes(ix, [{ shift: 'D', project: 'EV' }]) // 480
 */
export function workedMinutes(ix: RosterIndex, cells: RosterCell[]): number {
  let total = 0;
  for (const c of cells) if (c.shift) total += ix.shiftByCode.get(c.shift)?.lengthMinutes ?? 0;
  return total;
}
