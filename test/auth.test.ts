// Sign-in, sessions, throttling, CSRF, body limits, locale and error pages, over HTTP in-process.
import { describe, it, expect, beforeEach } from 'vitest';
import { Client, DEMO_PASSWORDS, signedIn, testApp } from './support/app.ts';
import { THROTTLE } from '../server/routes/auth.tsx';
import { BODY_LIMITS } from '../server/app.tsx';

type T = Awaited<ReturnType<typeof testApp>>;

describe('sign-in', () => {
  let t: T;
  beforeEach(async () => {
    t = await testApp();
  });

  it('sends each demo role to its home page', async () => {
    const homes: Record<string, string> = { agent: '/agent', inspector: '/quality', scheduler: '/rosters', knowledge: '/knowledge', admin: '/admin/users' };
    for (const [user, home] of Object.entries(homes)) {
      const c = new Client(t.app, t.deps.secret);
      const res = await c.login(user, DEMO_PASSWORDS[user]);
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe(home);
      const cookie = res.headers.getSetCookie().find((x) => x.startsWith('pl_session='))!;
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Lax/);
      expect((await c.get('/')).headers.get('location')).toBe(home);
    }
  });

  it('stores only a hash of the session token', async () => {
    const c = await signedIn(t, 'agent');
    const token = c.cookies.get('pl_session')!;
    const rows = await t.sql<{ id: string }[]>`SELECT id FROM sessions`;
    expect(rows).toHaveLength(1);
    expect(rows[0].id).not.toBe(token);
  });

  it('rejects a wrong password with 422, keeps the username and says nothing about which part was wrong', async () => {
    const c = new Client(t.app, t.deps.secret);
    const res = await c.login('agent', 'wrong-password');
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('value="agent"');
    expect(html).toContain('用户名或密码不正确');
    const unknown = await c.login('nobody-here', 'wrong-password');
    expect(unknown.status).toBe(422);
    expect(await unknown.text()).toContain('用户名或密码不正确');
  });

  it(`throttles after ${THROTTLE.perUser} failures for a username, with Retry-After, even for the right password`, async () => {
    const c = new Client(t.app, t.deps.secret);
    for (let i = 0; i < THROTTLE.perUser; i++) expect((await c.login('agent', 'bad-password-x')).status).toBe(422);
    const blocked = await c.login('agent', DEMO_PASSWORDS.agent);
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toBe(String(THROTTLE.windowMinutes * 60));
    expect(await blocked.text()).toContain(`请 ${THROTTLE.windowMinutes} 分钟后再试`);
    const other = await c.login('inspector', DEMO_PASSWORDS.inspector);
    expect(other.status).toBe(303);
    t.clock.advanceMinutes(THROTTLE.windowMinutes + 1);
    expect((await c.login('agent', DEMO_PASSWORDS.agent)).status).toBe(303);
  });

  it(`throttles a client address after ${THROTTLE.perIp} failures across usernames (password spraying)`, async () => {
    const at = t.clock.now;
    await t.sql`INSERT INTO login_attempts (username, ip, ok, at)
                SELECT 'sprayed-' || g, 'local', false, ${at} FROM generate_series(1, ${THROTTLE.perIp - 1}) g`;
    const c = new Client(t.app, t.deps.secret);
    expect((await c.login('inspector', DEMO_PASSWORDS.inspector)).status).toBe(303);
    await t.sql`INSERT INTO login_attempts (username, ip, ok, at) VALUES ('sprayed-last', 'local', false, ${at})`;
    expect((await new Client(t.app, t.deps.secret).login('agent', DEMO_PASSWORDS.agent)).status).toBe(429);
  });

  it('behind a trusted proxy, keys the address throttle on the forwarded client, not on the proxy', async () => {
    t.deps.config.trustProxyHops = 1;
    try {
      const at = t.clock.now;
      await t.sql`INSERT INTO login_attempts (username, ip, ok, at)
                  SELECT 'sprayed-' || g, '203.0.113.9', false, ${at} FROM generate_series(1, ${THROTTLE.perIp}) g`;
      // A client cannot dodge the throttle by writing its own X-Forwarded-For: the proxy's appended entry counts.
      const sprayer = new Client(t.app, t.deps.secret, { 'x-forwarded-for': '198.51.100.1, 203.0.113.9' });
      expect((await sprayer.login('agent', DEMO_PASSWORDS.agent)).status).toBe(429);
      // Colleagues behind the same proxy (same socket address) still sign in.
      const colleague = new Client(t.app, t.deps.secret, { 'x-forwarded-for': '203.0.113.10' });
      expect((await colleague.login('agent', DEMO_PASSWORDS.agent)).status).toBe(303);
      const [row] = await t.sql<{ ip: string }[]>`SELECT ip FROM login_attempts WHERE username = 'agent' AND ok ORDER BY at DESC LIMIT 1`;
      expect(row!.ip).toBe('203.0.113.10');
    } finally {
      t.deps.config.trustProxyHops = 0;
    }
  });

  it('a success resets the failure count', async () => {
    const c = new Client(t.app, t.deps.secret);
    for (let i = 0; i < THROTTLE.perUser - 1; i++) await c.login('agent', 'bad-password-x');
    expect((await c.login('agent', DEMO_PASSWORDS.agent)).status).toBe(303);
    const c2 = new Client(t.app, t.deps.secret);
    for (let i = 0; i < THROTTLE.perUser - 1; i++) expect((await c2.login('agent', 'bad-password-x')).status).toBe(422);
    expect((await c2.login('agent', DEMO_PASSWORDS.agent)).status).toBe(303);
  });

  it('returns to a local `next` after sign-in but never to another site', async () => {
    const c = new Client(t.app, t.deps.secret);
    const first = await c.get('/admin/audit');
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe('/login?next=%2Fadmin%2Faudit');
    const ok = await c.post('/login', { username: 'admin', password: DEMO_PASSWORDS.admin, next: '/admin/audit' });
    expect(ok.headers.get('location')).toBe('/admin/audit');
    const c2 = new Client(t.app, t.deps.secret);
    const evil = await c2.post('/login', { username: 'admin', password: DEMO_PASSWORDS.admin, next: '//evil.example/' });
    expect(evil.headers.get('location')).toBe('/admin/users');
  });

  it('signs out: the session row is gone and the old cookie no longer works', async () => {
    const c = await signedIn(t, 'agent');
    const old = c.cookies.get('pl_session')!;
    const res = await c.post('/logout');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/login');
    expect(await t.sql`SELECT 1 FROM sessions`).toHaveLength(0);
    const replay = new Client(t.app, t.deps.secret);
    replay.cookies.set('pl_session', old);
    expect((await replay.get('/agent')).status).toBe(303);
  });

  it('expires a session after the idle time, and slides it while in use', async () => {
    const c = await signedIn(t, 'agent');
    const idle = t.deps.config.sessionIdleMinutes;
    t.clock.advanceMinutes(idle - 5);
    expect((await c.get('/agent')).status).toBe(200);
    t.clock.advanceMinutes(idle - 5);
    expect((await c.get('/agent')).status).toBe(200);
    t.clock.advanceMinutes(idle + 1);
    const res = await c.get('/agent');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/login?next=%2Fagent');
  });

  it('ends every session at the absolute limit however active', async () => {
    const c = await signedIn(t, 'agent');
    const steps = Math.ceil((t.deps.config.sessionMaxHours * 60) / 60);
    for (let i = 0; i < steps - 1; i++) {
      t.clock.advanceMinutes(60);
      expect((await c.get('/agent')).status).toBe(200);
    }
    t.clock.advanceMinutes(61);
    expect((await c.get('/agent')).status).toBe(303);
  });

  it('refuses a deactivated user at once', async () => {
    const c = await signedIn(t, 'agent');
    await t.sql`UPDATE users SET active = false WHERE username = 'agent'`;
    expect((await c.get('/agent')).status).toBe(303);
    expect((await new Client(t.app, t.deps.secret).login('agent', DEMO_PASSWORDS.agent)).status).toBe(422);
  });
});

