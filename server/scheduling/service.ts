// Background services, demo seed steps and the forecast-and-staffing service of the scheduling area.
import type { Deps } from '../http/env.ts';
import type { SeedStep } from '../demo/seed.ts';
import type { Sql } from '../db/index.ts';
import { generateDemoHistory, DEMO_PROJECTS as HISTORY_PROJECTS } from '../../scheduling/demo/history.ts';
import type { HistoryRow } from '../../scheduling/history.ts';
import { CHINA_HOLIDAY_BREAKS } from '../../scheduling/demo/holidays.ts';
import { DEMO_SHIFT_TYPES, generateDemoAgents } from '../../scheduling/demo/centre.ts';
import { DEMO_RULEBOOK } from '../../scheduling/roster/rules.ts';
import { backtest, forecast, type Adjustment, type BacktestResult, type ForecastRow } from '../../scheduling/forecast.ts';
import { requiredAgents, type StaffingResult } from '../../scheduling/erlang.ts';
import { addLocalDays, intervalStart, localDateOf, startOfLocalDate } from '../../scheduling/time.ts';
import { adjustmentsFor, historySince, lastHistoryInstant, listProjects, specialDaysFor, type AdjustmentRow, type ProjectRow } from './queries.ts';

/** Days of demo history the first start seeds up to yesterday: a year, so the summer peak and every holiday are in it. */
export const DEMO_HISTORY_DAYS = 365;
/**
 * Days the test database's reset seeds instead (every reset pays for it; a year is ~70,000 rows, seconds on PGlite):
 * 16 weeks, enough for the forecast's 8 profile weeks and 2 backtest weeks.
 */
export const TEST_HISTORY_DAYS = 112;
/** Weeks of recent history the forecast profiles are built from. */
export const PROFILE_WEEKS = 8;
/** Weeks held out by the backtest. */
export const BACKTEST_WEEKS = 2;
/** Staffing defaults when the settings table holds none (scheduling.maxOccupancy, scheduling.shrinkage). */
export const STAFFING_DEFAULTS = { maxOccupancy: 0.85, shrinkage: 0.3 } as const;
export const INTERVAL_SECONDS = 1800;

async function projectIdsByCode(sql: Sql): Promise<Map<string, number>> {
  return new Map((await listProjects(sql)).map((p) => [p.code, p.id]));
}

/** Generated history per window, kept for the life of the process (tests reseed the same window often). */
const generatedHistory = new Map<string, HistoryRow[]>();

/**
 * `days` of generated history ending yesterday (centre time), bulk-inserted 20,000 rows a statement (one array per
 * column); rows already there are kept, so the step is idempotent.
 */
async function seedHistory(sql: Sql, days: number): Promise<void> {
  const today = localDateOf(new Date());
  const from = addLocalDays(today, -days);
  const key = `${from}|${days}`;
  let rows = generatedHistory.get(key);
  if (!rows) {
    rows = generateDemoHistory({ seed: 20261125, from, days });
    generatedHistory.clear();
    generatedHistory.set(key, rows);
  }
  const ids = await projectIdsByCode(sql);
  const known = rows.filter((r) => ids.has(r.project));
  for (let i = 0; i < known.length; i += 20_000) {
    const b = known.slice(i, i + 20_000);
    await sql`
      INSERT INTO interval_history (project_id, interval_start, calls_offered, calls_handled, aht_seconds)
      SELECT * FROM unnest(${sql.array(b.map((r) => ids.get(r.project)!))}::int[], ${sql.array(b.map((r) => r.intervalStart))}::timestamptz[],
                           ${sql.array(b.map((r) => r.callsOffered))}::int[], ${sql.array(b.map((r) => r.callsHandled))}::int[], ${sql.array(b.map((r) => r.ahtSeconds))}::real[])
      ON CONFLICT (project_id, interval_start) DO NOTHING`;
  }
}

/**
 * The history seed step over `days` days (same step id, so a database seeded with one length is not seeded again).
 * @example historySeedStep(TEST_HISTORY_DAYS) // what the test database's reset uses
 */
export function historySeedStep(days: number): SeedStep {
  return { id: 'scheduling-history', run: (sql) => seedHistory(sql, days) };
}

