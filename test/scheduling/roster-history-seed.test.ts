// The demo centre's interval history: the first start seeds a year (bulk insert) with its daily and weekly shape, the
// summer peak and the holidays; the test database's reset keeps 16 weeks, which the forecast and backtest need.
import { describe, it, expect, beforeAll } from 'vitest';
import { testApp } from '../support/app.ts';
import { DEMO_HISTORY_DAYS, TEST_HISTORY_DAYS, historySeedStep } from '../../server/scheduling/service.ts';
import { holidayDates } from '../../scheduling/demo/holidays.ts';
import { addLocalDays, localDateOf, weekdayOf } from '../../scheduling/time.ts';

type T = Awaited<ReturnType<typeof testApp>>;

async function dailyTotals(t: T): Promise<Map<string, Map<string, number>>> {
  const rows = await t.sql<{ code: string; d: string; calls: number }[]>`
    SELECT p.code, to_char(h.interval_start AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS d, sum(h.calls_offered)::int AS calls
    FROM interval_history h JOIN projects p ON p.id = h.project_id GROUP BY 1, 2`;
  const out = new Map<string, Map<string, number>>();
  for (const r of rows) {
    if (!out.has(r.code)) out.set(r.code, new Map());
    out.get(r.code)!.set(r.d, r.calls);
  }
  return out;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('demo history seed', () => {
  let t: T;
  beforeAll(async () => {
    t = await testApp();
  }, 60_000);

  it('keeps 16 weeks in the test database and seeds a year at first start, with summer peak and holidays', async () => {
    const yesterday = addLocalDays(localDateOf(new Date()), -1);
    const [short] = await t.sql<{ days: number; rows: number }[]>`
      SELECT count(DISTINCT (interval_start AT TIME ZONE 'Asia/Shanghai')::date)::int AS days, count(*)::int AS rows FROM interval_history`;
    expect(short).toEqual({ days: TEST_HISTORY_DAYS, rows: TEST_HISTORY_DAYS * 48 * 4 });

    await t.sql`TRUNCATE interval_history`;
    await historySeedStep(DEMO_HISTORY_DAYS).run(t.sql);
    const [year] = await t.sql<{ days: number; rows: number; first: string; last: string }[]>`
      SELECT count(DISTINCT (interval_start AT TIME ZONE 'Asia/Shanghai')::date)::int AS days, count(*)::int AS rows,
             to_char(min(interval_start) AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') AS first,
             to_char(max(interval_start) AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') AS last
      FROM interval_history`;
    // 365 days × 48 half-hours × 4 projects, from a year ago to yesterday's last interval.
    expect(year).toEqual({ days: 365, rows: 70_080, first: `${addLocalDays(yesterday, -364)} 00:00`, last: `${yesterday} 23:30` });

    const totals = await dailyTotals(t);
    const hotline = totals.get('95598')!;
    const offDays = holidayDates();
    const plain = [...hotline.keys()].filter((d) => !offDays.has(d));
    const summer = plain.filter((d) => d.slice(5, 7) === '07' || d.slice(5, 7) === '08');
    const rest = plain.filter((d) => d.slice(5, 7) !== '07' && d.slice(5, 7) !== '08');
    expect(summer.length).toBeGreaterThan(20);
    // 95598's summer factor is 1.32 (air conditioning, outages); the year's growth is 3 %.
    const peak = mean(summer.map((d) => hotline.get(d)!)) / mean(rest.map((d) => hotline.get(d)!));
    expect(peak).toBeGreaterThan(1.2);
    expect(peak).toBeLessThan(1.45);
    // Weekly shape: 95598 Mondays (1.1) above Sundays (0.76).
    const byWeekday = (w: number) => mean(plain.filter((d) => weekdayOf(d) === w).map((d) => hotline.get(d)!));
    expect(byWeekday(0) / byWeekday(6)).toBeGreaterThan(1.3);
    // Holidays: the insurance line drops to 0.45 of a like weekday.
    const insurance = totals.get('INS')!;
    const holidays = [...insurance.keys()].filter((d) => offDays.has(d));
    expect(holidays.length).toBeGreaterThan(10);
    const ratio = mean(holidays.map((d) => insurance.get(d)! / mean([...insurance.keys()].filter((x) => !offDays.has(x) && weekdayOf(x) === weekdayOf(d) && x.slice(5, 7) !== '07' && x.slice(5, 7) !== '08').map((x) => insurance.get(x)!))));
    expect(ratio).toBeGreaterThan(0.35);
    expect(ratio).toBeLessThan(0.6);

    // Idempotent: a second run adds nothing.
    await historySeedStep(DEMO_HISTORY_DAYS).run(t.sql);
    expect((await t.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM interval_history`)[0]!.n).toBe(70_080);
  }, 120_000);
});
