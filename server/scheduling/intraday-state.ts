// Today's floor as the pure intraday core sees it: the published roster (today's cells and last night's night
// shifts), shift breaks, a deterministic plan of offline work, agents' skills and tiers, the day's forecast, the
// reported actuals and the change log applied in order; the rest of the day re-forecast from the morning's deviation.
import type { Sql } from '../db/index.ts';
import { addLocalDays, intervalIndexOf, intervalsPerDay, localDateOf, startOfLocalDate } from '../../scheduling/time.ts';
import { reforecastDay, type Reforecast } from '../../scheduling/intraday/reforecast.ts';
import { applySuggestion, recordNoShows, type RosterChange } from '../../scheduling/intraday/apply.ts';
import type { AgentProfile, Assignment, DayState, IntervalActual, OfflineBlock, OfflineKind, ProjectTarget } from '../../scheduling/intraday/types.ts';
import { listProjects, type ProjectRow } from './queries.ts';
import { planProject, staffingDefaults } from './service.ts';

export const INTERVAL_MINUTES = 30;
const COUNT = intervalsPerDay(INTERVAL_MINUTES);

/** One row of the day's change log. */
export interface ChangeRow {
  seq: number;
  kind: string;
  project: string | null;
  label: string;
  changes: RosterChange[];
  noShows: string[];
  appliedByName: string;
  appliedAt: Date;
  undone: boolean;
}

/** Everything the intraday page and its actions need about one day. */
export interface IntradayDay {
  date: string;
  version: number;
  /** The day as the core sees it: re-forecast calls, actuals, the roster with every live change applied. */
  state: DayState;
  /** The same day before any change of the log (roster as published). */
  published: DayState;
  projects: ProjectRow[];
  /** The forecast before the re-forecast, per project. */
  forecast: Record<string, number[]>;
  reforecast: Record<string, Reforecast>;
  /** Minutes after midnight up to which actuals are reported (0 when none). */
  actualsUntilMinute: number;
  changes: ChangeRow[];
  /** Sequence numbers of live changes that no longer fit the roster (skipped). */
  skipped: number[];
  names: Map<string, string>;
}

/** A deterministic 32-bit hash of a string (FNV-1a). */
export function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

const OFFLINE_KINDS: readonly OfflineKind[] = ['training', 'scriptWriting', 'analysis'];

/**
 * The demo centre's plan of offline work: every other multi-skilled agent on a full day shift spends the hour from
 * five hours into the shift (after the meal break) on training, script writing or analysis — the work the seed
 * says multi-skilled staff do in troughs. Deterministic in the agent, the date and the shift.
 * @example demoOfflineBlock('A0003', '2026-11-25', { code: 'D', startMinute: 540, lengthMinutes: 480, night: false, partTime: false }, 2)
 *   // null or { kind: 'training' | 'scriptWriting' | 'analysis', startMinute: 840, endMinute: 900 }
 */
export function demoOfflineBlock(agent: string, date: string, shift: ShiftRow, skillCount: number): OfflineBlock | null {
  if (skillCount < 2 || shift.night || shift.partTime || shift.lengthMinutes < 420) return null;
  const h = hashOf(`${agent}|${date}`);
  if (h % 2 !== 0) return null;
  const startMinute = shift.startMinute + 300;
  return { kind: OFFLINE_KINDS[(h >>> 1) % 3]!, startMinute, endMinute: startMinute + 60 };
}

/** Offsets the floor staggers breaks by, so one shift's agents do not all leave the phones in the same interval. */
export const BREAK_STAGGER_MINUTES: readonly number[] = [-30, 0, 30, 60];

/**
 * How far an agent's breaks move from the shift type's plan on a date (the same for all of that shift's breaks).
 * @example breakStagger('A0001', '2026-11-25') // one of -30, 0, 30, 60
 */
export function breakStagger(agent: string, shiftDate: string): number {
  return BREAK_STAGGER_MINUTES[hashOf(`${agent}|${shiftDate}|breaks`) % BREAK_STAGGER_MINUTES.length]!;
}

/** A shift type as the state needs it. */
export interface ShiftRow {
  code: string;
  startMinute: number;
  lengthMinutes: number;
  breaks?: { offsetMinutes: number; minutes: number }[];
  night: boolean;
  partTime: boolean;
}

/** Local minute of the day of an instant on `date` (0 before, 1440 after). */
export function minuteOfDay(instant: Date, date: string, timeZone: string): number {
  const start = startOfLocalDate(date, { timeZone }).getTime();
  const m = (instant.getTime() - start) / 60_000;
  return Math.max(0, Math.min(1440, Math.floor(m)));
}

/** Memoised forecasts per date and project, keyed on what they depend on (history end, adjustments). */
const forecastCache = new Map<string, { calls: number[]; aht: number }>();

