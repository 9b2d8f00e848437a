// The monthly roster over HTTP: a solve as a background job with progress and cancel, the grid with penalties and
// coverage, editing and locking cells with re-scoring, undo, re-solve around locks, publish, CSV and the agent's .ics.
import { describe, it, expect, beforeAll } from 'vitest';
import { type Client, signedIn, testApp } from '../support/app.ts';
import { jobSettled } from '../../server/scheduling/roster-jobs.ts';
import { readXlsx } from '../../server/http/xlsx.ts';

type T = Awaited<ReturnType<typeof testApp>>;
const MONTH = '2026-12';

async function solveAndWait(t: T, s: Client, seconds = '1'): Promise<number> {
  const res = await s.post(`/rosters/${MONTH}/solve`, { seconds });
  expect(res.status).toBe(303);
  expect(res.headers.get('location')).toBe(`/rosters/${MONTH}`);
  const [job] = await t.sql<{ id: number }[]>`SELECT id FROM roster_jobs ORDER BY id DESC LIMIT 1`;
  await jobSettled(job!.id);
  return job!.id;
}

describe('roster: solve job, grid, edits, publish, exports', () => {
  let t: T;
  let s: Client;
  beforeAll(async () => {
    t = await testApp();
    s = await signedIn(t, 'scheduler');
  }, 60_000);

  it('offers a solve on a month without a roster and refuses a bad time limit with 422', async () => {
    const page = await (await s.get(`/rosters/${MONTH}`)).text();
    expect(page).toContain('本月尚无排班');
    const bad = await s.post(`/rosters/${MONTH}/solve`, { seconds: '0' });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('请输入 1 到 300 之间的秒数');
    expect((await s.get('/rosters/2026-13')).status).toBe(404);
  });

  it('runs a solve in the background, shows its progress component while running, and stores the roster', async () => {
    const res = await s.post(`/rosters/${MONTH}/solve`, { seconds: '1' });
    expect(res.status).toBe(303);
    const [job] = await t.sql<{ id: number; status: string }[]>`SELECT id, status FROM roster_jobs ORDER BY id DESC LIMIT 1`;
    const frag = await (await s.get(`/rosters/jobs/${job!.id}`, { 'HX-Request': 'true' })).text();
    expect(frag).toMatch(/hx-trigger="load delay:1s"/);
    expect(frag).toContain('<progress');
    expect(frag).toContain('/cancel');
    await jobSettled(job!.id);
    const [done] = await t.sql<{ status: string; progress: number; best_hard: number }[]>`SELECT status, progress, best_hard FROM roster_jobs WHERE id = ${job!.id}`;
    expect(done!.status).toBe('done');
    expect(done!.progress).toBe(1);
    const after = await (await s.get(`/rosters/jobs/${job!.id}`, { 'HX-Request': 'true' })).text();
    expect(after).not.toContain('hx-trigger');
    expect(after).toContain('已完成');
    const [{ n }] = await t.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM roster_cells c JOIN rosters r ON r.id = c.roster_id WHERE r.month = ${MONTH} AND c.shift_code IS NOT NULL`;
    expect(n).toBeGreaterThan(1000);
    expect(await (await s.get(`/rosters/${MONTH}?team=all`)).text()).toContain('显示 304 / 304 位坐席');
    expect(await (await s.get(`/rosters/${MONTH}?team=EV-A`)).text()).toContain('显示 20 / 304 位坐席');
    const page = await (await s.get(`/rosters/${MONTH}`)).text();
    expect(page).toContain('按规则的扣分');
    expect(page).toContain('<svg class="roster-coverage');
    expect(page).toContain('显示 60 / 304 位坐席');
    expect(page).toMatch(/缺口下界 [\d.]+ 人·时段/);
  }, 60_000);

  it('edits a cell, re-scores with warnings for that agent, locks it, keeps it through a re-solve, and undoes', async () => {
    const [r] = await t.sql<{ version: number }[]>`SELECT version FROM rosters WHERE month = ${MONTH}`;
    const bad = await s.post(`/rosters/${MONTH}/cells`, { agent: 'A0001', date: '2026-12-05', shift: 'N', project: '', version: String(r!.version) });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('请选择一个项目');
    const stale = await s.post(`/rosters/${MONTH}/cells`, { agent: 'A0001', date: '2026-12-05', shift: 'E', project: '95598', version: String(r!.version - 1) });
    expect(stale.status).toBe(409);
    const ok = await s.post(`/rosters/${MONTH}/cells`, { agent: 'A0001', date: '2026-12-05', shift: 'E', project: '95598', version: String(r!.version) });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe(`/rosters/${MONTH}?agent=A0001&date=2026-12-05&notice=saved`);
    const page = await (await s.get(ok.headers.get('location')!)).text();
    expect(page).toContain('已保存');
    expect(page).toMatch(/的规则提示|没有违反规则/);
    const cell = async () => (await t.sql<{ shift_code: string | null; locked: boolean }[]>`
      SELECT c.shift_code, c.locked FROM roster_cells c JOIN agents_sched a ON a.id = c.agent_id WHERE a.code = 'A0001' AND c.date = '2026-12-05'`)[0];
    expect((await cell())!.shift_code).toBe('E');
    const v2 = (await t.sql<{ version: number }[]>`SELECT version FROM rosters WHERE month = ${MONTH}`)[0]!.version;
    expect((await s.post(`/rosters/${MONTH}/lock`, { agent: 'A0001', date: '2026-12-05', locked: '1', version: String(v2) })).status).toBe(303);
    expect(await cell()).toEqual({ shift_code: 'E', locked: true });
    await solveAndWait(t, s, '1');
    expect(await cell()).toEqual({ shift_code: 'E', locked: true });
    const [{ kind }] = await t.sql<{ kind: string }[]>`SELECT kind FROM roster_history ORDER BY seq DESC LIMIT 1`;
    expect(kind).toBe('solve');
    const v3 = (await t.sql<{ version: number }[]>`SELECT version FROM rosters WHERE month = ${MONTH}`)[0]!.version;
    expect((await s.post(`/rosters/${MONTH}/undo`, { version: String(v3) })).status).toBe(303);
    const v4 = (await t.sql<{ version: number }[]>`SELECT version FROM rosters WHERE month = ${MONTH}`)[0]!.version;
    expect((await s.post(`/rosters/${MONTH}/undo`, { version: String(v4) })).status).toBe(303);
    expect(await cell()).toEqual({ shift_code: 'E', locked: false });
    const actions = (await t.sql<{ action: string }[]>`SELECT action FROM audit_log WHERE target = ${`roster:${MONTH}`} ORDER BY id`).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['roster.solve.start', 'roster.solve', 'roster.cell', 'roster.lock', 'roster.undo']));
  }, 60_000);

  it('previews a cell edit live: score and coverage change, the warnings it would cause, nothing stored', async () => {
    const version = async () => (await t.sql<{ version: number }[]>`SELECT version FROM rosters WHERE month = ${MONTH}`)[0]!.version;
    const v0 = await version();
    // A day agent (no N in the contract) of team 95598-A, and a date it currently works.
    const [pick] = await t.sql<{ code: string; date: string; shift: string; project: string }[]>`
      SELECT a.code, to_char(c.date, 'YYYY-MM-DD') AS date, c.shift_code AS shift, c.project_code AS project
      FROM roster_cells c JOIN rosters r ON r.id = c.roster_id JOIN agents_sched a ON a.id = c.agent_id
      WHERE r.month = ${MONTH} AND c.shift_code IN ('E', 'D') AND NOT c.locked AND NOT ('N' = ANY(a.allowed_shifts)) AND a.code <> 'A0001'
      ORDER BY a.code, c.date LIMIT 1`;
    const q = (shift: string, project: string) => `/rosters/${MONTH}/preview?${new URLSearchParams({ agent: pick!.code, date: pick!.date, shift, project })}`;
    const frag = await s.get(q('N', pick!.project), { 'HX-Request': 'true' });
    expect(frag.status).toBe(200);
    const html = await frag.text();
    expect(html).not.toContain('<html');
    expect(html).toContain('若保存：');
    // N is outside this agent's contract: a new hard warning, in Chinese, with the rule's Chinese name.
    expect(html).toContain('此修改将新增的提示：');
    expect(html).toMatch(/仅排合同允许的班次：\S+ 的合同不允许 N 班次/);
    expect(html).toMatch(/class="delta up hard">硬约束 [\d.]+ → [\d.]+（\+[\d.]+）/);
    expect(html).toContain(`${pick!.date.slice(5)} 覆盖缺口`);
    expect(html).not.toMatch(/ works | on duty|contract does not/);
    // Nothing was stored.
    expect(await version()).toBe(v0);
    const [still] = await t.sql<{ shift_code: string }[]>`SELECT c.shift_code FROM roster_cells c JOIN agents_sched a ON a.id = c.agent_id JOIN rosters r ON r.id = c.roster_id WHERE r.month = ${MONTH} AND a.code = ${pick!.code} AND c.date = ${pick!.date}`;
    expect(still!.shift_code).toBe(pick!.shift);

    // The preview's "after" score is the score the page shows once the same edit is saved.
    const other = pick!.shift === 'E' ? 'D' : 'E';
    const preview = await (await s.get(q(other, pick!.project), { 'HX-Request': 'true' })).text();
    const m = /硬约束 ([\d.]+) → ([\d.]+)（[^）]+）<\/span> · <span class="[^"]*">软约束 ([\d.]+) → ([\d.]+)/.exec(preview);
    expect(m).not.toBeNull();
    const before = await (await s.get(`/rosters/${MONTH}`)).text();
    expect(before).toContain(`硬约束 ${m![1]}，软约束 ${m![3]}`);
    expect((await s.post(`/rosters/${MONTH}/cells`, { agent: pick!.code, date: pick!.date, shift: other, project: pick!.project, version: String(v0) })).status).toBe(303);
    expect(await (await s.get(`/rosters/${MONTH}`)).text()).toContain(`硬约束 ${m![2]}，软约束 ${m![4]}`);
    // Back as it was, through undo.
    expect((await s.post(`/rosters/${MONTH}/undo`, { version: String(v0 + 1) })).status).toBe(303);

    // The same cell, bad input, unknown agent or month.
    expect(await (await s.get(q(other === 'E' ? 'D' : 'E', pick!.project), { 'HX-Request': 'true' })).text()).toContain('与当前排班相同');
    expect(await (await s.get(q('E', ''), { 'HX-Request': 'true' })).text()).toContain('请选择一个项目');
    expect(await (await s.get(q('X', '95598'), { 'HX-Request': 'true' })).text()).toContain('未知班次');
    expect(await (await s.get(q('', '95598'), { 'HX-Request': 'true' })).text()).toContain('休息日不能指定项目');
    expect((await s.get(`/rosters/${MONTH}/preview?agent=ZZZ&date=${pick!.date}&shift=E&project=95598`)).status).toBe(404);
    expect((await s.get(`/rosters/2031-01/preview?agent=${pick!.code}&date=2031-01-02&shift=E&project=95598`)).status).toBe(404);
    // In English, the warnings read in English with the rule's English name.
    const enHtml = await (await s.get(q('N', pick!.project), { 'HX-Request': 'true', 'Accept-Language': 'en' })).text();
    expect(enHtml).toMatch(/Only shift types the contract allows: \S+'s contract does not allow shift N|Only shift types the contract allows: \S+&#39;s contract does not allow shift N/);
    // The edit panel carries the live-preview wiring.
    const panel = await (await s.get(`/rosters/${MONTH}?agent=${pick!.code}&date=${pick!.date}`)).text();
    expect(panel).toContain(`hx-get="/rosters/${MONTH}/preview"`);
    expect(panel).toContain('hx-trigger="change delay:200ms"');
    expect(panel).toContain('id="roster-preview"');
  }, 60_000);

  it('cancels a running solve and leaves the roster as it was', async () => {
    const before = (await t.sql<{ version: number }[]>`SELECT version FROM rosters WHERE month = ${MONTH}`)[0]!.version;
    expect((await s.post(`/rosters/${MONTH}/solve`, { seconds: '60' })).status).toBe(303);
    const [job] = await t.sql<{ id: number }[]>`SELECT id FROM roster_jobs ORDER BY id DESC LIMIT 1`;
    const busy = await s.post(`/rosters/${MONTH}/solve`, { seconds: '5' });
    expect(busy.status).toBe(409);
    const res = await s.post(`/rosters/jobs/${job!.id}/cancel`);
    expect(res.status).toBe(303);
    await jobSettled(job!.id);
    const [row] = await t.sql<{ status: string }[]>`SELECT status FROM roster_jobs WHERE id = ${job!.id}`;
    expect(row!.status).toBe('cancelled');
    expect((await t.sql<{ version: number }[]>`SELECT version FROM rosters WHERE month = ${MONTH}`)[0]!.version).toBe(before);
    expect((await s.post('/rosters/jobs/999999/cancel')).status).toBe(404);
  }, 60_000);

  it('exports CSV, publishes read-only, and gives the agent an .ics of their published shifts', async () => {
    const csv = await s.get(`/rosters/${MONTH}/export.csv`);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = (await csv.text()).split('\r\n');
    expect(lines[0]).toBe(['agent', 'name', 'team', ...Array.from({ length: 31 }, (_, i) => `2026-12-${String(i + 1).padStart(2, '0')}`)].join(','));
    expect(lines[1]!.startsWith('A0001,')).toBe(true);
    const xlsx = await s.get(`/rosters/${MONTH}/export.xlsx`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(xlsx.headers.get('content-disposition')).toBe(`attachment; filename="roster-${MONTH}.xlsx"`);
    const [grid, cover] = readXlsx(Buffer.from(await xlsx.arrayBuffer()));
    expect(grid!.name).toBe('排班');
    expect(grid!.rows[0]).toEqual(['工号', '姓名', '班组', ...Array.from({ length: 31 }, (_, i) => `2026-12-${String(i + 1).padStart(2, '0')}`)]);
    expect(grid!.rows).toHaveLength(305);
    const a1 = await t.sql<{ date: string; shift: string | null; project: string | null }[]>`
      SELECT to_char(c.date, 'YYYY-MM-DD') AS date, c.shift_code AS shift, c.project_code AS project FROM roster_cells c JOIN rosters r ON r.id = c.roster_id JOIN agents_sched a ON a.id = c.agent_id
      WHERE r.month = ${MONTH} AND a.code = 'A0001' ORDER BY c.date`;
    expect(grid!.rows[1]!.slice(0, 1)).toEqual(['A0001']);
    const row1 = grid!.rows[1]!;
    const byDate = new Map(a1.filter((x) => x.shift).map((x) => [x.date, `${x.shift}/${x.project}`]));
    expect(byDate.size).toBeGreaterThan(10);
    expect([...row1, ...Array(34 - row1.length).fill(null)].slice(3)).toEqual(grid!.rows[0]!.slice(3).map((d) => byDate.get(d as string) ?? null));
    expect(cover!.name).toBe('每日覆盖');
    expect(cover!.rows[0]).toEqual(['日期', '项目', '需求人时', '在岗人时', '缺口人时', '缺员时段数']);
    expect(cover!.rows).toHaveLength(1 + 31 * 4);
    expect(cover!.rows.slice(1, 5).map((r) => r.slice(0, 2))).toEqual([['2026-12-01', '95598'], ['2026-12-01', 'EV'], ['2026-12-01', 'FIN'], ['2026-12-01', 'INS']]);
    for (const row of cover!.rows.slice(1)) expect(row[4] as number).toBeLessThanOrEqual(row[2] as number);
    expect((await s.get('/rosters/2031-01/export.xlsx')).status).toBe(404);
    const v = (await t.sql<{ version: number }[]>`SELECT version FROM rosters WHERE month = ${MONTH}`)[0]!.version;
    expect((await s.post(`/rosters/${MONTH}/publish`, { version: String(v) })).status).toBe(303);
    const again = await s.post(`/rosters/${MONTH}/cells`, { agent: 'A0001', date: '2026-12-05', shift: 'D', project: '95598', version: String(v + 1) });
    expect(again.status).toBe(409);
    expect(await (await s.get(`/rosters/${MONTH}`)).text()).toContain('已发布');
    const agent = await signedIn(t, 'agent');
    const ics = await agent.get('/schedule.ics');
    expect(ics.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const body = await ics.text();
    expect(body.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    const [first] = await t.sql<{ date: string; start_minute: number }[]>`
      SELECT to_char(c.date, 'YYYY-MM-DD') AS date, st.start_minute FROM roster_cells c JOIN agents_sched a ON a.id = c.agent_id JOIN shift_types st ON st.code = c.shift_code
      WHERE a.code = 'A0001' ORDER BY c.date LIMIT 1`;
    const start = new Date(Date.parse(`${first!.date}T00:00:00+08:00`) + first!.start_minute * 60_000).toISOString().replace(/[-:]/g, '').replace('.000', '');
    expect(body).toContain(`DTSTART:${start}`);
    expect(body).toContain(`UID:roster-1-A0001-${first!.date}@peakline`);
    const mine = await (await agent.get('/schedule')).text();
    expect(mine).toContain(first!.date);
  }, 60_000);

  it('records a failed solve on the job and shows it, and shows a job no process runs as interrupted', async () => {
    const month = '2027-01';
    expect((await s.post(`/rosters/${month}/solve`, { seconds: '3' })).status).toBe(303);
    const [job] = await t.sql<{ id: number }[]>`SELECT id FROM roster_jobs ORDER BY id DESC LIMIT 1`;
    const [r] = await t.sql<{ version: number }[]>`SELECT version FROM rosters WHERE month = ${month}`;
    expect((await s.post(`/rosters/${month}/publish`, { version: String(r!.version) })).status).toBe(303);
    await jobSettled(job!.id);
    const [row] = await t.sql<{ status: string; error: string }[]>`SELECT status, error FROM roster_jobs WHERE id = ${job!.id}`;
    expect(row).toEqual({ status: 'failed', error: 'the roster was edited or published during the solve' });
    const page = await (await s.get(`/rosters/${month}`)).text();
    expect(page).toContain('错误：求解期间排班被修改或已发布，结果未保存');
    const [ghost] = await t.sql<{ id: number }[]>`INSERT INTO roster_jobs (roster_id, status, time_limit_ms) SELECT id, 'running', 1000 FROM rosters WHERE month = ${month} RETURNING id`;
    const frag = await (await s.get(`/rosters/jobs/${ghost!.id}`, { 'HX-Request': 'true' })).text();
    expect(frag).toContain('错误：服务在求解中途重启，任务已中断');
    expect(await (await s.get(`/rosters/jobs/${ghost!.id}`, { 'HX-Request': 'true', 'Accept-Language': 'en' })).text()).toContain('Error: the server restarted during the solve; the job was interrupted');
    expect(frag).not.toContain('hx-trigger');
  }, 60_000);
});
