// Weekly re-plan (周调整): re-solve one week of a published month roster from that roster, with a price on every
// changed assignment, keeping the past and locked cells; then explain each change (leave, coverage gap, rule repair,
// knock-on). Pure: plain data in, plain data out.
import { indexModel, type RosterIndex } from './context.ts';
import { staffedMinutes } from './constraints/coverage.ts';
import { cloneRoster, type Roster, type RosterCell, type RosterModel } from './model.ts';
import { agentOptions } from './options.ts';
import { DEMO_RULEBOOK, type Rule } from './rules.ts';
import { scoreRoster, type RosterScore } from './score.ts';
import { solveRoster, startFromBaseline, type SolveProgress } from './solve.ts';
import { addLocalDays } from '../time.ts';

/** Why a cell changed. */
export type ReplanReason = 'leave' | 'coverage' | 'rule' | 'knock-on';

/** One changed assignment against the published roster. */
export interface ReplanChange {
  agent: string;
  date: string;
  from: RosterCell;
  to: RosterCell;
  reasons: ReplanReason[];
  /** Forced by leave: dropping it would break a hard rule, so it cannot be dropped. */
  required: boolean;
}

/** What a re-plan starts from. */
export interface ReplanInput {
  /** The month's model (requirement possibly re-forecast); its `baseline`, `pinned` are ignored. */
  model: RosterModel;
  /** The published roster of the month. */
  baseline: Roster;
  /** Monday of the week to re-plan (YYYY-MM-DD). */
  weekStart: string;
  /** Days up to and including this date are kept exactly as published. */
  today: string;
  /** Locked cells as "agent|date" keys: kept as published. */
  locked?: ReadonlySet<string>;
  /** Penalty per changed assignment (the baseline-change rule's weight). */
  changeWeight: number;
}

/** Coverage and penalties of a roster over the re-planned days. */
export interface ReplanSummary {
  /** Agent-intervals short of the requirement over the week's changeable days. */
  shortfall: number;
  hard: number;
  soft: number;
  /** Hard rules broken, by rule id with a count (empty when feasible). */
  hardRules: Record<string, number>;
}

/** The outcome of a re-plan: the roster, the change list, before (published roster with new leave) and after. */
export interface ReplanResult {
  roster: Roster;
  changes: ReplanChange[];
  /** Dates the re-plan could change. */
  window: string[];
  /** Agent-intervals short over the window in the published roster as it stands (before new leave takes effect). */
  publishedShortfall: number;
  before: ReplanSummary;
  after: ReplanSummary;
  iterations: number;
  elapsedMs: number;
  stoppedBy: 'time' | 'iterations' | 'cancelled';
}

const key = (agent: string, date: string) => `${agent}|${date}`;
const same = (x: RosterCell, y: RosterCell) => x.shift === y.shift && (x.shift === null || x.project === y.project);
const BASELINE = DEMO_RULEBOOK.find((r) => r.id === 'baseline-change')!;
const PINNED = DEMO_RULEBOOK.find((r) => r.id === 'pinned-respected')!;
/** Rules whose items say nothing about one agent's own schedule being wrong. */
const NOT_REPAIRS = new Set(['coverage', 'baseline-change', 'fair-weekends', 'fair-nights', 'fair-holidays']);

/**
 * Which dates of the week may the re-plan change: the week's days inside the period and after today?
 * @example replanWindow(model, '2026-11-30', '2026-12-01') // ['2026-12-02', …, '2026-12-06']
 */
export function replanWindow(model: Pick<RosterModel, 'days'>, weekStart: string, today: string): string[] {
  const week = new Set(Array.from({ length: 7 }, (_, i) => addLocalDays(weekStart, i)));
  return model.days.map((d) => d.date).filter((date) => week.has(date) && date > today);
}

/**
 * Which model does the re-plan solve? The month with every cell outside the window (and every locked cell) pinned
 * to the published roster, leave outside the window dropped where it would contradict the past, the published roster
 * as baseline and the baseline-change rule weighted by `changeWeight`.
 * @example replanModel(input).pinned.length // agents × days outside the window + locked cells
 */
