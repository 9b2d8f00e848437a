// Scheduler screens over HTTP: history import (all-or-nothing, line-numbered), forecast and Erlang C
// staffing checked against the published worked example, hand adjustments, month view, access by role.
import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { signedIn, testApp, type Client } from '../support/app.ts';
import { ROOT } from '../support/process.ts';
import { intervalStart, localDateRange } from '../../scheduling/time.ts';
import { requiredAgents } from '../../scheduling/erlang.ts';
import { recordStartLines } from '../../server/scheduling/import.ts';

type T = Awaited<ReturnType<typeof testApp>>;

/** The published Erlang C worked example: 100 calls/30 min, AHT 3 min, 80/20, max occupancy 0.85, shrinkage 0.30. */
const vector = (JSON.parse(readFileSync(join(ROOT, '..', 'shared', 'vectors', 'erlang.json'), 'utf8')) as { erlangc_required: Record<string, number>[] }).erlangc_required[0]!;

const HEADER = 'project,interval_start,calls_offered,calls_handled,aht_seconds';

/** CSV history for a project: every interval of the dates with the same calls and AHT. */
function flatHistory(project: string, from: string, to: string, calls: number, aht: number): string {
  const lines = [HEADER];
  for (const date of localDateRange(from, to)) {
    for (let i = 0; i < 48; i++) lines.push(`${project},${intervalStart(date, i).toISOString()},${calls},${calls},${aht}`);
  }
  return lines.join('\n') + '\n';
}

/** The cells of one interval row of the staffing table. */
function intervalRow(html: string, interval: number): Record<string, string> {
  const m = new RegExp(`<tr data-interval="${interval}"[^>]*>([\\s\\S]*?)</tr>`).exec(html);
  if (!m) throw new Error(`no row for interval ${interval}`);
  const cells: Record<string, string> = {};
  for (const c of m[1]!.matchAll(/<td class="num" data-col="(\w+)">([^<]*)<\/td>/g)) cells[c[1]!] = c[2]!;
  return cells;
}

async function count(t: T, project: string): Promise<number> {
  const [row] = await t.sql<{ n: string }[]>`SELECT count(*) AS n FROM interval_history h JOIN projects p ON p.id = h.project_id WHERE p.code = ${project}`;
  return Number(row!.n);
}

