// Named arbitrators: a dispute goes to the plan's arbitrator, else the centre's, else the original
// inspector — and only that inspector may resolve it.
import { describe, it, expect } from 'vitest';
import { Client, signedIn, testApp } from '../support/app.ts';
import type { Answers } from '../../knowledge/quality/scorecard.ts';

const ANSWERS: Answers = { greeting: 'yes', identify: 'na', inquiry: 'no', accuracy: 8, workorder: 'yes', empathy: 4, responsive: 'yes', 'no-taboo': 'yes', privacy: 'yes', closing: 'yes' };
const form = (a: Answers) => ({ ...Object.fromEntries(Object.entries(a).map(([k, v]) => [`a.${k}`, String(v)])), version: '0' });

describe('quality: dispute arbitrators', () => {
  it('routes disputes to the plan’s, then the centre’s arbitrator, else the original inspector', async () => {
    const t = await testApp();
    const inspector = await signedIn(t, 'inspector');
    const inspector2 = new Client(t.app, t.deps.secret);
    expect((await inspector2.login('inspector2', 'demo-inspector-pass')).status).toBe(303);
    const agent = await signedIn(t, 'agent');
    const uid = async (u: string) => (await t.sql<{ id: number }[]>`SELECT id FROM users WHERE username = ${u}`)[0].id;
    const released = async (callId: string) => {
      const [s] = await t.sql<{ id: number }[]>`SELECT id FROM samples WHERE call_id = ${callId}`;
      expect((await inspector.post(`/quality/samples/${s.id}/submit`, form(ANSWERS))).status).toBe(303);
      const [ev] = await t.sql<{ id: number }[]>`SELECT id FROM evaluations WHERE sample_id = ${s.id}`;
      expect((await inspector.post(`/quality/evaluations/${ev.id}/release`)).status).toBe(303);
      return ev.id;
    };
    const arbitratorOf = async (evaluationId: number) =>
      (await t.sql<{ username: string }[]>`SELECT u.username FROM disputes d JOIN users u ON u.id = d.arbitrator_id WHERE d.evaluation_id = ${evaluationId}`)[0].username;

    // 1. nobody named: the original inspector
    const e1 = await released('REC-0001');
    expect((await agent.post(`/quality/evaluations/${e1}/disputes`, { itemId: 'inquiry', comment: '客户已说明' })).status).toBe(303);
    expect(await arbitratorOf(e1)).toBe('inspector');

    // 2. the centre names inspector3 (何伟)
    expect((await inspector.post('/quality/disputes/arbitrator', { arbitratorId: String(await uid('agent')) })).status).toBe(422); // not an inspector
    expect((await inspector.post('/quality/disputes/arbitrator', { arbitratorId: String(await uid('inspector3')) })).status).toBe(303);
    const e2 = await released('REC-0002');
    expect((await agent.post(`/quality/evaluations/${e2}/disputes`, { itemId: 'inquiry', comment: '同上' })).status).toBe(303);
    expect(await arbitratorOf(e2)).toBe('inspector3');

    // 3. the plan names inspector2 (钱芳): the plan wins over the centre
    await t.sql`UPDATE plans SET arbitrator_id = ${await uid('inspector2')} WHERE name = '录音质检（演示）'`;
    const e3 = await released('REC-0003');
    expect((await agent.post(`/quality/evaluations/${e3}/disputes`, { itemId: 'inquiry', comment: '同上' })).status).toBe(303);
    expect(await arbitratorOf(e3)).toBe('inspector2');

    // only the named arbitrator resolves; the others see it read-only
    const [d3] = await t.sql<{ id: number }[]>`SELECT id FROM disputes WHERE evaluation_id = ${e3}`;
    const view = await (await inspector.get(`/quality/disputes/${d3.id}`)).text();
    expect(view).toContain('此申诉由 钱芳 仲裁，您只能查看。');
    expect(view).not.toContain(`action="/quality/disputes/${d3.id}/resolve"`);
    expect((await inspector.post(`/quality/disputes/${d3.id}/resolve`, { outcome: 'upheld', resolution: '维持' })).status).toBe(403);
    expect(await (await inspector2.get('/quality/disputes')).text()).toContain('待我处理');
    expect((await inspector2.post(`/quality/disputes/${d3.id}/resolve`, { outcome: 'upheld', resolution: '维持原判' })).status).toBe(303);
    const [after] = await t.sql<{ status: string; by: string }[]>`SELECT d.status, u.username AS by FROM disputes d JOIN users u ON u.id = d.resolved_by WHERE d.id = ${d3.id}`;
    expect(after).toEqual({ status: 'upheld', by: 'inspector2' });

    // clearing the centre's arbitrator falls back to the original inspector again
    expect((await inspector.post('/quality/disputes/arbitrator', { arbitratorId: '' })).status).toBe(303);
    const [setting] = await t.sql`SELECT 1 FROM settings WHERE key = 'quality.arbitratorId'`;
    expect(setting).toBeUndefined();
  }, 120_000);

  it('names the arbitrator on the plan form (inspectors only)', async () => {
    const t = await testApp();
    const inspector = await signedIn(t, 'inspector');
    const [p] = await t.sql<{ id: number }[]>`SELECT id FROM projects WHERE code = 'EV'`;
    const [card] = await t.sql<{ id: number }[]>`SELECT id FROM scorecards WHERE code = 'hotline-standard'`;
    const [i2] = await t.sql<{ id: number }[]>`SELECT id FROM users WHERE username = 'inspector2'`;
    const [agent] = await t.sql<{ id: number }[]>`SELECT id FROM users WHERE username = 'agent05'`;
    const base = { name: '仲裁测试', projectIds: String(p.id), periodStart: '2026-11-01', periodEnd: '2026-11-20', scorecardId: String(card.id), methodKind: 'quota', perAgent: '1', quotaPeriod: 'plan', strategy: 'inspector', reviewerIds: String(i2.id), dailyCap: '5', seed: 'arb-1' };
    expect((await inspector.post('/quality/plans', { ...base, arbitratorId: String(agent.id) })).status).toBe(422);
    const res = await inspector.post('/quality/plans', { ...base, arbitratorId: String(i2.id) });
    expect(res.status).toBe(303);
    const [plan] = await t.sql<{ arbitrator_id: number }[]>`SELECT arbitrator_id FROM plans WHERE name = '仲裁测试'`;
    expect(plan.arbitrator_id).toBe(i2.id);
    expect(await (await inspector.get(res.headers.get('location')!)).text()).toMatch(/<dt>申诉仲裁人<\/dt><dd>钱芳<\/dd>/);
  });
});
