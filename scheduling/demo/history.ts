// Seeded generator of a year of 30-minute call history for the four demo projects (daily and weekly shape, 度夏 summer peak, holidays, noise).
import type { HistoryRow } from '../history.ts';
import { addLocalDays, DEFAULT_TIME_ZONE, intervalStart, localDateRange, startOfLocalDate, weekdayOf } from '../time.ts';
import { holidayDates, makeUpWorkdays, type HolidayBreak, CHINA_HOLIDAY_BREAKS } from './holidays.ts';

/**
 * A seeded pseudo-random generator (mulberry32): same seed, same sequence of numbers in [0, 1).
 * @example const rand = mulberry32(7); rand() // always the same first value for seed 7
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return function next(): number {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal draw from a uniform generator (Box–Muller). */
function normal(rand: () => number): number {
  const u = Math.max(rand(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

/** How a demo project's traffic behaves. */
export interface DemoProject {
  code: string;
  name: string;
  /** Expected calls on an ordinary Wednesday outside summer, at the start of the period. */
  callsPerDay: number;
  ahtSeconds: number;
  /** Multipliers Monday … Sunday. */
  weekdayFactors: readonly number[];
  /** Multiplier in July and August (度夏). */
  summerFactor: number;
  /** Multiplier on public-holiday days off. */
  holidayFactor: number;
  /** Growth over a year (0.2 = +20%), applied linearly. */
  yearlyGrowth: number;
  /** Share of offered calls abandoned at an ordinary level. */
  abandonRate: number;
}

/** The four demo projects: the 95598 hotline and three smaller outsourced lines. */
export const DEMO_PROJECTS: readonly DemoProject[] = [
  { code: '95598', name: '95598 供电服务热线', callsPerDay: 9_000, ahtSeconds: 250, weekdayFactors: [1.1, 1.04, 1, 1, 0.98, 0.8, 0.76], summerFactor: 1.32, holidayFactor: 0.8, yearlyGrowth: 0.03, abandonRate: 0.04 },
  { code: 'EV', name: '充电桩客服', callsPerDay: 2_000, ahtSeconds: 210, weekdayFactors: [1.02, 1, 1, 1, 1.03, 0.95, 0.92], summerFactor: 1.15, holidayFactor: 1.1, yearlyGrowth: 0.2, abandonRate: 0.05 },
  { code: 'INS', name: '保险服务热线', callsPerDay: 700, ahtSeconds: 320, weekdayFactors: [1.12, 1.05, 1, 1, 0.96, 0.6, 0.55], summerFactor: 1.02, holidayFactor: 0.45, yearlyGrowth: 0.05, abandonRate: 0.03 },
  { code: 'FIN', name: '数字金融客服', callsPerDay: 500, ahtSeconds: 280, weekdayFactors: [1.1, 1.04, 1, 1, 1, 0.62, 0.58], summerFactor: 1, holidayFactor: 0.5, yearlyGrowth: 0.08, abandonRate: 0.03 },
];

/**
 * Relative call volume of each 30-minute interval of a day (sums to 1): night trough, morning peak
 * around 10:00, afternoon peak around 15:30, a smaller evening shoulder.
 * @example dailyShape().length // 48
 */
export function dailyShape(): number[] {
  const weights = Array.from({ length: 48 }, (_, i) => {
    const h = i / 2 + 0.25;
    const bump = (centre: number, width: number, height: number) => height * Math.exp(-(((h - centre) / width) ** 2));
    return 0.04 + bump(10, 1.6, 1) + bump(15.5, 1.9, 0.85) + bump(20, 1.6, 0.35) + bump(12.5, 0.9, 0.2);
  });
  const total = weights.reduce((s, w) => s + w, 0);
  return weights.map((w) => w / total);
}

/** Options of {@link generateDemoHistory}. */
export interface DemoHistoryOptions {
  seed?: number;
  /** First local date (default 2025-11-01); `days` days are generated (default 365). */
  from?: string;
  days?: number;
  timeZone?: string;
  projects?: readonly DemoProject[];
  holidays?: readonly HolidayBreak[];
}

/**
 * A year of interval history for the demo centre, the same for the same seed.
 * @example generateDemoHistory({ seed: 1, from: '2026-07-01', days: 1 }).length // 4 projects × 48 = 192
 */
export function generateDemoHistory(options: DemoHistoryOptions = {}): HistoryRow[] {
  const { seed = 1, from = '2025-11-01', days = 365, timeZone = DEFAULT_TIME_ZONE, projects = DEMO_PROJECTS, holidays = CHINA_HOLIDAY_BREAKS } = options;
  const rand = mulberry32(seed);
  const shape = dailyShape();
  const offDays = holidayDates(holidays);
  const workWeekends = makeUpWorkdays(holidays);
  const dates = localDateRange(from, addLocalDays(from, days - 1));
  const rows: HistoryRow[] = [];
  dates.forEach((date, dayIndex) => {
    const starts = intervalStarts(date, timeZone);
    const weekday = workWeekends.has(date) ? 2 : weekdayOf(date);
    const month = Number(date.slice(5, 7));
    const holiday = offDays.has(date);
    for (const p of projects) {
      const level =
        p.callsPerDay *
        p.weekdayFactors[weekday] *
        (month === 7 || month === 8 ? p.summerFactor : 1) *
        (holiday ? p.holidayFactor : 1) *
        (1 + (p.yearlyGrowth * dayIndex) / 365) *
        Math.exp(0.05 * normal(rand)); // day-to-day weather and events
      for (let i = 0; i < 48; i++) {
        const expected = level * shape[i];
        const offered = Math.max(0, Math.round(expected + Math.sqrt(expected) * normal(rand)));
        const busy = shape[i] * 48; // > 1 in peaks: more callers give up
        const abandonShare = Math.min(0.5, Math.max(0, p.abandonRate * busy * (1 + 0.3 * normal(rand))));
        const handled = offered - Math.round(offered * abandonShare);
        const aht = handled > 0 ? Math.round(p.ahtSeconds * (1 + 0.06 * normal(rand)) * 10) / 10 : 0;
        rows.push({ project: p.code, intervalStart: starts[i], callsOffered: offered, callsHandled: handled, ahtSeconds: Math.max(aht, handled > 0 ? 1 : 0) });
      }
    }
  });
  return rows;
}

/** ISO starts of the 48 intervals of a local date; fast path when the day is 24 hours long. */
function intervalStarts(date: string, timeZone: string): string[] {
  const start = startOfLocalDate(date, { timeZone }).getTime();
  const next = startOfLocalDate(addLocalDays(date, 1), { timeZone }).getTime();
  if (next - start === 86_400_000) return Array.from({ length: 48 }, (_, i) => new Date(start + i * 1_800_000).toISOString());
  return Array.from({ length: 48 }, (_, i) => intervalStart(date, i, { timeZone }).toISOString());
}