async function dayForecast(sql: Sql, project: ProjectRow, date: string, timeZone: string): Promise<{ calls: number[]; aht: number }> {
  const [dep] = await sql<{ last: Date | null; adj: string | null; special: string | null }[]>`
    SELECT (SELECT max(interval_start) FROM interval_history WHERE project_id = ${project.id}) AS last,
           (SELECT string_agg(id::text || ':' || coalesce(factor::text, '') || ':' || coalesce(calls::text, ''), ',') FROM forecast_adjustments WHERE project_id = ${project.id} AND date = ${date}::date) AS adj,
           (SELECT string_agg(id::text || ':' || factor::text, ',') FROM special_days WHERE ${date}::date BETWEEN from_date AND to_date) AS special`;
  const key = `${date}|${project.id}|${dep?.last?.toISOString() ?? ''}|${dep?.adj ?? ''}|${dep?.special ?? ''}|${project.slTarget}|${project.slSeconds}`;
  const hit = forecastCache.get(key);
  if (hit) return hit;
  const plan = await planProject(sql, project, date, date, await staffingDefaults(sql), timeZone).catch(() => null);
  const calls = new Array<number>(COUNT).fill(0);
  let weighted = 0;
  let total = 0;
  for (const r of plan?.rows ?? []) {
    if (r.date !== date || r.interval < 0 || r.interval >= COUNT) continue;
    calls[r.interval] = r.calls;
    weighted += r.calls * r.ahtSeconds;
    total += r.calls;
  }
  const value = { calls, aht: total > 0 ? weighted / total : 240 };
  if (forecastCache.size > 200) forecastCache.clear();
  forecastCache.set(key, value);
  return value;
}

/** The version of a day (0 when nothing has touched it). */
export async function dayVersion(sql: Sql, date: string): Promise<number> {
  const [row] = await sql<{ version: number }[]>`SELECT version FROM intraday_days WHERE date = ${date}::date`;
  return row?.version ?? 0;
}

/** The day's change log, oldest first. */
export async function loadChanges(sql: Sql, date: string): Promise<ChangeRow[]> {
  const rows = await sql<{ seq: number; kind: string; project_code: string | null; label: string; changes: RosterChange[]; no_shows: string[]; applied_by_name: string; applied_at: Date; undone_at: Date | null }[]>`
    SELECT seq, kind, project_code, label, changes, no_shows, applied_by_name, applied_at, undone_at FROM intraday_changes WHERE date = ${date}::date ORDER BY seq`;
  return rows.map((r) => ({ seq: r.seq, kind: r.kind, project: r.project_code, label: r.label, changes: r.changes ?? [], noShows: r.no_shows ?? [], appliedByName: r.applied_by_name, appliedAt: r.applied_at, undone: r.undone_at !== null }));
}

/** Applies the live rows of a change log in order; rows that no longer fit are skipped and listed. */
export function applyLog(state: DayState, log: readonly ChangeRow[]): { state: DayState; skipped: number[] } {
  const skipped: number[] = [];
  let s = state;
  for (const row of log) {
    if (row.undone) continue;
    try {
      if (row.kind === 'noShow') {
        const known = row.noShows.filter((id) => s.assignments.some((a) => a.agentId === id));
        if (known.length !== row.noShows.length) skipped.push(row.seq);
        s = recordNoShows(s, known);
      } else s = applySuggestion(s, { changes: row.changes });
    } catch {
      skipped.push(row.seq);
    }
  }
  return { state: s, skipped };
}

/**
 * Builds the intraday state of a local date at instant `now`.
 * @example (await loadIntradayDay(sql, '2026-11-25', new Date('2026-11-25T04:00:00Z'), 'Asia/Shanghai')).state.nowMinute // 720
 */
