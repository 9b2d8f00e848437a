// Time-bounded, seeded roster solver: greedy construction (or the published baseline for a re-plan), then late-acceptance local search over cell, swap, block-swap, project, block and day-swap moves.
import { mulberry32 } from '../curtois/random.ts';
import { indexModel } from './context.ts';
import { constructRoster } from './construct.ts';
import type { Roster, RosterCell, RosterModel } from './model.ts';
import { agentOptions, type AgentOptions } from './options.ts';
import { scoreRoster, type RosterScore } from './score.ts';
import { SearchState, type CellChange } from './state.ts';

/** A progress snapshot for a progress bar and the current best score. */
export interface SolveProgress {
  elapsedMs: number;
  fraction: number;
  bestHard: number;
  bestSoft: number;
  iterations: number;
}

/** Options of one solve; `clock` (monotonic ms) defaults to performance.now; `maxIterations` makes a run repeatable whatever the machine. */
export interface SolveRosterOptions {
  timeLimitMs: number;
  seed: number;
  onProgress?: (p: SolveProgress) => void;
  shouldStop?: () => boolean;
  maxIterations?: number;
  clock?: () => number;
  progressEveryMs?: number;
  /** Late-acceptance history length (longer explores more). */
  historyLength?: number;
}

/** What the solve did: iterations, accepted moves, timings and why it stopped. */
export interface SolveStats {
  iterations: number;
  acceptedMoves: number;
  constructMs: number;
  elapsedMs: number;
  /** Elapsed ms when the first roster with no hard violation existed (null if none was found). */
  firstFeasibleMs: number | null;
  stoppedBy: 'time' | 'iterations' | 'cancelled';
  /** The search's incrementally tracked totals for the returned roster (equal to `score` up to rounding). */
  trackedHard: number;
  trackedSoft: number;
}

/** Weight of one unit of hard penalty in the search's single objective. */
const HARD_WEIGHT = 1e5;

function sameCell(x: RosterCell, y: RosterCell): boolean {
  return x.shift === y.shift && x.project === y.project;
}

/**
 * Which start does a re-plan take? The published baseline, with fixed cells (new leave, pins) laid over it and any
 * cell the agent may no longer take turned into a day off, so the search moves as little as it must.
 * @example startFromBaseline(model, agentOptions(ix))['A0001'][3] // the baseline's cell unless fixed
 */
export function startFromBaseline(model: RosterModel, opts: AgentOptions[]): Roster {
  const roster: Roster = {};
  model.agents.forEach((agent, a) => {
    const base = model.baseline?.[agent.id];
    roster[agent.id] = model.days.map((_, d) => {
      const fixed = opts[a].fixed.get(d);
      if (fixed) return { ...fixed };
      const cell = base?.[d];
      const ok = cell?.shift && opts[a].options.some((o) => o.shift === cell.shift && o.project === cell.project);
      return ok ? { shift: cell!.shift, project: cell!.project } : { shift: null, project: null };
    });
  });
  return roster;
}

/**
 * Which roster does the solver find within the limits? Never returns a roster that breaks a hard rule when one that
 * does not was found (the best is kept lexicographically: hard, then soft). Deterministic for a seed and `maxIterations`.
 * @example (await solveRoster(demoCentreModel({ seed: 1, month: '2026-10', agents: 300 }), { timeLimitMs: 60_000, seed: 1 })).score.hard // 0
 */
