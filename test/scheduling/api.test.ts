// The scheduling JSON API with bearer tokens: the interval requirement and an all-or-nothing history import.
import { describe, it, expect, beforeAll } from 'vitest';
import { testApp } from '../support/app.ts';
import { issueToken } from '../../server/queries/tokens.ts';
import { intervalStart, localDateRange } from '../../scheduling/time.ts';

type T = Awaited<ReturnType<typeof testApp>>;

describe('scheduling API', () => {
  let t: T;
  let schedulerToken: string;
  let agentToken: string;
  beforeAll(async () => {
    t = await testApp();
    await t.sql`INSERT INTO projects (code, name, name_en, kind, sl_target, sl_seconds) VALUES ('API', '接口测试', 'API test', 'outsourced', 0.8, 20)`;
    const [scheduler] = await t.sql<{ id: number }[]>`SELECT id FROM users WHERE username = 'scheduler'`;
    const [agent] = await t.sql<{ id: number }[]>`SELECT id FROM users WHERE username = 'agent'`;
    schedulerToken = (await issueToken(t.sql, scheduler!.id, 'test', null, t.clock.now)).token;
    agentToken = (await issueToken(t.sql, agent!.id, 'test', null, t.clock.now)).token;
  });

  const call = (path: string, token: string, init: RequestInit = {}) =>
    t.app.request(path, { ...init, headers: { authorization: `Bearer ${token}`, ...(init.headers as Record<string, string>) } });

  it('imports JSONL history, and refuses a bad file with line numbers, storing nothing', async () => {
    const good: string[] = [];
    for (const date of localDateRange('2026-10-12', '2026-12-06')) {
      for (let i = 0; i < 48; i++) good.push(JSON.stringify({ project: 'API', interval_start: intervalStart(date, i).toISOString(), calls_offered: 100, calls_handled: 100, aht_seconds: 180 }));
    }
    const bad = await call('/api/v1/scheduling/history', schedulerToken, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body: [good[0], '{"project":"API"}'].join('\n') });
    expect(bad.status).toBe(422);
    const body = (await bad.json()) as { errors: { line: number }[] };
    expect([...new Set(body.errors.map((e) => e.line))]).toEqual([2]);
    const [{ n }] = await t.sql<{ n: string }[]>`SELECT count(*) AS n FROM interval_history h JOIN projects p ON p.id = h.project_id WHERE p.code = 'API'`;
    expect(Number(n)).toBe(0);
    const ok = await call('/api/v1/scheduling/history', schedulerToken, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body: good.join('\n') });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ imported: 2688, byProject: { API: 2688 }, from: '2026-10-11T16:00:00.000Z', to: '2026-12-06T15:30:00.000Z' });
  });

  it('answers the interval requirement with the published worked example numbers', async () => {
    const res = await call('/api/v1/scheduling/requirement?project=API&from=2026-12-07&to=2026-12-08', schedulerToken);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { params: Record<string, number>; rows: { date: string; interval: number; calls: number; productiveAgents: number; scheduledAgents: number }[] };
    expect(body.params).toEqual({ maxOccupancy: 0.85, shrinkage: 0.3, slTarget: 0.8, slSeconds: 20, intervalMinutes: 30 });
    expect(body.rows).toHaveLength(96);
    expect(body.rows[0]).toMatchObject({ date: '2026-12-07', interval: 0, calls: 100, productiveAgents: 14, scheduledAgents: 20 });
  });

  it('answers bad requests plainly and only for schedulers', async () => {
    expect((await call('/api/v1/scheduling/requirement?project=NOPE&from=2026-12-07', schedulerToken)).status).toBe(404);
    expect((await call('/api/v1/scheduling/requirement?project=API&from=2026-12-07&to=2027-03-01', schedulerToken)).status).toBe(422);
    expect((await call('/api/v1/scheduling/history', schedulerToken, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(415);
    expect((await call('/api/v1/scheduling/requirement?project=API&from=2026-12-07', agentToken)).status).toBe(403);
    expect((await t.app.request('/api/v1/scheduling/requirement?project=API&from=2026-12-07')).status).toBe(401);
  });
});
