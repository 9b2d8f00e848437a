// Route access declared per route and denied by default: routes are registered only through a
// SecureRouter, which records each route's policy and guards it; a test walks the record.
import type { Hono, MiddlewareHandler, Handler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Role } from '../auth/roles.ts';
import type { AppEnv } from './env.ts';

/** Who may use a route: anyone, any signed-in user, or holders of any of the roles. */
export type Access = 'public' | 'signed-in' | readonly Role[];

export interface RouteDecl {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  access: Access;
}

/** Whether a user with these roles (null = anonymous) passes the policy. */
export function allows(access: Access, roles: readonly Role[] | null): boolean {
  if (access === 'public') return true;
  if (roles === null) return false;
  if (access === 'signed-in') return true;
  return access.some((r) => roles.includes(r));
}

/** The guard a route gets: 401/redirect for anonymous, 403 for the wrong role. */
export function guard(access: Access): MiddlewareHandler<AppEnv> {
  return async function accessGuard(c, next) {
    if (access === 'public') return next();
    const user = c.get('user');
    if (!user) {
      if (c.req.path.startsWith('/api/')) {
        return c.json({ error: 'unauthorized', message: 'Send a valid API token: Authorization: Bearer <token>' }, 401);
      }
      const next_ = c.req.method === 'GET' ? c.req.path + (new URL(c.req.url).search || '') : '/';
      const target = `/login?next=${encodeURIComponent(next_)}`;
      if (c.req.header('hx-request') === 'true') {
        c.header('HX-Redirect', target);
        return c.body(null, 401);
      }
      return c.redirect(target, 303);
    }
    if (!allows(access, user.roles)) throw new HTTPException(403, { message: 'forbidden' });
    return next();
  };
}

/**
 * Registers routes with their access policy.
 * @example const r = new SecureRouter(app); r.get('/admin/users', ['admin'], (c) => …);
 */
export class SecureRouter {
  readonly declared: RouteDecl[] = [];
  constructor(private readonly app: Hono<AppEnv>) {}

  private add(method: RouteDecl['method'], path: string, access: Access, handlers: Handler<AppEnv>[]) {
    if (this.declared.some((d) => d.method === method && d.path === path)) throw new Error(`route declared twice: ${method} ${path}`);
    this.declared.push({ method, path, access });
    const all = [guard(access), ...handlers] as [Handler<AppEnv>, ...Handler<AppEnv>[]];
    this.app.on(method, path, ...all);
  }
  get(path: string, access: Access, ...handlers: Handler<AppEnv>[]) {
    this.add('GET', path, access, handlers);
  }
  post(path: string, access: Access, ...handlers: Handler<AppEnv>[]) {
    this.add('POST', path, access, handlers);
  }
  put(path: string, access: Access, ...handlers: Handler<AppEnv>[]) {
    this.add('PUT', path, access, handlers);
  }
  patch(path: string, access: Access, ...handlers: Handler<AppEnv>[]) {
    this.add('PATCH', path, access, handlers);
  }
  delete(path: string, access: Access, ...handlers: Handler<AppEnv>[]) {
    this.add('DELETE', path, access, handlers);
  }
}

/** Routes on the app that were not registered through the router (so carry no declared policy). */
export function undeclaredRoutes(app: Hono<AppEnv>, router: SecureRouter): string[] {
  const declared = new Set(router.declared.map((d) => `${d.method} ${d.path}`));
  return [...new Set(app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`))].filter((k) => !declared.has(k));
}
