// Call records in: the import page (CSV/JSONL, all-or-nothing, line-numbered errors) and POST /api/v1/calls.
import { describe, it, expect, beforeEach } from 'vitest';
import { Client, signedIn, testApp } from '../support/app.ts';
import { issueToken } from '../../server/queries/tokens.ts';

type T = Awaited<ReturnType<typeof testApp>>;
const HEADER = 'id,agent,project,queue,startedAt,durationSeconds,direction,callerAccount';

async function multipart(client: Client, path: string, name: string, text: string) {
  if (!client.cookies.has('pl_session')) await client.get('/login');
  const form = new FormData();
  form.set('_csrf', client.csrf());
  form.set('file', new File([text], name, { type: 'text/plain' }));
  return client.request(path, { method: 'POST', body: form });
}

describe('quality: importing calls', () => {
  let t: T;
  let inspector: Client;
  beforeEach(async () => {
    t = await testApp();
    inspector = await signedIn(t, 'inspector');
  });

  it('imports a CSV upload and records who did it', async () => {
    const csv = [HEADER, 'IMP-1,agent,95598,fault,2026-11-20T09:15:00+08:00,185,in,1002345', 'IMP-2,agent05,EV,ev-charging,2026-11-20T10:00:00+08:00,60,out,'].join('\n');
    const res = await multipart(inspector, '/quality/calls/import', 'calls.csv', csv);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('已导入 2 条通话记录。');
    const rows = await t.sql<{ id: string; username: string; code: string; started_at: Date; caller_account: string | null }[]>`
      SELECT c.id, u.username, p.code, c.started_at, c.caller_account FROM calls c JOIN users u ON u.id = c.agent_id JOIN projects p ON p.id = c.project_id WHERE c.id LIKE 'IMP-%' ORDER BY c.id`;
    expect(rows.map((r) => [r.id, r.username, r.code, r.started_at.toISOString(), r.caller_account])).toEqual([
      ['IMP-1', 'agent', '95598', '2026-11-20T01:15:00.000Z', '1002345'],
      ['IMP-2', 'agent05', 'EV', '2026-11-20T02:00:00.000Z', null],
    ]);
    const [entry] = await t.sql<{ actor_name: string; detail: { count: number } }[]>`SELECT actor_name, detail FROM audit_log WHERE action = 'calls.import'`;
    expect(entry).toEqual({ actor_name: 'inspector', detail: { count: 2, source: 'ui:calls.csv' } });
  });

  it('stores nothing when any line is bad and names every bad line', async () => {
    const csv = [
      HEADER,
      'IMP-1,agent,95598,fault,2026-11-20T09:15:00+08:00,185,in,',
      'IMP-2,nobody,95598,fault,2026-11-20T09:15:00+08:00,185,in,',
      'IMP-3,agent,XX,fault,2026-11-20T09:15:00+08:00,abc,in,',
      'REC-0001,agent,95598,fault,2026-11-20T09:15:00+08:00,5,in,',
    ].join('\n');
    const res = await multipart(inspector, '/quality/calls/import', 'calls.csv', csv);
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('发现 3 处错误，未导入任何记录');
    expect(html).toContain('第 3 行： agent: no user named nobody');
    expect(html).toContain('第 4 行： durationSeconds: whole seconds from 0 to 86400');
    expect(html).toContain('第 5 行： id: REC-0001 is already stored');
    const [n] = await t.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM calls WHERE id LIKE 'IMP-%'`;
    expect(n.n).toBe(0);
  });

  it('takes pasted JSONL and keeps it on error', async () => {
    const line = JSON.stringify({ id: 'J-1', agent: 'agent', project: 'EV', queue: 'ev', startedAt: 'yesterday', durationSeconds: 9, direction: 'in' });
    const res = await inspector.post('/quality/calls/import', { text: line });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('第 1 行： startedAt: ISO-8601 instant');
    expect(html).toContain('&quot;J-1&quot;');
    expect((await inspector.post('/quality/calls/import', { text: '' })).status).toBe(422);
  });

  it('is refused to agents', async () => {
    const agent = await signedIn(t, 'agent');
    expect((await agent.get('/quality/calls/import')).status).toBe(403);
  });
});

describe('POST /api/v1/calls', () => {
  let t: T;
  let token: string;
  beforeEach(async () => {
    t = await testApp();
    const [u] = await t.sql<{ id: number }[]>`SELECT id FROM users WHERE username = 'inspector'`;
    token = (await issueToken(t.sql, u.id, 'cti', null, t.clock.now)).token;
  });
  const call = { id: 'API-1', agent: 'agent', project: '95598', queue: 'fault', startedAt: '2026-11-24T09:00:00+08:00', durationSeconds: 240, direction: 'in', recordingUrl: '/static/rec-1.wav' };
  const post = (body: unknown, auth = `Bearer ${token}`) => t.app.request('/api/v1/calls', { method: 'POST', headers: { authorization: auth, 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });

  it('stores one call or an array and answers 201 with the ids', async () => {
    const one = await post(call);
    expect(one.status).toBe(201);
    expect(await one.json()).toEqual({ inserted: 1, ids: ['API-1'] });
    const many = await post([{ ...call, id: 'API-2' }, { ...call, id: 'API-3', direction: 'out' }]);
    expect(await many.json()).toEqual({ inserted: 2, ids: ['API-2', 'API-3'] });
    const [row] = await t.sql<{ recording_url: string; duration_seconds: number }[]>`SELECT recording_url, duration_seconds FROM calls WHERE id = 'API-1'`;
    expect(row).toEqual({ recording_url: '/static/rec-1.wav', duration_seconds: 240 });
  });

  it('answers 422 with numbered errors and stores nothing', async () => {
    const res = await post([{ ...call, id: 'API-9' }, { ...call, id: 'API-1', direction: 'up' }, call]);
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({ error: 'invalid', errors: [{ line: 2, message: 'direction: in or out' }] });
    const [n] = await t.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM calls WHERE id LIKE 'API-%'`;
    expect(n.n).toBe(0);
  });

  it('answers 422 to broken JSON and 401 without a token', async () => {
    expect((await post('{nope')).status).toBe(422);
    expect((await post(call, '')).status).toBe(401);
  });
});
