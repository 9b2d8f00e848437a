// The weekly adjustment's work: what moved since publishing (re-forecast of the week against the roster's requirement
// snapshot, new leave against published shifts), the re-plan job (run in the background, progress and cancel like the
// monthly solve), re-checking a reviewed change list, and the rule check of a shift swap.
import type { Sql } from '../db/index.ts';
import type { Deps } from '../http/env.ts';
import { recheck, replanWeek, type ReplanInput } from '../../scheduling/roster/replan.ts';
import { indexModel } from '../../scheduling/roster/context.ts';
import { scoreRoster } from '../../scheduling/roster/score.ts';
import { cloneRoster, type Roster } from '../../scheduling/roster/model.ts';
import { holidayDates } from '../../scheduling/demo/holidays.ts';
import { addLocalDays, localDateOf } from '../../scheduling/time.ts';
import { monthModel, type MonthModel } from './roster-model.ts';
import { findRoster, loadCells, rosterFromCells, type RosterRow } from './roster-store.ts';
import { adjustmentsFor, lastHistoryInstant, listProjects, specialDaysFor } from './queries.ts';
import { planProject, staffingDefaults } from './service.ts';
import { findRevision, type RevisionResult, type StoredChange, type SwapCheck } from './weekly-store.ts';

/** A published roster with its model, cells and locks. */
export interface Published {
  roster: RosterRow;
  mm: MonthModel;
  baseline: Roster;
  locked: Set<string>;
}

/** The month's published roster, or undefined when the month has none (or only a draft). */
export async function loadPublished(sql: Sql, month: string, requirement?: Record<string, number[][]>): Promise<Published | undefined> {
  const roster = await findRoster(sql, month);
  if (!roster || roster.status !== 'published') return undefined;
  const mm = await monthModel(sql, month, requirement ?? roster.requirement);
  const { roster: baseline, locked } = rosterFromCells(mm, await loadCells(sql, roster.id));
  return { roster, mm, baseline, locked };
}

/** One project-day of the week: agent-hours required in the roster's snapshot and now, and why it moved. */
export interface ForecastDelta {
  project: string;
  date: string;
  snapshotHours: number;
  nowHours: number;
  why: { kind: 'actuals' | 'adjustment' | 'special' | 'holiday'; text: string }[];
}

const hours = (row: number[] | undefined) => Math.round(((row ?? []).reduce((s, v) => s + v, 0) / 2) * 10) / 10;

/**
 * How has the requirement of these dates moved since the roster was planned? Re-forecasts each project from the latest
 * actuals (falling back to the snapshot where a project has no history) and names what explains it.
 * @example (await weekForecast(sql, roster, ['2026-12-07'], 'Asia/Shanghai')).deltas[0].why[0].kind // 'adjustment'
 */
