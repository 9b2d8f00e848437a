// The solver's working state: the roster, cached per-agent penalties, staffed minutes per slot and fairness counts, with cheap re-scoring of changed cells.
import type { AgentConstraint, PenaltyItem, RosterIndex } from './context.ts';
import { slotPenalty } from './constraints/coverage.ts';
import { FAIRNESS_MEASURES, type FairnessMeasure } from './constraints/fairness.ts';
import type { Roster, RosterCell } from './model.ts';
import type { Rule } from './rules.ts';
import { agentPenalty, agentRules } from './score.ts';

/** One fairness rule as the state tracks it: per-agent counts of eligible agents and the current penalty. */
interface FairTrack {
  rule: Rule;
  measure: FairnessMeasure;
  eligible: Uint8Array;
  counts: Float64Array;
  /** How many eligible agents have each count (counts are whole numbers ≤ days in the period). */
  histogram: Float64Array;
  penalty: number;
}

/** A cell change: agent index, day index, new cell. */
export interface CellChange {
  agent: number;
  day: number;
  cell: RosterCell;
}

/**
 * Mutable search state whose hard and soft totals always equal scoreRoster of its roster (up to rounding).
 * @example const s = new SearchState(ix, roster); s.apply([{ agent: 0, day: 3, cell: OFF }]); s.soft
 */
export class SearchState {
  readonly roster: Roster;
  readonly rules: [Rule, AgentConstraint][];
  readonly agentHard: Float64Array;
  readonly agentSoft: Float64Array;
  private readonly staffed: Int32Array[];
  private readonly required: Float64Array[];
  private readonly coverageRule: Rule | undefined;
  private readonly fair: FairTrack[];
  private readonly scratch: PenaltyItem[] = [];
  private readonly projectIndex: Map<string, number>;
  private readonly slots: number;
  hard = 0;
  soft = 0;
  coveragePenalty = 0;

  constructor(readonly ix: RosterIndex, roster: Roster) {
    this.roster = roster;
    this.rules = agentRules(ix);
    const n = ix.model.agents.length;
    this.agentHard = new Float64Array(n);
    this.agentSoft = new Float64Array(n);
    this.slots = ix.dayCount * ix.intervalsPerDay;
    this.projectIndex = new Map(ix.model.projects.map((p, i) => [p, i]));
    this.staffed = ix.model.projects.map(() => new Int32Array(this.slots));
    this.required = ix.model.projects.map((p) => {
      const row = new Float64Array(this.slots);
      (ix.model.requirement[p] ?? []).forEach((day, d) => day.forEach((v, k) => { if (d < ix.dayCount) row[d * ix.intervalsPerDay + k] = v; }));
      return row;
    });
    this.coverageRule = ix.rules.get('coverage');
    this.fair = ix.model.rules.filter((r) => FAIRNESS_MEASURES[r.id]).map((rule) => {
      const measure = FAIRNESS_MEASURES[rule.id];
      const eligible = Uint8Array.from(ix.model.agents, (a) => (measure.eligible(ix, a) ? 1 : 0));
      return { rule, measure, eligible, counts: new Float64Array(n), histogram: new Float64Array(ix.dayCount + 2), penalty: 0 };
    });
    ix.model.agents.forEach((agent, a) => {
      const p = agentPenalty(ix, this.rules, agent, roster[agent.id], this.scratch);
      this.scratch.length = 0;
      this.agentHard[a] = p.hard;
      this.agentSoft[a] = p.soft;
      this.hard += p.hard;
      this.soft += p.soft;
      roster[agent.id].forEach((cell, d) => this.addCoverage(cell, d, 1));
      for (const f of this.fair) {
        f.counts[a] = f.measure.count(ix, roster[agent.id]);
        if (f.eligible[a]) f.histogram[f.counts[a]]++;
      }
    });
    if (this.coverageRule) {
      for (let j = 0; j < this.staffed.length; j++) for (let s = 0; s < this.slots; s++) this.coveragePenalty += slotPenalty(this.coverageRule, ix.model.intervalMinutes, this.required[j][s], this.staffed[j][s]);
    }
    this.soft += this.coveragePenalty;
    for (const f of this.fair) { f.penalty = this.fairPenalty(f); this.soft += f.penalty; }
    if (ix.rules.get('coverage')?.hard || this.fair.some((f) => f.rule.hard)) throw new RangeError('coverage and fairness rules must be soft');
  }

