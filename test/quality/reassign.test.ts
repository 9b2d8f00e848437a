// Reassigning a sample: only to eligible reviewers of the plan (never the agent's own call, peers only
// in their project), within the daily cap (the due date moves on), with the reason logged.
import { describe, it, expect } from 'vitest';
import { signedIn, testApp } from '../support/app.ts';

describe('quality: reassigning a sample', () => {
  it('moves a sample to an eligible reviewer on their first day with room and logs why', async () => {
    const t = await testApp();
    const inspector = await signedIn(t, 'inspector');
    const id = async (username: string) => (await t.sql<{ id: number }[]>`SELECT id FROM users WHERE username = ${username}`)[0].id;
    const [insp, insp2, agent, agent01, agent05] = [await id('inspector'), await id('inspector2'), await id('agent'), await id('agent01'), await id('agent05')];
    const [p] = await t.sql<{ id: number }[]>`SELECT id FROM projects WHERE code = '95598'`;
    const [card] = await t.sql<{ id: number }[]>`SELECT id FROM scorecards WHERE code = 'hotline-standard'`;
    const [plan] = await t.sql<{ id: number }[]>`INSERT INTO plans (name, project_ids, period_start, period_end, scorecard_id, method, seed, strategy, reviewer_ids, daily_cap, created_by)
      VALUES ('改派测试', ${t.sql.array([p.id])}::int[], '2026-11-01', '2026-11-30', ${card.id}, '{"kind":"quota","perAgent":1,"period":"plan"}', 'reassign-1', 'peer',
              ${t.sql.array([insp, insp2, agent, agent05, agent01])}::int[], 2, ${insp}) RETURNING id`;
    const [draw] = await t.sql<{ id: number }[]>`INSERT INTO plan_draws (plan_id, seed, filters, method, population_ids, population_fingerprint, sample, strata)
      VALUES (${plan.id}, 'reassign-1', '{}', '{}', '[]', 'x', '[]', '[]') RETURNING id`;
    // REC-0001..3 are 李晓梅's (agent) calls on 95598; inspector2 already has two due on the 26th (the cap)
    const sample = async (callId: string, to: number) =>
      (await t.sql<{ id: number }[]>`INSERT INTO samples (plan_id, draw_id, call_id, stratum, rank, assigned_to, due_date) VALUES (${plan.id}, ${draw.id}, ${callId}, 'all', 1, ${to}, '2026-11-26') RETURNING id`)[0].id;
    const s1 = await sample('REC-0001', insp);
    await sample('REC-0002', insp2);
    await sample('REC-0003', insp2);

    const page = await (await inspector.get(`/quality/samples/${s1}/reassign`)).text();
    // eligible: inspector2 (at the cap on the 26th → the 27th) and 刘洋 (agent01, 95598 team);
    // not 李晓梅 (her own call), not 吴磊 (agent05, EV team), not the current reviewer
    expect(page).toContain('钱芳');
    expect(page).toContain('刘洋');
    expect(page).not.toContain('吴磊');
    expect([...page.matchAll(/name="reviewerId" id="r-(\d+)"/g)].map((m) => Number(m[1]))).toEqual([insp2, agent01]);
    expect(page).toMatch(/钱芳[\s\S]*?<td class="num">2\/2<\/td><td class="nowrap">2026-11-27<\/td>/);
    expect(page).toMatch(/刘洋[\s\S]*?<td class="num">0\/2<\/td><td class="nowrap">2026-11-26<\/td>/);

    expect((await inspector.post(`/quality/samples/${s1}/reassign`, { reviewerId: String(agent), reason: '回避' })).status).toBe(422);
    expect((await inspector.post(`/quality/samples/${s1}/reassign`, { reviewerId: String(agent05), reason: '回避' })).status).toBe(422);
    expect((await inspector.post(`/quality/samples/${s1}/reassign`, { reviewerId: String(insp2), reason: '' })).status).toBe(422);
    const res = await inspector.post(`/quality/samples/${s1}/reassign`, { reviewerId: String(insp2), reason: '王建国休假' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/quality/plans/${plan.id}?reassigned=1`);
    const [moved] = await t.sql<{ assigned_to: number; due: string }[]>`SELECT assigned_to, to_char(due_date, 'YYYY-MM-DD') AS due FROM samples WHERE id = ${s1}`;
    expect(moved).toEqual({ assigned_to: insp2, due: '2026-11-27' });
    const log = await t.sql<{ from_user: number; to_user: number; reason: string }[]>`SELECT from_user, to_user, reason FROM sample_reassignments WHERE sample_id = ${s1}`;
    expect(log).toEqual([{ from_user: insp, to_user: insp2, reason: '王建国休假' }]);
    const [entry] = await t.sql<{ detail: { reason: string; due: string } }[]>`SELECT detail FROM audit_log WHERE action = 'sample.reassign'`;
    expect(entry.detail).toMatchObject({ reason: '王建国休假', due: '2026-11-27' });
    expect(await (await inspector.get(`/quality/samples/${s1}/reassign`)).text()).toContain('王建国 → 钱芳 (2026-11-27) · 王建国休假');

    // once scoring has started the sample stays with its reviewer
    await t.sql`UPDATE samples SET status = 'draft' WHERE id = ${s1}`;
    expect((await inspector.post(`/quality/samples/${s1}/reassign`, { reviewerId: String(agent01), reason: 'x' })).status).toBe(409);
    const agentClient = await signedIn(t, 'agent');
    expect((await agentClient.get(`/quality/samples/${s1}/reassign`)).status).toBe(403);
  });
});
