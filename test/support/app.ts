// An in-process console for HTTP tests, with a movable clock and a cookie-keeping client that
// sends the right CSRF token, as a browser showing our pages would.
import { createApp } from '../../server/app.tsx';
import { featureRoutes } from '../../server/features.ts';
import { loadConfig } from '../../server/config.ts';
import { createLogger } from '../../server/log.ts';
import { serverSecret } from '../../server/queries/settings.ts';
import { csrfToken } from '../../server/http/csrf.ts';
import { digest } from '../../server/queries/sessions.ts';
import type { Deps } from '../../server/http/env.ts';
import { testDb } from './db.ts';

export interface TestClock {
  now: Date;
  advanceMinutes(m: number): void;
}

export async function testApp(options: { reset?: boolean } = {}) {
  const t = await testDb();
  if (options.reset !== false) await t.reset();
  const clock: TestClock = {
    now: new Date('2026-11-25T02:00:00Z'),
    advanceMinutes(m) {
      this.now = new Date(this.now.getTime() + m * 60_000);
    },
  };
  const lines: string[] = [];
  const deps: Deps = {
    sql: t.sql,
    config: loadConfig({ LOG_LEVEL: 'info' }),
    log: createLogger('info', (l) => lines.push(l)),
    now: () => clock.now,
    secret: await serverSecret(t.sql),
    services: {},
  };
  const { app, router } = createApp(deps, featureRoutes);
  return { app, router, deps, sql: t.sql, clock, logLines: lines };
}

type App = Awaited<ReturnType<typeof testApp>>['app'];

/** A browser-like client: keeps cookies, adds the CSRF token to forms, follows nothing. */
export class Client {
  cookies = new Map<string, string>();
  constructor(
    private readonly app: App,
    private readonly secret: Buffer,
    public headers: Record<string, string> = {},
  ) {}

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    for (const [k, v] of Object.entries(this.headers)) if (!headers.has(k)) headers.set(k, v);
    if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await this.app.request(path, { ...init, headers });
    for (const c of res.headers.getSetCookie()) {
      const [pair, ...attrs] = c.split(';');
      const [name, ...rest] = pair.split('=');
      const value = rest.join('=');
      const expired = attrs.some((a) => /max-age=0/i.test(a.trim())) || value === '';
      if (expired) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
    return res;
  }

  get(path: string, headers: Record<string, string> = {}) {
    return this.request(path, { headers });
  }

  /** The CSRF token our pages would embed for this client right now. */
  csrf(): string {
    const session = this.cookies.get('pl_session');
    const anon = this.cookies.get('pl_anon');
    const binding = session ? digest(session) : `anon:${anon ?? ''}`;
    return csrfToken(this.secret, binding);
  }

  /** Posts a form (with the CSRF token unless `csrf: false`). */
  async post(path: string, form: Record<string, string | string[]> = {}, opts: { csrf?: boolean; headers?: Record<string, string> } = {}) {
    if (!this.cookies.has('pl_session') && !this.cookies.has('pl_anon')) await this.get('/login');
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(form)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
    if (opts.csrf !== false) body.set('_csrf', this.csrf());
    return this.request(path, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded', ...opts.headers } });
  }

  async login(username: string, password: string): Promise<Response> {
    return this.post('/login', { username, password });
  }
}

/** The demo users' passwords (as printed in the README). */
export const DEMO_PASSWORDS: Record<string, string> = {
  agent: 'demo-agent-pass',
  inspector: 'demo-inspector-pass',
  scheduler: 'demo-scheduler-pass',
  knowledge: 'demo-knowledge-pass',
  admin: 'demo-admin-pass',
  client: 'demo-client-pass',
};

/** A client signed in as a demo user. */
export async function signedIn(t: Awaited<ReturnType<typeof testApp>>, username: string): Promise<Client> {
  const client = new Client(t.app, t.deps.secret);
  const res = await client.login(username, DEMO_PASSWORDS[username]);
  if (res.status !== 303) throw new Error(`login as ${username} failed: ${res.status}`);
  return client;
}
