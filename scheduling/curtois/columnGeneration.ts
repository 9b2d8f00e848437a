// Price-and-branch on the pattern model: one whole row per employee is a column, priced exactly by employeeDp.
import type { Highs } from 'highs';
import { bestEmployeeRow } from './employeeDp.ts';
import type { IndexedInstance } from './indexed.ts';

/** Options of one run: stop at clock value `lpUntil` for pricing and `until` for the integer master. */
export interface PriceAndBranchOptions {
  clock: () => number;
  lpUntil: number;
  until: number;
  seed: number;
  /** Feasible grids whose rows seed the column pool (e.g. from dpSearch). */
  startGrids: number[][][];
  /** Employees held to their row in the first start grid (neighbourhood search); their bound is not global. */
  fixedEmployees?: ReadonlySet<number>;
  onImprove?: (grid: number[][]) => void;
  onBound?: (lowerBound: number) => void;
}

/** Outcome: best grid from the integer master (or null), and the proven lower bound (or null). */
export interface PriceAndBranchResult {
  grid: number[][] | null;
  lowerBound: number | null;
  /** True when pricing found no improving column, so the LP bound is the pattern model's. */
  converged: boolean;
  columns: number;
  iterations: number;
}

interface Column { employee: number; row: number[]; cost: number }

function rowCost(m: IndexedInstance, e: number, row: number[]): number {
  let cost = 0;
  row.forEach((s, d) => { if (s >= 0) cost += m.assignCost[e]![d]![s]!; });
  return cost;
}

/**
 * Solves the LP relaxation of the pattern model by column generation (pricing = exact best row per
 * employee under cover duals), then the integer master over the columns found. The LP value plus
 * each employee's most negative reduced cost is a valid lower bound at every iteration.
 * @example priceAndBranch(highs, m, { clock, lpUntil, until, seed: 1, startGrids: [grid] }).lowerBound
 */
