// Disputes: an agent disputes an item within the window; an inspector upholds or overturns; the
// original evaluation is kept as a retracted version and the agent sees the new score.
import { describe, it, expect, beforeEach } from 'vitest';
import { Client, signedIn, testApp } from '../support/app.ts';
import { scoreEvaluation, type Answers } from '../../knowledge/quality/scorecard.ts';
import { DEMO_SCORECARD } from '../../server/quality/demo.ts';

type T = Awaited<ReturnType<typeof testApp>>;
const ANSWERS: Answers = { greeting: 'yes', identify: 'na', inquiry: 'no', accuracy: 8, workorder: 'yes', empathy: 4, responsive: 'yes', 'no-taboo': 'yes', privacy: 'yes', closing: 'yes' };
const form = (a: Answers) => Object.fromEntries(Object.entries(a).map(([k, v]) => [`a.${k}`, String(v)]));

describe('quality: disputes', () => {
  let t: T;
  let inspector: Client;
  let agent: Client;
  let evaluationId: number;
  beforeEach(async () => {
    t = await testApp();
    inspector = await signedIn(t, 'inspector');
    agent = await signedIn(t, 'agent');
    const [s] = await t.sql<{ id: number }[]>`SELECT id FROM samples WHERE call_id = 'REC-0001'`;
    await inspector.post(`/quality/samples/${s.id}/submit`, { ...form(ANSWERS), version: '0' });
    const [ev] = await t.sql<{ id: number }[]>`SELECT id FROM evaluations WHERE sample_id = ${s.id}`;
    evaluationId = ev.id;
    await inspector.post(`/quality/evaluations/${ev.id}/release`);
  });

  it('overturns a disputed item: the original is retracted, the agent sees the new score', async () => {
    const sent = await agent.post(`/quality/evaluations/${evaluationId}/disputes`, { itemId: 'inquiry', comment: '客户已主动说明户号，无需再问' });
    expect(sent.status).toBe(303);
    expect((await agent.post(`/quality/evaluations/${evaluationId}/disputes`, { itemId: 'inquiry', comment: '再次' })).status).toBe(422);
    const [d] = await t.sql<{ id: number; status: string; arbitrator: string }[]>`SELECT d.id, d.status, u.username AS arbitrator FROM disputes d JOIN users u ON u.id = d.arbitrator_id`;
    expect(d).toMatchObject({ status: 'open', arbitrator: 'inspector' });
    expect(await (await inspector.get('/quality/disputes')).text()).toContain('客户已主动说明户号，无需再问');
    expect((await inspector.post(`/quality/disputes/${d.id}/resolve`, { outcome: 'overturned' })).status).toBe(422);
    const res = await inspector.post(`/quality/disputes/${d.id}/resolve`, { outcome: 'overturned', resolution: '同意，问询要点已由客户主动提供' });
    expect(res.status).toBe(303);
    const rows = await t.sql<{ id: number; status: string; score: number; supersedes: number | null; answers: Answers }[]>`SELECT id, status, score, supersedes, answers FROM evaluations WHERE call_id = 'REC-0001' ORDER BY id`;
    expect(rows.map((r) => [r.status, r.supersedes])).toEqual([
      ['retracted', null],
      ['released', evaluationId],
    ]);
    expect(rows[0].score).toBeCloseTo(scoreEvaluation(DEMO_SCORECARD, ANSWERS).percent!, 10);
    expect(rows[1].score).toBeCloseTo(scoreEvaluation(DEMO_SCORECARD, { ...ANSWERS, inquiry: 'yes' }).percent!, 10);
    expect(rows[1].answers.inquiry).toBe('yes');
    const mine = await (await agent.get('/quality/mine')).text();
    expect(mine).toContain(`${rows[1].score.toFixed(1)}%`);
    expect(mine).toContain('改判');
    expect(mine).toContain('同意，问询要点已由客户主动提供');
    expect((await inspector.post(`/quality/disputes/${d.id}/resolve`, { outcome: 'upheld', resolution: 'x' })).status).toBe(409);
    const [entry] = await t.sql<{ detail: { outcome: string } }[]>`SELECT detail FROM audit_log WHERE action = 'dispute.resolve'`;
    expect(entry.detail.outcome).toBe('overturned');
  });

  it('upholds without a new version, and refuses disputes after the window or on others’ calls', async () => {
    await agent.post(`/quality/evaluations/${evaluationId}/disputes`, { itemId: 'accuracy', comment: '回答完整' });
    const [d] = await t.sql<{ id: number }[]>`SELECT id FROM disputes`;
    expect((await inspector.post(`/quality/disputes/${d.id}/resolve`, { outcome: 'upheld', resolution: '恢复时间未说明' })).status).toBe(303);
    const [n] = await t.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM evaluations WHERE call_id = 'REC-0001'`;
    expect(n.n).toBe(1);
    expect((await agent.post(`/quality/evaluations/${evaluationId}/disputes`, { itemId: '', comment: '' })).status).toBe(422);
    await t.sql`UPDATE evaluations SET released_at = released_at - interval '8 days' WHERE id = ${evaluationId}`;
    const late = await agent.post(`/quality/evaluations/${evaluationId}/disputes`, { itemId: 'greeting', comment: '迟到的申诉' });
    expect(late.status).toBe(422);
    expect(await late.text()).toContain('申诉期（发布后 7 天）已过。');
    const other = new Client(t.app, t.deps.secret);
    await other.login('agent06', 'demo-agent-pass');
    expect((await other.post(`/quality/evaluations/${evaluationId}/disputes`, { itemId: 'greeting', comment: 'x' })).status).toBe(404);
    expect((await inspector.get('/quality/disputes/99999')).status).toBe(404);
  });
});
