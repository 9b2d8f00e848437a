// Interval forecast per project: weekday × interval profiles of recent weeks, damped trend, special days, hand adjustments; plus a WAPE backtest.
import type { HistoryRow } from './history.ts';
import { addLocalDays, DEFAULT_INTERVAL_MINUTES, DEFAULT_TIME_ZONE, intervalsPerDay, localDateRange, slotLocator, weekdayOf } from './time.ts';

/** A public holiday or special period that scales a whole day's volume (e.g. 度夏 summer peak ×1.3). */
export interface SpecialDay {
  /** One local date, or use from/to for a period (both included). */
  date?: string;
  from?: string;
  to?: string;
  /** Volume multiplier against an ordinary day of the same weekday (0.6 = 40% quieter). */
  factor: number;
  label: string;
  /** Limit to one project; all projects when omitted. */
  project?: string;
  /** Treat the day as this weekday (0 = Monday), e.g. a Saturday that is a make-up working day (调休). */
  likeWeekday?: number;
}

/** A scheduler's hand change to the forecast, kept and reported on every row it touches. */
export interface Adjustment {
  /** First local date; `to` (included) makes it a period such as a campaign week. */
  date: string;
  to?: string;
  /** One interval of the day; the whole day when omitted. */
  interval?: number;
  /** One project; all projects when omitted. */
  project?: string;
  /** Multiply the forecast calls by this factor … */
  factor?: number;
  /** … or set the calls: for one interval that interval's calls, for a whole day the day's total (shape kept). */
  calls?: number;
  note: string;
}

/** Options of {@link forecast}. */
export interface ForecastOptions {
  /** First and last local date to forecast (both included). */
  from: string;
  to: string;
  /** How many recent weeks build the profiles (default 8). */
  weeks?: number;
  /** Last local date of history to use (default: the last date in the history). */
  asOf?: string;
  timeZone?: string;
  intervalMinutes?: number;
  specialDays?: readonly SpecialDay[];
  adjustments?: readonly Adjustment[];
  /** Share of the recent-vs-earlier change carried into the forecast: 0 = no trend, 1 = full (default 0.5). */
  trendDamping?: number;
  /** Projects to forecast (default: every project in the history). */
  projects?: readonly string[];
}

/** Forecast for one project, local date and interval. */
export interface ForecastRow {
  project: string;
  date: string;
  interval: number;
  calls: number;
  ahtSeconds: number;
  /** Notes of the hand adjustments applied to this row, joined with '; '. */
  adjusted?: string;
}

/** What an adjustment did: how many rows it touched and the calls before and after. */
export interface AdjustmentReport extends Adjustment {
  matchedRows: number;
  callsBefore: number;
  callsAfter: number;
}

/** Rows plus the factors that explain them. */
export interface ForecastResult {
  rows: ForecastRow[];
  /** Trend factor applied per project (1 = flat). */
  trendByProject: Record<string, number>;
  /** History dates the profiles were built from (first and last, both included). */
  window: { from: string; to: string };
  adjustments: AdjustmentReport[];
}

/** One project's history bucketed by local date: calls, handled calls and AHT × handled per interval. */
interface DayBuckets {
  /** 1 where the history has a row for the interval (a missing row is missing data, not zero calls). */
  present: Uint8Array;
  calls: Float64Array;
  handled: Float64Array;
  handledSeconds: Float64Array;
}

/** Bucket history rows by project and local date. */
function bucketHistory(
  history: readonly HistoryRow[],
  timeZone: string,
  intervalMinutes: number,
  dates?: { from: string; to: string },
): Map<string, Map<string, DayBuckets>> {
  const perDay = intervalsPerDay(intervalMinutes);
  const slotOf = slotLocator({ timeZone, intervalMinutes });
  const byProject = new Map<string, Map<string, DayBuckets>>();
  for (const row of history) {
    const { date, interval } = slotOf(Date.parse(row.intervalStart));
    if (dates && (date < dates.from || date > dates.to)) continue;
    let days = byProject.get(row.project);
    if (!days) byProject.set(row.project, (days = new Map()));
    let day = days.get(date);
    if (!day) days.set(date, (day = { present: new Uint8Array(perDay), calls: new Float64Array(perDay), handled: new Float64Array(perDay), handledSeconds: new Float64Array(perDay) }));
    day.present[interval] = 1;
    day.calls[interval] += row.callsOffered;
    day.handled[interval] += row.callsHandled;
    day.handledSeconds[interval] += row.callsHandled * row.ahtSeconds;
  }
  return byProject;
}

