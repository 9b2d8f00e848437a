// CSRF protection for every state-changing request: a token bound to the session (or to an
// anonymous visitor id) sent as the `_csrf` form field or the `X-CSRF-Token` header (htmx), plus
// an Origin check. /api/v1 is exempt because it authenticates by bearer token, never by cookie.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from './env.ts';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The CSRF token for a binding id (session id or anonymous id). */
export function csrfToken(secret: Buffer, binding: string): string {
  return createHmac('sha256', secret).update(`csrf:${binding}`).digest('base64url');
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Rejects unsafe requests without a matching token with 403. */
export function csrfProtection(): MiddlewareHandler<AppEnv> {
  return async function csrf(c, next) {
    if (SAFE.has(c.req.method) || c.req.path.startsWith('/api/')) return next();
    const origin = c.req.header('origin');
    if (origin && origin !== 'null') {
      const host = c.req.header('host');
      let originHost = '';
      try {
        originHost = new URL(origin).host;
      } catch {
        // unparseable origin: reject below
      }
      if (!host || originHost !== host) throw new HTTPException(403, { message: 'csrf' });
    }
    let sent = c.req.header('x-csrf-token') ?? '';
    if (!sent) {
      const type = c.req.header('content-type') ?? '';
      if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')) {
        const body = await c.req.parseBody();
        const v = body['_csrf'];
        sent = typeof v === 'string' ? v : '';
      }
    }
    if (!sent || !same(sent, c.get('csrf'))) throw new HTTPException(403, { message: 'csrf' });
    return next();
  };
}
