// Time-bounded, seeded Curtois solver: per-employee DP search, price-and-branch on whole rows and its neighbourhoods, then the compact MIP.
import type { Highs } from 'highs';
import { evaluateCurtois } from './evaluate.ts';
import { indexInstance, toAssignments } from './indexed.ts';
import { priceAndBranch } from './columnGeneration.ts';
import { dpSearch } from './dpSearch.ts';
import { sharedHighs } from './highsRuntime.ts';
import { runCompactMip } from './mipSearch.ts';
import { mulberry32 } from './random.ts';
import type { CurtoisAssignments, CurtoisInstance } from './types.ts';

/** Progress snapshot for a progress bar: elapsed time, best objective so far, share of the time used. */
export interface CurtoisProgress {
  elapsedMs: number;
  bestObjective: number | null;
  /** 0–1; 1 when the solve ends (early when optimality is proven). */
  fraction: number;
  /** Best proven lower bound on the objective, once one is known. */
  lowerBound?: number;
}

/** Options of one solve. `clock` (monotonic ms) defaults to performance.now; `highs` to a lazily loaded runtime. */
export interface SolveCurtoisOptions {
  timeLimitSeconds: number;
  seed: number;
  onProgress?: (progress: CurtoisProgress) => void;
  clock?: () => number;
  highs?: Highs;
  /** Cumulative shares of the time at which the DP search, column generation, integer master, a first compact-MIP attempt and the neighbourhoods end. */
  phaseEnds?: { search: number; pricing: number; master: number; firstMip: number; neighbourhoods: number };
}

/** A solved roster: hard-feasible assignments, official objective, and how the search went. */
export interface CurtoisSolution {
  assignments: CurtoisAssignments;
  objective: number;
  /** True when a lower bound (column generation or the compact MIP) proved no better roster exists. */
  provedOptimal: boolean;
  lowerBound: number | null;
  timeToBestMs: number;
  elapsedMs: number;
}

/**
 * What is the best roster the solver finds within the time limit? Phases: (1) every employee's
 * exact best row in turn, then kicks (a feasible roster at once); (2) column generation over whole
 * rows for a lower bound, and its integer master for a better roster; (3) a first slice of the
 * compact MIP (proves small instances); (4) neighbourhoods: hold some employees to the best roster
 * and price-and-branch the rest; (5) the compact MIP from the best roster for the rest of the time. Stops early once the lower bound meets the best roster.
 * Never returns a roster that breaks a hard rule (throws if none exists). Repeatable for a seed
 * except where a phase is cut short by the clock.
 * @example (await solveCurtois(parseCurtois(text), { timeLimitSeconds: 60, seed: 1 })).objective // 607 for Instance1
 */
export async function solveCurtois(instance: CurtoisInstance, options: SolveCurtoisOptions): Promise<CurtoisSolution> {
  const clock = options.clock ?? (() => performance.now());
  const highs = options.highs ?? (await sharedHighs());
  const started = clock();
  const budgetMs = Math.max(0, options.timeLimitSeconds * 1000);
  const at = (share: number) => started + budgetMs * share;
  const phases = options.phaseEnds ?? { search: 0.1, pricing: 0.45, master: 0.6, firstMip: 0.7, neighbourhoods: 0.85 };
  const m = indexInstance(instance);
  const state: { best: { grid: number[][]; objective: number; atMs: number } | null; lowerBound: number | null } = { best: null, lowerBound: null };

  const progress = (fraction?: number) => options.onProgress?.({
    elapsedMs: clock() - started, bestObjective: state.best?.objective ?? null,
    fraction: fraction ?? Math.min(1, (clock() - started) / Math.max(1, budgetMs)),
    ...(state.lowerBound !== null ? { lowerBound: state.lowerBound } : {}),
  });
  /** Keeps a grid if the evaluator finds it feasible and better: the one gate every phase goes through. */
  const offer = (grid: number[][]): void => {
    const verdict = evaluateCurtois(instance, toAssignments(instance, grid));
    if (!verdict.feasible || (state.best && verdict.objective >= state.best.objective)) return;
    state.best = { grid: grid.map((r) => [...r]), objective: verdict.objective, atMs: clock() - started };
    progress();
  };
  const raiseBound = (bound: number) => {
    if (state.lowerBound === null || bound > state.lowerBound) { state.lowerBound = bound; progress(); }
  };
  const proved = () => state.best !== null && state.lowerBound !== null && state.lowerBound >= state.best.objective;

  // 1. A feasible roster at once: every employee's exact best row in turn, then kicks.
  dpSearch(m, { seed: options.seed, clock, until: Math.min(at(phases.search), started + 3000), onImprove: offer });
  // 2. Column generation over whole rows: a lower bound, and from its integer master a better roster.
  if (state.best && clock() < at(1)) {
    priceAndBranch(highs, m, {
      clock, seed: options.seed, lpUntil: at(phases.pricing), until: at(phases.master),
      startGrids: [state.best.grid], onImprove: offer, onBound: raiseBound,
    });
  }
  const compactMip = (until: number) => {
    if (proved()) return;
    const optimal = runCompactMip(highs, m, {
      clock, until, seed: options.seed, start: state.best?.grid ?? null,
      onImprove: offer, onBound: raiseBound, shouldStop: proved,
    });
    if (optimal && state.best) raiseBound(state.best.objective);
  };
  // 3. A first attempt of the compact MIP: it proves small instances where the pattern bound is loose.
  compactMip(at(phases.firstMip));
  // 4. Neighbourhoods of the pattern model: hold some employees to the best roster, re-price the rest.
  const rand = mulberry32(options.seed ^ 0x2545f491);
  let share = 0.5;
  while (!proved() && state.best && clock() < at(phases.neighbourhoods)) {
    const fixedEmployees = new Set<number>();
    for (let e = 0; e < m.employees; e++) if (rand() >= share) fixedEmployees.add(e);
    if (fixedEmployees.size === m.employees) continue;
    const before = state.best.objective;
    const sliceMs = Math.min(at(phases.neighbourhoods) - clock(), 2000 + 200 * (m.employees - fixedEmployees.size));
    priceAndBranch(highs, m, {
      clock, seed: options.seed + Math.floor(rand() * 1e9), lpUntil: clock() + sliceMs * 0.6, until: clock() + sliceMs,
      startGrids: [state.best.grid], fixedEmployees, onImprove: offer, onBound: () => {},
    });
    // Widen the neighbourhood after a miss, narrow it after a gain.
    share = state.best.objective < before ? Math.max(0.25, share - 0.05) : Math.min(0.8, share + 0.05);
  }
  // 5. The compact MIP again from the best roster for the rest of the time.
  compactMip(at(1));

  const found = state.best;
  if (!found) throw new Error(`no roster without hard violations found in ${options.timeLimitSeconds} s`);
  progress(1);
  return {
    assignments: toAssignments(instance, found.grid), objective: found.objective, provedOptimal: proved(),
    lowerBound: state.lowerBound, timeToBestMs: found.atMs, elapsedMs: clock() - started,
  };
}