export async function loadIntradayDay(sql: Sql, date: string, now: Date, timeZone: string): Promise<IntradayDay> {
  const yesterday = addLocalDays(date, -1);
  const today = localDateOf(now, { timeZone });
  const projects = await listProjects(sql);
  const version = await dayVersion(sql, date);

  // Forecast and actuals per project.
  const from = startOfLocalDate(date, { timeZone });
  const to = startOfLocalDate(addLocalDays(date, 1), { timeZone });
  const actualRows = await sql<{ code: string; interval_start: Date; calls_offered: number; service_level: number | null }[]>`
    SELECT p.code, a.interval_start, a.calls_offered, a.service_level FROM intraday_actuals a JOIN projects p ON p.id = a.project_id
    WHERE a.interval_start >= ${from} AND a.interval_start < ${to}`;
  const actuals: Record<string, (IntervalActual | null)[]> = {};
  for (const p of projects) actuals[p.code] = new Array(COUNT).fill(null);
  let lastReported = -1;
  for (const r of actualRows) {
    const i = intervalIndexOf(r.interval_start, { timeZone });
    if (!actuals[r.code] || i < 0 || i >= COUNT) continue;
    actuals[r.code]![i] = r.service_level === null ? { calls: r.calls_offered } : { calls: r.calls_offered, serviceLevel: Number(r.service_level) };
    lastReported = Math.max(lastReported, i);
  }
  const actualsUntilMinute = (lastReported + 1) * INTERVAL_MINUTES;
  const clockMinute = date < today ? 1440 : date > today ? 0 : minuteOfDay(now, date, timeZone);
  const nowMinute = Math.max(clockMinute, actualsUntilMinute);

  const targets: ProjectTarget[] = [];
  const forecast: Record<string, number[]> = {};
  const reforecast: Record<string, Reforecast> = {};
  const forecastCalls: Record<string, number[]> = {};
  for (const p of projects) {
    const f = await dayForecast(sql, p, date, timeZone);
    forecast[p.code] = f.calls;
    const elapsed = f.calls.slice(0, lastReported + 1).map((c, i) => actuals[p.code]![i]?.calls ?? c);
    const re = reforecastDay(f.calls, elapsed, { intervalMinutes: INTERVAL_MINUTES });
    reforecast[p.code] = re;
    forecastCalls[p.code] = re.calls;
    targets.push({ project: p.code, ahtSeconds: f.aht, targetSeconds: p.slSeconds, serviceLevel: p.slTarget });
  }

  // The published roster of today and last night.
  const shifts = new Map(
    (
      await sql<{ code: string; start_minute: number; length_minutes: number; breaks: { offsetMinutes: number; minutes: number }[]; night: boolean; part_time: boolean }[]>`
        SELECT code, start_minute, length_minutes, breaks, night, part_time FROM shift_types`
    ).map((s) => [s.code, { code: s.code, startMinute: s.start_minute, lengthMinutes: s.length_minutes, breaks: s.breaks ?? [], night: s.night, partTime: s.part_time } satisfies ShiftRow]),
  );
  const cells = await sql<{ code: string; date: string; shift_code: string; project_code: string | null }[]>`
    SELECT a.code, to_char(c.date, 'YYYY-MM-DD') AS date, c.shift_code, c.project_code
    FROM roster_cells c JOIN rosters r ON r.id = c.roster_id AND r.status = 'published' JOIN agents_sched a ON a.id = c.agent_id
    WHERE c.date IN (${date}::date, ${yesterday}::date) AND c.shift_code IS NOT NULL AND a.active`;
  const agentRows = await sql<{ code: string; name: string; skills: Record<string, number>; emergency_tier: number | null; home: string | null; on_leave: boolean }[]>`
    SELECT a.code, a.name, a.skills, a.emergency_tier, p.code AS home,
           EXISTS (SELECT 1 FROM leave l WHERE l.agent_id = a.id AND l.approved AND ${date}::date BETWEEN l.from_date AND l.to_date) AS on_leave
    FROM agents_sched a LEFT JOIN teams t ON t.id = a.team_id LEFT JOIN projects p ON p.id = t.project_id
    WHERE a.active ORDER BY a.code`;
  const skillsOf = new Map(agentRows.map((a) => [a.code, a.skills ?? {}]));
  const byAgent = new Map<string, Assignment>();
  for (const c of cells) {
    const shift = shifts.get(c.shift_code);
    if (!shift || !c.project_code) continue;
    const isToday = c.date === date;
    if (!isToday && shift.startMinute + shift.lengthMinutes <= 1440) continue;
    if (!isToday && byAgent.has(c.code)) continue;
    const offset = isToday ? 0 : -1440;
    const start = shift.startMinute + offset;
    const stagger = breakStagger(c.code, c.date);
    const offline: OfflineBlock[] = (shift.breaks ?? []).map((b) => {
      const from = Math.max(start, Math.min(start + shift.lengthMinutes - b.minutes, start + b.offsetMinutes + stagger));
      return { kind: 'break' as const, startMinute: from, endMinute: from + b.minutes };
    });
    const work = isToday ? demoOfflineBlock(c.code, date, shift, Object.keys(skillsOf.get(c.code) ?? {}).length) : null;
    if (work) offline.push(work);
    byAgent.set(c.code, { agentId: c.code, project: c.project_code, startMinute: start, endMinute: start + shift.lengthMinutes, offline, loans: [], absent: false, origin: 'roster' });
  }
  const assignments = [...byAgent.values()].sort((a, b) => (a.agentId < b.agentId ? -1 : 1));
  const agents: AgentProfile[] = agentRows.map((a) => ({
    agentId: a.code,
    homeProject: a.home ?? Object.keys(a.skills ?? {})[0] ?? '',
    skills: Object.fromEntries(Object.entries(a.skills ?? {}).map(([k, v]) => [k, Number(v)])),
    emergencyTier: a.emergency_tier,
    availability: byAgent.has(a.code) ? 'onShift' : a.on_leave || a.emergency_tier === null ? 'off' : 'reachable',
  }));

  const published: DayState = { date, intervalMinutes: INTERVAL_MINUTES, nowMinute, projects: targets, forecastCalls, actuals, agents, assignments };
  const changes = await loadChanges(sql, date);
  const { state, skipped } = applyLog(published, changes);
  return { date, version, state, published, projects, forecast, reforecast, actualsUntilMinute, changes, skipped, names: new Map(agentRows.map((a) => [a.code, a.name])) };
}
