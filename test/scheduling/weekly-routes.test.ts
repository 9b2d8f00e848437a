// The weekly adjustment over HTTP and the database: leave entry, a re-plan job that turns new leave into a change list,
// publishing it into the published roster with a version, a stale publish refused, the agent's highlighted change,
// and who may use which screen.
import { describe, it, expect, beforeAll } from 'vitest';
import { type Client, signedIn, testApp } from '../support/app.ts';
import { seedPublishedRoster } from '../../server/scheduling/demo-roster.ts';
import { replanSettled } from '../../server/scheduling/weekly-service.ts';

type T = Awaited<ReturnType<typeof testApp>>;
const MONTH = '2026-11';
// Clock: Wednesday 2026-11-11 10:00 in Shanghai; the coming week is Monday 16 … Sunday 22 November.
const NOW = new Date('2026-11-11T02:00:00Z');
const WEEK = '2026-11-16';

async function cellOf(t: T, code: string, date: string): Promise<{ shift: string | null; project: string | null }> {
  const [c] = await t.sql<{ shift_code: string | null; project_code: string | null }[]>`
    SELECT c.shift_code, c.project_code FROM roster_cells c JOIN agents_sched a ON a.id = c.agent_id JOIN rosters r ON r.id = c.roster_id
    WHERE r.month = ${MONTH} AND a.code = ${code} AND c.date = ${date}`;
  return { shift: c?.shift_code ?? null, project: c?.project_code ?? null };
}

/** A date of the coming week on which the agent works in the published roster. */
async function workday(t: T, code: string): Promise<{ date: string; shift: string; project: string }> {
  const [c] = await t.sql<{ date: string; shift_code: string; project_code: string }[]>`
    SELECT to_char(c.date, 'YYYY-MM-DD') AS date, c.shift_code, c.project_code FROM roster_cells c JOIN agents_sched a ON a.id = c.agent_id
    WHERE a.code = ${code} AND c.date BETWEEN '2026-11-17' AND '2026-11-21' AND c.shift_code IS NOT NULL ORDER BY c.date LIMIT 1`;
  return { date: c!.date, shift: c!.shift_code, project: c!.project_code };
}

async function replan(t: T, s: Client, form: Record<string, string>): Promise<number> {
  const res = await s.post('/rosters/weekly/replan', { week: WEEK, month: MONTH, seconds: '3', ...form });
  expect(res.status).toBe(303);
  expect(res.headers.get('location')).toBe(`/rosters/weekly?week=${WEEK}&month=${MONTH}`);
  const [rev] = await t.sql<{ id: number }[]>`SELECT id FROM weekly_revisions ORDER BY id DESC LIMIT 1`;
  await replanSettled(rev!.id);
  return rev!.id;
}

