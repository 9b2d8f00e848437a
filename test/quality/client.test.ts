// Client reviewers (联合质检): a restricted role bound to one project that sees and scores only that
// project's samples; the admin binds the project; joint scores stay blind until settled.
import { describe, it, expect, beforeAll } from 'vitest';
import { signedIn, testApp, type Client } from '../support/app.ts';
import type { Answers } from '../../knowledge/quality/scorecard.ts';

const FULL: Answers = { greeting: 'yes', identify: 'na', inquiry: 'yes', accuracy: 10, workorder: 'yes', empathy: 5, responsive: 'yes', 'no-taboo': 'yes', privacy: 'yes', closing: 'yes' };
const form = (a: Answers) => ({ ...Object.fromEntries(Object.entries(a).map(([k, v]) => [`a.${k}`, String(v)])), version: '0' });

type T = Awaited<ReturnType<typeof testApp>>;

describe('quality: client reviewers', () => {
  let t: T;
  let client: Client;
  let inspector: Client;
  let joint: { id: number; call_id: string; assigned: string; agent: string; project: string }[];
  beforeAll(async () => {
    t = await testApp();
    client = await signedIn(t, 'client');
    inspector = await signedIn(t, 'inspector');
    joint = await t.sql`SELECT s.id, s.call_id, r.username AS assigned, a.username AS agent, p.code AS project
      FROM samples s JOIN plans pl ON pl.id = s.plan_id JOIN users r ON r.id = s.assigned_to JOIN calls c ON c.id = s.call_id JOIN users a ON a.id = c.agent_id JOIN projects p ON p.id = c.project_id
      WHERE pl.name = '充电服务联合质检（演示）' ORDER BY s.call_id`;
  });

  it('the demo joint plan draws one EV call per EV agent, handed out between inspector and client', () => {
    // quota 1 per agent over the plan: the EV line is staffed by agent05, agent06 and agent07
    expect(joint.map((s) => s.agent).sort()).toEqual(['agent05', 'agent06', 'agent07']);
    expect(new Set(joint.map((s) => s.project))).toEqual(new Set(['EV']));
    // balanced in call order, ties to the reviewer listed first (the inspector)
    expect(joint.map((s) => s.assigned)).toEqual(['inspector', 'client', 'inspector']);
  });

  it('lands on its queue, sees only the EV samples of plans naming it, and no quality page of inspectors', async () => {
    const login = await new (client.constructor as typeof Client)(t.app, t.deps.secret).login('client', 'demo-client-pass');
    expect(login.headers.get('location')).toBe('/quality');
    const html = await (await client.get('/quality')).text();
    for (const s of joint) expect(html).toContain(s.call_id);
    expect(html).not.toContain('REC-0004'); // EV, but on a plan the client is not part of
    expect(html).not.toContain('REC-0001'); // 95598
    expect(html).toContain('项目 EV 的联合质检样本');
    expect(html).not.toContain('href="/quality/plans'); // no inspector tabs or plan links
    for (const path of ['/quality/plans', '/quality/reports', '/quality/disputes', '/quality/weak-spots', '/quality/calibration']) expect((await client.get(path)).status).toBe(403);
  });

  it('opens and scores only its own samples of its project (404 for everything else)', async () => {
    const mine = joint.find((s) => s.assigned === 'client')!;
    const theirs = joint.find((s) => s.assigned === 'inspector')!;
    expect((await client.get(`/quality/samples/${mine.id}`)).status).toBe(200);
    expect((await client.get(`/quality/samples/${theirs.id}`)).status).toBe(404);
    const [rec1] = await t.sql<{ id: number }[]>`SELECT id FROM samples WHERE call_id = 'REC-0001'`;
    const [rec4] = await t.sql<{ id: number }[]>`SELECT id FROM samples WHERE call_id = 'REC-0004'`;
    expect((await client.get(`/quality/samples/${rec1.id}`)).status).toBe(404);
    expect((await client.get(`/quality/samples/${rec4.id}`)).status).toBe(404);
    expect((await client.post(`/quality/samples/${rec1.id}/submit`, form(FULL))).status).toBe(404);

    // joint check: the client scores first, the sample moves to the inspector, who scores blind
    expect((await client.post(`/quality/samples/${mine.id}/submit`, form(FULL))).status).toBe(303);
    const [moved] = await t.sql<{ username: string; status: string }[]>`SELECT u.username, s.status FROM samples s JOIN users u ON u.id = s.assigned_to WHERE s.id = ${mine.id}`;
    expect(moved).toEqual({ username: 'inspector', status: 'assigned' });
    const blind = await (await inspector.get(`/quality/samples/${mine.id}`)).text();
    expect(blind).not.toContain('黄蕾');
    const queueBefore = await (await client.get('/quality')).text();
    expect(queueBefore).not.toContain('100.0%'); // not settled yet: no score shown to the client
    expect((await inspector.post(`/quality/samples/${mine.id}/submit`, form(FULL))).status).toBe(303);
    const [settled] = await t.sql<{ status: string }[]>`SELECT status FROM samples WHERE id = ${mine.id}`;
    expect(settled.status).toBe('scored'); // the same answers: no reconciliation needed
    expect(await (await client.get('/quality')).text()).toContain('100.0%');
  });

  it('is bound to a project in the admin user form', async () => {
    const admin = await signedIn(t, 'admin');
    const page = await (await admin.get('/admin/users/new')).text();
    expect(page).toContain('name="clientProjectId"');
    const base = { username: 'client-ins', displayName: '保险客户方', roles: 'client', password: 'a-long-enough-password-1' };
    const missing = await admin.post('/admin/users', base);
    expect(missing.status).toBe(422);
    expect(await missing.text()).toContain('客户质检员必须绑定一个项目。');
    const [ins] = await t.sql<{ id: number }[]>`SELECT id FROM projects WHERE code = 'INS'`;
    expect((await admin.post('/admin/users', { ...base, clientProjectId: String(ins.id) })).status).toBe(303);
    const [u] = await t.sql<{ id: number; client_project_id: number; version: number }[]>`SELECT id, client_project_id, version FROM users WHERE username = 'client-ins'`;
    expect(u.client_project_id).toBe(ins.id);
    const edit = await (await admin.get(`/admin/users/${u.id}`)).text();
    expect(edit).toMatch(new RegExp(`<option value="${ins.id}" selected="">INS`));
    // taking the client role away unbinds the project
    expect((await admin.post(`/admin/users/${u.id}`, { displayName: '保险客户方', roles: 'agent', clientProjectId: String(ins.id), active: '1', version: String(u.version) })).status).toBe(303);
    const [after] = await t.sql<{ client_project_id: number | null }[]>`SELECT client_project_id FROM users WHERE id = ${u.id}`;
    expect(after.client_project_id).toBeNull();
    // an unbound client reviewer sees nothing
    const other = await signedIn(t, 'client');
    await t.sql`UPDATE users SET client_project_id = NULL WHERE username = 'client'`;
    expect(await (await other.get('/quality')).text()).toContain('暂无待评分的样本');
  });
});
