// The scoring screen: forbidden phrases pre-flag their fail-all item, drafts autosave with a version
// check, a submitted score equals scoreEvaluation, and agents see only released evaluations of their calls.
import { describe, it, expect, beforeEach } from 'vitest';
import { Client, signedIn, testApp } from '../support/app.ts';
import { scoreEvaluation, type Answers } from '../../knowledge/quality/scorecard.ts';
import { DEMO_SCORECARD } from '../../server/quality/demo.ts';

type T = Awaited<ReturnType<typeof testApp>>;

const GOOD: Answers = { greeting: 'yes', identify: 'na', inquiry: 'yes', accuracy: 8, workorder: 'yes', empathy: 4, responsive: 'yes', 'no-taboo': 'yes', privacy: 'yes', closing: 'yes' };

function formOf(answers: Answers, extra: Record<string, string> = {}): Record<string, string> {
  const f: Record<string, string> = {};
  for (const [k, v] of Object.entries(answers)) f[`a.${k}`] = String(v);
  return { ...f, ...extra };
}

describe('quality: scoring a sample', () => {
  let t: T;
  let inspector: Client;
  let sampleOf: (callId: string) => Promise<number>;
  beforeEach(async () => {
    t = await testApp();
    inspector = await signedIn(t, 'inspector');
    sampleOf = async (callId) => (await t.sql<{ id: number }[]>`SELECT id FROM samples WHERE call_id = ${callId}`)[0].id;
  });

  it('highlights the forbidden phrase and pre-flags its fail-all item as failed', async () => {
    const html = await (await inspector.get(`/quality/samples/${await sampleOf('REC-0002')}`)).text();
    expect(html).toContain('<mark class="q-hit q-hit-forbidden" data-phrase="shirk">不归我们管</mark>');
    expect(html).toMatch(/data-testid="preflag-no-taboo"[^>]*>转写中发现服务忌语/);
    expect(html).toMatch(/name="a.no-taboo" value="no" checked=""/);
    expect(html).toContain('<audio controls="" preload="metadata" src="/static/rec-2.wav"');
    // the greeting was found, so its item is suggested "yes"
    expect(html).toMatch(/name="a.greeting" value="yes" checked=""/);
  });

  it('pre-flags a missing closing statement', async () => {
    const html = await (await inspector.get(`/quality/samples/${await sampleOf('REC-0003')}`)).text();
    expect(html).toMatch(/data-testid="missing"[^>]*>缺少规定用语： 结束语“感谢您的来电”/);
    expect(html).toMatch(/data-testid="preflag-closing"[^>]*>转写中缺少规定用语/);
    expect(html).toMatch(/name="a.closing" value="no" checked=""/);
  });

  it('stores the score scoreEvaluation gives, with the scorecard version, and a fail-all phrase scores 0', async () => {
    const id = await sampleOf('REC-0001');
    const res = await inspector.post(`/quality/samples/${id}/submit`, formOf(GOOD, { version: '0', 'c.accuracy': '恢复时间说得不够具体', 't.accuracy': '9.5' }));
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/quality/samples/${id}?submitted=1`);
    const expected = scoreEvaluation(DEMO_SCORECARD, GOOD).percent!;
    const [ev] = await t.sql<{ score: number; status: string; comments: unknown; version: number; fp: string }[]>`
      SELECT e.score, e.status, e.comments, v.version, v.fingerprint AS fp FROM evaluations e JOIN scorecard_versions v ON v.id = e.scorecard_version_id WHERE e.sample_id = ${id}`;
    expect(ev.score).toBeCloseTo(expected, 10);
    expect(expected).toBeCloseTo(((5 + 2 * (10 + 8 + 10) + (7.5 + 5 + 10 + 10) + 5) / (5 + 2 * 30 + 35 + 5)) * 100, 10);
    expect(ev.status).toBe('submitted');
    expect(ev.comments).toEqual({ accuracy: { text: '恢复时间说得不够具体', atSeconds: 9.5 } });
    expect(ev.version).toBe(1);
    const page = await (await inspector.get(`/quality/samples/${id}?submitted=1`)).text();
    expect(page).toContain(`${expected.toFixed(1)}%`);
    const [s] = await t.sql<{ status: string }[]>`SELECT status FROM samples WHERE id = ${id}`;
    expect(s.status).toBe('scored');

    const bad = await sampleOf('REC-0002');
    await inspector.post(`/quality/samples/${bad}/submit`, formOf({ ...GOOD, 'no-taboo': 'no' }, { version: '0' }));
    const [ev2] = await t.sql<{ score: number; result: { failedAll: boolean } }[]>`SELECT score, result FROM evaluations WHERE sample_id = ${bad}`;
    expect(ev2.score).toBe(0);
    expect(ev2.result.failedAll).toBe(true);
    // a submitted evaluation cannot be submitted again
    expect((await inspector.post(`/quality/samples/${id}/submit`, formOf(GOOD, { version: '1' }))).status).toBe(409);
  });

  it('autosaves drafts as a fragment with the new version and refuses a stale version', async () => {
    const id = await sampleOf('REC-0001');
    const hx = { 'hx-request': 'true' };
    const first = await inspector.post(`/quality/samples/${id}/draft`, formOf({ greeting: 'yes' }, { version: '0' }), { headers: hx });
    expect(first.status).toBe(200);
    const html = await first.text();
    expect(html).toContain('草稿已自动保存');
    expect(html).toContain('<input type="hidden" name="version" value="1" id="eval-version" hx-swap-oob="true"/>');
    expect((await inspector.post(`/quality/samples/${id}/draft`, formOf({ greeting: 'no' }, { version: '1' }), { headers: hx })).status).toBe(200);
    const stale = await inspector.post(`/quality/samples/${id}/draft`, formOf({ greeting: 'yes' }, { version: '1' }), { headers: hx });
    expect(stale.status).toBe(409);
    const [ev] = await t.sql<{ answers: unknown; version: number; status: string }[]>`SELECT answers, version, status FROM evaluations WHERE sample_id = ${id}`;
    expect(ev).toEqual({ answers: { greeting: 'no' }, version: 2, status: 'draft' });
    const page = await (await inspector.get(`/quality/samples/${id}`)).text();
    expect(page).toMatch(/name="a.greeting" value="no" checked=""/);
  });

  it('re-renders with an error beside every unanswered item and keeps the answers', async () => {
    const id = await sampleOf('REC-0001');
    const res = await inspector.post(`/quality/samples/${id}/submit`, { 'a.greeting': 'yes', 'a.identify': 'na', 'c.greeting': '很好', version: '0' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html.match(/class="error">请作答。/g)?.length).toBe(8);
    expect(html).toMatch(/name="a.greeting" value="yes" checked=""/);
    expect(html).toContain('value="很好"');
    const [n] = await t.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM evaluations`;
    expect(n.n).toBe(0);
  });

  it('answers unknown or malformed ids with 404, and empty forms with 422', async () => {
    for (const path of ['/quality/samples/99999', '/quality/samples/x']) expect((await inspector.get(path)).status).toBe(404);
    expect((await inspector.post('/quality/samples/99999/submit', {})).status).toBe(404);
    expect((await inspector.post('/quality/evaluations/99999/release', {})).status).toBe(404);
    expect((await inspector.post(`/quality/samples/${await sampleOf('REC-0001')}/submit`, {})).status).toBe(422);
  });
});