describe('weekly adjustment', () => {
  let t: T;
  let s: Client;
  beforeAll(async () => {
    t = await testApp();
    t.clock.now = NOW;
    await seedPublishedRoster(t.sql, MONTH, 'Asia/Shanghai');
    s = await signedIn(t, 'scheduler');
  }, 120_000);

  it('refuses bad leave with errors beside the fields and keeps what was typed', async () => {
    const res = await s.post('/rosters/leave', { agent: 'ZZ99', from: '2026-11-18', to: '2026-11-17', kind: 'sick', note: '发烧' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('没有工号为“ZZ99”的在岗坐席');
    expect(html).toContain('结束日期不能早于开始日期');
    expect(html).toContain('value="ZZ99"');
    expect(html).toContain('value="2026-11-18"');
    expect(html).toContain('value="发烧"');
    expect(html).toMatch(/<option value="sick" selected/);
    const none = await s.post('/rosters/leave', { agent: '', from: 'x', to: '2026-11-17', kind: 'holiday' });
    expect(none.status).toBe(422);
    const text = await none.text();
    expect(text).toContain('请填写坐席工号');
    expect(text).toContain('请填写有效日期');
    expect(text).toContain('请选择类型');
  });

  it('adds leave (audited), lists it, shows it as a conflict of the week, and cancels it', async () => {
    const day = await workday(t, 'A0002');
    const res = await s.post('/rosters/leave', { agent: 'a0002', from: day.date, to: day.date, kind: 'sick', note: '流感' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/rosters/leave?notice=added');
    expect(await (await s.get('/rosters/leave?notice=added')).text()).toContain('请假已登记');
    const list = await (await s.get('/rosters/leave?who=a0002')).text();
    expect(list).toContain('流感');
    expect(list).toContain(`<td class="nowrap">${day.date}</td>`);
    const week = await (await s.get(`/rosters/weekly?week=${WEEK}`)).text();
    expect(week).toContain('与已发布班次冲突的新请假');
    expect(week).toMatch(new RegExp(`A0002 [^<]+</td><td class="nowrap">${day.date}</td><td>${day.shift} · ${day.project}</td><td>病假</td>`));
    const [leave] = await t.sql<{ id: number }[]>`SELECT l.id FROM leave l JOIN agents_sched a ON a.id = l.agent_id WHERE a.code = 'A0002' AND l.note = '流感'`;
    expect((await s.post(`/rosters/leave/${leave!.id}/cancel`)).status).toBe(303);
    expect((await s.post(`/rosters/leave/${leave!.id}/cancel`)).status).toBe(404);
    const actions = await t.sql<{ action: string }[]>`SELECT action FROM audit_log WHERE action LIKE 'leave.%' ORDER BY id`;
    expect(actions.map((a) => a.action)).toEqual(['leave.add', 'leave.cancel']);
    expect(await (await s.get(`/rosters/weekly?week=${WEEK}`)).text()).toContain('本周没有与已发布班次冲突的请假');
  });

  it('shows how the week’s requirement moved since publishing, and why (a hand adjustment)', async () => {
    const same = await (await s.get(`/rosters/weekly?week=${WEEK}`)).text();
    expect(same).toContain('本周各项目的需求与发布时的快照一致');
    // A campaign on the EV line doubles Thursday's calls.
    await t.sql`INSERT INTO forecast_adjustments (project_id, date, factor, note, created_by_name) SELECT id, '2026-11-19', 2, '充电优惠活动', '张敏' FROM projects WHERE code = 'EV'`;
    const html = await (await s.get(`/rosters/weekly?week=${WEEK}`)).text();
    const row = /<tr><td>EV<\/td><td class="nowrap">2026-11-19<\/td><td class="num">([\d.]+)<\/td><td class="num up">([\d.]+)<\/td><td>(.*?)<\/td><\/tr>/.exec(html);
    expect(row).not.toBeNull();
    expect(Number(row![2])).toBeGreaterThan(Number(row![1]) * 1.5);
    expect(row![3]).toContain('手工调整：充电优惠活动 (张敏)');
    // Only that project-day moved.
    expect([...html.matchAll(/<tr><td>(95598|EV|INS|FIN)<\/td>/g)].length).toBe(1);
    await t.sql`DELETE FROM forecast_adjustments`;
  }, 60_000);

  it('re-plans the week after new leave into a short change list, publishes it with a version, and the agent sees it', async () => {
    const day = await workday(t, 'A0001');
    expect((await s.post('/rosters/leave', { agent: 'A0001', from: day.date, to: day.date, kind: 'sick' })).status).toBe(303);
    const [before] = await t.sql<{ version: number }[]>`SELECT version FROM rosters WHERE month = ${MONTH}`;
    const bad = await s.post('/rosters/weekly/replan', { week: WEEK, month: MONTH, weight: '300', seconds: '0' });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('计算时间须为 1 至 300 秒');
    const id = await replan(t, s, { preset: '2500' });
    const [rev] = await t.sql<{ status: string; change_weight: number; base_version: number; result: { changes: { agent: string; date: string; from: { shift: string | null }; to: { shift: string | null }; reasons: string[]; required: boolean }[] } }[]>`
      SELECT status, change_weight, base_version, result FROM weekly_revisions WHERE id = ${id}`;
    expect(rev!.status).toBe('done');
    expect(rev!.change_weight).toBe(2500);
    expect(rev!.base_version).toBe(before!.version);
    const changes = rev!.result.changes;
    expect(changes).toContainEqual({ agent: 'A0001', date: day.date, from: { shift: day.shift, project: day.project }, to: { shift: null, project: null }, reasons: ['leave'], required: true });
    // Only the coming week moves, and at the "few changes" price only a handful of cells.
    for (const c of changes) expect(c.date >= WEEK && c.date <= '2026-11-22').toBe(true);
    expect(changes.length).toBeLessThanOrEqual(6);
    const page = await (await s.get(`/rosters/weekly?week=${WEEK}`)).text();
    expect(page).toContain('调整清单');
    expect(page).toContain('必须（请假）');
    expect(page).toContain(`发布 ${changes.length} 项调整`);
    // The fragment the page polls reloads the page once the job is over.
    const frag = await s.get(`/rosters/weekly/revisions/${id}`, { 'HX-Request': 'true' });
    expect(frag.headers.get('HX-Refresh')).toBe('true');

    // A leave change cannot be dropped.
    const drop = await s.post(`/rosters/weekly/revisions/${id}/drop`, { agent: 'A0001', date: day.date });
    expect(drop.status).toBe(422);

    const pub = await s.post(`/rosters/weekly/revisions/${id}/publish`);
    expect(pub.status).toBe(303);
    expect(pub.headers.get('location')).toBe(`/rosters/weekly?week=${WEEK}&month=${MONTH}&notice=published`);
    expect(await cellOf(t, 'A0001', day.date)).toEqual({ shift: null, project: null });
    for (const c of changes) expect((await cellOf(t, c.agent, c.date)).shift).toBe(c.to.shift);
    const [after] = await t.sql<{ version: number; status: string }[]>`SELECT version, status FROM rosters WHERE month = ${MONTH}`;
    expect(after).toEqual({ version: before!.version + 1, status: 'published' });
    const versions = await t.sql<{ version: number; kind: string; n: number }[]>`SELECT version, kind, jsonb_array_length(changes) AS n FROM roster_versions ORDER BY version`;
    expect(versions).toEqual([{ version: before!.version + 1, kind: 'replan', n: changes.length }]);
    const history = await (await s.get(`/rosters/${MONTH}/versions`)).text();
    expect(history).toContain(`第 ${before!.version + 1} 版`);
    expect(history).toContain('周重排');
    expect(history).toContain('首次发布');

    // The agent (A0001) sees the day highlighted: was the shift, now off, with who and when.
    const agent = await signedIn(t, 'agent');
    const mine = await (await agent.get('/schedule')).text();
    expect(mine).toContain(`<tr class="changed" data-date="${day.date}">`);
    expect(mine).toContain(`原为 ${day.shift} · ${day.project}，现为 休（周重排，`);
    expect(mine).toContain('由 张敏 调整');
    expect(mine).toContain('最近 14 天内您有 1 天的班次被调整');
    expect(mine).toContain(`<a href="/rosters/${MONTH}/versions" data-testid="versions-link">版本记录</a>`);
    // … and may read the version history, but not the scheduler's screens.
    expect((await agent.get(`/rosters/${MONTH}/versions`)).status).toBe(200);
    expect((await agent.get(`/rosters/weekly`)).status).toBe(403);
    expect((await agent.get(`/rosters/leave`)).status).toBe(403);
    expect((await agent.get(`/rosters/swaps`)).status).toBe(403);

    // Fifteen days later the highlight is gone.
    t.clock.advanceMinutes(15 * 24 * 60);
    expect(await (await agent.get('/schedule')).text()).not.toContain('class="changed"');
    t.clock.now = NOW;
  }, 60_000);

  it('refuses to publish a revision when the roster moved since it was computed, and changes nothing', async () => {
    const day = await workday(t, 'A0003');
    expect((await s.post('/rosters/leave', { agent: 'A0003', from: day.date, to: day.date, kind: 'personal' })).status).toBe(303);
    const id = await replan(t, s, { weight: '300' });
    // At this lower price the re-plan also fills older gaps: the scheduler drops one such change, then keeps it again.
    type Stored = { agent: string; date: string; required: boolean; dropped?: boolean };
    const changesOf = async () => (await t.sql<{ result: { changes: Stored[] } }[]>`SELECT result FROM weekly_revisions WHERE id = ${id}`)[0]!.result.changes;
    const optional = (await changesOf()).find((c) => !c.required)!;
    expect(optional).toBeDefined();
    expect((await s.post(`/rosters/weekly/revisions/${id}/drop`, { agent: optional.agent, date: optional.date })).status).toBe(303);
    expect((await changesOf()).filter((c) => c.dropped).map((c) => [c.agent, c.date])).toEqual([[optional.agent, optional.date]]);
    const reviewed = await (await s.get(`/rosters/weekly?week=${WEEK}&month=${MONTH}`)).text();
    expect(reviewed).toContain(`<tr class="dropped" data-agent="${optional.agent}" data-date="${optional.date}">`);
    expect(reviewed).toContain('恢复');
    expect((await s.post(`/rosters/weekly/revisions/${id}/drop`, { agent: optional.agent, date: optional.date, keep: '1' })).status).toBe(303);
    expect((await changesOf()).some((c) => c.dropped)).toBe(false);
    // Someone else changes the published roster meanwhile (a swap approved, say).
    await t.sql`UPDATE rosters SET version = version + 1 WHERE month = ${MONTH}`;
    const res = await s.post(`/rosters/weekly/revisions/${id}/publish`);
    expect(res.status).toBe(409);
    expect(await res.text()).toContain('这份清单已过期');
    expect(await cellOf(t, 'A0003', day.date)).toEqual({ shift: day.shift, project: day.project });
    const [rev] = await t.sql<{ status: string }[]>`SELECT status FROM weekly_revisions WHERE id = ${id}`;
    expect(rev!.status).toBe('done');
    expect((await s.post(`/rosters/weekly/revisions/${id}/discard`)).status).toBe(303);
    const [gone] = await t.sql<{ status: string }[]>`SELECT status FROM weekly_revisions WHERE id = ${id}`;
    expect(gone!.status).toBe('discarded');
  }, 60_000);

  it('cancels a running re-plan, and offers both months of a week that spans two', async () => {
    const res = await s.post('/rosters/weekly/replan', { week: WEEK, month: MONTH, weight: '300', seconds: '60' });
    expect(res.status).toBe(303);
    const [rev] = await t.sql<{ id: number }[]>`SELECT id FROM weekly_revisions ORDER BY id DESC LIMIT 1`;
    const busy = await s.post('/rosters/weekly/replan', { week: WEEK, month: MONTH, weight: '300', seconds: '5' });
    expect(busy.status).toBe(409);
    expect(await busy.text()).toContain('这一周已有重排在进行中');
    expect((await s.post(`/rosters/weekly/revisions/${rev!.id}/cancel`)).status).toBe(303);
    await replanSettled(rev!.id);
    const [done] = await t.sql<{ status: string; result: unknown }[]>`SELECT status, result FROM weekly_revisions WHERE id = ${rev!.id}`;
    expect(done).toEqual({ status: 'cancelled', result: null });
    // 30 November is a Monday: its week runs into December, whose roster is reached from the same page.
    const html = await (await s.get('/rosters/weekly?week=2026-12-02')).text();
    expect(html).toContain('周调整：2026-11-30 起的一周');
    expect(html).toContain('本周跨月，分属两个月的排班：');
    expect(html).toContain('<a class="badge" href="/rosters/weekly?week=2026-11-30&amp;month=2026-12">2026-12</a>');
    expect(await (await s.get('/rosters/weekly?week=2026-11-30&month=2026-12')).text()).toContain('2026-12 尚无已发布的排班。');
  }, 120_000);
});