export async function solveRoster(model: RosterModel, options: SolveRosterOptions): Promise<{ roster: Roster; score: RosterScore; stats: SolveStats }> {
  const clock = options.clock ?? (() => performance.now());
  const started = clock();
  const elapsed = () => clock() - started;
  const next = mulberry32(options.seed);
  const ix = indexModel(model);
  const opts = agentOptions(ix);
  const state = new SearchState(ix, model.baseline ? startFromBaseline(model, opts) : constructRoster(ix, opts, next));
  const constructMs = elapsed();
  const A = model.agents.length;
  const D = ix.dayCount;
  const ids = model.agents.map((a) => a.id);
  const cost = () => state.hard * HARD_WEIGHT + state.soft;
  const snapshot = () => ids.map((id) => state.roster[id].slice());
  let best = snapshot();
  let bestHard = state.hard;
  let bestSoft = state.soft;
  let firstFeasibleMs: number | null = state.hard < 1e-9 ? constructMs : null;
  const history = new Float64Array(options.historyLength ?? 100).fill(cost());
  const free = (a: number, d: number) => !opts[a].fixed.has(d);
  const OFF: RosterCell = { shift: null, project: null };
  const randomCell = (a: number): RosterCell => {
    const o = opts[a].options;
    return o.length === 0 || next() < 0.25 ? OFF : o[Math.floor(next() * o.length)];
  };
  const allows = (a: number, cell: RosterCell) => !cell.shift || opts[a].options.some((o) => o.shift === cell.shift && o.project === cell.project);

  function propose(): CellChange[] {
    const a = Math.floor(next() * A);
    const d = Math.floor(next() * D);
    const cells = state.roster[ids[a]];
    const kind = next();
    if (kind < 0.15) return free(a, d) ? [{ agent: a, day: d, cell: randomCell(a) }] : [];
    if (kind < 0.3) {
      if (!free(a, d)) return [];
      let bestCell = OFF;
      let bestGain = state.previewCoverage(cells[d], OFF, d) + next() * 50;
      for (const o of opts[a].options) {
        const gain = state.previewCoverage(cells[d], o, d) + next() * 50;
        if (gain < bestGain) { bestGain = gain; bestCell = o; }
      }
      return sameCell(bestCell, cells[d]) ? [] : [{ agent: a, day: d, cell: bestCell }];
    }
    if (kind < 0.4) {
      const b = Math.floor(next() * A);
      const length = 2 + Math.floor(next() * 3);
      const other = state.roster[ids[b]];
      const changes: CellChange[] = [];
      for (let k = d; k < Math.min(D, d + length); k++) {
        if (b === a || !free(a, k) || !free(b, k) || !allows(a, other[k]) || !allows(b, cells[k])) return [];
        if (!sameCell(cells[k], other[k])) changes.push({ agent: a, day: k, cell: other[k] }, { agent: b, day: k, cell: cells[k] });
      }
      return changes;
    }
    if (kind < 0.5) {
      const b = Math.floor(next() * A);
      const other = state.roster[ids[b]][d];
      if (b === a || !free(a, d) || !free(b, d) || sameCell(other, cells[d]) || !allows(a, other) || !allows(b, cells[d])) return [];
      return [{ agent: a, day: d, cell: other }, { agent: b, day: d, cell: cells[d] }];
    }
    if (kind < 0.6) {
      const cell = cells[d];
      if (!cell.shift || !free(a, d)) return [];
      const alt = opts[a].options.filter((o) => o.shift === cell.shift && o.project !== cell.project);
      return alt.length ? [{ agent: a, day: d, cell: alt[Math.floor(next() * alt.length)] }] : [];
    }
    if (kind < 0.8) {
      const e = d + 1 + Math.floor(next() * 3);
      if (e >= D || !free(a, d) || !free(a, e) || sameCell(cells[d], cells[e])) return [];
      return [{ agent: a, day: d, cell: cells[e] }, { agent: a, day: e, cell: cells[d] }];
    }
    const length = 2 + Math.floor(next() * 3);
    const cell = next() < 0.5 && cells[d].shift ? cells[d] : randomCell(a);
    const changes: CellChange[] = [];
    for (let k = d; k < Math.min(D, d + length); k++) if (free(a, k) && !sameCell(cells[k], cell)) changes.push({ agent: a, day: k, cell });
    return changes;
  }

  let iterations = 0;
  let acceptedMoves = 0;
  let stoppedBy: SolveStats['stoppedBy'] = 'time';
  let lastProgress = -Infinity;
  const progressEvery = options.progressEveryMs ?? 250;
  let sliceStart = clock();
  for (;;) {
    if (A === 0 || D === 0) { stoppedBy = 'iterations'; break; }
    if ((iterations & 255) === 0) {
      if (options.maxIterations !== undefined && iterations >= options.maxIterations) { stoppedBy = 'iterations'; break; }
      if (options.shouldStop?.()) { stoppedBy = 'cancelled'; break; }
      const now = elapsed();
      if (options.maxIterations === undefined && now >= options.timeLimitMs) break;
      if (options.maxIterations !== undefined && now >= options.timeLimitMs) break;
      if (now - lastProgress >= progressEvery) {
        lastProgress = now;
        options.onProgress?.({ elapsedMs: now, fraction: Math.min(1, now / Math.max(1, options.timeLimitMs)), bestHard, bestSoft, iterations });
      }
      if (clock() - sliceStart > 50) { await new Promise((resolve) => setImmediate(resolve)); sliceStart = clock(); }
    }
    iterations++;
    const changes = propose();
    if (changes.length === 0) continue;
    const before = cost();
    const undo = state.apply(changes);
    const after = cost();
    const slot = iterations % history.length;
    if (after <= before || after <= history[slot]) {
      acceptedMoves++;
      if (state.hard < bestHard - 1e-9 || (Math.abs(state.hard - bestHard) <= 1e-9 && state.soft < bestSoft - 1e-9)) {
        bestHard = state.hard;
        bestSoft = state.soft;
        best = snapshot();
        if (firstFeasibleMs === null && bestHard < 1e-9) firstFeasibleMs = elapsed();
      }
    } else {
      state.apply(undo);
    }
    if (cost() < history[slot]) history[slot] = cost();
  }
  const roster: Roster = {};
  ids.forEach((id, a) => { roster[id] = best[a].map((c) => ({ shift: c.shift, project: c.project })); });
  const score = scoreRoster(model, roster, ix);
  const stats: SolveStats = { iterations, acceptedMoves, constructMs, elapsedMs: elapsed(), firstFeasibleMs, stoppedBy, trackedHard: bestHard, trackedSoft: bestSoft };
  options.onProgress?.({ elapsedMs: stats.elapsedMs, fraction: 1, bestHard: score.hard, bestSoft: score.soft, iterations });
  return { roster, score, stats };
}
