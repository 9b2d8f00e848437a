// Dense, index-based view of a Curtois instance for solvers (employees × days × shifts as numbers).
import type { CurtoisAssignments, CurtoisInstance } from './types.ts';

/** Numeric arrays a solver reads instead of ids; shift index -1 means a day off. */
export interface IndexedInstance {
  employees: number;
  days: number;
  shifts: number;
  lengthMinutes: number[];
  /** forbidden[s][t]: shift t may not be worked the day after shift s. */
  forbidden: boolean[][];
  /** maxShifts[e][s]: how many of shift s employee e may work (0 = never). */
  maxShifts: number[][];
  maxMinutes: number[];
  minMinutes: number[];
  maxConsecutive: number[];
  minConsecutive: number[];
  minDaysOff: number[];
  maxWeekends: number[];
  /** dayOff[e][d]: employee e must not work day d. */
  dayOff: boolean[][];
  /** assignCost[e][d][s]: request cost change of working s on d, relative to having the day off. */
  assignCost: number[][][];
  /** Request cost of a roster where everybody is off every day (sum of on-request weights). */
  baseCost: number;
  /** requirement[d][s], weightUnder[d][s], weightOver[d][s]; weights 0 where no cover row exists. */
  requirement: number[][];
  weightUnder: number[][];
  weightOver: number[][];
  /** weekendOf[d]: weekend index of day d, or -1. */
  weekendOf: number[];
  weekends: number;
}

const grid = <T>(a: number, b: number, v: () => T): T[][] => Array.from({ length: a }, () => Array.from({ length: b }, v));

/**
 * Builds the numeric view of an instance (ids keep their file order).
 * @example indexInstance(parseCurtois(text)).employees // 8 for Instance1
 */
export function indexInstance(instance: CurtoisInstance): IndexedInstance {
  const E = instance.employees.length, D = instance.horizonDays, S = instance.shifts.length;
  const shiftIndex = new Map(instance.shifts.map((s, i) => [s.id, i]));
  const empIndex = new Map(instance.employees.map((e, i) => [e.id, i]));
  const forbidden = instance.shifts.map((s) => instance.shifts.map((t) => s.cannotFollow.includes(t.id)));
  const assignCost = Array.from({ length: E }, () => grid(D, S, () => 0));
  let baseCost = 0;
  for (const r of instance.shiftOnRequests) {
    const e = empIndex.get(r.employeeId)!, s = shiftIndex.get(r.shiftId)!;
    baseCost += r.weight;
    assignCost[e]![r.day]![s]! -= r.weight;
  }
  for (const r of instance.shiftOffRequests) {
    const e = empIndex.get(r.employeeId)!, s = shiftIndex.get(r.shiftId)!;
    assignCost[e]![r.day]![s]! += r.weight;
  }
  const requirement = grid(D, S, () => 0), weightUnder = grid(D, S, () => 0), weightOver = grid(D, S, () => 0);
  for (const c of instance.cover) {
    const s = shiftIndex.get(c.shiftId)!;
    requirement[c.day]![s] = c.requirement;
    weightUnder[c.day]![s] = c.weightUnder;
    weightOver[c.day]![s] = c.weightOver;
  }
  const weekendOf = Array.from({ length: D }, (_, d) => (d % 7 >= 5 ? Math.floor(d / 7) : -1));
  return {
    employees: E, days: D, shifts: S,
    lengthMinutes: instance.shifts.map((s) => s.lengthMinutes),
    forbidden,
    maxShifts: instance.employees.map((e) => instance.shifts.map((s) => e.maxShifts[s.id] ?? 0)),
    maxMinutes: instance.employees.map((e) => e.maxTotalMinutes),
    minMinutes: instance.employees.map((e) => e.minTotalMinutes),
    maxConsecutive: instance.employees.map((e) => e.maxConsecutiveShifts),
    minConsecutive: instance.employees.map((e) => e.minConsecutiveShifts),
    minDaysOff: instance.employees.map((e) => e.minConsecutiveDaysOff),
    maxWeekends: instance.employees.map((e) => e.maxWeekends),
    dayOff: instance.employees.map((e) => Array.from({ length: D }, (_, d) => e.daysOff.includes(d))),
    assignCost, baseCost, requirement, weightUnder, weightOver,
    weekendOf, weekends: D >= 6 ? Math.floor((D - 6) / 7) + 1 : 0,
  };
}

/**
 * Turns a grid of shift indices (-1 = off) back into the id-based assignment.
 * @example toAssignments(instance, [[0, -1]]) // { A: ['D', ''] }
 */
export function toAssignments(instance: CurtoisInstance, grid: number[][]): CurtoisAssignments {
  return Object.fromEntries(instance.employees.map((e, i) => [e.id, grid[i]!.map((s) => (s < 0 ? '' : instance.shifts[s]!.id))]));
}

/**
 * Turns an id-based assignment into a grid of shift indices (-1 = off or unknown).
 * @example toGrid(instance, { A: ['D', ''] }) // [[0, -1]]
 */
export function toGrid(instance: CurtoisInstance, assignments: CurtoisAssignments): number[][] {
  const shiftIndex = new Map(instance.shifts.map((s, i) => [s.id, i]));
  return instance.employees.map((e) =>
    Array.from({ length: instance.horizonDays }, (_, d) => shiftIndex.get(assignments[e.id]?.[d] ?? '') ?? -1));
}
