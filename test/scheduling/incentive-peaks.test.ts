// Peak plans and emergency resources over HTTP: the gap a plan opens (hand-checked on a small case), plan CRUD with
// validation and stale edits refused, the forecast page's notice, and today's emergency staff on a seeded roster.
import { describe, it, expect, beforeAll } from 'vitest';
import { type Client, signedIn, testApp } from '../support/app.ts';
import { peakGap } from '../../scheduling/incentives/peak.ts';
import { summarise } from '../../server/scheduling/incentive-service.ts';
import { seedPublishedRoster } from '../../server/scheduling/demo-roster.ts';

type T = Awaited<ReturnType<typeof testApp>>;

describe('peak gap per day', () => {
  it('sums a plan per day: 100 calls at 180 s, 80/20, +30% → 14 → 17 agents for half an hour = 1.5 h, tier 1 (1 h) then tier 2', () => {
    const gap = peakGap({
      plan: { id: 'p', kind: 'storm', name: '台风', from: '2027-07-01', to: '2027-07-02', upliftByProject: { X: 0.3, Y: 0 } },
      baseline: [
        { project: 'X', date: '2027-07-01', calls: [100] },
        { project: 'Y', date: '2027-07-01', calls: [100] },
        { project: 'X', date: '2027-07-02', calls: [0] },
      ],
      targets: [
        { project: 'X', ahtSeconds: 180, targetSeconds: 20, serviceLevel: 0.8 },
        { project: 'Y', ahtSeconds: 180, targetSeconds: 20, serviceLevel: 0.8 },
      ],
      emergency: [
        { agentId: 'T2', tier: 2, skills: { X: 0.9 }, hoursPerDay: 4 },
        { agentId: 'T1', tier: 1, skills: { X: 0.7 }, hoursPerDay: 1 },
        { agentId: 'T1b', tier: 1, skills: { X: 0.5 }, hoursPerDay: 4 }, // below 0.6: not drawn on
      ],
    });
    const s = summarise(gap, ['Z']);
    expect(s.days).toEqual([
      { date: '2027-07-01', extra: 1.5, byTier: { 1: 1, 2: 0.5 }, uncovered: 0 },
      { date: '2027-07-02', extra: 0, byTier: {}, uncovered: 0 },
    ]);
    expect(s.missing).toEqual(['Z']);
  });
});

