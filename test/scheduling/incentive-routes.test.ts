// Emergency incentives over HTTP: the agent's points and redemptions (with refusals), the scheduler's ledger, manual
// credit and catalogue edits (with a stale edit refused), and the month's roster honouring a redeemed 常白班.
import { describe, it, expect, beforeAll } from 'vitest';
import { type Client, signedIn, testApp } from '../support/app.ts';
import { monthModel, monthRequirement } from '../../server/scheduling/roster-model.ts';
import { solveRoster } from '../../scheduling/roster/solve.ts';
import type { RosterModel } from '../../scheduling/roster/model.ts';

type T = Awaited<ReturnType<typeof testApp>>;
// The test clock says 2026-11-25 (Asia/Shanghai), so "next month" is 2026-12.
const NEXT = '2026-12';

describe('incentives: points, redemption, ledger, catalogue', () => {
  let t: T;
  let agent: Client;
  let sched: Client;
  beforeAll(async () => {
    t = await testApp();
    agent = await signedIn(t, 'agent');
    sched = await signedIn(t, 'scheduler');
  }, 60_000);

  it('keeps each side to its role', async () => {
    expect((await agent.get('/rosters/incentives')).status).toBe(403);
    expect((await agent.get('/rosters/resources')).status).toBe(403);
    expect((await agent.get('/rosters/peaks')).status).toBe(403);
    expect((await sched.get('/schedule/points')).status).toBe(403);
  });

  it("shows the demo agent's 128 points, what earned them, and which rewards they can afford", async () => {
    const html = await (await agent.get('/schedule/points')).text();
    // 20 + 5×4 = 40, 20 + 5×6 = 50, 4×5 = 20, 6×3 = 18 → 128.
    expect(html).toMatch(/data-testid="balance">\s*128\s*</);
    expect(html).toContain('线路故障话务激增 应急召回 09:00–15:00');
    expect(html).toContain('+50');
    expect(html).toContain('href="/schedule"');
    // 常白班 120 and 优选排次 60 are affordable; 节日连休 100 too: all three offered, none short.
    expect(html).toContain('id="offer-regular-day-shift"');
    expect(html).not.toContain('还差');
  });

  it('refuses bad requests beside the form and keeps the input', async () => {
    const noShift = await agent.post('/schedule/points/redeem', { reward: 'first-pick', month: NEXT, shift: '' });
    expect(noShift.status).toBe(422);
    expect(await noShift.text()).toContain('请选择想要的班次');
    const gap = await agent.post('/schedule/points/redeem', { reward: 'holiday-rest', month: NEXT, dates: '2026-12-30 2026-12-28' });
    expect(gap.status).toBe(422);
    const gapHtml = await gap.text();
    expect(gapHtml).toContain('日期须连续');
    expect(gapHtml).toContain('value="2026-12-30 2026-12-28"');
    const outside = await agent.post('/schedule/points/redeem', { reward: 'holiday-rest', month: NEXT, dates: '2026-12-31 2027-01-01' });
    expect(await outside.text()).toContain('日期须在 2026-12 内');
    const tooMany = await agent.post('/schedule/points/redeem', { reward: 'holiday-rest', month: NEXT, dates: '2026-12-01 2026-12-02 2026-12-03 2026-12-04' });
    expect(await tooMany.text()).toContain('最多 3 天');
    const pastMonth = await agent.post('/schedule/points/redeem', { reward: 'regular-day-shift', month: '2026-11' });
    expect(pastMonth.status).toBe(422);
    expect((await t.sql`SELECT 1 FROM incentive_ledger WHERE type = 'redeem'`).length).toBe(0);
  });

  it('redeems 常白班 for next month: a −120 line, the entitlement, an audit entry; a second time is refused', async () => {
    const res = await agent.post('/schedule/points/redeem', { reward: 'regular-day-shift', month: NEXT });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/schedule/points?notice=redeemed');
    const html = await (await agent.get('/schedule/points?notice=redeemed')).text();
    expect(html).toMatch(/data-testid="balance">\s*8\s*</);
    expect(html).toContain('兑换：常白班');
    expect(html).toContain('2026-12 只排 D');
    const [line] = await t.sql<{ points: number; month: string; entitlement: unknown }[]>`SELECT points, month, entitlement FROM incentive_ledger WHERE type = 'redeem'`;
    expect(line).toEqual({ points: -120, month: NEXT, entitlement: { kind: 'dayShiftsOnly', agentId: 'A0001', month: NEXT, shiftCodes: ['D'], hard: true } });
    const [a] = await t.sql<{ actor_name: string; target: string }[]>`SELECT actor_name, target FROM audit_log WHERE action = 'incentive.redeem'`;
    expect(a).toEqual({ actor_name: 'agent', target: 'agent:A0001' });
    const again = await agent.post('/schedule/points/redeem', { reward: 'regular-day-shift', month: NEXT });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('您已兑换过 2026-12 的这项奖励');
    const poor = await agent.post('/schedule/points/redeem', { reward: 'holiday-rest', month: NEXT, dates: '2026-12-24 2026-12-25' });
    expect(poor.status).toBe(422);
    const poorHtml = await poor.text();
    expect(poorHtml).toContain('积分不足：您有 8 分，“节日连休”需要 100 分');
    expect(poorHtml).toContain('value="2026-12-24 2026-12-25"');
  });

  it('gives the month model the entitlement, and a solve gives the agent only D shifts', async () => {
    const requirement = await monthRequirement(t.sql, NEXT, 'Asia/Shanghai');
    const mm = await monthModel(t.sql, NEXT, requirement);
    expect(mm.model.entitlements).toEqual([{ agentId: 'A0001', kind: 'day-shifts-only', shifts: ['D'] }]);
    // A reduced model: the demo agent's team over the first two weeks, solved briefly.
    const team = mm.model.agents.find((a) => a.id === 'A0001')!.team;
    const agents = mm.model.agents.filter((a) => a.team === team);
    const days = 14;
    const scale = agents.length / mm.model.agents.length;
    const reduced: RosterModel = {
      ...mm.model,
      agents,
      days: mm.model.days.slice(0, days),
      requirement: Object.fromEntries(Object.entries(mm.model.requirement).map(([p, grid]) => [p, grid.slice(0, days).map((row) => row.map((v) => Math.round(v * scale)))])),
      leave: mm.model.leave.filter((l) => agents.some((a) => a.id === l.agentId)),
    };
    const { roster, score } = await solveRoster(reduced, { timeLimitMs: 3000, seed: 7, maxIterations: 3000 });
    expect(score.hard).toBe(0);
    const shifts = roster.A0001!.map((c) => c.shift).filter((s) => s !== null);
    expect(shifts.length).toBeGreaterThan(5);
    expect(new Set(shifts)).toEqual(new Set(['D']));
    // Someone else on the team still works other shifts: the rule binds only the holder.
    expect(agents.some((a) => a.id !== 'A0001' && roster[a.id]!.some((c) => c.shift && c.shift !== 'D'))).toBe(true);
  }, 60_000);

  it('credits a contribution recorded by hand, with errors beside fields and an audit entry', async () => {
    const bad = await sched.post('/rosters/incentives/credit', { agent: 'ZZ999', kind: 'callIn', hours: '30', date: '2026-11-26', reference: '' });
    expect(bad.status).toBe(422);
    const badHtml = await bad.text();
    expect(badHtml).toContain('没有这个坐席工号');
    expect(badHtml).toContain('小时数须在 0 到 24 之间');
    expect(badHtml).toContain('不能记录未来日期的贡献');
    expect(badHtml).toContain('请填写依据');
    expect(badHtml).toContain('value="ZZ999"');
    const ok = await sched.post('/rosters/incentives/credit', { agent: 'a0002', kind: 'callIn', hours: '3', date: '2026-11-24', reference: '电话召回 95598 台风 18:00–21:00' });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe('/rosters/incentives?agent=A0002&notice=credited#ledger');
    const [line] = await t.sql<{ points: number; hours: string; date: string; created_by: number }[]>`
      SELECT points, hours, to_char(date, 'YYYY-MM-DD') AS date, created_by FROM incentive_ledger WHERE reference = '电话召回 95598 台风 18:00–21:00'`;
    expect(line!.points).toBe(35); // 20 + 5 × 3
    expect(line!.date).toBe('2026-11-24');
    const [a] = await t.sql<{ detail: { points: number } }[]>`SELECT detail FROM audit_log WHERE action = 'incentive.credit'`;
    expect(a!.detail.points).toBe(35);
    const page = await (await sched.get('/rosters/incentives?agent=A0002')).text();
    expect(page).toContain('电话召回 95598 台风 18:00–21:00');
    expect(page).toContain('+35');
  });

  it('edits the catalogue with validation beside the field, and refuses a stale edit keeping the input', async () => {
    const invalid = await sched.post('/rosters/incentives/rules/callIn', { version: '1', name: '响应应急召回', nameEn: 'Call-in', pointsPerEvent: '-3', pointsPerHour: '5' });
    expect(invalid.status).toBe(422);
    expect(await invalid.text()).toContain('须为 0 到 1000 的整数');
    const saved = await sched.post('/rosters/incentives/rules/callIn', { version: '1', name: '响应应急召回', nameEn: 'Call-in', pointsPerEvent: '30', pointsPerHour: '5' });
    expect(saved.status).toBe(303);
    const stale = await sched.post('/rosters/incentives/rules/callIn', { version: '1', name: '响应应急召回', nameEn: 'Call-in', pointsPerEvent: '10', pointsPerHour: '5' });
    expect(stale.status).toBe(409);
    const staleHtml = await stale.text();
    expect(staleHtml).toContain('保存前已有他人修改（现为：响应应急召回，每次 30 分，每小时 5 分）');
    expect(staleHtml).toMatch(/name="pointsPerEvent" type="number" min="0" step="1" value="10"/);
    const [rule] = await t.sql<{ points_per_event: number; version: number }[]>`SELECT points_per_event, version FROM incentive_rules WHERE kind = 'callIn'`;
    expect(rule).toEqual({ points_per_event: 30, version: 2 });
    // The new price applies to the next credit: 30 + 5 × 2 = 40.
    await sched.post('/rosters/incentives/credit', { agent: 'A0003', kind: 'callIn', hours: '2', date: '2026-11-25', reference: 'after the edit' });
    expect((await t.sql`SELECT points FROM incentive_ledger WHERE reference = 'after the edit'`)[0]!.points).toBe(40);
  });

  it('withdraws a reward: it stays in the catalogue, the agent is no longer offered it, and redeeming it is refused', async () => {
    const [r] = await t.sql<{ version: number }[]>`SELECT version FROM incentive_rewards WHERE id = 'first-pick'`;
    const badShift = await sched.post('/rosters/incentives/rewards/regular-day-shift', { version: '1', name: '常白班', nameEn: 'Day shift', points: '120', param: 'D X9' });
    expect(badShift.status).toBe(422);
    expect(await badShift.text()).toContain('请填写已有的班次代码');
    const res = await sched.post('/rosters/incentives/rewards/first-pick', { version: String(r!.version), name: '优选排次', nameEn: 'First pick', points: '60', hard: '' });
    expect(res.status).toBe(303);
    const cat = await (await sched.get('/rosters/incentives')).text();
    expect(cat).toMatch(/id="reward-first-pick"[^>]*>[\s\S]*?已撤下/);
    const mine = await (await agent.get('/schedule/points')).text();
    expect(mine).not.toContain('id="offer-first-pick"');
    const refused = await agent.post('/schedule/points/redeem', { reward: 'first-pick', month: NEXT, shift: 'D' });
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('该奖励目前不可兑换');
  });

  it("refuses 常白班 to an agent whose contract has no D shifts (the roster could not honour it)", async () => {
    await t.sql`UPDATE agents_sched SET allowed_shifts = '{E,M}' WHERE code = 'A0001'`;
    const res = await agent.post('/schedule/points/redeem', { reward: 'regular-day-shift', month: '2027-01' });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('您的合同不含班次 D，无法兑换这项奖励');
  });
});