  /** Adds (sign 1) or removes (sign −1) a cell's duty minutes; returns the change in coverage penalty. */
  private addCoverage(cell: RosterCell, d: number, sign: 1 | -1): number {
    if (!cell.shift || !cell.project) return 0;
    const profile = this.ix.coverageProfile.get(cell.shift);
    const j = this.projectIndex.get(cell.project);
    if (!profile || j === undefined) return 0;
    const row = this.staffed[j];
    const req = this.required[j];
    const rule = this.coverageRule;
    const im = this.ix.model.intervalMinutes;
    const base = d * this.ix.intervalsPerDay;
    let delta = 0;
    for (let k = 0; k < profile.length; k++) {
      const s = base + k;
      if (profile[k] === 0 || s >= this.slots) continue;
      const before = row[s];
      row[s] += sign * profile[k];
      if (rule) delta += slotPenalty(rule, im, req[s], row[s]) - slotPenalty(rule, im, req[s], before);
    }
    return delta;
  }

  /**
   * How would the coverage penalty change if day `d` of an agent went from `from` to `to`? Leaves the state as it was.
   * @example state.previewCoverage(OFF, { shift: 'E', project: '95598' }, 3) // −100 when it fills one missing agent-interval
   */
  previewCoverage(from: RosterCell, to: RosterCell, d: number): number {
    const delta = this.addCoverage(from, d, -1) + this.addCoverage(to, d, 1);
    this.addCoverage(to, d, -1);
    this.addCoverage(from, d, 1);
    return delta;
  }

  /** Σ over eligible agents of weight × |count − mean|, from the histogram of counts (O(days), not O(agents)). */
  private fairPenalty(f: FairTrack): number {
    let n = 0;
    let sum = 0;
    for (let v = 0; v < f.histogram.length; v++) { n += f.histogram[v]; sum += v * f.histogram[v]; }
    if (n === 0) return 0;
    const mean = sum / n;
    let dev = 0;
    for (let v = 0; v < f.histogram.length; v++) { const x = Math.abs(v - mean); if (f.histogram[v] > 0 && x > 1e-9) dev += f.histogram[v] * x; }
    return f.rule.weight * dev;
  }

  /**
   * Applies cell changes, re-scores the touched agents, and returns the previous cells (pass them back to undo).
   * @example const undo = state.apply(changes); if (worse) state.apply(undo)
   */
  apply(changes: CellChange[]): CellChange[] {
    const { ix } = this;
    const undo: CellChange[] = [];
    const touched = new Set<number>();
    for (const ch of changes) {
      const cells = this.roster[ix.model.agents[ch.agent].id];
      const old = cells[ch.day];
      undo.unshift({ agent: ch.agent, day: ch.day, cell: old });
      const delta = this.addCoverage(old, ch.day, -1) + this.addCoverage(ch.cell, ch.day, 1);
      this.coveragePenalty += delta;
      this.soft += delta;
      cells[ch.day] = ch.cell;
      touched.add(ch.agent);
    }
    for (const a of touched) {
      const agent = ix.model.agents[a];
      const cells = this.roster[agent.id];
      const p = agentPenalty(ix, this.rules, agent, cells, this.scratch);
      this.scratch.length = 0;
      this.hard += p.hard - this.agentHard[a];
      this.soft += p.soft - this.agentSoft[a];
      this.agentHard[a] = p.hard;
      this.agentSoft[a] = p.soft;
    }
    for (const f of this.fair) {
      let changed = false;
      for (const a of touched) {
        const c = f.measure.count(ix, this.roster[ix.model.agents[a].id]);
        if (c !== f.counts[a]) {
          if (f.eligible[a]) { f.histogram[f.counts[a]]--; f.histogram[c]++; }
          f.counts[a] = c;
          changed = true;
        }
      }
      if (changed) { const p = this.fairPenalty(f); this.soft += p - f.penalty; f.penalty = p; }
    }
    return undo;
  }
}
