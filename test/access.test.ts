// Walks every registered route with every role and an anonymous client and checks the declared
// policy, so a route cannot ship without one and a policy cannot silently stop applying.
import { describe, it, expect, beforeAll } from 'vitest';
import { ROLES, type Role } from '../server/auth/roles.ts';
import { allows, undeclaredRoutes, type RouteDecl } from '../server/http/access.ts';
import { Client, testApp } from './support/app.ts';
import { hashPassword } from '../server/auth/password.ts';

type T = Awaited<ReturnType<typeof testApp>>;

/** A concrete path for a declared pattern. */
function concrete(path: string): string {
  return path
    .replace(':name', 'app.css')
    .replace(/:[a-zA-Z]+\{[^}]*\}/g, '1')
    .replace(/:[a-zA-Z]+/g, '1');
}

describe('route access policy', () => {
  let t: T;
  const password = 'policy-walk-password';
  beforeAll(async () => {
    t = await testApp();
    const hash = await hashPassword(password);
    for (const role of ROLES) {
      await t.sql`INSERT INTO users (username, display_name, password_hash, roles) VALUES (${`only-${role}`}, ${role}, ${hash}, ${t.sql.array([role])})`;
    }
    await t.sql`INSERT INTO users (username, display_name, password_hash, roles) VALUES ('no-role', 'nobody', ${hash}, '{}')`;
  });

  it('every route on the app is declared through the router', () => {
    expect(undeclaredRoutes(t.app, t.router)).toEqual([]);
    expect(t.router.declared.length).toBeGreaterThan(15);
  });

  it('catches a route registered behind the router’s back', () => {
    t.app.get('/sneaky-undeclared', (c) => c.text('x'));
    expect(undeclaredRoutes(t.app, t.router)).toEqual(['GET /sneaky-undeclared']);
  });

  async function clientFor(who: Role | 'anonymous' | 'no-role'): Promise<Client> {
    const c = new Client(t.app, t.deps.secret);
    if (who === 'anonymous') {
      await c.get('/login');
      return c;
    }
    const res = await c.login(who === 'no-role' ? 'no-role' : `only-${who}`, password);
    expect(res.status).toBe(303);
    return c;
  }

  async function call(c: Client, d: RouteDecl): Promise<Response> {
    const path = concrete(d.path);
    if (d.path.startsWith('/api/')) {
      return c.request(path, { method: d.method, headers: { 'content-type': 'application/json' }, body: d.method === 'GET' ? undefined : '{}' });
    }
    return d.method === 'GET' ? c.get(path) : c.post(path, {});
  }

  const subjects = ['anonymous', 'no-role', ...ROLES] as const;
  for (const who of subjects) {
    // One sign-in per subject (scrypt makes a sign-in per route slow); a route that ended the session
    // (sign-out) gets the subject signed in afresh before the next one.
    it(`enforces every declared policy for ${who}`, { timeout: 300_000 }, async () => {
      const failures: string[] = [];
      let c = await clientFor(who);
      for (const d of t.router.declared) {
        if (who !== 'anonymous' && !c.cookies.has('pl_session')) c = await clientFor(who);
        const res = await call(c, d);
        const roles: Role[] | null = who === 'anonymous' ? null : who === 'no-role' ? [] : [who];
        const isApi = d.path.startsWith('/api/');
        const allowed = isApi && who !== 'anonymous' ? false : allows(d.access, roles);
        // Session cookies never authenticate the API: only tokens do (tested in api.test.ts).
        const apiPublic = isApi && d.access === 'public';
        const ok = allowed || apiPublic;
        const status = res.status;
        const location = res.headers.get('location') ?? '';
        if (ok) {
          if (status === 401 || status === 403 || location.startsWith('/login?')) failures.push(`${d.method} ${d.path}: expected access, got ${status} ${location}`);
        } else if (roles === null || isApi) {
          const denied = isApi ? status === 401 : status === 303 && location.startsWith('/login?');
          if (!denied) failures.push(`${d.method} ${d.path}: expected sign-in demand, got ${status} ${location}`);
        } else if (status !== 403) {
          failures.push(`${d.method} ${d.path}: expected 403, got ${status}`);
        }
      }
      expect(failures).toEqual([]);
    });
  }
});