describe('CSRF protection', () => {
  let t: T;
  beforeEach(async () => {
    t = await testApp();
  });

  it('rejects a form without the token with 403 and a page that says why', async () => {
    const c = await signedIn(t, 'admin');
    const res = await c.post('/admin/tokens', { name: 'x', userId: '1' }, { csrf: false });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('表单已过期或来源不明');
    expect(await t.sql`SELECT 1 FROM api_tokens`).toHaveLength(0);
  });

  it('rejects a token from another session', async () => {
    const a = await signedIn(t, 'admin');
    const b = await signedIn(t, 'agent');
    const body = new URLSearchParams({ name: 'x', userId: '1', _csrf: b.csrf() });
    const res = await a.request('/admin/tokens', { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.status).toBe(403);
  });

  it('accepts the X-CSRF-Token header that htmx requests carry', async () => {
    const c = await signedIn(t, 'admin');
    const res = await c.request('/logout', { method: 'POST', headers: { 'x-csrf-token': c.csrf(), 'hx-request': 'true' } });
    expect(res.status).toBe(303);
  });

  it('rejects the sign-in form itself without a token (login CSRF)', async () => {
    const c = new Client(t.app, t.deps.secret);
    const res = await c.post('/login', { username: 'agent', password: DEMO_PASSWORDS.agent }, { csrf: false });
    expect(res.status).toBe(403);
  });

  it('rejects a cross-origin post even with a token', async () => {
    const c = await signedIn(t, 'admin');
    const res = await c.post('/logout', {}, { headers: { origin: 'https://evil.example', host: 'localhost' } });
    expect(res.status).toBe(403);
  });
});

describe('limits, headers and error pages', () => {
  let t: T;
  beforeEach(async () => {
    t = await testApp();
  });

  it('answers an oversized form with 413 before reading it all', async () => {
    const c = await signedIn(t, 'admin');
    const res = await c.post('/admin/tokens', { name: 'x'.repeat(BODY_LIMITS.form + 10), userId: '1' });
    expect(res.status).toBe(413);
    expect(await res.text()).toContain('提交的内容过大');
  });

  it('answers unknown pages with a 404 page in the visitor’s language', async () => {
    const c = new Client(t.app, t.deps.secret, { 'accept-language': 'en-GB,en;q=0.9' });
    const res = await c.get('/no/such/page');
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain('There is no such page.');
    expect(html).toContain('<html lang="en">');
    const api = await c.get('/api/v1/nothing');
    expect(api.status).toBe(404);
    expect(await api.json()).toEqual({ error: 'not_found' });
  });

  it('shows a 500 page with a request id and no stack trace, and logs the error', async () => {
    t.router.get('/boom-test', 'public', () => {
      throw new Error('secret internals at /work/main/server/x.ts:12');
    });
    const c = new Client(t.app, t.deps.secret);
    const res = await c.get('/boom-test');
    expect(res.status).toBe(500);
    const html = await res.text();
    expect(html).not.toContain('secret internals');
    expect(html).not.toContain('.ts:');
    const reqId = res.headers.get('x-request-id')!;
    expect(html).toContain(reqId);
    const logged = t.logLines.map((l) => JSON.parse(l)).find((l) => l.msg === 'unhandled error');
    expect(logged.reqId).toBe(reqId);
    expect(logged.err.message).toContain('secret internals');
  });

  it('sets security headers and Vary on pages', async () => {
    const res = await new Client(t.app, t.deps.secret).get('/login');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('vary')).toContain('HX-Request');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('strict-transport-security')).toBeNull();
  });

  it('never logs passwords', async () => {
    const c = new Client(t.app, t.deps.secret);
    await c.login('agent', 'a-very-secret-attempt');
    expect(t.logLines.join('\n')).not.toContain('a-very-secret-attempt');
  });

  it('reports database health', async () => {
    const res = await t.app.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', database: 'ok' });
  });
});