describe('peak plans and emergency resources over HTTP', () => {
  let t: T;
  let s: Client;
  beforeAll(async () => {
    t = await testApp();
    s = await signedIn(t, 'scheduler');
  }, 60_000);

  it('lists the seeded summer peak and campaign week', async () => {
    const html = await (await s.get('/rosters/peaks')).text();
    expect(html).toMatch(/\d{4}年度夏高峰/);
    expect(html).toContain('数字金融推广周');
    expect(html).toContain('95598 +20% · EV +15%');
  }, 60_000);

  it('refuses an invalid plan with errors beside the fields and the input kept', async () => {
    const res = await s.post('/rosters/peaks', { name: '', kind: 'storm', from: '2026-12-05', to: '2026-12-01', uplift_95598: '', uplift_EV: '900' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('请填写名称');
    expect(html).toContain('结束日期不能早于开始日期');
    expect(html).toContain('增幅须在 -90% 到 500% 之间');
    expect(html).toContain('value="900"');
    const none = await s.post('/rosters/peaks', { name: '空预案', kind: 'storm', from: '2026-12-01', to: '2026-12-01' });
    expect(await none.text()).toContain('至少为一个项目填写话务增幅');
  });

  it('creates a storm plan, shows its gap and chart, closes it with tier 1 first, and a 0% uplift opens no gap', async () => {
    const res = await s.post('/rosters/peaks', { name: '台风“海葵”', kind: 'storm', from: '2026-12-01', to: '2026-12-02', uplift_95598: '60', note: '沿海停电' });
    expect(res.status).toBe(303);
    const loc = res.headers.get('location')!;
    expect(loc).toMatch(/^\/rosters\/peaks\/\d+\?notice=created$/);
    const html = await (await s.get(loc)).text();
    expect(html).toContain('data-testid="gap-chart"');
    expect(html).toContain('台风“海葵”');
    const extra = Number(html.match(/data-testid="gap-extra">([\d.]+)</)![1]);
    const uncovered = Number(html.match(/data-testid="gap-uncovered"[^>]*>([\d.]+)</)![1]);
    // +60% on the 95598 line over two days needs many extra agent-hours; tier 1 is drawn on before tier 2.
    expect(extra).toBeGreaterThan(50);
    const tiers = [...html.matchAll(/data-testid="gap-totals"[\s\S]*?<\/dl>/g)][0]![0].match(/梯队(\d)：/g)!.map((x) => x[2]);
    expect(tiers[0]).toBe('1');
    const used = [...html.matchAll(/data-testid="gap-totals"[\s\S]*?<\/dl>/g)][0]![0].match(/梯队\d：([\d.]+) 人·时/g)!.map((x) => Number(x.match(/([\d.]+) 人/)![1]));
    expect(Math.abs(used.reduce((a, b) => a + b, 0) + uncovered - extra)).toBeLessThan(0.15);
    const zero = await s.post('/rosters/peaks', { name: '零增幅', kind: 'campaign', from: '2026-12-01', to: '2026-12-01', uplift_EV: '0' });
    const zeroHtml = await (await s.get(zero.headers.get('location')!)).text();
    expect(zeroHtml).toMatch(/data-testid="gap-extra">0\.0</);
    const [a] = await t.sql<{ target: string }[]>`SELECT target FROM audit_log WHERE action = 'peak.create' ORDER BY id LIMIT 1`;
    expect(a!.target).toMatch(/^peak:\d+$/);
  }, 60_000);

  it('shows overlapping plans on the forecast page with the gap on the shown project and a link', async () => {
    const [p] = await t.sql<{ id: number }[]>`SELECT id FROM peak_plans WHERE name = '台风“海葵”'`;
    const html = await (await s.get('/rosters/forecast?project=95598&date=2026-12-01')).text();
    expect(html).toContain('data-testid="peak-notice"');
    expect(html).toContain(`href="/rosters/peaks/${p!.id}"`);
    expect(html).toMatch(/95598 话务 \+60%，当天新增缺口 [\d.]+ 人·时/);
    const fin = await (await s.get('/rosters/forecast?project=FIN&date=2026-12-01')).text();
    expect(fin).toContain('FIN 不在该预案中');
    const quiet = await (await s.get('/rosters/forecast?project=95598&date=2026-12-10')).text();
    expect(quiet).not.toContain('data-testid="peak-notice"');
  }, 60_000);

  it('edits a plan with a version check and deletes it', async () => {
    const [p] = await t.sql<{ id: number; version: number }[]>`SELECT id, version FROM peak_plans WHERE name = '零增幅'`;
    const form = { name: '零增幅（改）', kind: 'campaign', from: '2026-12-01', to: '2026-12-03', uplift_EV: '10', version: String(p!.version) };
    expect((await s.post(`/rosters/peaks/${p!.id}`, form)).status).toBe(303);
    const stale = await s.post(`/rosters/peaks/${p!.id}`, { ...form, name: '别人的旧版本' });
    expect(stale.status).toBe(409);
    const staleHtml = await stale.text();
    expect(staleHtml).toContain('该预案已被他人修改或删除');
    expect(staleHtml).toContain('value="别人的旧版本"');
    const [after] = await t.sql<{ name: string; version: number; uplift: unknown }[]>`SELECT name, version, uplift FROM peak_plans WHERE id = ${p!.id}`;
    expect(after).toEqual({ name: '零增幅（改）', version: 2, uplift: { EV: 0.1 } });
    expect((await s.post(`/rosters/peaks/${p!.id}/delete`, { version: '1' })).status).toBe(409);
    const del = await s.post(`/rosters/peaks/${p!.id}/delete`, { version: '2' });
    expect(del.status).toBe(303);
    expect(await t.sql`SELECT 1 FROM peak_plans WHERE id = ${p!.id}`).toHaveLength(0);
    expect((await s.get(`/rosters/peaks/${p!.id}`)).status).toBe(404);
  }, 60_000);

  it("shows today's emergency staff from the published roster: counts per project and tier, on shift, reachable, off", async () => {
    // The test clock's day is 2026-11-25 (Asia/Shanghai).
    await seedPublishedRoster(t.sql, '2026-11', 'Asia/Shanghai');
    const expected = await t.sql<{ project: string; tier: number; on_shift: number; off: number; reachable: number }[]>`
      WITH today AS (
        SELECT c.agent_id FROM roster_cells c JOIN rosters r ON r.id = c.roster_id AND r.status = 'published'
        WHERE c.date = '2026-11-25' AND c.shift_code IS NOT NULL),
      rest AS (
        SELECT c.agent_id FROM roster_cells c JOIN rosters r ON r.id = c.roster_id AND r.status = 'published' JOIN shift_types st ON st.code = c.shift_code
        WHERE c.date = '2026-11-24' AND st.start_minute + st.length_minutes > 1440
        UNION SELECT agent_id FROM leave WHERE approved AND '2026-11-25' BETWEEN from_date AND to_date)
      SELECT p.code AS project, a.emergency_tier AS tier,
        count(*) FILTER (WHERE a.id IN (SELECT agent_id FROM today))::int AS on_shift,
        count(*) FILTER (WHERE a.id NOT IN (SELECT agent_id FROM today) AND a.id IN (SELECT agent_id FROM rest))::int AS off,
        count(*) FILTER (WHERE a.id NOT IN (SELECT agent_id FROM today) AND a.id NOT IN (SELECT agent_id FROM rest))::int AS reachable
      FROM agents_sched a JOIN teams t ON t.id = a.team_id JOIN projects p ON p.id = t.project_id
      WHERE a.active AND a.emergency_tier IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2`;
    expect(expected.length).toBeGreaterThan(3);
    const html = await (await s.get('/rosters/resources')).text();
    for (const e of expected) {
      const row = html.match(new RegExp(`<tr data-project="${e.project}">([\\s\\S]*?)</tr>`))![1]!;
      const cell = row.match(new RegExp(`data-tier="${e.tier}">([\\s\\S]*?)</td>`))![1]!.replace(/<[^>]+>/g, '');
      expect([e.project, e.tier, cell]).toEqual([e.project, e.tier, `${e.on_shift} / ${e.reachable} / ${e.off} (${e.on_shift + e.reachable + e.off})`]);
    }
    // A reachable tier-1 agent put on leave today moves to off.
    const reach = html.match(/<tr data-agent="(A\d+)">(?:(?!<\/tr>)[\s\S])*?tier-1(?:(?!<\/tr>)[\s\S])*?badge avail-reachable/);
    expect(reach).not.toBeNull();
    const code = reach![1]!;
    await t.sql`INSERT INTO leave (agent_id, from_date, to_date, kind) SELECT id, '2026-11-25', '2026-11-26', 'sick' FROM agents_sched WHERE code = ${code}`;
    const after = await (await s.get('/rosters/resources?tier=1')).text();
    expect(after.match(new RegExp(`<tr data-agent="${code}">[\\s\\S]*?</tr>`))![0]).toContain('badge avail-off');
    expect(after).not.toMatch(/badge tier tier-2/);
    // Filters by project.
    const ev = await (await s.get('/rosters/resources?project=EV')).text();
    expect(ev).toContain('data-testid="res-EV"');
    expect(ev).not.toContain('data-testid="res-95598"');
  }, 120_000);
});