describe('quality: agents see their released evaluations', () => {
  it('shows only released evaluations of the agent’s own calls, with comments', async () => {
    const t = await testApp();
    const inspector = await signedIn(t, 'inspector');
    const sample = async (callId: string) => (await t.sql<{ id: number }[]>`SELECT id FROM samples WHERE call_id = ${callId}`)[0].id;
    for (const callId of ['REC-0001', 'REC-0003', 'REC-0004']) {
      expect((await inspector.post(`/quality/samples/${await sample(callId)}/submit`, formOf(GOOD, { version: '0', 'c.empathy': `评语-${callId}`, 't.empathy': '3' }))).status).toBe(303);
    }
    for (const callId of ['REC-0001', 'REC-0004']) {
      const [ev] = await t.sql<{ id: number }[]>`SELECT id FROM evaluations WHERE call_id = ${callId}`;
      expect((await inspector.post(`/quality/evaluations/${ev.id}/release`)).status).toBe(303);
    }
    const agent = await signedIn(t, 'agent');
    const html = await (await agent.get('/quality/mine')).text();
    expect(html).toContain('data-testid="mine-REC-0001"');
    expect(html).toContain('评语-REC-0001');
    expect(html).toContain('0:03');
    expect(html).not.toContain('REC-0003'); // submitted, not released
    expect(html).not.toContain('REC-0004'); // another agent's call
    const other = new Client(t.app, t.deps.secret);
    await other.login('agent06', 'demo-agent-pass');
    const theirs = await (await other.get('/quality/mine')).text();
    expect(theirs).toContain('data-testid="mine-REC-0004"');
    expect(theirs).not.toContain('REC-0001');
    expect((await inspector.get('/quality/mine')).status).toBe(403);
    // agents reach only samples assigned to them as peers
    expect((await agent.get(`/quality/samples/${await sample('REC-0001')}`)).status).toBe(404);
  });
});
