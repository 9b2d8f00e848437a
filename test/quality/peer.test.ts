// 专员互检 → 质检员复检: peers score each other's calls (never their own), then the plan's inspector rechecks.
import { describe, it, expect } from 'vitest';
import { Client, signedIn, testApp } from '../support/app.ts';
import type { Answers } from '../../knowledge/quality/scorecard.ts';

const GOOD: Answers = { greeting: 'yes', identify: 'na', inquiry: 'yes', accuracy: 8, workorder: 'yes', empathy: 4, responsive: 'yes', 'no-taboo': 'yes', privacy: 'yes', closing: 'yes' };
const form = (a: Answers) => Object.fromEntries(Object.entries(a).map(([k, v]) => [`a.${k}`, String(v)]));

describe('quality: peer check then inspector recheck', () => {
  it('assigns peers other agents’ calls, sends their scores to the inspector and keeps the peer score as retracted', async () => {
    const t = await testApp();
    const inspector = await signedIn(t, 'inspector');
    const peers = await t.sql<{ id: number; username: string }[]>`SELECT id, username FROM users WHERE username IN ('agent01', 'agent02') ORDER BY username`;
    const [p] = await t.sql<{ id: number }[]>`SELECT id FROM projects WHERE code = '95598'`;
    const [card] = await t.sql<{ id: number }[]>`SELECT id FROM scorecards`;
    const [range] = await t.sql<{ from: string; to: string }[]>`SELECT to_char(min(started_at AT TIME ZONE 'Asia/Shanghai'), 'YYYY-MM-DD') AS from, to_char(max(started_at AT TIME ZONE 'Asia/Shanghai'), 'YYYY-MM-DD') AS to FROM calls`;
    const created = await inspector.post('/quality/plans', {
      name: '专员互检',
      projectIds: [String(p.id)],
      periodStart: range.from,
      periodEnd: range.to,
      scorecardId: String(card.id),
      methodKind: 'quota',
      perAgent: '1',
      quotaPeriod: 'plan',
      strategy: 'peer',
      reviewerIds: peers.map((x) => String(x.id)),
      dailyCap: '10',
      seed: 'peer-1',
    });
    const planId = Number(created.headers.get('location')!.split('/').pop());
    expect((await inspector.post(`/quality/plans/${planId}/draw`)).status).toBe(303);
    const samples = await t.sql<{ id: number; assigned_to: number; agent_id: number }[]>`SELECT s.id, s.assigned_to, c.agent_id FROM samples s JOIN calls c ON c.id = s.call_id WHERE s.plan_id = ${planId} ORDER BY s.id`;
    expect(samples.length).toBe(5);
    for (const s of samples) {
      expect(peers.map((x) => x.id)).toContain(s.assigned_to);
      expect(s.assigned_to).not.toBe(s.agent_id);
    }
    const first = samples[0];
    const peerName = peers.find((x) => x.id === first.assigned_to)!.username;
    const peer = new Client(t.app, t.deps.secret);
    await peer.login(peerName, 'demo-agent-pass');
    expect(await (await peer.get('/quality/mine')).text()).toContain(`href="/quality/samples/${first.id}"`);
    const other = samples.find((s) => s.assigned_to !== first.assigned_to)!;
    expect((await peer.get(`/quality/samples/${other.id}`)).status).toBe(404);
    expect((await peer.post(`/quality/samples/${first.id}/submit`, { ...form({ ...GOOD, closing: 'no' }), version: '0' })).status).toBe(303);
    const [after] = await t.sql<{ status: string; assigned_to: number }[]>`SELECT status, assigned_to FROM samples WHERE id = ${first.id}`;
    const [me] = await t.sql<{ id: number }[]>`SELECT id FROM users WHERE username = 'inspector'`;
    expect(after).toEqual({ status: 'assigned', assigned_to: me.id });

    // the inspector's recheck starts from the peer's answers
    const page = await (await inspector.get(`/quality/samples/${first.id}`)).text();
    expect(page).toContain('data-testid="peer-score"');
    expect(page).toMatch(/name="a.closing" value="no" checked=""/);
    expect((await inspector.post(`/quality/samples/${first.id}/submit`, { ...form(GOOD), version: '0' })).status).toBe(303);
    const rows = await t.sql<{ id: number; status: string; supersedes: number | null; username: string }[]>`
      SELECT e.id, e.status, e.supersedes, u.username FROM evaluations e JOIN users u ON u.id = e.evaluator_id WHERE e.sample_id = ${first.id} ORDER BY e.id`;
    expect(rows.map((r) => [r.username, r.status])).toEqual([
      [peerName, 'retracted'],
      ['inspector', 'submitted'],
    ]);
    expect(rows[1].supersedes).toBe(rows[0].id);
    const [done] = await t.sql<{ status: string }[]>`SELECT status FROM samples WHERE id = ${first.id}`;
    expect(done.status).toBe('scored');
  });
});