/**
 * Which special days apply to a project on a date, and what do they multiply volume by?
 * @example specialDayEffect([{ date: '2026-10-01', factor: 0.6, label: '国庆' }], 'EV', '2026-10-01') // { factor: 0.6, weekday: 3, labels: ['国庆'] }
 */
export function specialDayEffect(specialDays: readonly SpecialDay[], project: string, date: string): { factor: number; weekday: number; labels: string[] } {
  let factor = 1;
  let weekday = weekdayOf(date);
  const labels: string[] = [];
  for (const s of specialDays) {
    if (s.project !== undefined && s.project !== project) continue;
    const from = s.from ?? s.date;
    const to = s.to ?? s.date ?? s.from;
    if (from === undefined || to === undefined || date < from || date > to) continue;
    factor *= s.factor;
    if (s.likeWeekday !== undefined) weekday = s.likeWeekday;
    labels.push(s.label);
  }
  return { factor, weekday, labels };
}

/** Weekday × interval profile of calls and AHT for one project, plus the trend factor, from the window dates. */
interface Profile {
  calls: Float64Array[]; // [weekday][interval], mean de-seasonalised calls
  aht: Float64Array[]; // [weekday][interval], handled-weighted AHT (with fallbacks)
  trend: number;
}

/**
 * Profile from the window: each weekday × interval is the mean over the days that have a row for it
 * (a missing row is missing data, not zero calls). Special days are divided out first.
 */
function buildProfile(days: Map<string, DayBuckets> | undefined, windowDates: string[], perDay: number, project: string, options: ForecastOptions): Profile {
  const calls = Array.from({ length: 7 }, () => new Float64Array(perDay));
  const count = Array.from({ length: 7 }, () => new Float64Array(perDay));
  const handled = Array.from({ length: 7 }, () => new Float64Array(perDay));
  const handledSeconds = Array.from({ length: 7 }, () => new Float64Array(perDay));
  const dailyTotals: { index: number; total: number; coverage: number }[] = [];
  windowDates.forEach((date, index) => {
    const day = days?.get(date);
    if (!day) return;
    const effect = specialDayEffect(options.specialDays ?? [], project, date);
    if (!(effect.factor > 0)) return; // a day forced to zero (factor 0) says nothing about ordinary days
    const scale = 1 / effect.factor;
    const w = effect.weekday;
    let total = 0;
    let coverage = 0;
    for (let i = 0; i < perDay; i++) {
      if (!day.present[i]) continue;
      count[w][i] += 1;
      calls[w][i] += day.calls[i] * scale;
      handled[w][i] += day.handled[i];
      handledSeconds[w][i] += day.handledSeconds[i];
      total += day.calls[i] * scale;
      coverage += 1;
    }
    dailyTotals.push({ index, total, coverage });
  });
  for (let w = 0; w < 7; w++) for (let i = 0; i < perDay; i++) if (count[w][i] > 0) calls[w][i] /= count[w][i];
  // Trend compares whole days only: those with the fullest interval coverage seen in the window.
  const fullest = Math.max(0, ...dailyTotals.map((d) => d.coverage));
  const wholeDays = dailyTotals.filter((d) => d.coverage === fullest);
  return { calls, aht: ahtProfile(handled, handledSeconds, perDay), trend: trendFactor(wholeDays, windowDates.length, options.trendDamping ?? 0.5) };
}

/** AHT per weekday × interval; falls back to the interval across weekdays, then to the project's overall AHT. */
function ahtProfile(handled: Float64Array[], handledSeconds: Float64Array[], perDay: number): Float64Array[] {
  let allHandled = 0;
  let allSeconds = 0;
  const byIntervalHandled = new Float64Array(perDay);
  const byIntervalSeconds = new Float64Array(perDay);
  for (let w = 0; w < 7; w++) {
    for (let i = 0; i < perDay; i++) {
      byIntervalHandled[i] += handled[w][i];
      byIntervalSeconds[i] += handledSeconds[w][i];
      allHandled += handled[w][i];
      allSeconds += handledSeconds[w][i];
    }
  }
  const overall = allHandled > 0 ? allSeconds / allHandled : 0;
  return handled.map((h, w) =>
    Float64Array.from(h, (n, i) =>
      n > 0 ? handledSeconds[w][i] / n : byIntervalHandled[i] > 0 ? byIntervalSeconds[i] / byIntervalHandled[i] : overall,
    ),
  );
}