/** Shift types, the rulebook (the roster model's, so the DB and the solver share rule ids), holidays and the summer peak as special days, schedulable agents and some leave. */
async function seedCentre(sql: Sql): Promise<void> {
  for (const s of DEMO_SHIFT_TYPES) {
    await sql`INSERT INTO shift_types (code, name, name_en, start_minute, length_minutes, breaks, night, part_time)
              VALUES (${s.code}, ${s.name}, ${s.nameEn}, ${s.startMinute}, ${s.lengthMinutes}, ${sql.json(s.breaks as never)}, ${s.night}, ${s.partTime})
              ON CONFLICT (code) DO NOTHING`;
  }
  let sort = 0;
  for (const r of DEMO_RULEBOOK) {
    await sql`INSERT INTO rules (id, name, name_en, hard, weight, params, sort)
              VALUES (${r.id}, ${r.name}, ${r.nameEn}, ${r.hard}, ${r.weight}, ${sql.json(r.params as never)}, ${sort++})
              ON CONFLICT (id) DO NOTHING`;
  }
  const ids = await projectIdsByCode(sql);
  for (const p of HISTORY_PROJECTS) {
    const projectId = ids.get(p.code);
    if (projectId === undefined) continue;
    for (const b of CHINA_HOLIDAY_BREAKS) {
      await sql`INSERT INTO special_days (from_date, to_date, label, factor, project_id, is_holiday)
                VALUES (${b.from}::date, ${b.to}::date, ${b.nameZh}, ${p.holidayFactor}, ${projectId}, true)`;
      for (const d of b.makeUpWorkdays) {
        await sql`INSERT INTO special_days (from_date, to_date, label, factor, project_id, like_weekday)
                  VALUES (${d}::date, ${d}::date, ${`${b.nameZh}调休上班`}, 1, ${projectId}, 2)`;
      }
    }
    if (p.summerFactor !== 1) {
      for (const year of [2025, 2026, 2027]) {
        await sql`INSERT INTO special_days (from_date, to_date, label, factor, project_id)
                  VALUES (${`${year}-07-01`}::date, ${`${year}-08-31`}::date, '度夏高峰', ${p.summerFactor}, ${projectId})`;
      }
    }
  }
  const agents = generateDemoAgents({ seed: 20261125 });
  await sql`
    INSERT INTO agents_sched (code, name, team_id, weekly_hours, monthly_min_hours, monthly_max_hours, allowed_shifts, skills, emergency_tier, preferences)
    SELECT a.code, a.name, t.id, a.weekly_hours, a.min_hours, a.max_hours,
           ARRAY(SELECT jsonb_array_elements_text(a.allowed)), a.skills, a.tier, a.prefs
    FROM jsonb_to_recordset(${sql.json(
      agents.map((a) => ({ code: a.code, name: a.name, team: a.team, weekly_hours: a.weeklyHours, min_hours: a.monthlyMinHours, max_hours: a.monthlyMaxHours, allowed: a.allowedShifts, skills: a.skills, tier: a.emergencyTier, prefs: a.preferences })) as never,
    )}) AS a(code text, name text, team text, weekly_hours numeric, min_hours numeric, max_hours numeric, allowed jsonb, skills jsonb, tier smallint, prefs jsonb)
    LEFT JOIN teams t ON t.code = a.team
    ON CONFLICT (code) DO NOTHING`;
  // The demo agent user is the first agent of team 95598-A, so "my schedule" has someone to show.
  await sql`UPDATE agents_sched SET user_id = (SELECT id FROM users WHERE username = 'agent')
            WHERE code = 'A0001' AND NOT EXISTS (SELECT 1 FROM agents_sched WHERE user_id = (SELECT id FROM users WHERE username = 'agent'))`;
  const today = localDateOf(new Date());
  await sql`INSERT INTO leave (agent_id, from_date, to_date, kind)
            SELECT id, ${addLocalDays(today, 10)}::date + (id % 20), ${addLocalDays(today, 12)}::date + (id % 20), CASE WHEN id % 3 = 0 THEN 'training' ELSE 'annual' END
            FROM agents_sched WHERE id % 9 = 0`;
}