export function replanModel(input: ReplanInput): RosterModel {
  const { model, baseline } = input;
  const window = new Set(replanWindow(model, input.weekStart, input.today));
  const pinned: RosterModel['pinned'] = [];
  for (const agent of model.agents) {
    model.days.forEach((day, d) => {
      if (window.has(day.date) && !input.locked?.has(key(agent.id, day.date))) return;
      const cell = baseline[agent.id]?.[d] ?? { shift: null, project: null };
      pinned.push({ agentId: agent.id, date: day.date, shift: cell.shift, project: cell.shift ? cell.project : null });
    });
  }
  const shiftOn = (agentId: string, date: string) => {
    const d = model.days.findIndex((x) => x.date === date);
    return d >= 0 && !!baseline[agentId]?.[d]?.shift;
  };
  // Leave in the frozen part that the published roster contradicts is history: the re-plan cannot act on it.
  const leave = model.leave.filter((l) => window.has(l.date) || !shiftOn(l.agentId, l.date));
  const rules: Rule[] = model.rules.filter((r) => r.id !== 'baseline-change').map((r) => ({ ...r, params: { ...r.params } }));
  rules.push({ ...BASELINE, params: { ...BASELINE.params }, weight: input.changeWeight });
  if (!rules.some((r) => r.id === 'pinned-respected')) rules.unshift({ ...PINNED, params: {} });
  return { ...model, baseline, pinned, leave, rules };
}

/**
 * Where does the re-plan start: the published roster with leave days off and any cell the agent may no longer take
 * made a day off (what the floor would get if nothing were re-planned)?
 * @example replanStart(replanModel(input))['a1'][2] // { shift: null, project: null } when a1 is now on leave that day
 */
export function replanStart(model: RosterModel): Roster {
  return startFromBaseline(model, agentOptions(indexModel(model)));
}

/**
 * How short is a roster over some dates: agent-intervals below the requirement, summed over projects and intervals?
 * @example shortfallOn(ix, roster, new Set(['2026-12-02'])) // 16 when a D shift is missing for one agent required
 */
export function shortfallOn(ix: RosterIndex, roster: Roster, dates: ReadonlySet<string>): number {
  const staffed = staffedMinutes(ix, roster);
  const per = ix.intervalsPerDay;
  let short = 0;
  for (const project of ix.model.projects) {
    const row = staffed.get(project)!;
    const req = ix.model.requirement[project] ?? [];
    ix.model.days.forEach((day, d) => {
      if (!dates.has(day.date)) return;
      for (let k = 0; k < per; k++) short += Math.max(0, (req[d]?.[k] ?? 0) - row[d * per + k]! / ix.model.intervalMinutes);
    });
  }
  return Math.round(short * 100) / 100;
}

/**
 * What do coverage and penalties look like for a roster over the window?
 * @example summarize(ix, roster, window).shortfall // 0 when every interval is covered
 */
export function summarize(ix: RosterIndex, roster: Roster, window: readonly string[], score: RosterScore = scoreRoster(ix.model, roster, ix)): ReplanSummary {
  const hardRules: Record<string, number> = {};
  for (const [id, r] of Object.entries(score.byRule)) if (r.hard && r.amount > 0) hardRules[id] = r.count;
  return { shortfall: shortfallOn(ix, roster, new Set(window)), hard: score.hard, soft: Math.round(score.soft * 100) / 100, hardRules };
}

/**
 * Why did each cell change? `leave` when the agent is on leave that day and was rostered; `coverage` when the new cell
 * works a project that was short that day in the start roster; `rule` when the agent's own rule penalties around that
 * day fell, or the published cell is no longer allowed; `knock-on` when none of these holds (it makes room for another
 * change).
 * @example explainChanges(model, baseline, start, result)[0] // { agent: 'a1', date: '2026-12-02', reasons: ['leave'], … }
 */
