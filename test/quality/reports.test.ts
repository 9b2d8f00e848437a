// Reports: trend, project comparison, item failure rates and reviewers within one scorecard
// version, as a page with SVG charts and as CSV and XLSX, with hand-computed numbers.
import { describe, it, expect, beforeAll } from 'vitest';
import { signedIn, testApp, type Client } from '../support/app.ts';
import { readXlsx } from '../../server/http/xlsx.ts';
import type { Answers } from '../../knowledge/quality/scorecard.ts';

const FULL: Answers = { greeting: 'yes', identify: 'na', inquiry: 'yes', accuracy: 10, workorder: 'yes', empathy: 5, responsive: 'yes', 'no-taboo': 'yes', privacy: 'yes', closing: 'yes' };
const form = (a: Answers, extra: Record<string, string> = {}) => ({ ...Object.fromEntries(Object.entries(a).map(([k, v]) => [`a.${k}`, String(v)])), version: '0', ...extra });

type T = Awaited<ReturnType<typeof testApp>>;

describe('quality: reports', () => {
  let t: T;
  let inspector: Client;
  let day: string;
  let week: string;
  beforeAll(async () => {
    t = await testApp();
    inspector = await signedIn(t, 'inspector');
    const sampleOf = async (callId: string) => (await t.sql<{ id: number }[]>`SELECT id FROM samples WHERE call_id = ${callId}`)[0].id;
    // Points × section weight over what was possible (identify is N/A): 5 + 2×30 + 35 + 5 = 105.
    // REC-0001 full marks 100; REC-0002 a forbidden phrase (fail-all) 0; REC-0003 no closing 100/105 = 95.238;
    // REC-0004 (EV) wrong work order (fail-section: handling 0) 45/105 = 42.857; REC-0005 full marks 100.
    // error categories are chosen on failed items; one given on a passed item (REC-0001) is dropped
    const answers: [string, Answers, Record<string, string>][] = [
      ['REC-0001', FULL, { 'e.greeting': 'process' }],
      ['REC-0002', { ...FULL, 'no-taboo': 'no' }, { 'e.no-taboo': 'attitude' }],
      ['REC-0003', { ...FULL, closing: 'no' }, { 'e.closing': 'process' }],
      ['REC-0004', { ...FULL, workorder: 'no' }, { 'e.workorder': 'process' }],
      ['REC-0005', FULL, {}],
    ];
    for (const [callId, a, e] of answers) expect((await inspector.post(`/quality/samples/${await sampleOf(callId)}/submit`, form(a, e))).status).toBe(303);
    const [r] = await t.sql<{ day: string; week: string }[]>`SELECT to_char((started_at AT TIME ZONE 'Asia/Shanghai')::date, 'YYYY-MM-DD') AS day,
      to_char(date_trunc('week', started_at AT TIME ZONE 'Asia/Shanghai')::date, 'YYYY-MM-DD') AS week FROM calls WHERE id = 'REC-0001'`;
    day = r.day;
    week = r.week;
  });

  it('shows pass rates with Wilson intervals per project and item failure rates, with charts', async () => {
    const res = await inspector.get(`/quality/reports?from=${day}&to=${day}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    for (const id of ['chart-trend', 'chart-projects', 'chart-items', 'chart-workload']) expect(html).toContain(`data-testid="${id}"`);
    expect(html).toContain('已评分 5 通');
    // 95598: 100, 0, 95.238, 100 → mean 73.8, 3 of 4 pass; Wilson(3, 4) = 30.1% – 95.4%
    expect(html).toMatch(/<td>95598<\/td><td class="num">4<\/td><td class="num">73\.8<\/td><td class="num">3\/4 · 75\.0%<\/td><td class="nowrap">30\.1% – 95\.4%<\/td>/);
    // EV: 42.857, 0 of 1; Wilson(0, 1) = 0% – 79.3%
    expect(html).toMatch(/<td>EV<\/td><td class="num">1<\/td><td class="num">42\.9<\/td><td class="num">0\/1 · 0\.0%<\/td><td class="nowrap">0\.0% – 79\.3%<\/td>/);
    // items: closing, workorder and no-taboo each failed 1 of 5 (20 %); Wilson(1, 5) = 3.6% – 62.4%
    const items = html.slice(html.indexOf('data-testid="report-items"'));
    expect(items).toContain('<td>规范结束语（感谢来电）</td><td class="num">1/5</td><td class="num">20.0%</td><td class="nowrap">3.6% – 62.4%</td>');
    expect(items).toContain('<td>工单填写与派单正确</td><td class="num">1/5</td>');
    expect(items).toContain('<td>未使用服务忌语（致命项）</td><td class="num">1/5</td>');
    expect(items).not.toContain('核实客户身份或户号'); // N/A everywhere: never checked
    // error categories of the 3 failed items: process 2 (66.7 %, Wilson(2, 3) = 20.8% – 93.9%), attitude 1
    expect(html).toContain('<td>流程执行不规范</td><td class="num">2</td><td class="num">66.7%</td><td class="nowrap">20.8% – 93.9%</td>');
    expect(html).toContain('<td>服务态度与情绪</td><td class="num">1</td><td class="num">33.3%</td>');
    const stored = await t.sql<{ call_id: string; error_categories: Record<string, string> }[]>`SELECT call_id, error_categories FROM evaluations WHERE call_id LIKE 'REC-%' ORDER BY call_id`;
    expect(stored.map((s) => s.error_categories)).toEqual([{}, { 'no-taboo': 'attitude' }, { closing: 'process' }, { workorder: 'process' }, {}]);
  });

  it('ranks weak spots by error category too, and keeps the category list configurable', async () => {
    const weak = await (await inspector.get('/quality/weak-spots?by=project')).text();
    const overall = weak.slice(weak.indexOf('data-testid="weak-categories"'));
    expect(overall).toContain('<td>流程执行不规范</td><td class="num">2</td><td class="num">66.7%</td>');
    const byGroup = weak.slice(weak.indexOf('data-testid="weak-categories-by-group"'));
    // 95598: attitude 1 and process 1 of 2 failures; EV: process 1 of 1
    expect(byGroup).toContain('<td>95598</td><td>服务态度与情绪</td><td class="num">1</td><td class="num">50.0%</td>');
    expect(byGroup).toContain('<td>EV</td><td>流程执行不规范</td><td class="num">1</td><td class="num">100.0%</td>');

    expect((await inspector.post('/quality/error-categories', { code: 'Bad Code', name: 'x' })).status).toBe(422);
    expect((await inspector.post('/quality/error-categories', { code: 'process', name: '重复' })).status).toBe(409);
    expect((await inspector.post('/quality/error-categories', { code: 'transfer', name: '转派不当' })).status).toBe(303);
    expect((await inspector.post('/quality/error-categories/system/toggle')).status).toBe(303);
    const [open] = await t.sql<{ id: number }[]>`SELECT s.id FROM samples s JOIN plans pl ON pl.id = s.plan_id WHERE pl.name LIKE '95598 四周%' AND s.status = 'assigned' ORDER BY s.id LIMIT 1`;
    const scoring = await (await inspector.get(`/quality/samples/${open.id}`)).text();
    expect(scoring).toContain('name="e.greeting"');
    expect(scoring).toContain('<option value="transfer">转派不当</option>');
    expect(scoring).not.toContain('value="system"'); // retired
  });

  it('filters by project and agent, and compares within the chosen version', async () => {
    const [ev] = await t.sql<{ id: number }[]>`SELECT id FROM projects WHERE code = 'EV'`;
    const html = await (await inspector.get(`/quality/reports?from=${day}&to=${day}&project=${ev.id}`)).text();
    expect(html).toContain('已评分 1 通');
    const reviewers = html.slice(html.indexOf('data-testid="report-reviewers"'));
    expect(reviewers).toMatch(/<td>王建国<\/td><td class="num">1<\/td><td class="num">0<\/td><td class="num">42\.9<\/td>/);
    const [agent] = await t.sql<{ id: number }[]>`SELECT id FROM users WHERE username = 'agent02'`;
    const one = await (await inspector.get(`/quality/reports?from=${day}&to=${day}&agent=${agent.id}`)).text();
    expect(one).toMatch(/<title>[^<]*100\.0%[^<]*<\/title>/); // agent02's only call passed
    // a version nobody scored with: nothing to compare
    const [card] = await t.sql<{ id: number }[]>`SELECT id FROM scorecards WHERE code = 'hotline-standard'`;
    const [v2] = await t.sql<{ id: number }[]>`INSERT INTO scorecard_versions (scorecard_id, version, body, fingerprint) SELECT scorecard_id, 99, body, 'x' FROM scorecard_versions WHERE scorecard_id = ${card.id} LIMIT 1 RETURNING id`;
    const other = await (await inspector.get(`/quality/reports?from=${day}&to=${day}&version=${v2.id}`)).text();
    expect(other).toContain('已评分 0 通');
    await t.sql`DELETE FROM scorecard_versions WHERE id = ${v2.id}`;
  });

  it('exports each table as CSV and all of them as XLSX', async () => {
    const csv = await inspector.get(`/quality/reports/export.csv?table=projects&from=${day}&to=${day}`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (await csv.text()).replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines[0]).toBe('项目,已评,平均得分,合格,合格率,区间下限,区间上限');
    expect(lines.slice(1)).toEqual(['95598,4,73.8095,3,0.75,0.3006,0.9544', 'EV,1,42.8571,0,0,0,0.7935']);
    const weeks = (await (await inspector.get(`/quality/reports/export.csv?table=weeks&from=${day}&to=${day}`)).text()).trim().split('\r\n');
    expect(weeks[1]).toBe(`${week},5,67.619,3,0.6,0.2307,0.8824`);
    const x = await inspector.get(`/quality/reports/export.xlsx?from=${day}&to=${day}`);
    expect(x.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const book = readXlsx(Buffer.from(await x.arrayBuffer()));
    expect(book.map((s) => s.name)).toEqual(['按周趋势', '坐席', '项目', '评分项', '差错类别', '评分人']);
    expect(book[4].rows.slice(1)).toEqual([
      ['流程执行不规范', 2, 0.6667, 0.2077, 0.9385],
      ['服务态度与情绪', 1, 0.3333, 0.0615, 0.7923],
    ]);
    expect(book[2].rows[1]).toEqual(['95598', 4, 73.8095, 3, 0.75, 0.3006, 0.9544]);
    const agent = await signedIn(t, 'agent');
    expect((await agent.get('/quality/reports')).status).toBe(403);
  });
});