/**
 * By what factor is the recent half of the window busier than the earlier half, damped?
 * factor = 1 + damping × (mean daily calls of the recent half / earlier half − 1), kept within [0.5, 2].
 * The recent half is the last floor(n/2) days of the window. Without data in both halves the factor is 1.
 */
function trendFactor(dailyTotals: { index: number; total: number }[], windowDays: number, damping: number): number {
  if (damping === 0) return 1;
  const split = windowDays - Math.floor(windowDays / 14) * 7; // earlier half: first ceil(weeks/2) weeks
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const earlier = dailyTotals.filter((d) => d.index < split).map((d) => d.total);
  const recent = dailyTotals.filter((d) => d.index >= split).map((d) => d.total);
  if (earlier.length === 0 || recent.length === 0 || mean(earlier) === 0) return 1;
  const factor = 1 + damping * (mean(recent) / mean(earlier) - 1);
  return Math.min(2, Math.max(0.5, factor));
}

/**
 * How many calls (and what AHT) should each project expect in each interval of the chosen dates?
 * @example forecast(history, { from: '2026-12-01', to: '2026-12-31', adjustments: [{ date: '2026-12-07', factor: 1.3, note: 'bill reminder SMS' }] })
 *   // { rows: [{ project: '95598', date: '2026-12-01', interval: 0, calls: …, ahtSeconds: … }, …], trendByProject, window, adjustments }
 */
export function forecast(history: readonly HistoryRow[], options: ForecastOptions): ForecastResult {
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const intervalMinutes = options.intervalMinutes ?? DEFAULT_INTERVAL_MINUTES;
  const perDay = intervalsPerDay(intervalMinutes);
  const weeks = options.weeks ?? 8;
  if (!(Number.isInteger(weeks) && weeks >= 1)) throw new RangeError(`weeks must be a whole number ≥ 1, got ${weeks}`);
  const dates = localDateRange(options.from, options.to);
  if (dates.length === 0) throw new RangeError(`forecast range is empty: ${options.from} … ${options.to}`);
  const asOf = options.asOf ?? lastHistoryDate(history, timeZone);
  const windowDates = asOf === undefined ? [] : localDateRange(addLocalDays(asOf, -7 * weeks + 1), asOf);
  const buckets = bucketHistory(history, timeZone, intervalMinutes, { from: windowDates[0] ?? '', to: asOf ?? '' });
  const projects = options.projects ?? [...new Set(history.map((r) => r.project))].sort();
  const rows: ForecastRow[] = [];
  const trendByProject: Record<string, number> = {};
  for (const project of projects) {
    const profile = buildProfile(buckets.get(project), windowDates, perDay, project, options);
    trendByProject[project] = profile.trend;
    for (const date of dates) {
      const effect = specialDayEffect(options.specialDays ?? [], project, date);
      for (let interval = 0; interval < perDay; interval++) {
        rows.push({
          project,
          date,
          interval,
          calls: profile.calls[effect.weekday][interval] * profile.trend * effect.factor,
          ahtSeconds: profile.aht[effect.weekday][interval],
        });
      }
    }
  }
  const adjustments = (options.adjustments ?? []).map((a) => applyAdjustment(rows, a, perDay));
  return { rows, trendByProject, window: { from: windowDates[0] ?? '', to: windowDates.at(-1) ?? '' }, adjustments };
}

/** Local date of the latest interval in the history, or undefined when it is empty. */
function lastHistoryDate(history: readonly HistoryRow[], timeZone: string): string | undefined {
  let latest = -Infinity;
  for (const row of history) latest = Math.max(latest, Date.parse(row.intervalStart));
  return latest === -Infinity ? undefined : slotLocator({ timeZone })(latest).date;
}

function lastDate(buckets: Map<string, Map<string, DayBuckets>>): string | undefined {
  let last: string | undefined;
  for (const days of buckets.values()) for (const date of days.keys()) if (last === undefined || date > last) last = date;
  return last;
}

