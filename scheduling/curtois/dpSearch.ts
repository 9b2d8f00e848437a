// Iterated local search whose move re-plans one employee's whole row exactly (employeeDp), with noisy kicks.
import { bestEmployeeRow } from './employeeDp.ts';
import type { IndexedInstance } from './indexed.ts';
import { mulberry32, randomInt } from './random.ts';

/** Options of one run; `clock` is monotonic milliseconds, `until` the clock value to stop at. */
export interface DpSearchOptions {
  seed: number;
  clock: () => number;
  until: number;
  /** Hard-feasible starting grid; built employee by employee when omitted. */
  start?: number[][];
  onImprove?: (grid: number[][], objective: number) => void;
}

/** Best grid found (null only when some employee has no feasible row at all) and its objective. */
export interface DpSearchResult {
  grid: number[][] | null;
  objective: number;
  kicks: number;
}

function coverCell(m: IndexedInstance, d: number, s: number, count: number): number {
  const gap = count - m.requirement[d]![s]!;
  return gap > 0 ? gap * m.weightOver[d]![s]! : -gap * m.weightUnder[d]![s]!;
}

/**
 * What is the official objective of a grid (request weights plus cover penalties)?
 * @example gridObjective(m, allOff) // sum of on-request weights plus the cost of all cover missing
 */
export function gridObjective(m: IndexedInstance, grid: number[][]): number {
  let total = m.baseCost;
  const counts = Array.from({ length: m.days }, () => new Array<number>(m.shifts).fill(0));
  grid.forEach((row, e) => row.forEach((s, d) => {
    if (s >= 0) { counts[d]![s]!++; total += m.assignCost[e]![d]![s]!; }
  }));
  for (let d = 0; d < m.days; d++) for (let s = 0; s < m.shifts; s++) total += coverCell(m, d, s, counts[d]![s]!);
  return total;
}

/**
 * Searches for a low-objective roster grid: re-plans employees one at a time against everyone
 * else's cover until none improves, then kicks a few employees with noisy costs and repeats,
 * travelling within 1% of the best. Every grid it holds keeps every hard rule.
 * @example dpSearch(m, { seed: 1, clock: () => performance.now(), until: performance.now() + 1000 }).objective
 */
export function dpSearch(m: IndexedInstance, options: DpSearchOptions): DpSearchResult {
  const { employees: E, days: D, shifts: S } = m;
  const rand = mulberry32(options.seed);
  const counts = Array.from({ length: D }, () => new Array<number>(S).fill(0));
  let grid = options.start ? options.start.map((r) => [...r]) : Array.from({ length: E }, () => new Array<number>(D).fill(-1));
  const recount = () => {
    for (const c of counts) c.fill(0);
    for (const row of grid) row.forEach((s, d) => { if (s >= 0) counts[d]![s]!++; });
  };
  recount();
  const marginal = (e: number, noise: number): number[][] => Array.from({ length: D }, (_, d) => Array.from({ length: S }, (_, s) => {
    const c = counts[d]![s]!;
    return m.assignCost[e]![d]![s]! + coverCell(m, d, s, c + 1) - coverCell(m, d, s, c) + (noise > 0 ? rand() * noise : 0);
  }));
  const rowCostOf = (row: number[], cost: number[][]) => row.reduce((sum, s, d) => sum + (s >= 0 ? cost[d]![s]! : 0), 0);
  const setRow = (e: number, row: number[]) => {
    grid[e]!.forEach((s, d) => { if (s >= 0) counts[d]![s]!--; });
    grid[e] = row;
    row.forEach((s, d) => { if (s >= 0) counts[d]![s]!++; });
  };
  /** Re-plans employee e against everyone else's cover; true when its row changed. With noise, always takes the new row. */
  const replan = (e: number, noise: number): boolean => {
    const oldRow = grid[e]!;
    setRow(e, new Array<number>(D).fill(-1));
    const cost = marginal(e, noise);
    const best = bestEmployeeRow(m, e, cost);
    const oldIsPlanned = oldRow.some((s) => s >= 0) || options.start !== undefined;
    const keep = !best || (noise === 0 && oldIsPlanned && rowCostOf(oldRow, cost) <= best.cost + 1e-9);
    setRow(e, keep ? oldRow : best.row);
    return !keep;
  };
  const order = () => {
    const ids = Array.from({ length: E }, (_, i) => i);
    for (let i = E - 1; i > 0; i--) { const j = randomInt(rand, i + 1); [ids[i], ids[j]] = [ids[j]!, ids[i]!]; }
    return ids;
  };
  // Start: every employee gets an exact best row in turn (all rules are per employee, so the grid is feasible).
  if (!options.start) {
    for (const e of order()) {
      const before = grid[e]!;
      replan(e, 0);
      if (grid[e] === before) return { grid: null, objective: Infinity, kicks: 0 };
    }
  }
  const descend = () => {
    for (let improved = true; improved && options.clock() < options.until;) {
      improved = false;
      for (const e of order()) if (replan(e, 0)) improved = true;
    }
  };
  descend();
  let currentObjective = gridObjective(m, grid);
  let best = grid.map((r) => [...r]), bestObjective = currentObjective;
  options.onImprove?.(best, bestObjective);
  let kicks = 0;
  while (options.clock() < options.until) {
    kicks++;
    const saved = grid.map((r) => [...r]);
    const k = 1 + randomInt(rand, Math.min(3, E));
    const noise = 20 + rand() * 200;
    for (let i = 0; i < k; i++) replan(randomInt(rand, E), noise);
    descend();
    const objective = gridObjective(m, grid);
    if (objective < bestObjective) {
      best = grid.map((r) => [...r]); bestObjective = objective;
      options.onImprove?.(best, bestObjective);
    }
    if (objective <= bestObjective * 1.01 || objective <= currentObjective) currentObjective = objective;
    else { grid = saved; recount(); }
  }
  return { grid: best, objective: bestObjective, kicks };
}
