// 联合质检: two independent (blind) scores; when they differ the plan owner reconciles, and the
// differences are recorded; both originals are kept as retracted versions.
import { describe, it, expect } from 'vitest';
import { Client, signedIn, testApp } from '../support/app.ts';
import type { Answers } from '../../knowledge/quality/scorecard.ts';

const GOOD: Answers = { greeting: 'yes', identify: 'na', inquiry: 'yes', accuracy: 8, workorder: 'yes', empathy: 4, responsive: 'yes', 'no-taboo': 'yes', privacy: 'yes', closing: 'yes' };
const form = (a: Answers) => ({ ...Object.fromEntries(Object.entries(a).map(([k, v]) => [`a.${k}`, String(v)])), version: '0' });

describe('quality: joint check', () => {
  it('collects two blind scores and has the owner reconcile the items they differ on', async () => {
    const t = await testApp();
    const owner = await signedIn(t, 'inspector');
    const two = new Client(t.app, t.deps.secret);
    await two.login('inspector2', 'demo-inspector-pass');
    const three = new Client(t.app, t.deps.secret);
    await three.login('inspector3', 'demo-inspector-pass');
    const rs = await t.sql<{ id: number; username: string }[]>`SELECT id, username FROM users WHERE username IN ('inspector2', 'inspector3') ORDER BY username`;
    const [p] = await t.sql<{ id: number }[]>`SELECT id FROM projects WHERE code = 'EV'`;
    const [card] = await t.sql<{ id: number }[]>`SELECT id FROM scorecards`;
    const [range] = await t.sql<{ from: string; to: string }[]>`SELECT to_char(min(started_at AT TIME ZONE 'Asia/Shanghai'), 'YYYY-MM-DD') AS from, to_char(max(started_at AT TIME ZONE 'Asia/Shanghai'), 'YYYY-MM-DD') AS to FROM calls`;
    const created = await owner.post('/quality/plans', {
      name: '联合质检（客户方）', projectIds: [String(p.id)], periodStart: range.from, periodEnd: range.to, scorecardId: String(card.id),
      methodKind: 'quota', perAgent: '1', quotaPeriod: 'plan', strategy: 'joint', reviewerIds: rs.map((r) => String(r.id)), dailyCap: '10', seed: 'joint-1', hasRecording: '1',
    });
    const planId = Number(created.headers.get('location')!.split('/').pop());
    await owner.post(`/quality/plans/${planId}/draw`);
    const [s] = await t.sql<{ id: number; assigned_to: number }[]>`SELECT id, assigned_to FROM samples WHERE plan_id = ${planId}`;
    expect(s.assigned_to).toBe(rs[0].id); // REC-0004, the only EV call with a recording
    expect((await two.post(`/quality/samples/${s.id}/submit`, form(GOOD))).status).toBe(303);
    const [afterFirst] = await t.sql<{ status: string; assigned_to: number }[]>`SELECT status, assigned_to FROM samples WHERE id = ${s.id}`;
    expect(afterFirst).toEqual({ status: 'assigned', assigned_to: rs[1].id });
    // the second reviewer scores blind
    const blind = await (await three.get(`/quality/samples/${s.id}`)).text();
    expect(blind).not.toContain('data-testid="score"');
    expect(blind).toContain('data-testid="submit-score"');
    expect((await three.post(`/quality/samples/${s.id}/submit`, form({ ...GOOD, empathy: 2, closing: 'no' }))).status).toBe(303);
    const [me] = await t.sql<{ id: number }[]>`SELECT id FROM users WHERE username = 'inspector'`;
    const [afterSecond] = await t.sql<{ status: string; assigned_to: number }[]>`SELECT status, assigned_to FROM samples WHERE id = ${s.id}`;
    expect(afterSecond).toEqual({ status: 'draft', assigned_to: me.id });
    const rec = await (await owner.get(`/quality/samples/${s.id}`)).text();
    expect(rec).toContain('data-testid="joint"');
    expect(rec).toMatch(/data-item="empathy">[^<]*: 4 \/ 2</);
    expect(rec).toMatch(/data-item="closing">[^<]*: yes \/ no</);
    expect((await owner.post(`/quality/samples/${s.id}/submit`, form({ ...GOOD, empathy: 3, closing: 'no' }))).status).toBe(303);
    const rows = await t.sql<{ status: string; username: string; supersedes: number | null }[]>`SELECT e.status, u.username, e.supersedes FROM evaluations e JOIN users u ON u.id = e.evaluator_id WHERE e.sample_id = ${s.id} ORDER BY e.id`;
    expect(rows.map((r) => [r.username, r.status])).toEqual([
      ['inspector2', 'retracted'],
      ['inspector3', 'retracted'],
      ['inspector', 'submitted'],
    ]);
    const [entry] = await t.sql<{ detail: { differences: { item: string; first: string; second: string; final: unknown }[] } }[]>`SELECT detail FROM audit_log WHERE action = 'evaluation.reconcile'`;
    expect(entry.detail.differences).toEqual([
      { item: 'empathy', first: '4', second: '2', final: 3 },
      { item: 'closing', first: 'yes', second: 'no', final: 'no' },
    ]);
    const [done] = await t.sql<{ status: string }[]>`SELECT status FROM samples WHERE id = ${s.id}`;
    expect(done.status).toBe('scored');
  });
});
