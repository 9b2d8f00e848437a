// Specifies the interval forecast and its backtest on small histories whose answers are worked out by hand.
import { describe, it, expect } from 'vitest';
import { backtest, forecast, specialDayEffect } from './forecast.ts';
import type { HistoryRow } from './history.ts';
import { addLocalDays, intervalStart, localDateRange, weekdayOf } from './time.ts';

const UTC = { timeZone: 'UTC' };

/** History for `project` on each date, 48 intervals, from a calls function; every call handled with the given AHT. */
function history(project: string, dates: string[], calls: (date: string, interval: number) => number, ahtSeconds = 300, timeZone = 'UTC'): HistoryRow[] {
  return dates.flatMap((date) =>
    Array.from({ length: 48 }, (_, interval) => {
      const n = calls(date, interval);
      return { project, intervalStart: intervalStart(date, interval, { timeZone }).toISOString(), callsOffered: n, callsHandled: n, ahtSeconds };
    }),
  );
}

// Eight full weeks, Monday 2026-01-05 … Sunday 2026-03-01; the forecast week is Monday 2026-03-02 … Sunday 03-08.
const WINDOW = localDateRange('2026-01-05', '2026-03-01');
const NEXT_WEEK = { from: '2026-03-02', to: '2026-03-08' };

describe('forecast', () => {
  it('forecasts a flat history as itself: 10 calls, AHT 300 s in every interval, trend 1', () => {
    const result = forecast(history('EV', WINDOW, () => 10), { ...NEXT_WEEK, ...UTC });
    expect(result.rows).toHaveLength(7 * 48);
    expect(new Set(result.rows.map((r) => r.calls))).toEqual(new Set([10]));
    expect(new Set(result.rows.map((r) => r.ahtSeconds))).toEqual(new Set([300]));
    expect(result.trendByProject).toEqual({ EV: 1 });
    expect(result.window).toEqual({ from: '2026-01-05', to: '2026-03-01' });
    expect(result.rows[0]).toEqual({ project: 'EV', date: '2026-03-02', interval: 0, calls: 10, ahtSeconds: 300 });
  });

  it('keeps a doubled Monday profile: 20 calls on Monday, 10 on other days', () => {
    const rows = forecast(history('EV', WINDOW, (d) => (weekdayOf(d) === 0 ? 20 : 10)), { ...NEXT_WEEK, ...UTC }).rows;
    expect(rows.filter((r) => r.date === '2026-03-02').every((r) => r.calls === 20)).toBe(true);
    expect(rows.filter((r) => r.date === '2026-03-03').every((r) => r.calls === 10)).toBe(true);
  });

  it('keeps the daily shape: interval i forecasts the mean of interval i', () => {
    const rows = forecast(history('EV', WINDOW, (_d, i) => i), { ...NEXT_WEEK, ...UTC }).rows;
    expect(rows.filter((r) => r.date === '2026-03-05').map((r) => r.calls)).toEqual(Array.from({ length: 48 }, (_, i) => i));
  });

  it('averages only the last `weeks` weeks: with weeks 2, older weeks do not count', () => {
    const rows = forecast(history('EV', WINDOW, (d) => (d < '2026-02-16' ? 50 : 10)), { ...NEXT_WEEK, ...UTC, weeks: 2 }).rows;
    expect(rows.every((r) => r.calls === 10)).toBe(true);
  });

  it('applies a damped trend: 100 then 120 calls gives profile 110 × (1 + 0.5 × 0.2) = 121', () => {
    const h = history('EV', WINDOW, (d) => (d < '2026-02-02' ? 100 : 120));
    const damped = forecast(h, { ...NEXT_WEEK, ...UTC });
    expect(damped.trendByProject.EV).toBeCloseTo(1.1, 12);
    expect(damped.rows[0].calls).toBeCloseTo(121, 9);
    expect(forecast(h, { ...NEXT_WEEK, ...UTC, trendDamping: 1 }).rows[0].calls).toBeCloseTo(132, 9);
    expect(forecast(h, { ...NEXT_WEEK, ...UTC, trendDamping: 0 }).rows[0].calls).toBeCloseTo(110, 9);
  });

  it('weights AHT by handled calls: 10 calls at 200 s and 30 at 400 s give 350 s', () => {
    const h = [
      ...history('EV', WINDOW.slice(0, 28), () => 10, 200),
      ...history('EV', WINDOW.slice(28), () => 30, 400),
    ];
    const rows = forecast(h, { ...NEXT_WEEK, ...UTC, trendDamping: 0 }).rows;
    expect(rows[0].ahtSeconds).toBeCloseTo(350, 9);
    expect(rows[0].calls).toBeCloseTo(20, 9);
  });

  it('scales special days and periods: a holiday ×0.5 gives 5, a summer-peak period ×1.3 gives 13, both together 6.5', () => {
    const specialDays = [
      { date: '2026-03-04', factor: 0.5, label: '节假日' },
      { from: '2026-03-06', to: '2026-03-08', factor: 1.3, label: '度夏' },
      { date: '2026-03-08', factor: 0.5, label: '节假日' },
    ];
    const rows = forecast(history('EV', WINDOW, () => 10), { ...NEXT_WEEK, ...UTC, specialDays }).rows;
    const on = (date: string) => rows.find((r) => r.date === date && r.interval === 12)!.calls;
    expect(on('2026-03-03')).toBe(10);
    expect(on('2026-03-04')).toBe(5);
    expect(on('2026-03-06')).toBeCloseTo(13, 9);
    expect(on('2026-03-08')).toBeCloseTo(6.5, 9);
  });

  it('removes known special days from history before building profiles', () => {
    // A Wednesday holiday in history at half volume (5) must not pull the Wednesday profile down.
    const specialDays = [{ date: '2026-02-18', factor: 0.5, label: '春节' }];
    const rows = forecast(history('EV', WINDOW, (d) => (d === '2026-02-18' ? 5 : 10)), { ...NEXT_WEEK, ...UTC, specialDays }).rows;
    expect(rows.find((r) => r.date === '2026-03-04')!.calls).toBe(10);
  });

  it('forecasts a make-up working Saturday (likeWeekday 0) from the Monday profile', () => {
    const specialDays = [{ date: '2026-03-07', factor: 1, label: '调休上班', likeWeekday: 0 }];
    const rows = forecast(history('EV', WINDOW, (d) => (weekdayOf(d) >= 5 ? 4 : 10)), { ...NEXT_WEEK, ...UTC, specialDays }).rows;
    expect(rows.find((r) => r.date === '2026-03-07')!.calls).toBe(10);
    expect(rows.find((r) => r.date === '2026-03-08')!.calls).toBe(4);
  });

  it('limits a special day to one project when it names one', () => {
    const h = [...history('EV', WINDOW, () => 10), ...history('FIN', WINDOW, () => 10)];
    const rows = forecast(h, { ...NEXT_WEEK, ...UTC, specialDays: [{ date: '2026-03-02', factor: 2, label: 'EV campaign', project: 'EV' }] }).rows;
    expect(rows.find((r) => r.project === 'EV' && r.date === '2026-03-02')!.calls).toBe(20);
    expect(rows.find((r) => r.project === 'FIN' && r.date === '2026-03-02')!.calls).toBe(10);
  });

  it('buckets history by the centre zone: 16:00 UTC is interval 0 of the next Shanghai day', () => {
    const h = history('EV', WINDOW, (_d, i) => (i === 0 ? 7 : 1), 300, 'Asia/Shanghai');
    expect(h[0].intervalStart).toBe('2026-01-04T16:00:00.000Z');
    const rows = forecast(h, { ...NEXT_WEEK, timeZone: 'Asia/Shanghai' }).rows;
    expect(rows.slice(0, 3).map((r) => r.calls)).toEqual([7, 1, 1]);
  });
});