export function explainChanges(model: RosterModel, baseline: Roster, start: Roster, result: Roster, ix: RosterIndex = indexModel(model)): ReplanChange[] {
  const startScore = scoreRoster(model, start, ix);
  const resultScore = scoreRoster(model, result, ix);
  const shortDay = new Set<string>();
  for (const item of startScore.items) if (item.ruleId === 'coverage' && item.project && item.date && isShort(item.message)) shortDay.add(`${item.project}|${item.date}`);
  const own = (score: RosterScore) => {
    const map = new Map<string, number>();
    for (const item of score.items) {
      if (!item.agentId || !item.date || NOT_REPAIRS.has(item.ruleId)) continue;
      const hard = ix.rules.get(item.ruleId)?.hard ? 1e5 : 1;
      map.set(key(item.agentId, item.date), (map.get(key(item.agentId, item.date)) ?? 0) + item.amount * hard);
    }
    return map;
  };
  const before = own(startScore);
  const after = own(resultScore);
  const around = (m: Map<string, number>, agent: string, d: number) => {
    let s = 0;
    for (let k = Math.max(0, d - 1); k <= Math.min(model.days.length - 1, d + 1); k++) s += m.get(key(agent, model.days[k]!.date)) ?? 0;
    return s;
  };
  const out: ReplanChange[] = [];
  for (const agent of model.agents) {
    model.days.forEach((day, d) => {
      const from = baseline[agent.id]?.[d] ?? { shift: null, project: null };
      const to = result[agent.id]![d]!;
      if (same(from, to)) return;
      const reasons: ReplanReason[] = [];
      const onLeave = ix.leaveDays.get(agent.id)?.has(d) ?? false;
      if (onLeave && from.shift) reasons.push('leave');
      if (to.shift && to.project && shortDay.has(`${to.project}|${day.date}`)) reasons.push('coverage');
      const forcedOff = !onLeave && !!from.shift && !start[agent.id]![d]!.shift;
      if (forcedOff || around(after, agent.id, d) < around(before, agent.id, d) - 1e-9) reasons.push('rule');
      if (!reasons.length) reasons.push('knock-on');
      out.push({ agent: agent.id, date: day.date, from: { shift: from.shift, project: from.shift ? from.project : null }, to: { shift: to.shift, project: to.shift ? to.project : null }, reasons, required: onLeave && !!from.shift });
    });
  }
  return out.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : x.agent < y.agent ? -1 : x.agent > y.agent ? 1 : 0));
}

/** A coverage item is a shortage when fewer agents are on duty than required ("N on duty, M required"). */
function isShort(message: string): boolean {
  const m = /(-?[\d.]+) on duty, (-?[\d.]+) required/.exec(message);
  return !!m && Number(m[1]) < Number(m[2]);
}

/**
 * Which roster is the published one with only these changes applied (what publishing a reviewed list writes)?
 * @example applyChanges(baseline, model, []) // a copy of the baseline
 */
export function applyChanges(baseline: Roster, model: Pick<RosterModel, 'days'>, changes: readonly Pick<ReplanChange, 'agent' | 'date' | 'to'>[]): Roster {
  const roster = cloneRoster(baseline);
  const dayIndex = new Map(model.days.map((d, i) => [d.date, i]));
  for (const c of changes) {
    const d = dayIndex.get(c.date);
    if (d === undefined || !roster[c.agent]) continue;
    roster[c.agent]![d] = { shift: c.to.shift, project: c.to.shift ? c.to.project : null };
  }
  return roster;
}

/**
 * Which roster and change list does the re-plan propose? Starts from the published roster, solves within the limits,
 * and explains every change; only the window's unlocked cells can differ from the published roster.
 * @example (await replanWeek(input, { timeLimitMs: 5000, seed: 1 })).changes[0].reasons // ['leave']
 */
export async function replanWeek(
  input: ReplanInput,
  options: { timeLimitMs: number; seed: number; maxIterations?: number; shouldStop?: () => boolean; onProgress?: (p: SolveProgress) => void },
): Promise<ReplanResult> {
  const model = replanModel(input);
  const ix = indexModel(model);
  const window = replanWindow(model, input.weekStart, input.today);
  const start = replanStart(model);
  const solved = await solveRoster(model, options);
  const changes = explainChanges(model, input.baseline, start, solved.roster, ix);
  return {
    roster: solved.roster,
    changes,
    window,
    publishedShortfall: shortfallOn(ix, input.baseline, new Set(window)),
    before: summarize(ix, start, window),
    after: summarize(ix, solved.roster, window, solved.score),
    iterations: solved.stats.iterations,
    elapsedMs: solved.stats.elapsedMs,
    stoppedBy: solved.stats.stoppedBy,
  };
}

/**
 * What does a reviewed change list give once some changes are dropped (re-checked from scratch)?
 * @example recheck(input, kept).after.hard // 0 unless a kept change breaks a hard rule
 */
export function recheck(input: ReplanInput, kept: readonly Pick<ReplanChange, 'agent' | 'date' | 'to'>[]): { roster: Roster; after: ReplanSummary } {
  const model = replanModel(input);
  const ix = indexModel(model);
  const roster = applyChanges(input.baseline, model, kept);
  return { roster, after: summarize(ix, roster, replanWindow(model, input.weekStart, input.today)) };
}
