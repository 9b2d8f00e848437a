// The Curtois & Qu hard rules as a table of named checks; each reports every violation it finds.
import { dayBlocks, isInteriorBlock, weekendDays } from './blocks.ts';
import type { CurtoisAssignments, CurtoisEmployee, CurtoisInstance } from './types.ts';

/** One broken hard rule: which rule, whose row, which days, and by how much (≥ 1). */
export interface HardViolation {
  ruleId: HardRuleId;
  employeeId: string;
  days: number[];
  /** How badly the rule is broken, in the rule's unit (days, shifts, minutes, weekends). */
  excess: number;
  message: string;
}

/** Ids of every hard rule, in the order they are checked. */
export const HARD_RULE_IDS = [
  'roster-shape',
  'known-shift',
  'one-shift-per-day',
  'days-off',
  'shift-rotation',
  'max-shifts-per-type',
  'max-total-minutes',
  'min-total-minutes',
  'max-consecutive-shifts',
  'min-consecutive-shifts',
  'min-consecutive-days-off',
  'max-weekends',
] as const;
export type HardRuleId = (typeof HARD_RULE_IDS)[number];

/** A hard rule: id, human label, and a check returning its violations. */
export interface HardRule {
  id: HardRuleId;
  label: string;
  check(instance: CurtoisInstance, assignments: CurtoisAssignments): HardViolation[];
}

/** Separators that would put several shifts into one day's entry. */
const MULTI = /[|,;+\s]+/;

/**
 * What does an employee work each day, keeping only single known shift ids ('' otherwise)?
 * @example workedRow(instance, { A: ['D', 'X'] }, 'A') // ['D', '', …] (X is unknown)
 */
export function workedRow(instance: CurtoisInstance, assignments: CurtoisAssignments, employeeId: string): string[] {
  const known = new Set(instance.shifts.map((s) => s.id));
  const row = assignments[employeeId] ?? [];
  return Array.from({ length: instance.horizonDays }, (_, d) => {
    const entry = row[d] ?? '';
    return known.has(entry) ? entry : '';
  });
}

function perEmployee(
  ruleId: HardRuleId,
  fn: (e: CurtoisEmployee, row: string[], instance: CurtoisInstance) => Omit<HardViolation, 'ruleId' | 'employeeId'>[],
): HardRule['check'] {
  return (instance, assignments) =>
    instance.employees.flatMap((e) =>
      fn(e, workedRow(instance, assignments, e.id), instance).map((v) => ({ ruleId, employeeId: e.id, ...v })),
    );
}

function rosterShape(instance: CurtoisInstance, assignments: CurtoisAssignments): HardViolation[] {
  const out: HardViolation[] = [];
  const ids = new Set(instance.employees.map((e) => e.id));
  for (const e of instance.employees) {
    const row = assignments[e.id];
    const length = Array.isArray(row) ? row.length : 0;
    if (length !== instance.horizonDays) {
      out.push({ ruleId: 'roster-shape', employeeId: e.id, days: [], excess: Math.abs(length - instance.horizonDays) || 1,
        message: `${e.id} has ${Array.isArray(row) ? length : 'no'} day entries, expected ${instance.horizonDays}` });
    }
  }
  for (const id of Object.keys(assignments)) {
    if (!ids.has(id)) out.push({ ruleId: 'roster-shape', employeeId: id, days: [], excess: 1, message: `${id} is not an employee of this instance` });
  }
  return out;
}

function entries(instance: CurtoisInstance, assignments: CurtoisAssignments, pick: (entry: string, known: Set<string>) => boolean, ruleId: HardRuleId, say: (id: string, d: number, entry: string) => string): HardViolation[] {
  const known = new Set(instance.shifts.map((s) => s.id));
  const out: HardViolation[] = [];
  for (const e of instance.employees) {
    (assignments[e.id] ?? []).forEach((entry, d) => {
      if (pick(String(entry), known)) out.push({ ruleId, employeeId: e.id, days: [d], excess: 1, message: say(e.id, d, String(entry)) });
    });
  }
  return out;
}

const isMulti = (entry: string, known: Set<string>) => !known.has(entry) && entry.split(MULTI).filter((p) => known.has(p)).length > 1;