describe('hand adjustments', () => {
  const base = history('EV', WINDOW, (_d, i) => (i < 24 ? 10 : 30));

  it('multiplies one interval by a factor, marks the row and reports before/after', () => {
    const result = forecast(base, { ...NEXT_WEEK, ...UTC, adjustments: [{ date: '2026-03-02', interval: 20, factor: 1.5, note: '停电通知' }] });
    const row = result.rows.find((r) => r.date === '2026-03-02' && r.interval === 20)!;
    expect(row).toEqual({ project: 'EV', date: '2026-03-02', interval: 20, calls: 15, ahtSeconds: 300, adjusted: '停电通知' });
    expect(result.rows.find((r) => r.date === '2026-03-02' && r.interval === 21)!.adjusted).toBeUndefined();
    expect(result.adjustments).toEqual([
      { date: '2026-03-02', interval: 20, factor: 1.5, note: '停电通知', matchedRows: 1, callsBefore: 10, callsAfter: 15 },
    ]);
  });

  it('sets a whole day total by calls, keeping the day shape (960 → 1920 doubles each interval)', () => {
    const result = forecast(base, { ...NEXT_WEEK, ...UTC, adjustments: [{ date: '2026-03-03', calls: 1920, note: 'campaign' }] });
    const day = result.rows.filter((r) => r.date === '2026-03-03');
    expect(day[0].calls).toBe(20);
    expect(day[47].calls).toBe(60);
    expect(result.adjustments[0]).toMatchObject({ matchedRows: 48, callsBefore: 960, callsAfter: 1920 });
  });

  it('applies a campaign week (date … to) and joins notes when adjustments overlap', () => {
    const result = forecast(base, {
      ...NEXT_WEEK,
      ...UTC,
      adjustments: [
        { date: '2026-03-02', to: '2026-03-08', factor: 1.2, note: 'campaign week' },
        { date: '2026-03-04', interval: 0, calls: 3, note: 'system outage' },
      ],
    });
    expect(result.rows.filter((r) => r.adjusted).length).toBe(7 * 48);
    const r = result.rows.find((x) => x.date === '2026-03-04' && x.interval === 0)!;
    expect(r.calls).toBe(3);
    expect(r.adjusted).toBe('campaign week; system outage');
    expect(result.adjustments[0]).toMatchObject({ matchedRows: 336, callsBefore: 6720, callsAfter: 6720 * 1.2 });
  });

  it('reports an adjustment that matches nothing with matchedRows 0 rather than dropping it', () => {
    const result = forecast(base, { ...NEXT_WEEK, ...UTC, adjustments: [{ date: '2027-01-01', factor: 2, note: 'far future' }] });
    expect(result.adjustments[0]).toMatchObject({ matchedRows: 0, callsBefore: 0, callsAfter: 0 });
  });

  it('rejects an adjustment with both or neither of factor and calls', () => {
    expect(() => forecast(base, { ...NEXT_WEEK, ...UTC, adjustments: [{ date: '2026-03-02', note: 'x' }] })).toThrow(/exactly one/);
    expect(() => forecast(base, { ...NEXT_WEEK, ...UTC, adjustments: [{ date: '2026-03-02', factor: 1, calls: 2, note: 'x' }] })).toThrow(/exactly one/);
  });
});