describe('page or fragment', () => {
  it('gives htmx requests the fragment but boosted navigations and history restores the page', async () => {
    const t = await testApp();
    const c = await signedIn(t, 'agent');
    const full = await (await c.get('/me')).text();
    expect(full.startsWith('<!doctype html>')).toBe(true);
    const fragment = await (await c.get('/me', { 'hx-request': 'true' })).text();
    expect(fragment.startsWith('<section')).toBe(true);
    expect(fragment).not.toContain('<html');
    const boosted = await (await c.get('/me', { 'hx-request': 'true', 'hx-boosted': 'true' })).text();
    expect(boosted.startsWith('<!doctype html>')).toBe(true);
    const restore = await (await c.get('/me', { 'hx-request': 'true', 'hx-history-restore-request': 'true' })).text();
    expect(restore.startsWith('<!doctype html>')).toBe(true);
  });
});

describe('language', () => {
  it('follows Accept-Language, then the user’s choice, which sticks across sessions', async () => {
    const t = await testApp();
    const c = new Client(t.app, t.deps.secret, { 'accept-language': 'en-US,en;q=0.9' });
    expect(await (await c.get('/login')).text()).toContain('Sign in');
    await c.login('agent', DEMO_PASSWORDS.agent);
    expect(await (await c.get('/agent')).text()).toContain('Agent assist');
    const res = await c.post('/locale', { locale: 'zh-CN', next: '/agent' });
    expect(res.headers.get('location')).toBe('/agent');
    expect(await (await c.get('/agent')).text()).toContain('坐席助手');
    const later = new Client(t.app, t.deps.secret, { 'accept-language': 'en' });
    await later.login('agent', DEMO_PASSWORDS.agent);
    expect(await (await later.get('/agent')).text()).toContain('坐席助手');
  });

  it('switching language returns to the same page with its filters (query string) kept', async () => {
    const t = await testApp();
    const c = new Client(t.app, t.deps.secret);
    await c.login('scheduler', DEMO_PASSWORDS.scheduler);
    const html = await (await c.get('/rosters/forecast?project=EV&date=2026-12-01')).text();
    const next = html.match(/name="next" value="([^"]*)"/)![1]!.replaceAll('&amp;', '&');
    expect(next).toBe('/rosters/forecast?project=EV&date=2026-12-01');
    const res = await c.post('/locale', { locale: 'en', next });
    expect(res.headers.get('location')).toBe('/rosters/forecast?project=EV&date=2026-12-01');
  });
});