describe('scheduling: history import, forecast and staffing', () => {
  let t: T;
  let scheduler: Client;
  beforeAll(async () => {
    t = await testApp();
    await t.sql`INSERT INTO projects (code, name, name_en, kind, sl_target, sl_seconds) VALUES ('TST', '测试专线', 'Test line', 'outsourced', 0.8, 20)`;
    scheduler = await signedIn(t, 'scheduler');
  });

  it('seeds the demo centre: 16 weeks of history for four projects, shift types, agents and a rulebook of at least 14 rules', async () => {
    expect(await count(t, '95598')).toBe(112 * 48);
    const [{ n: shifts }] = await t.sql<{ n: string }[]>`SELECT count(*) AS n FROM shift_types`;
    const [{ n: agents }] = await t.sql<{ n: string }[]>`SELECT count(*) AS n FROM agents_sched`;
    const rules = await t.sql<{ id: string; hard: boolean }[]>`SELECT id, hard FROM rules ORDER BY sort`;
    expect(Number(shifts)).toBe(8);
    expect(Number(agents)).toBe(304);
    expect(rules.length).toBeGreaterThanOrEqual(14);
    expect(rules.map((r) => r.id)).toContain('min-rest');
    expect(rules.map((r) => r.id)).toContain('forbidden-successions');
  });

  it('rejects a file with bad lines, lists each with its line number, and stores nothing', async () => {
    const text = [HEADER, 'TST,2026-10-12T08:00:00+08:00,100,95,180', 'TST,2026-10-12T08:30:00+08:00,-3,95,180', '', 'TST,2026-10-12T08:45:00+08:00,100,95,180', 'TST,not-a-time,1,1,1'].join('\n');
    const res = await scheduler.post('/rosters/history/import', { text });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('未导入：发现');
    expect(html).toMatch(/第 3 行：/);
    expect(html).toMatch(/第 5 行：/);
    expect(html).toMatch(/第 6 行：/);
    expect(html).not.toMatch(/第 2 行：/);
    expect(await count(t, 'TST')).toBe(0);
  });

  it('rejects unknown projects with the line they are on', async () => {
    const text = [HEADER, 'TST,2026-10-12T08:00:00+08:00,100,95,180', '', 'NOPE,2026-10-12T08:30:00+08:00,100,95,180'].join('\n');
    const res = await scheduler.post('/rosters/history/import', { text });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('第 4 行：unknown project &quot;NOPE&quot;');
    expect(await count(t, 'TST')).toBe(0);
  });

  it('imports an uploaded file, audits it and lists the history on file', async () => {
    const form = new FormData();
    form.set('_csrf', scheduler.csrf());
    form.set('file', new File([flatHistory('TST', '2026-10-12', '2026-12-06', 100, 180)], 'tst.csv', { type: 'text/csv' }));
    const res = await scheduler.request('/rosters/history/import', { method: 'POST', body: form });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/rosters/history/import?imported=${56 * 48}`);
    expect(await count(t, 'TST')).toBe(56 * 48);
    const [audit] = await t.sql<{ action: string; detail: { imported: number } }[]>`SELECT action, detail FROM audit_log WHERE action = 'history.import'`;
    expect(audit!.detail.imported).toBe(2688);
    const page = await (await scheduler.get('/rosters/history/import?imported=2688')).text();
    expect(page).toContain('已导入 2688 个时段的话务历史。');
    expect(page).toContain('2,688');
  });

  it('shows the staffing of the published worked example: 100 calls at AHT 180 s → 14 productive, 20 scheduled', async () => {
    expect(vector.transactions).toBe(100);
    const res = await scheduler.get('/rosters/forecast?project=TST&date=2026-12-07');
    expect(res.status).toBe(200);
    const html = await res.text();
    for (const interval of [0, 20, 47]) {
      const row = intervalRow(html, interval);
      expect(row).toEqual({
        calls: '100.0',
        aht: String(vector.aht * 60),
        productive: String(vector.raw_positions),
        scheduled: String(vector.positions),
        sl: `${(vector.service_level * 100).toFixed(1)}%`,
        occupancy: `${(vector.occupancy * 100).toFixed(1)}%`,
      });
    }
    expect(html).toContain('data-testid="staffing-chart"');
    expect(html.match(/<rect class="bar" x=/g)?.length).toBe(48 + 1); // 48 intervals + the legend swatch
    expect(html).toMatch(/data-testid="total-calls">4,800</);
    expect(html).toMatch(/data-testid="wape">0\.0%/);
  });

  it('stores an interval adjustment with who, when and why, and the staffing follows it', async () => {
    const bad = await scheduler.post('/rosters/forecast/adjustments', { project: 'TST', date: '2026-12-07', scope: '20', kind: 'factor', value: '1.5', note: '' });
    expect(bad.status).toBe(422);
    const badHtml = await bad.text();
    expect(badHtml).toContain('value="1.5"');
    expect(badHtml).toMatch(/has-error[\s\S]*必填/);
    const [{ n: none }] = await t.sql<{ n: string }[]>`SELECT count(*) AS n FROM forecast_adjustments`;
    expect(Number(none)).toBe(0);

    const res = await scheduler.post('/rosters/forecast/adjustments', { project: 'TST', date: '2026-12-07', scope: '20', kind: 'factor', value: '1.5', note: '电费催缴短信' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/rosters/forecast?project=TST&date=2026-12-07&occ=0.85&shrink=0.3&saved=1');
    const [stored] = await t.sql<{ interval: number; factor: string; note: string; created_by_name: string }[]>`SELECT interval, factor, note, created_by_name FROM forecast_adjustments`;
    expect(stored).toMatchObject({ interval: 20, note: '电费催缴短信', created_by_name: '张敏' });
    expect(Number(stored!.factor)).toBe(1.5);
    const [audit] = await t.sql<{ detail: { note: string } }[]>`SELECT detail FROM audit_log WHERE action = 'forecast.adjust'`;
    expect(audit!.detail.note).toBe('电费催缴短信');

    const html = await (await scheduler.get(res.headers.get('location')!)).text();
    const expected = requiredAgents({ calls: 150, intervalSeconds: 1800, ahtSeconds: 180, targetSeconds: 20, serviceLevel: 0.8, maxOccupancy: 0.85, shrinkage: 0.3 });
    expect(intervalRow(html, 20)).toMatchObject({ calls: '150.0', productive: String(expected.productiveAgents), scheduled: String(expected.scheduledAgents) });
    expect(expected.scheduledAgents).toBeGreaterThan(20);
    expect(intervalRow(html, 19)).toMatchObject({ calls: '100.0', scheduled: '20' });
    expect(html).toContain('调整已保存并计入预测。');
    expect(html).toMatch(/data-testid="adjustments"[\s\S]*10:00–10:30[\s\S]*× 1.5[\s\S]*100 → 150[\s\S]*电费催缴短信[\s\S]*张敏/);
    expect(html).toMatch(/data-testid="total-calls">4,850</);
  });

  it('sets a whole day to a total keeping its shape, and removes an adjustment', async () => {
    const res = await scheduler.post('/rosters/forecast/adjustments', { project: 'TST', date: '2026-12-08', scope: 'day', kind: 'calls', value: '2400', note: '系统割接，话务减半' });
    expect(res.status).toBe(303);
    const html = await (await scheduler.get('/rosters/forecast?project=TST&date=2026-12-08')).text();
    expect(intervalRow(html, 5).calls).toBe('50.0');
    expect(html).toMatch(/data-testid="total-calls">2,400</);
    const [{ id }] = await t.sql<{ id: number }[]>`SELECT id FROM forecast_adjustments WHERE date = '2026-12-08'`;
    const del = await scheduler.post(`/rosters/forecast/adjustments/${id}/delete`);
    expect(del.status).toBe(303);
    expect(del.headers.get('location')).toBe('/rosters/forecast?project=TST&date=2026-12-08&removed=1');
    const after = await (await scheduler.get('/rosters/forecast?project=TST&date=2026-12-08')).text();
    expect(intervalRow(after, 5).calls).toBe('100.0');
    expect((await scheduler.post(`/rosters/forecast/adjustments/${id}/delete`)).status).toBe(404);
  });

  it('adjusts a campaign week day by day in one go, and refuses a range that runs backwards', async () => {
    const bad = await scheduler.post('/rosters/forecast/adjustments', { project: 'TST', date: '2026-12-21', scope: 'day', kind: 'factor', value: '1.1', note: '电费账单周', to: '2026-12-20' });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('结束日期须在开始日期当天或之后');
    const res = await scheduler.post('/rosters/forecast/adjustments', { project: 'TST', date: '2026-12-21', scope: 'day', kind: 'factor', value: '1.1', note: '电费账单周', to: '2026-12-27' });
    expect(res.status).toBe(303);
    const rows = await t.sql<{ date: string }[]>`SELECT to_char(date, 'YYYY-MM-DD') AS date FROM forecast_adjustments WHERE note = '电费账单周' ORDER BY date`;
    expect(rows.map((r) => r.date)).toEqual(localDateRange('2026-12-21', '2026-12-27'));
    const html = await (await scheduler.get('/rosters/forecast?project=TST&date=2026-12-25')).text();
    expect(intervalRow(html, 0).calls).toBe('110.0');
    await t.sql`DELETE FROM forecast_adjustments WHERE note = '电费账单周'`;
  });

  it('uses the staffing parameters given on the page', async () => {
    const html = await (await scheduler.get('/rosters/forecast?project=TST&date=2026-12-09&occ=0.85&shrink=0')).text();
    expect(intervalRow(html, 3)).toMatchObject({ productive: '14', scheduled: '14' });
  });

  it('staffs with Erlang A when a caller patience is given', async () => {
    const html = await (await scheduler.get('/rosters/forecast?project=TST&date=2026-12-09&patience=60')).text();
    const a = requiredAgents({ calls: 100, intervalSeconds: 1800, ahtSeconds: 180, targetSeconds: 20, serviceLevel: 0.8, maxOccupancy: 0.85, shrinkage: 0.3, model: 'erlangA', patienceSeconds: 60 });
    expect(intervalRow(html, 3)).toMatchObject({ productive: String(a.productiveAgents), scheduled: String(a.scheduledAgents) });
    expect(html).toContain('Erlang A（计入放弃，客户平均耐心 60 秒）');
    expect(html).toContain('<input type="hidden" name="patience" value="60"/>');
  });

  it('shows a month of daily totals with adjusted days marked', async () => {
    const res = await scheduler.get('/rosters/forecast/month?project=TST&month=2026-12');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html.match(/<meter /g)?.length).toBe(31);
    // 31 days × 4,800, plus the +50 of the 10:00 adjustment on the 7th
    expect(html).toContain('全月预测 148,850 通');
    expect(html).toContain('已人工调整');
  });

  it('exports the interval requirement of a month as CSV', async () => {
    const res = await scheduler.get('/rosters/forecast/month.csv?project=TST&month=2026-12');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="requirement-TST-2026-12.csv"');
    const lines = (await res.text()).trim().split('\n');
    expect(lines).toHaveLength(1 + 31 * 48);
    expect(lines[0]).toBe('project,date,interval,interval_start,calls,aht_seconds,productive_agents,scheduled_agents,service_level,occupancy,adjusted');
    expect(lines[1]).toBe(`TST,2026-12-01,0,2026-11-30T16:00:00.000Z,100.00,180.0,${vector.raw_positions},${vector.positions},0.8884,0.7143,`);
    expect(lines[6 * 48 + 21]).toMatch(/^TST,2026-12-07,20,2026-12-07T02:00:00.000Z,150.00,180.0,\d+,\d+,[\d.]+,[\d.]+,电费催缴短信$/);
  });

  it('summarises next month per project on the scheduler home', async () => {
    const html = await (await scheduler.get('/rosters')).text();
    expect(html).toContain('2026-12 各项目的话务预测与人力需求');
    expect(html).toMatch(/<strong>95598<\/strong>[\s\S]*?<td class="num">[\d,]{6,}<\/td>/);
    expect(html).toMatch(/<strong>TST<\/strong>[\s\S]*?<td class="num">148,850<\/td>/);
  });

  it('keeps staffing defaults the scheduler sets, and the pages use them', async () => {
    const bad = await scheduler.post('/rosters/staffing-defaults', { maxOccupancy: '1.5', shrinkage: '0.2' });
    expect(bad.status).toBe(422);
    const badHtml = await bad.text();
    expect(badHtml).toContain('最大占用率须在 0.5 到 1 之间。');
    expect(badHtml).toContain('value="1.5"');
    const ok = await scheduler.post('/rosters/staffing-defaults', { maxOccupancy: '0.85', shrinkage: '0' });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe('/rosters?saved=1');
    const html = await (await scheduler.get('/rosters/forecast?project=TST&date=2026-12-10')).text();
    expect(intervalRow(html, 3)).toMatchObject({ productive: '14', scheduled: '14' });
    const [audit] = await t.sql<{ detail: { before: { shrinkage: number }; after: { shrinkage: number } } }[]>`SELECT detail FROM audit_log WHERE action = 'staffing.defaults'`;
    expect(audit!.detail).toEqual({ before: { maxOccupancy: 0.85, shrinkage: 0.3 }, after: { maxOccupancy: 0.85, shrinkage: 0 } });
    await scheduler.post('/rosters/staffing-defaults', { maxOccupancy: '0.85', shrinkage: '0.3' });
  });

  it('names the special days of a date and scales the forecast by them', async () => {
    await t.sql`INSERT INTO special_days (from_date, to_date, label, factor, project_id) SELECT '2026-12-14', '2026-12-14', '系统升级公告', 1.2, id FROM projects WHERE code = 'TST'`;
    const html = await (await scheduler.get('/rosters/forecast?project=TST&date=2026-12-14')).text();
    expect(html).toMatch(/data-testid="special-days">系统升级公告 ×1.2</);
    expect(intervalRow(html, 0).calls).toBe('120.0');
    await t.sql`DELETE FROM special_days WHERE label = '系统升级公告'`;
  });

  it('answers bad parameters with 404 and empty forms with 422', async () => {
    expect((await scheduler.get('/rosters/forecast?project=NOPE')).status).toBe(404);
    expect((await scheduler.get('/rosters/forecast?project=TST&date=2026-02-30')).status).toBe(404);
    expect((await scheduler.get('/rosters/forecast/month?month=2026-13')).status).toBe(404);
    expect((await scheduler.post('/rosters/forecast/adjustments', {})).status).toBe(422);
    expect((await scheduler.post('/rosters/history/import', {})).status).toBe(422);
    expect((await scheduler.post('/rosters/staffing-defaults', {})).status).toBe(422);
    expect((await scheduler.post('/rosters/forecast/adjustments/abc/delete')).status).toBe(404);
  });

  it('lets only schedulers in, and shows an agent an honest empty schedule', async () => {
    const agent = await signedIn(t, 'agent');
    for (const path of ['/rosters', '/rosters/forecast', '/rosters/forecast/month', '/rosters/history/import']) expect((await agent.get(path)).status).toBe(403);
    expect((await agent.post('/rosters/forecast/adjustments', { project: 'TST', date: '2026-12-07', scope: 'day', kind: 'factor', value: '2', note: 'x' })).status).toBe(403);
    const mine = await agent.get('/schedule');
    expect(mine.status).toBe(200);
    expect(await mine.text()).toContain('尚无已发布的排班');
    expect((await scheduler.get('/schedule')).status).toBe(403);
  });
});

describe('recordStartLines', () => {
  it('numbers CSV records from the line they start on, skipping the header and blank lines', () => {
    expect(recordStartLines('a,b\n\n1,2\r\n"x\ny",3\n4,5', 'csv')).toEqual([3, 4, 6]);
  });
  it('numbers JSONL records by their non-blank lines', () => {
    expect(recordStartLines('{"a":1}\n\n{"a":2}\n', 'jsonl')).toEqual([1, 3]);
  });
});