/** Demo data of this area, seeded once into an empty database. */
export const schedulingSeedSteps: SeedStep[] = [
  historySeedStep(DEMO_HISTORY_DAYS),
  { id: 'scheduling-centre', run: seedCentre },
];

/** Starts this area's background services; returns a stop function. */
export async function startScheduling(_deps: Deps): Promise<() => Promise<void>> {
  return async () => {};
}

/** Staffing parameters besides the project's service-level target. */
export interface StaffingParams {
  maxOccupancy: number;
  shrinkage: number;
  /** Mean caller patience in seconds: staff with Erlang A (abandonment) instead of Erlang C. */
  patienceSeconds?: number;
}

/** The configured staffing defaults (settings keys scheduling.maxOccupancy and scheduling.shrinkage). */
export async function staffingDefaults(sql: Sql): Promise<StaffingParams> {
  const rows = await sql<{ key: string; value: string }[]>`SELECT key, value FROM settings WHERE key IN ('scheduling.maxOccupancy', 'scheduling.shrinkage')`;
  const get = (k: string, fallback: number) => {
    const v = Number(rows.find((r) => r.key === k)?.value);
    return Number.isFinite(v) ? v : fallback;
  };
  return { maxOccupancy: get('scheduling.maxOccupancy', STAFFING_DEFAULTS.maxOccupancy), shrinkage: get('scheduling.shrinkage', STAFFING_DEFAULTS.shrinkage) };
}

/** One forecast interval with its Erlang C staffing. */
export interface IntervalPlan extends ForecastRow {
  staffing: StaffingResult;
}

/** Forecast and staffing of a project over a date range. */
export interface ProjectPlan {
  project: ProjectRow;
  params: StaffingParams;
  rows: IntervalPlan[];
  adjustments: (AdjustmentRow & { callsBefore: number; callsAfter: number })[];
  trend: number;
  window: { from: string; to: string };
  /** Last local date of history used. */
  historyTo: string;
}

/**
 * How many agents does an interval of a project need, with the staffing parameters?
 * @example staffInterval({ calls: 100, ahtSeconds: 180 }, { slTarget: 0.8, slSeconds: 20 }, { maxOccupancy: 0.85, shrinkage: 0.3 }).scheduledAgents // 20
 */
export function staffInterval(load: { calls: number; ahtSeconds: number }, project: Pick<ProjectRow, 'slTarget' | 'slSeconds'>, params: StaffingParams): StaffingResult {
  if (!(load.calls > 0) || !(load.ahtSeconds > 0)) {
    return { productiveAgents: 0, scheduledAgents: 0, serviceLevel: 1, occupancy: 0, waitProbability: 0, asaSeconds: 0 };
  }
  return requiredAgents({
    calls: load.calls,
    intervalSeconds: INTERVAL_SECONDS,
    ahtSeconds: load.ahtSeconds,
    targetSeconds: project.slSeconds,
    serviceLevel: project.slTarget,
    maxOccupancy: params.maxOccupancy,
    shrinkage: params.shrinkage,
    ...(params.patienceSeconds ? { model: 'erlangA' as const, patienceSeconds: params.patienceSeconds } : {}),
  });
}

function toAdjustment(a: AdjustmentRow, project: string): Adjustment {
  return {
    date: a.date,
    project,
    note: a.note,
    ...(a.interval === null ? {} : { interval: a.interval }),
    ...(a.factor === null ? { calls: a.calls ?? 0 } : { factor: a.factor }),
  };
}

async function recentHistory(sql: Sql, project: ProjectRow, timeZone: string) {
  const last = await lastHistoryInstant(sql, project.id);
  if (!last) return null;
  const lastDate = localDateOf(last, { timeZone });
  const since = startOfLocalDate(addLocalDays(lastDate, -7 * (PROFILE_WEEKS + BACKTEST_WEEKS + 1) + 1), { timeZone });
  return { lastDate, history: await historySince(sql, project, since) };
}

/**
 * Forecast calls and required agents of a project for every interval of from..to, with the stored
 * hand adjustments applied; null when the project has no history.
 */