describe('backtest', () => {
  // Two training weeks at 10 (EV) and 10 (FIN), then a held-out week at 12 (EV) and 8 (FIN).
  const dates = localDateRange('2026-02-09', '2026-03-01');
  const h = [
    ...history('EV', dates, (d) => (d < '2026-02-23' ? 10 : 12)),
    ...history('FIN', dates, (d) => (d < '2026-02-23' ? 10 : 8)),
  ];

  it('computes WAPE by hand: EV 2/12, FIN 2/8, overall (2+2)/(12+8) = 0.2', () => {
    const result = backtest(h, { holdoutWeeks: 1, weeks: 2, ...UTC });
    expect(result.holdout).toEqual({ from: '2026-02-23', to: '2026-03-01' });
    expect(result.byProject.EV).toBeCloseTo(2 / 12, 12);
    expect(result.byProject.FIN).toBeCloseTo(2 / 8, 12);
    expect(result.wape).toBeCloseTo(0.2, 12);
    expect(result.points).toBe(2 * 7 * 48);
  });

  it('gives WAPE 0 when the held-out weeks repeat the training weeks', () => {
    expect(backtest(history('EV', dates, () => 10), { holdoutWeeks: 1, weeks: 2, ...UTC }).wape).toBe(0);
  });

  it('never lets the held-out weeks leak into training', () => {
    // If the holdout leaked in, the 2-week profile would be (10+12)/2 = 11 and EV WAPE would be 1/12.
    expect(backtest(h, { holdoutWeeks: 1, weeks: 2, trendDamping: 0, ...UTC }).byProject.EV).toBeCloseTo(2 / 12, 12);
  });
});

