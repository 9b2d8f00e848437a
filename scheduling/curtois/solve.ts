// Time-bounded, seeded Curtois solver: per-employee DP search, price-and-branch on whole rows, then the compact MIP.
import highsModule, { type Highs } from 'highs';
import { evaluateCurtois } from './evaluate.ts';
import { indexInstance, toAssignments } from './indexed.ts';
import { priceAndBranch } from './columnGeneration.ts';
import { dpSearch } from './dpSearch.ts';
import { buildCurtoisMip, columnsFromGrid, gridFromColumns } from './mip.ts';
import type { CurtoisAssignments, CurtoisInstance } from './types.ts';

/** Progress snapshot for a progress bar: elapsed time, best objective so far, share of the time used. */
export interface CurtoisProgress {
  elapsedMs: number;
  bestObjective: number | null;
  /** 0–1; 1 when the solve ends (early when optimality is proven). */
  fraction: number;
  /** Best proven lower bound on the objective, when the exact phase has one. */
  lowerBound?: number;
}

/** Options of one solve. `clock` (monotonic ms) defaults to performance.now; `highs` to a lazily loaded runtime. */
export interface SolveCurtoisOptions {
  timeLimitSeconds: number;
  seed: number;
  onProgress?: (progress: CurtoisProgress) => void;
  clock?: () => number;
  highs?: Highs;
  /** Cumulative shares of the time at which the DP search, column generation and integer master end. */
  phaseEnds?: { search: number; pricing: number; master: number };
}

/** A solved roster: hard-feasible assignments, official objective, and how the search went. */
export interface CurtoisSolution {
  assignments: CurtoisAssignments;
  objective: number;
  /** True when the exact MIP proved no better roster exists. */
  provedOptimal: boolean;
  lowerBound: number | null;
  timeToBestMs: number;
  elapsedMs: number;
}

type HighsLoader = () => Promise<Highs>;
// The package's types describe CommonJS, but under ESM its default export is the loader itself.
const loadHighs: HighsLoader = typeof highsModule === 'function'
  ? (highsModule as unknown as HighsLoader)
  : (highsModule as unknown as { default: HighsLoader }).default;

let highsPromise: Promise<Highs> | undefined;
/** Loads the HiGHS WebAssembly runtime once per process. */
function sharedHighs(): Promise<Highs> {
  if (!highsPromise) highsPromise = loadHighs();
  return highsPromise;
}

/**
 * What is the best roster the solver finds within the time limit? Never returns a roster that
 * breaks a hard rule (throws if none was found in time). Deterministic for a seed where no
 * phase is cut short by the clock.
 * @example (await solveCurtois(parseCurtois(text), { timeLimitSeconds: 60, seed: 1 })).objective // 607 for Instance1
 */
export async function solveCurtois(instance: CurtoisInstance, options: SolveCurtoisOptions): Promise<CurtoisSolution> {
  const clock = options.clock ?? (() => performance.now());
  const highs = options.highs ?? (await sharedHighs());
  const started = clock();
  const budgetMs = Math.max(0, options.timeLimitSeconds * 1000);
  const deadline = started + budgetMs;
  const m = indexInstance(instance);
  let best: { grid: number[][]; objective: number; atMs: number } | null = null;
  let lowerBound: number | null = null;
  const progress = (fraction?: number) => options.onProgress?.({
    elapsedMs: clock() - started, bestObjective: best?.objective ?? null,
    fraction: fraction ?? Math.min(1, (clock() - started) / Math.max(1, budgetMs)),
    ...(lowerBound !== null ? { lowerBound } : {}),
  });
  const offer = (grid: number[][]): boolean => {
    const verdict = evaluateCurtois(instance, toAssignments(instance, grid));
    if (!verdict.feasible || (best && verdict.objective >= best.objective)) return false;
    best = { grid: grid.map((r) => [...r]), objective: verdict.objective, atMs: clock() - started };
    progress();
    return true;
  };

  const phases = options.phaseEnds ?? { search: 0.1, pricing: 0.5, master: 0.75 };
  const at = (share: number) => started + budgetMs * share;
  const proved = () => best !== null && lowerBound !== null && lowerBound >= (best as { objective: number }).objective;
  const raiseBound = (bound: number) => {
    if (lowerBound === null || bound > lowerBound) { lowerBound = bound; progress(); }
  };
  // 1. A feasible roster at once: every employee's exact best row in turn, then kicks.
  dpSearch(m, {
    seed: options.seed, clock,
    until: Math.min(at(phases.search), started + 3000),
    onImprove: (grid) => { offer(grid); },
  });
  // 2. Column generation over whole rows gives a lower bound; its integer master a better roster.
  if (best && clock() < deadline) {
    priceAndBranch(highs, m, {
      clock, seed: options.seed, lpUntil: at(phases.pricing), until: at(phases.master),
      startGrids: [(best as { grid: number[][] }).grid],
      onImprove: (grid) => { offer(grid); },
      onBound: raiseBound,
    });
  }
  if (proved()) return finish(true);

  const mip = buildCurtoisMip(m, highs.infinity);
  const model = highs.createModel({
    numCols: mip.numCols, numRows: mip.numRows, offset: mip.offset,
    colCost: mip.colCost, colLower: mip.colLower, colUpper: mip.colUpper,
    rowLower: mip.rowLower, rowUpper: mip.rowUpper, integrality: mip.integrality as unknown as Int32Array,
    matrix: { format: 'csr', numRows: mip.numRows, numCols: mip.numCols, starts: mip.starts, indices: mip.indices, values: mip.values },
  });
  try {
    model.options.set({ output_flag: false, mip_rel_gap: 0, mip_abs_gap: 0.999, random_seed: (options.seed >>> 0) % 2147483647 });
    // Exact phase: the whole model, started from the best roster, for the rest of the time.
    const start = best as { grid: number[][] } | null;
    if (start) model.setSolution({ colValue: columnsFromGrid(mip, m, start.grid) });
    const remaining = (deadline - clock()) / 1000;
    if (remaining > 0.05 && !proved()) {
      model.options.set({ time_limit: remaining });
      model.zeroAllClocks();
      const run = model.run({
        [highs.constants.callbackType.mipImprovingSolution](event) {
          if (event.data.mip_solution) offer(gridFromColumns(mip, event.data.mip_solution));
        },
        [highs.constants.callbackType.mipInterrupt](event) {
          const bound = event.data.mip_dual_bound;
          if (typeof bound === 'number' && Number.isFinite(bound)) raiseBound(Math.ceil(bound - 1e-6));
          if (clock() >= deadline || proved()) event.interrupt();
        },
        [highs.constants.callbackType.mipLogging]() {
          progress();
        },
      });
      if (run.modelStatus === highs.constants.modelStatus.optimal) {
        offer(gridFromColumns(mip, model.getSolution().colValue));
        if (best) raiseBound((best as { objective: number }).objective);
      }
    }
  } finally {
    model.dispose();
  }
  return finish(proved());

  function finish(provedOptimal: boolean): CurtoisSolution {
    const found = best as { grid: number[][]; objective: number; atMs: number } | null;
    if (!found) throw new Error(`no roster without hard violations found in ${options.timeLimitSeconds} s`);
    const elapsedMs = clock() - started;
    progress(1);
    return {
      assignments: toAssignments(instance, found.grid), objective: found.objective, provedOptimal,
      lowerBound, timeToBestMs: found.atMs, elapsedMs,
    };
  }
}
