// Admin pages: adding users, assigning roles with conflict detection, resetting passwords,
// issuing and revoking API tokens, and the audit trail of all of it.
import { describe, it, expect, beforeEach } from 'vitest';
import { Client, DEMO_PASSWORDS, signedIn, testApp } from './support/app.ts';

type T = Awaited<ReturnType<typeof testApp>>;

describe('admin: users', () => {
  let t: T;
  let admin: Client;
  beforeEach(async () => {
    t = await testApp();
    admin = await signedIn(t, 'admin');
  });

  it('adds a user who can then sign in to their role’s home', async () => {
    const res = await admin.post('/admin/users', { username: 'zhao.lei', displayName: '赵磊', roles: ['inspector', 'agent'], password: 'a-good-password', teamId: '', locale: '' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin/users?notice=zhao.lei');
    const list = await (await admin.get('/admin/users?notice=zhao.lei')).text();
    expect(list).toContain('已创建用户 zhao.lei');
    const c = new Client(t.app, t.deps.secret);
    const login = await c.login('zhao.lei', 'a-good-password');
    expect(login.headers.get('location')).toBe('/agent');
    const [row] = await t.sql<{ roles: string[] }[]>`SELECT roles FROM users WHERE username = 'zhao.lei'`;
    expect(row.roles).toEqual(['agent', 'inspector']);
    const [entry] = await t.sql<{ action: string; actor_name: string; detail: { username: string } }[]>`SELECT * FROM audit_log WHERE action = 'user.create'`;
    expect(entry.actor_name).toBe('admin');
    expect(entry.detail.username).toBe('zhao.lei');
  });

  it('re-renders the form with errors beside the fields and keeps what was typed', async () => {
    const res = await admin.post('/admin/users', { username: 'Bad Name!', displayName: '', roles: ['scheduler'], password: 'short', locale: 'en' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('value="bad name!"');
    expect(html).toMatch(/id="f-username-error"[^>]*>用户名须为/);
    expect(html).toMatch(/id="f-displayName-error"[^>]*>必填/);
    expect(html).toMatch(/id="f-password-error"[^>]*>密码至少 10 个字符/);
    expect(html).toMatch(/value="scheduler" checked=""/);
    expect(html).toMatch(/<option value="en" selected="">/);
  });

  it('refuses a taken username', async () => {
    const res = await admin.post('/admin/users', { username: 'agent', displayName: 'x', password: 'a-good-password' });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('用户名已存在');
  });

  it('assigns roles; a stale form is detected and the admin’s entries are kept', async () => {
    const [agent] = await t.sql<{ id: number; version: number }[]>`SELECT id, version FROM users WHERE username = 'agent'`;
    const ok = await admin.post(`/admin/users/${agent.id}`, { version: String(agent.version), displayName: '李晓梅', roles: ['agent', 'knowledge'], active: '1' });
    expect(ok.status).toBe(303);
    const stale = await admin.post(`/admin/users/${agent.id}`, { version: String(agent.version), displayName: '李晓梅（改）', roles: ['agent'], active: '1' });
    expect(stale.status).toBe(409);
    const html = await stale.text();
    expect(html).toContain('该用户已被他人修改');
    expect(html).toContain('value="李晓梅（改）"');
    const [row] = await t.sql<{ roles: string[]; display_name: string }[]>`SELECT roles, display_name FROM users WHERE id = ${agent.id}`;
    expect(row).toEqual({ roles: ['agent', 'knowledge'], display_name: '李晓梅' });
    const c = await signedIn(t, 'agent');
    expect((await c.get('/knowledge')).status).toBe(200);
  });

  it('keeps at least one active admin', async () => {
    const [me] = await t.sql<{ id: number; version: number }[]>`SELECT id, version FROM users WHERE username = 'admin'`;
    const res = await admin.post(`/admin/users/${me.id}`, { version: String(me.version), displayName: 'x', roles: ['agent'], active: '1' });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('不能移除最后一位管理员');
  });

  it('resets a password, which signs the user out everywhere', async () => {
    const user = await signedIn(t, 'scheduler');
    const [row] = await t.sql<{ id: number }[]>`SELECT id FROM users WHERE username = 'scheduler'`;
    const res = await admin.post(`/admin/users/${row.id}/password`, { password: 'brand-new-password' });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('已重置 scheduler 的密码');
    expect((await user.get('/rosters')).status).toBe(303);
    expect((await new Client(t.app, t.deps.secret).login('scheduler', DEMO_PASSWORDS.scheduler)).status).toBe(422);
    expect((await new Client(t.app, t.deps.secret).login('scheduler', 'brand-new-password')).status).toBe(303);
  });

  it('escapes user content in pages', async () => {
    await admin.post('/admin/users', { username: 'xss', displayName: '<script>alert(1)</script>', password: 'a-good-password' });
    const html = await (await admin.get('/admin/users')).text();
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

describe('admin: API tokens', () => {
  it('issues a token shown once, which acts with its user’s roles until revoked', async () => {
    const t = await testApp();
    const admin = await signedIn(t, 'admin');
    const [agent] = await t.sql<{ id: number }[]>`SELECT id FROM users WHERE username = 'agent'`;
    const res = await admin.post('/admin/tokens', { name: 'CTI 对接', userId: String(agent.id) });
    expect(res.status).toBe(200);
    const token = /data-testid="new-token">([^<]+)</.exec(await res.text())![1];
    expect(token).toMatch(/^pk_/);
    const [stored] = await t.sql<{ token_hash: string; prefix: string }[]>`SELECT token_hash, prefix FROM api_tokens`;
    expect(stored.token_hash).not.toContain(token);
    expect(stored.prefix).toBe(token.slice(0, 10));
    expect(await (await admin.get('/admin/tokens')).text()).not.toContain(token);

    const api = (tok: string) => t.app.request('/api/v1/me', { headers: { authorization: `Bearer ${tok}` } });
    const me = await api(token);
    expect(me.status).toBe(200);
    expect(await me.json()).toEqual({ username: 'agent', displayName: '李晓梅', roles: ['agent'] });
    expect((await api('pk_not-a-real-token')).status).toBe(401);
    const none = await t.app.request('/api/v1/me');
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ error: 'unauthorized' });

    const [row] = await t.sql<{ id: number }[]>`SELECT id FROM api_tokens`;
    expect((await admin.post(`/admin/tokens/${row.id}/revoke`)).status).toBe(303);
    expect((await api(token)).status).toBe(401);
    const actions = (await t.sql<{ action: string }[]>`SELECT action FROM audit_log WHERE action LIKE 'token.%' ORDER BY id`).map((r) => r.action);
    expect(actions).toEqual(['token.issue', 'token.revoke']);
    expect(await (await admin.get('/admin/audit')).text()).toContain('token.revoke');
  });

  it('does not let a session cookie authenticate the API', async () => {
    const t = await testApp();
    const admin = await signedIn(t, 'admin');
    expect((await admin.get('/api/v1/me')).status).toBe(401);
  });
});