describe('edge cases', () => {
  it('skips held-out intervals that have no history row instead of counting them as zero calls', () => {
    const dates = localDateRange('2026-02-16', '2026-03-01');
    const full = history('EV', dates, () => 10);
    const missing = full.filter((r) => r.intervalStart !== intervalStart('2026-03-01', 5, UTC).toISOString());
    const result = backtest(missing, { holdoutWeeks: 1, weeks: 1, ...UTC });
    expect(result.points).toBe(7 * 48 - 1);
    expect(result.wape).toBe(0);
  });

  it('returns null WAPE when nothing was offered in the holdout', () => {
    const dates = localDateRange('2026-02-16', '2026-03-01');
    const result = backtest(history('EV', dates, (d) => (d < '2026-02-23' ? 5 : 0)), { holdoutWeeks: 1, weeks: 1, ...UTC });
    expect(result.wape).toBeNull();
    expect(result.byProject.EV).toBeNull();
  });

  it('forecasts zeros for a requested project with no history, and nothing for an empty history', () => {
    const result = forecast(history('EV', WINDOW, () => 10), { ...NEXT_WEEK, ...UTC, projects: ['EV', 'INS'] });
    expect(result.rows.filter((r) => r.project === 'INS').every((r) => r.calls === 0 && r.ahtSeconds === 0)).toBe(true);
    expect(forecast([], { ...NEXT_WEEK, ...UTC }).rows).toEqual([]);
  });

  it('uses only the weeks that exist when history is shorter than `weeks`', () => {
    const rows = forecast(history('EV', WINDOW.slice(-7), () => 9), { ...NEXT_WEEK, ...UTC }).rows;
    expect(rows.every((r) => r.calls === 9)).toBe(true);
  });

  it('treats a missing history row as missing data: the mean of the rows that exist, not a zero', () => {
    // Interval 10 on Monday 2026-02-23 has no row; the other 7 Mondays had 8 calls there.
    const gap = intervalStart('2026-02-23', 10, UTC).toISOString();
    const rows = forecast(history('EV', WINDOW, () => 8).filter((r) => r.intervalStart !== gap), { ...NEXT_WEEK, ...UTC }).rows;
    expect(rows.find((r) => r.date === '2026-03-02' && r.interval === 10)!.calls).toBe(8);
  });

  it('keeps the trend flat when one day is only partly covered', () => {
    const h = history('EV', WINDOW, () => 8).filter((r) => !(r.intervalStart >= '2026-02-25T00:00:00.000Z' && r.intervalStart < '2026-02-25T12:00:00.000Z'));
    expect(forecast(h, { ...NEXT_WEEK, ...UTC }).trendByProject.EV).toBe(1);
  });

  it('rejects an empty range and a bad number of weeks', () => {
    const h = history('EV', WINDOW.slice(-7), () => 9);
    expect(() => forecast(h, { from: '2026-03-02', to: '2026-03-01', ...UTC })).toThrow(/empty/);
    expect(() => forecast(h, { ...NEXT_WEEK, ...UTC, weeks: 0 })).toThrow(/weeks/);
    expect(() => backtest(h, { holdoutWeeks: 0, ...UTC })).toThrow(/holdoutWeeks/);
  });

  it('finds the combined effect of overlapping special days, crossing the year end', () => {
    const specialDays = [
      { from: '2026-12-25', to: '2027-01-03', factor: 1.2, label: 'year-end campaign' },
      { date: '2027-01-01', factor: 0.5, label: '元旦' },
    ];
    expect(specialDayEffect(specialDays, 'EV', '2027-01-01')).toEqual({ factor: 0.6, weekday: 4, labels: ['year-end campaign', '元旦'] });
    expect(specialDayEffect(specialDays, 'EV', addLocalDays('2027-01-03', 1))).toEqual({ factor: 1, weekday: 0, labels: [] });
  });
});