export function priceAndBranch(highs: Highs, m: IndexedInstance, options: PriceAndBranchOptions): PriceAndBranchResult {
  const { employees: E, days: D, shifts: S } = m;
  const cellRow: number[][] = Array.from({ length: D }, () => new Array<number>(S).fill(-1));
  const cells: [number, number][] = [];
  for (let d = 0; d < D; d++) for (let s = 0; s < S; s++) {
    if (m.weightUnder[d]![s]! > 0 || m.weightOver[d]![s]! > 0) { cellRow[d]![s] = E + cells.length; cells.push([d, s]); }
  }
  const numRows = E + cells.length;
  const columns: Column[] = [];
  const seen = new Set<string>();
  const addColumn = (employee: number, row: number[]): boolean => {
    const key = `${employee}:${row.join(',')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    columns.push({ employee, row: [...row], cost: rowCost(m, employee, row) });
    return true;
  };
  const fixed = options.fixedEmployees ?? new Set<number>();
  options.startGrids.forEach((grid, g) => grid.forEach((row, e) => { if (g === 0 || !fixed.has(e)) addColumn(e, row); }));

  const build = (integer: boolean) => {
    const nCols = columns.length + 2 * cells.length;
    const colCost = new Float64Array(nCols), colUpper = new Float64Array(nCols);
    const starts = [0], indices: number[] = [], values: number[] = [];
    columns.forEach((c, j) => {
      // No upper bound: convexity already caps λ at 1, and a bound would absorb duals pricing relies on.
      colCost[j] = c.cost; colUpper[j] = highs.infinity;
      indices.push(c.employee); values.push(1);
      c.row.forEach((s, d) => { if (s >= 0 && cellRow[d]![s]! >= 0) { indices.push(cellRow[d]![s]!); values.push(1); } });
      starts.push(indices.length);
    });
    cells.forEach(([d, s], i) => {
      const j = columns.length + 2 * i;
      colCost[j] = m.weightUnder[d]![s]!; colUpper[j] = highs.infinity; indices.push(E + i); values.push(1); starts.push(indices.length);
      colCost[j + 1] = m.weightOver[d]![s]!; colUpper[j + 1] = highs.infinity; indices.push(E + i); values.push(-1); starts.push(indices.length);
    });
    const rowBound = Float64Array.from({ length: numRows }, (_, r) => (r < E ? 1 : m.requirement[cells[r - E]![0]]![cells[r - E]![1]]!));
    return highs.createModel({
      numCols: nCols, numRows, offset: m.baseCost, colCost,
      colLower: new Float64Array(nCols), colUpper, rowLower: rowBound, rowUpper: rowBound,
      matrix: { format: 'csc', numRows, numCols: nCols, starts: Int32Array.from(starts), indices: Int32Array.from(indices), values: Float64Array.from(values) },
      ...(integer ? { integrality: Int32Array.from({ length: nCols }, (_, j) => (j < columns.length ? 1 : 0)) } : {}),
    });
  };

  let lowerBound: number | null = null, converged = false, iterations = 0;
  const duals = Array.from({ length: D }, () => new Array<number>(S).fill(0));
  while (options.clock() < options.lpUntil) {
    iterations++;
    const lp = build(false);
    let objective: number, rowDual: ArrayLike<number>;
    try {
      lp.options.set({ output_flag: false, time_limit: Math.max(0.1, (options.lpUntil - options.clock()) / 1000) });
      const run = lp.run();
      if (run.modelStatus !== highs.constants.modelStatus.optimal) break;
      objective = lp.getObjectiveValue();
      rowDual = lp.getSolution().rowDual;
    } finally {
      lp.dispose();
    }
    // HiGHS reports duals y with reduced cost c - Aᵀy; an under-covered cell has y = WeightUnder.
    for (const [i, [d, s]] of cells.entries()) duals[d]![s] = rowDual[E + i]!;
    let added = 0, bound = objective;
    for (let e = 0; e < E; e++) {
      if (fixed.has(e)) continue;
      if (options.clock() >= options.lpUntil) { bound = -Infinity; break; }
      const cost = Array.from({ length: D }, (_, d) => Array.from({ length: S }, (_, s) => m.assignCost[e]![d]![s]! - duals[d]![s]!));
      const best = bestEmployeeRow(m, e, cost);
      if (!best) continue;
      const reduced = best.cost - rowDual[e]!;
      if (reduced < -1e-6) { bound += reduced; if (addColumn(e, best.row)) added++; }
    }
    if (Number.isFinite(bound) && fixed.size === 0) {
      const rounded = Math.ceil(bound - 1e-6);
      if (lowerBound === null || rounded > lowerBound) { lowerBound = rounded; options.onBound?.(rounded); }
    }
    if (added === 0 && Number.isFinite(bound)) { converged = true; break; }
  }

  let grid: number[][] | null = null;
  const remaining = (options.until - options.clock()) / 1000;
  if (remaining > 0.05 && columns.length > 0) {
    const ip = build(true);
    try {
      ip.options.set({ output_flag: false, time_limit: remaining, mip_rel_gap: 0, mip_abs_gap: 0.999, random_seed: (options.seed >>> 0) % 2147483647 });
      const toGrid = (values: ArrayLike<number>) => {
        const g: number[][] = Array.from({ length: E }, () => new Array<number>(D).fill(-1));
        columns.forEach((c, j) => { if (values[j]! > 0.5) g[c.employee] = [...c.row]; });
        return g;
      };
      ip.run({
        [highs.constants.callbackType.mipImprovingSolution](event) {
          if (event.data.mip_solution) options.onImprove?.(toGrid(event.data.mip_solution));
        },
        [highs.constants.callbackType.mipInterrupt](event) {
          if (options.clock() >= options.until) event.interrupt();
        },
      });
      const status = ip.getModelStatus();
      if (status === highs.constants.modelStatus.optimal || status === highs.constants.modelStatus.timeLimit || status === highs.constants.modelStatus.interrupted) {
        grid = toGrid(ip.getSolution().colValue);
        options.onImprove?.(grid);
      }
    } finally {
      ip.dispose();
    }
  }
  return { grid, lowerBound, converged, columns: columns.length, iterations };
}