export async function weekForecast(sql: Sql, roster: RosterRow, dates: string[], timeZone: string): Promise<{ deltas: ForecastDelta[]; requirement: Record<string, Record<string, number[]>> }> {
  const deltas: ForecastDelta[] = [];
  const requirement: Record<string, Record<string, number[]>> = {};
  if (!dates.length) return { deltas, requirement };
  const [monthStart] = [`${roster.month}-01`];
  const dayIndex = (date: string) => Math.round((Date.parse(date) - Date.parse(monthStart)) / 86_400_000);
  const params = await staffingDefaults(sql);
  const holidays = holidayDates();
  const [created] = await sql<{ created_at: Date }[]>`SELECT created_at FROM rosters WHERE id = ${roster.id}`;
  for (const project of await listProjects(sql)) {
    const snapshot = roster.requirement[project.code];
    if (!snapshot) continue;
    const plan = await planProject(sql, project, dates[0]!, dates.at(-1)!, params, timeZone).catch(() => null);
    const latest = await lastHistoryInstant(sql, project.id);
    const adjustments = await adjustmentsFor(sql, project.id, dates[0]!, dates.at(-1)!);
    const special = await specialDaysFor(sql, project, dates[0]!, dates.at(-1)!);
    requirement[project.code] = {};
    for (const date of dates) {
      const before = snapshot[dayIndex(date)] ?? new Array<number>(48).fill(0);
      let now = before;
      if (plan && plan.rows.some((r) => r.date === date)) {
        now = new Array<number>(48).fill(0);
        for (const r of plan.rows) if (r.date === date && r.interval >= 0 && r.interval < 48) now[r.interval] = r.staffing.scheduledAgents;
      }
      requirement[project.code]![date] = now;
      const why: ForecastDelta['why'] = [];
      if (latest && created && latest > created.created_at) why.push({ kind: 'actuals', text: localDateOf(latest, { timeZone }) });
      for (const a of adjustments.filter((x) => x.date === date)) why.push({ kind: 'adjustment', text: `${a.note} (${a.byName})` });
      for (const s of special.filter((x) => (x.date ?? x.from ?? '') <= date && date <= (x.date ?? x.to ?? ''))) why.push({ kind: 'special', text: `${s.label} ×${s.factor}` });
      if (holidays.has(date)) why.push({ kind: 'holiday', text: date });
      deltas.push({ project: project.code, date, snapshotHours: hours(before), nowHours: hours(now), why });
    }
  }
  return { deltas, requirement };
}

/** The month's requirement with some dates replaced (the re-forecast of the week). */
export function overlayRequirement(month: string, base: Record<string, number[][]>, week: Record<string, Record<string, number[]>>): Record<string, number[][]> {
  const out: Record<string, number[][]> = {};
  for (const [project, grid] of Object.entries(base)) {
    out[project] = grid.map((row, d) => week[project]?.[addLocalDays(`${month}-01`, d)]?.slice() ?? row.slice());
  }
  return out;
}

/** A leave day that contradicts a published shift. */
export interface LeaveConflict {
  agent: string;
  name: string;
  date: string;
  shift: string;
  project: string | null;
  kind: string;
  enteredAt: Date;
}

/** Leave (not cancelled) on the given dates where the published roster still has the agent working. */
export async function leaveConflicts(sql: Sql, p: Published, dates: string[]): Promise<LeaveConflict[]> {
  if (!dates.length) return [];
  const rows = await sql<{ code: string; name: string; date: string; kind: string; created_at: Date }[]>`
    SELECT a.code, a.name, to_char(d, 'YYYY-MM-DD') AS date, l.kind, l.created_at
    FROM leave l JOIN agents_sched a ON a.id = l.agent_id,
         generate_series(greatest(l.from_date, ${dates[0]!}::date), least(l.to_date, ${dates.at(-1)!}::date), interval '1 day') AS d
    WHERE l.approved AND l.cancelled_at IS NULL AND l.to_date >= ${dates[0]!}::date AND l.from_date <= ${dates.at(-1)!}::date
    ORDER BY d, a.code`;
  const dayIndex = new Map(p.mm.model.days.map((d, i) => [d.date, i]));
  return rows.flatMap((r) => {
    const cell = p.baseline[r.code]?.[dayIndex.get(r.date) ?? -1];
    return cell?.shift ? [{ agent: r.code, name: r.name, date: r.date, shift: cell.shift, project: cell.project, kind: r.kind, enteredAt: r.created_at }] : [];
  });
}

/** The re-plan input of a published roster's week. */
export function replanInput(p: Published, weekStart: string, today: string, changeWeight: number): ReplanInput {
  return { model: p.mm.model, baseline: p.baseline, weekStart, today, locked: p.locked, changeWeight };
}

/** Re-plans running in this process, with their stop flag. */
const running = new Map<number, { stop: boolean; done: Promise<void> }>();

/** Whether a re-plan runs in this process (a queued/running row without one was interrupted). */
export function isReplanRunning(id: number): boolean {
  return running.has(id);
}

