// A tighter lower bound on coverage shortfall: the LP relaxation (HiGHS) of staffing by groups of interchangeable agents under the hard limits.
import type { Highs } from 'highs';
import { indexModel, type RosterIndex } from './context.ts';
import type { RosterModel } from './model.ts';
import { agentOptions } from './options.ts';
import { numberParam } from './rules.ts';

/** The LP bound in agent-intervals short and penalty units; null values when HiGHS did not reach optimality in time. */
export interface LpShortfallBound {
  agentIntervalsShort: number | null;
  penalty: number | null;
  groups: number;
  columns: number;
  rows: number;
  status: string;
}

/**
 * How short must every roster be, by the LP relaxation? Agents with the same options form a group; variables are how
 * many of a group work each (shift, project) each day. Rows: one shift a day per available agent, at most maxDays in
 * every maxDays+1 consecutive days and at most maxNights nights (when those rules are hard), and coverage with a
 * shortfall variable per project and interval. Rest and successions are relaxed, so the value is a valid bound.
 * @example (await lpLowerBound(model, await sharedHighs())).agentIntervalsShort // ≥ lowerBound(model).perIntervalBound
 */
export function lpLowerBound(model: RosterModel, highs: Highs, { timeLimitSeconds = 30, ix = indexModel(model) }: { timeLimitSeconds?: number; ix?: RosterIndex } = {}): LpShortfallBound {
  const opts = agentOptions(ix);
  const D = ix.dayCount;
  const perDay = ix.intervalsPerDay;
  const groups = new Map<string, number[]>();
  opts.forEach((o, a) => {
    const key = o.options.map((c) => `${c.shift}|${c.project}`).sort().join(',');
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(a);
  });
  const cost: number[] = [];
  const addCol = (c: number) => { cost.push(c); return cost.length - 1; };
  const rowLo: number[] = [], rowHi: number[] = [], starts: number[] = [0], idx: number[] = [], val: number[] = [];
  const addRow = (terms: [number, number][], lo: number, hi: number) => {
    for (const [c, v] of terms) { idx.push(c); val.push(v); }
    starts.push(idx.length); rowLo.push(lo); rowHi.push(hi);
  };
  const slots = D * perDay;
  const coverTerms = model.projects.map(() => Array.from({ length: slots }, () => [] as [number, number][]));
  const projectIndex = new Map(model.projects.map((p, i) => [p, i]));
  const maxRun = ix.rules.get('max-consecutive-work');
  const maxNights = ix.rules.get('max-nights-month');
  for (const members of groups.values()) {
    const options = opts[members[0]].options;
    if (options.length === 0) continue;
    const dayCols: number[][] = [];
    for (let d = 0; d < D; d++) {
      const available = members.filter((a) => { const f = opts[a].fixed.get(d); return !f || f.shift; }).length;
      const cols = available > 0 ? options.map(() => addCol(0)) : [];
      dayCols.push(cols);
      if (available === 0) continue;
      addRow(cols.map((c) => [c, 1]), 0, available);
      options.forEach((o, k) => {
        const profile = ix.coverageProfile.get(o.shift!)!;
        const j = projectIndex.get(o.project!)!;
        for (let t = 0; t < profile.length && d * perDay + t < slots; t++) if (profile[t] > 0) coverTerms[j][d * perDay + t].push([cols[k], profile[t] / model.intervalMinutes]);
      });
    }
    if (maxRun?.hard) {
      const k = numberParam(maxRun, 'maxDays', 6);
      for (let d = 0; d + k < D; d++) addRow(dayCols.slice(d, d + k + 1).flat().map((c) => [c, 1]), 0, k * members.length);
    }
    if (maxNights?.hard) {
      const nightCols = dayCols.flatMap((cols) => cols.filter((_, k) => ix.shiftByCode.get(options[k].shift!)?.night));
      if (nightCols.length) addRow(nightCols.map((c) => [c, 1]), 0, numberParam(maxNights, 'maxNights', 8) * members.length);
    }
  }
  model.projects.forEach((p, j) => {
    for (let s = 0; s < slots; s++) {
      const req = model.requirement[p]?.[Math.floor(s / perDay)]?.[s % perDay] ?? 0;
      if (req <= 0) continue;
      const u = addCol(1);
      addRow([...coverTerms[j][s], [u, 1]], req, highs.infinity);
    }
  });
  const numCols = cost.length;
  const numRows = rowLo.length;
  const lp = highs.createModel({
    numCols, numRows, colCost: Float64Array.from(cost), colLower: new Float64Array(numCols), colUpper: new Float64Array(numCols).fill(highs.infinity),
    rowLower: Float64Array.from(rowLo), rowUpper: Float64Array.from(rowHi),
    matrix: { format: 'csr', numRows, numCols, starts: Int32Array.from(starts), indices: Int32Array.from(idx), values: Float64Array.from(val) },
  });
  try {
    lp.options.set({ output_flag: false, time_limit: timeLimitSeconds });
    const run = lp.run();
    const optimal = run.modelStatus === highs.constants.modelStatus.optimal;
    const short = optimal ? Math.max(0, lp.getObjectiveValue()) : null;
    const rule = ix.rules.get('coverage');
    return {
      agentIntervalsShort: short,
      penalty: short === null ? null : rule ? rule.weight * numberParam(rule, 'underWeight', 100) * short : 0,
      groups: groups.size, columns: numCols, rows: numRows, status: String(run.modelStatus),
    };
  } finally {
    lp.dispose();
  }
}