/** Apply one hand adjustment in place and report what it changed. */
function applyAdjustment(rows: ForecastRow[], a: Adjustment, perDay: number): AdjustmentReport {
  if ((a.factor === undefined) === (a.calls === undefined)) throw new RangeError(`adjustment "${a.note}" needs exactly one of factor or calls`);
  if ((a.factor ?? 0) < 0 || (a.calls ?? 0) < 0) throw new RangeError(`adjustment "${a.note}" must not be negative`);
  if (a.interval !== undefined && !(Number.isInteger(a.interval) && a.interval >= 0 && a.interval < perDay)) {
    throw new RangeError(`adjustment "${a.note}": interval must be in 0..${perDay - 1}, got ${a.interval}`);
  }
  const to = a.to ?? a.date;
  const matched = rows.filter(
    (r) => r.date >= a.date && r.date <= to && (a.interval === undefined || r.interval === a.interval) && (a.project === undefined || r.project === a.project),
  );
  const callsBefore = matched.reduce((s, r) => s + r.calls, 0);
  // Group by project and date, so "calls" for a whole day sets each day's total.
  const groups = new Map<string, ForecastRow[]>();
  for (const r of matched) {
    const key = `${r.project}\u0000${r.date}`;
    const g = groups.get(key);
    if (g) g.push(r);
    else groups.set(key, [r]);
  }
  for (const group of groups.values()) {
    const total = group.reduce((s, r) => s + r.calls, 0);
    for (const r of group) {
      if (a.factor !== undefined) r.calls *= a.factor;
      else r.calls = total > 0 ? (r.calls / total) * (a.calls as number) : (a.calls as number) / group.length;
      r.adjusted = r.adjusted ? `${r.adjusted}; ${a.note}` : a.note;
    }
  }
  const callsAfter = matched.reduce((s, r) => s + r.calls, 0);
  return { ...a, matchedRows: matched.length, callsBefore, callsAfter };
}

/** Options of {@link backtest}: the weeks held out plus any forecast options except the range. */
export interface BacktestOptions extends Omit<ForecastOptions, 'from' | 'to' | 'asOf' | 'adjustments'> {
  holdoutWeeks: number;
}

/** Forecast accuracy on held-out weeks. WAPE = Σ|actual − forecast| / Σ actual (null when nothing was offered). */
export interface BacktestResult {
  wape: number | null;
  byProject: Record<string, number | null>;
  holdout: { from: string; to: string };
  /** Intervals compared (those with actual history). */
  points: number;
}

/**
 * How accurate would the forecast have been on the last `holdoutWeeks` weeks of history?
 * Trains on everything before them, compares per project and interval where actuals exist.
 * @example backtest(generateDemoHistory({ seed: 1 }), { holdoutWeeks: 2 }) // { wape: ≈0.08, byProject: { '95598': ≈0.07, EV: ≈0.08, … }, holdout: { from: '2026-10-18', to: '2026-10-31' }, points: 2688 }
 */
export function backtest(history: readonly HistoryRow[], options: BacktestOptions): BacktestResult {
  const { holdoutWeeks, ...rest } = options;
  if (!(Number.isInteger(holdoutWeeks) && holdoutWeeks >= 1)) throw new RangeError(`holdoutWeeks must be a whole number ≥ 1, got ${holdoutWeeks}`);
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const intervalMinutes = options.intervalMinutes ?? DEFAULT_INTERVAL_MINUTES;
  const buckets = bucketHistory(history, timeZone, intervalMinutes);
  const last = lastDate(buckets);
  if (last === undefined) throw new RangeError('backtest needs history');
  const from = addLocalDays(last, -7 * holdoutWeeks + 1);
  const slotOf = slotLocator({ timeZone, intervalMinutes });
  const training = history.filter((r) => slotOf(Date.parse(r.intervalStart)).date < from);
  const predicted = forecast(training, { ...rest, from, to: last, asOf: addLocalDays(from, -1), projects: [...buckets.keys()].sort() });
  const errorSum: Record<string, number> = {};
  const actualSum: Record<string, number> = {};
  let points = 0;
  for (const row of predicted.rows) {
    const day = buckets.get(row.project)?.get(row.date);
    if (!day) continue;
    // An interval with no row in the history file is missing data, not a zero: skip it.
    if (!day.present[row.interval]) continue;
    const actual = day.calls[row.interval];
    errorSum[row.project] = (errorSum[row.project] ?? 0) + Math.abs(actual - row.calls);
    actualSum[row.project] = (actualSum[row.project] ?? 0) + actual;
    points++;
  }
  const byProject: Record<string, number | null> = {};
  let totalError = 0;
  let totalActual = 0;
  for (const project of Object.keys(actualSum).sort()) {
    byProject[project] = actualSum[project] > 0 ? errorSum[project] / actualSum[project] : null;
    totalError += errorSum[project];
    totalActual += actualSum[project];
  }
  return { wape: totalActual > 0 ? totalError / totalActual : null, byProject, holdout: { from, to: last }, points };
}