export async function planProject(sql: Sql, project: ProjectRow, from: string, to: string, params: StaffingParams, timeZone: string): Promise<ProjectPlan | null> {
  const recent = await recentHistory(sql, project, timeZone);
  if (!recent) return null;
  const specialDays = await specialDaysFor(sql, project, addLocalDays(recent.lastDate, -7 * (PROFILE_WEEKS + BACKTEST_WEEKS + 1)), to);
  const stored = await adjustmentsFor(sql, project.id, from, to);
  const result = forecast(recent.history, {
    from,
    to,
    weeks: PROFILE_WEEKS,
    timeZone,
    specialDays,
    projects: [project.code],
    adjustments: stored.map((a) => toAdjustment(a, project.code)),
  });
  const rows = result.rows.map((r) => ({ ...r, staffing: staffInterval(r, project, params) }));
  const adjustments = stored.map((a, i) => ({ ...a, callsBefore: result.adjustments[i]!.callsBefore, callsAfter: result.adjustments[i]!.callsAfter }));
  return { project, params, rows, adjustments, trend: result.trendByProject[project.code] ?? 1, window: result.window, historyTo: recent.lastDate };
}

/** Backtest of a project's forecast on the last weeks of its history; null without enough history. */
export async function backtestProject(sql: Sql, project: ProjectRow, timeZone: string): Promise<BacktestResult | null> {
  const recent = await recentHistory(sql, project, timeZone);
  if (!recent) return null;
  const specialDays = await specialDaysFor(sql, project, addLocalDays(recent.lastDate, -7 * (PROFILE_WEEKS + BACKTEST_WEEKS + 1)), recent.lastDate);
  try {
    const r = backtest(recent.history, { holdoutWeeks: BACKTEST_WEEKS, weeks: PROFILE_WEEKS, timeZone, specialDays });
    return r.points > 0 ? r : null;
  } catch {
    return null;
  }
}

/** Daily totals of a plan: calls, peak interval, required agent-hours (scheduled agents × interval hours). */
export interface DayTotal {
  date: string;
  calls: number;
  peakInterval: number;
  peakCalls: number;
  peakScheduled: number;
  agentHours: number;
  adjusted: boolean;
}

/** Sums a plan per day. */
export function dailyTotals(rows: readonly IntervalPlan[]): DayTotal[] {
  const byDate = new Map<string, DayTotal>();
  for (const r of rows) {
    let d = byDate.get(r.date);
    if (!d) byDate.set(r.date, (d = { date: r.date, calls: 0, peakInterval: 0, peakCalls: -1, peakScheduled: 0, agentHours: 0, adjusted: false }));
    d.calls += r.calls;
    d.agentHours += (r.staffing.scheduledAgents * INTERVAL_SECONDS) / 3600;
    if (r.calls > d.peakCalls) {
      d.peakCalls = r.calls;
      d.peakInterval = r.interval;
    }
    d.peakScheduled = Math.max(d.peakScheduled, r.staffing.scheduledAgents);
    if (r.adjusted) d.adjusted = true;
  }
  return [...byDate.values()];
}

/** CSV columns of the requirement export (one row per project, date and interval). */
export const REQUIREMENT_COLUMNS = ['project', 'date', 'interval', 'interval_start', 'calls', 'aht_seconds', 'productive_agents', 'scheduled_agents', 'service_level', 'occupancy', 'adjusted'] as const;

/**
 * The staffing requirement as CSV, for the floor and for the roster solver.
 * @example requirementCsv([]) // 'project,date,interval,interval_start,calls,…,adjusted\n'
 */
export function requirementCsv(rows: readonly IntervalPlan[], timeZone = 'Asia/Shanghai'): string {
  const quote = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = [REQUIREMENT_COLUMNS.join(',')];
  for (const r of rows) {
    lines.push(
      [
        r.project,
        r.date,
        String(r.interval),
        intervalStart(r.date, r.interval, { timeZone }).toISOString(),
        r.calls.toFixed(2),
        r.ahtSeconds.toFixed(1),
        String(r.staffing.productiveAgents),
        String(r.staffing.scheduledAgents),
        r.staffing.serviceLevel.toFixed(4),
        r.staffing.occupancy.toFixed(4),
        quote(r.adjusted ?? ''),
      ].join(','),
    );
  }
  return lines.join('\n') + '\n';
}