/** Asks a running re-plan to stop; false when it does not run here. */
export function cancelReplan(id: number): boolean {
  const job = running.get(id);
  if (!job) return false;
  job.stop = true;
  return true;
}

/** Resolves when the re-plan has finished (tests, shutdown). */
export async function replanSettled(id: number): Promise<void> {
  await running.get(id)?.done;
}

/**
 * Creates a re-plan job for a published roster's week and starts it without waiting; returns its id.
 * @example await startReplan(deps, { rosterId: 1, month: '2026-12', weekStart: '2026-12-07', today: '2026-12-03', changeWeight: 200, timeLimitMs: 10_000, userId: 3, baseVersion: 1 })
 */
export async function startReplan(deps: Deps, o: { rosterId: number; month: string; weekStart: string; today: string; changeWeight: number; timeLimitMs: number; userId: number; baseVersion: number }): Promise<number> {
  const [row] = await deps.sql<{ id: number }[]>`
    INSERT INTO weekly_revisions (roster_id, week_start, today, change_weight, base_version, time_limit_ms, created_by, created_at)
    VALUES (${o.rosterId}, ${o.weekStart}, ${o.today}, ${o.changeWeight}, ${o.baseVersion}, ${o.timeLimitMs}, ${o.userId}, ${deps.now()}) RETURNING id`;
  const id = row!.id;
  const entry = { stop: false, done: Promise.resolve() };
  running.set(id, entry);
  entry.done = runReplan(deps, id, o, entry).finally(() => running.delete(id));
  return id;
}

async function runReplan(deps: Deps, id: number, o: { month: string; weekStart: string; today: string; changeWeight: number; timeLimitMs: number; baseVersion: number }, flag: { stop: boolean }): Promise<void> {
  const { sql, log } = deps;
  try {
    await sql`UPDATE weekly_revisions SET status = 'running' WHERE id = ${id}`;
    const first = await loadPublished(sql, o.month);
    if (!first) throw new Error('the roster is not published');
    const dates = first.mm.model.days.map((d) => d.date).filter((d) => d >= o.weekStart && d <= addLocalDays(o.weekStart, 6));
    const { requirement } = await weekForecast(sql, first.roster, dates, deps.config.timeZone);
    const p = await loadPublished(sql, o.month, overlayRequirement(o.month, first.roster.requirement, requirement));
    if (!p) throw new Error('the roster is not published');
    if (p.roster.version !== o.baseVersion) throw new Error('the roster changed while the re-plan started');
    let lastWrite = 0;
    let writing: Promise<unknown> = Promise.resolve();
    const result = await replanWeek(replanInput(p, o.weekStart, o.today, o.changeWeight), {
      timeLimitMs: o.timeLimitMs,
      seed: id,
      shouldStop: () => flag.stop,
      onProgress: (pr) => {
        const now = Date.now();
        if (now - lastWrite < 500) return;
        lastWrite = now;
        writing = writing.then(() => sql`UPDATE weekly_revisions SET progress = ${Math.min(1, Math.max(0, pr.fraction))} WHERE id = ${id} AND status = 'running'`.catch(() => undefined));
      },
    });
    await writing;
    if (flag.stop || result.stoppedBy === 'cancelled') {
      await sql`UPDATE weekly_revisions SET status = 'cancelled', finished_at = ${deps.now()} WHERE id = ${id}`;
      return;
    }
    const stored: RevisionResult = { window: result.window, changes: result.changes, publishedShortfall: result.publishedShortfall, before: result.before, after: result.after, requirement, iterations: result.iterations, elapsedMs: Math.round(result.elapsedMs) };
    await sql`UPDATE weekly_revisions SET status = 'done', progress = 1, result = ${sql.json(stored as never)}, finished_at = ${deps.now()} WHERE id = ${id}`;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    log.error('weekly re-plan failed', { revision: id, error: message });
    await sql`UPDATE weekly_revisions SET status = 'failed', error = ${message.slice(0, 500)}, finished_at = ${deps.now()} WHERE id = ${id}`.catch(() => undefined);
  }
}