/** The hard rules, in check order; look one up with `hardRule(id)`. */
export const HARD_RULES: HardRule[] = [
  { id: 'roster-shape', label: 'One row per employee, one entry per day', check: rosterShape },
  {
    id: 'known-shift', label: 'Each entry is a shift of the instance or a day off',
    check: (i, a) => entries(i, a, (x, k) => x !== '' && !k.has(x) && !isMulti(x, k), 'known-shift', (id, d, x) => `${id} day ${d}: unknown shift "${x}"`),
  },
  {
    id: 'one-shift-per-day', label: 'At most one shift a day',
    check: (i, a) => entries(i, a, isMulti, 'one-shift-per-day', (id, d, x) => `${id} day ${d}: several shifts "${x}"`),
  },
  {
    id: 'days-off', label: 'No work on a required day off',
    check: perEmployee('days-off', (e, row) => e.daysOff.filter((d) => row[d] !== '').map((d) => ({ days: [d], excess: 1, message: `${e.id} works ${row[d]} on required day off ${d}` }))),
  },
  {
    id: 'shift-rotation', label: 'No forbidden shift on the day after another',
    check: perEmployee('shift-rotation', (e, row, inst) => {
      const byId = new Map(inst.shifts.map((s) => [s.id, s]));
      const out = [];
      for (let d = 0; d + 1 < row.length; d++) {
        const today = byId.get(row[d]!);
        if (today && today.cannotFollow.includes(row[d + 1]!)) {
          out.push({ days: [d, d + 1], excess: 1, message: `${e.id}: ${row[d + 1]} on day ${d + 1} may not follow ${today.id} on day ${d}` });
        }
      }
      return out;
    }),
  },
  {
    id: 'max-shifts-per-type', label: 'At most the allowed number of each shift type',
    check: perEmployee('max-shifts-per-type', (e, row, inst) => inst.shifts.flatMap((s) => {
      const days = row.flatMap((x, d) => (x === s.id ? [d] : []));
      const max = e.maxShifts[s.id] ?? 0;
      return days.length > max ? [{ days, excess: days.length - max, message: `${e.id} works ${s.id} ${days.length} times, at most ${max} allowed` }] : [];
    })),
  },
  {
    id: 'max-total-minutes', label: 'Total minutes at most the maximum',
    check: perEmployee('max-total-minutes', (e, row, inst) => {
      const minutes = totalMinutes(row, inst);
      return minutes > e.maxTotalMinutes ? [{ days: workedDays(row), excess: minutes - e.maxTotalMinutes, message: `${e.id} works ${minutes} minutes, at most ${e.maxTotalMinutes}` }] : [];
    }),
  },
  {
    id: 'min-total-minutes', label: 'Total minutes at least the minimum',
    check: perEmployee('min-total-minutes', (e, row, inst) => {
      const minutes = totalMinutes(row, inst);
      return minutes < e.minTotalMinutes ? [{ days: workedDays(row), excess: e.minTotalMinutes - minutes, message: `${e.id} works ${minutes} minutes, at least ${e.minTotalMinutes}` }] : [];
    }),
  },
  {
    id: 'max-consecutive-shifts', label: 'At most the maximum consecutive working days',
    check: perEmployee('max-consecutive-shifts', (e, row) => dayBlocks(row)
      .filter((b) => b.working && b.lastDay - b.firstDay + 1 > e.maxConsecutiveShifts)
      .map((b) => blockViolation(b, b.lastDay - b.firstDay + 1 - e.maxConsecutiveShifts, `${e.id} works ${b.lastDay - b.firstDay + 1} days in a row, at most ${e.maxConsecutiveShifts}`))),
  },
  {
    id: 'min-consecutive-shifts', label: 'At least the minimum consecutive working days (blocks inside the horizon)',
    check: perEmployee('min-consecutive-shifts', (e, row) => dayBlocks(row)
      .filter((b) => b.working && isInteriorBlock(b, row.length) && b.lastDay - b.firstDay + 1 < e.minConsecutiveShifts)
      .map((b) => blockViolation(b, e.minConsecutiveShifts - (b.lastDay - b.firstDay + 1), `${e.id} works only ${b.lastDay - b.firstDay + 1} days in a row, at least ${e.minConsecutiveShifts}`))),
  },
  {
    id: 'min-consecutive-days-off', label: 'At least the minimum consecutive days off (blocks inside the horizon)',
    check: perEmployee('min-consecutive-days-off', (e, row) => dayBlocks(row)
      .filter((b) => !b.working && isInteriorBlock(b, row.length) && b.lastDay - b.firstDay + 1 < e.minConsecutiveDaysOff)
      .map((b) => blockViolation(b, e.minConsecutiveDaysOff - (b.lastDay - b.firstDay + 1), `${e.id} has only ${b.lastDay - b.firstDay + 1} days off in a row, at least ${e.minConsecutiveDaysOff}`))),
  },
  {
    id: 'max-weekends', label: 'At most the maximum working weekends',
    check: perEmployee('max-weekends', (e, row) => {
      const worked = weekendDays(row.length).filter((days) => days.some((d) => row[d] !== ''));
      return worked.length > e.maxWeekends
        ? [{ days: worked.flat().filter((d) => row[d] !== ''), excess: worked.length - e.maxWeekends, message: `${e.id} works ${worked.length} weekends, at most ${e.maxWeekends}` }]
        : [];
    }),
  },
];

function blockViolation(b: { firstDay: number; lastDay: number }, excess: number, message: string) {
  const days = Array.from({ length: b.lastDay - b.firstDay + 1 }, (_, i) => b.firstDay + i);
  return { days, excess, message };
}

function workedDays(row: string[]): number[] {
  return row.flatMap((x, d) => (x !== '' ? [d] : []));
}

function totalMinutes(row: string[], instance: CurtoisInstance): number {
  const length = new Map(instance.shifts.map((s) => [s.id, s.lengthMinutes]));
  return row.reduce((sum, x) => sum + (length.get(x) ?? 0), 0);
}

/**
 * Which hard rule has this id? Throws on an unknown id so a test cannot check the wrong rule.
 * @example hardRule('max-weekends').label // 'At most the maximum working weekends'
 */
export function hardRule(id: HardRuleId): HardRule {
  const rule = HARD_RULES.find((r) => r.id === id);
  if (!rule) throw new Error(`unknown hard rule ${id}`);
  return rule;
}