/** A revision as stored, with a queued/running one that no process runs shown as failed (interrupted). */
export async function effectiveRevision(sql: Sql, id: number) {
  const rev = await findRevision(sql, id);
  if (rev && (rev.status === 'queued' || rev.status === 'running') && !isReplanRunning(rev.id)) return { ...rev, status: 'failed' as const, error: rev.error ?? 'interrupted' };
  return rev;
}

/** The published roster (with the revision's requirement) and the re-check of its kept changes. */
export async function recheckRevision(sql: Sql, month: string, r: RevisionResult & { weekStart: string; today: string; changeWeight: number }) {
  const roster = await findRoster(sql, month);
  if (!roster) return undefined;
  const p = await loadPublished(sql, month, overlayRequirement(month, roster.requirement, r.requirement));
  if (!p) return undefined;
  const kept = r.changes.filter((c) => !c.dropped);
  return { p, ...recheck(replanInput(p, r.weekStart, r.today, r.changeWeight), kept) };
}

/** The cells a swap exchanges: both agents' cells on the requester's date, and on the colleague's date when it differs. */
export function swapCells(p: Published, requester: string, requesterDate: string, colleague: string, colleagueDate: string): StoredChange[] {
  const dayIndex = new Map(p.mm.model.days.map((d, i) => [d.date, i]));
  const out: StoredChange[] = [];
  for (const date of requesterDate === colleagueDate ? [requesterDate] : [requesterDate, colleagueDate]) {
    const d = dayIndex.get(date)!;
    const a = p.baseline[requester]![d]!;
    const b = p.baseline[colleague]![d]!;
    if (a.shift === b.shift && a.project === b.project) continue;
    out.push({ agent: requester, date, from: { ...a }, to: { ...b }, reasons: [], required: false });
    out.push({ agent: colleague, date, from: { ...b }, to: { ...a }, reasons: [], required: false });
  }
  return out;
}

/**
 * What does the swap do to the rules? Scores the published roster with and without it: hard rules the swap would break
 * (counted only where it adds violations) and the soft penalty change per rule.
 * @example checkSwap(p, changes).hard // [] when allowed
 */
export function checkSwap(p: Published, changes: StoredChange[]): SwapCheck {
  const model = p.mm.model;
  const ix = indexModel(model);
  const after = cloneRoster(p.baseline);
  const dayIndex = new Map(model.days.map((d, i) => [d.date, i]));
  for (const c of changes) after[c.agent]![dayIndex.get(c.date)!] = { ...c.to };
  const s0 = scoreRoster(model, p.baseline, ix);
  const s1 = scoreRoster(model, after, ix);
  const rules = new Map(model.rules.map((r) => [r.id, r]));
  const hard: SwapCheck['hard'] = [];
  const soft: SwapCheck['soft'] = [];
  for (const [id, r1] of Object.entries(s1.byRule)) {
    const r0 = s0.byRule[id]!;
    const rule = rules.get(id)!;
    if (r1.hard && r1.amount > r0.amount + 1e-9) hard.push({ rule: id, name: rule.name, nameEn: rule.nameEn, count: r1.count - r0.count });
    if (!r1.hard && Math.abs(r1.amount - r0.amount) > 1e-9) soft.push({ rule: id, name: rule.name, nameEn: rule.nameEn, delta: Math.round((r1.amount - r0.amount) * 10) / 10 });
  }
  return { hard, soft: soft.sort((a, b) => b.delta - a.delta), softDelta: Math.round((s1.soft - s0.soft) * 10) / 10, cells: changes.map((c) => ({ agent: c.agent, date: c.date, from: c.from, to: c.to })) };
}
