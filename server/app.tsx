// Builds the hono application: middleware (request id, logs, secure headers, body limits,
// sessions, CSRF), every route through the SecureRouter, and the 404/error pages.
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { bodyLimit } from 'hono/body-limit';
import { getCookie, setCookie } from 'hono/cookie';
import { randomBytes } from 'node:crypto';
import type { AppEnv, Deps, CurrentUser } from './http/env.ts';
import { SecureRouter } from './http/access.ts';
import { ANON_COOKIE, LANG_COOKIE, SESSION_COOKIE } from './http/cookies.ts';
import { csrfProtection, csrfToken } from './http/csrf.ts';
import { render } from './http/render.tsx';
import { touchSession } from './queries/sessions.ts';
import { userForToken } from './queries/tokens.ts';
import { normaliseRoles } from './auth/roles.ts';
import { asLocale, localeFromAcceptLanguage, translator } from '../views/i18n.ts';
import { ErrorPage } from '../views/pages/error.tsx';
import { registerStatic } from './routes/static.ts';
import { registerAuth } from './routes/auth.tsx';
import { registerHome } from './routes/home.tsx';
import { registerAdmin } from './routes/admin.tsx';
import { registerMe } from './routes/me.tsx';
import { registerApi } from './routes/api.ts';

export { SESSION_COOKIE, ANON_COOKIE, LANG_COOKIE };

/** Body size limits: generous for imports and the API, tight for ordinary forms. */
export const BODY_LIMITS = { form: 256 * 1024, import: 20 * 1024 * 1024 };

/** Extra route groups features add (each registers through the SecureRouter). */
export type RouteModule = (r: SecureRouter, app: Hono<AppEnv>) => void;

export interface CreatedApp {
  app: Hono<AppEnv>;
  router: SecureRouter;
}

/**
 * Creates the console application around its dependencies.
 * @example const { app } = createApp(deps); const res = await app.request('/healthz');
 */
export function createApp(deps: Deps, extraRoutes: RouteModule[] = []): CreatedApp {
  const app = new Hono<AppEnv>();
  const router = new SecureRouter(app);

  app.use('*', async function requestContext(c, next) {
    const incoming = c.req.header('x-request-id');
    const id = incoming && /^[\w.-]{6,64}$/.test(incoming) ? incoming : randomBytes(8).toString('hex');
    c.set('requestId', id);
    c.set('deps', deps);
    c.header('X-Request-Id', id);
    const started = performance.now();
    await next();
    const user = c.get('user');
    deps.log.info('request', {
      reqId: id,
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      user: user?.username,
    });
  });

  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        mediaSrc: ["'self'", 'blob:'],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
      },
      referrerPolicy: 'same-origin',
      crossOriginEmbedderPolicy: false,
      // HSTS only makes sense behind HTTPS (SECURE_COOKIES=1 says the console is served that way)
      strictTransportSecurity: deps.config.secureCookies ? 'max-age=15552000; includeSubDomains' : false,
    }),
  );

  const limitFor = (max: number) =>
    bodyLimit({
      maxSize: max,
      onError: () => {
        throw new HTTPException(413, { message: 'too large' });
      },
    });
  const formLimit = limitFor(BODY_LIMITS.form);
  const importLimit = limitFor(BODY_LIMITS.import);
  app.use('*', async function bodyLimits(c, next) {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const big = c.req.path.startsWith('/api/') || c.req.path.includes('/import');
    return (big ? importLimit : formLimit)(c, next);
  });

  app.use('*', async function identify(c, next) {
    const now = deps.now();
    let user: CurrentUser | null = null;
    let binding = '';
    if (c.req.path.startsWith('/api/')) {
      const auth = c.req.header('authorization') ?? '';
      const m = /^Bearer\s+(\S+)$/i.exec(auth);
      if (m) {
        const row = await userForToken(deps.sql, m[1], now);
        if (row) {
          user = { id: row.id, username: row.username, displayName: row.display_name, roles: normaliseRoles(row.roles), locale: row.locale, via: 'token', tokenId: row.token_id };
        }
      }
    } else if (!c.req.path.startsWith('/static/') && c.req.path !== '/healthz') {
      const token = getCookie(c, SESSION_COOKIE);
      if (token) {
        const row = await touchSession(deps.sql, token, { now, idleMinutes: deps.config.sessionIdleMinutes, maxHours: deps.config.sessionMaxHours });
        if (row) {
          user = { id: row.id, username: row.username, displayName: row.display_name, roles: normaliseRoles(row.roles), locale: row.locale, via: 'session', sessionId: row.session_id };
          binding = row.session_id;
        }
      }
      if (!binding) {
        let anon = getCookie(c, ANON_COOKIE);
        if (!anon || !/^[\w-]{16,64}$/.test(anon)) {
          anon = randomBytes(18).toString('base64url');
          setCookie(c, ANON_COOKIE, anon, { httpOnly: true, sameSite: 'Lax', path: '/', secure: deps.config.secureCookies });
        }
        binding = `anon:${anon}`;
      }
    }
    c.set('user', user);
    c.set('csrfBinding', binding);
    c.set('csrf', binding ? csrfToken(deps.secret, binding) : '');
    const locale = user?.locale ?? asLocale(getCookie(c, LANG_COOKIE)) ?? localeFromAcceptLanguage(c.req.header('accept-language'));
    c.set('locale', locale);
    c.set('t', translator(locale));
    return next();
  });

  app.use('*', csrfProtection());

  registerStatic(router);
  router.get('/healthz', 'public', async (c) => {
    const started = performance.now();
    try {
      await deps.sql`SELECT 1`;
      return c.json({ status: 'ok', database: 'ok', ms: Math.round(performance.now() - started) });
    } catch (err) {
      deps.log.error('healthz: database unreachable', { err });
      return c.json({ status: 'error', database: 'unreachable' }, 503);
    }
  });
  registerAuth(router);
  registerHome(router);
  registerMe(router);
  registerAdmin(router);
  registerApi(router);
  for (const mod of extraRoutes) mod(router, app);

  app.notFound((c) => {
    if (c.req.path.startsWith('/api/')) return c.json({ error: 'not_found' }, 404);
    if (!c.get('t')) return c.text('Not found', 404);
    return render(c, { title: c.get('t')('error.title'), body: <ErrorPage t={c.get('t')} status={404} message={c.get('t')('error.notFound')} requestId={c.get('requestId')} />, status: 404 });
  });

  app.onError((err, c) => {
    const t = c.get('t') ?? translator('zh-CN');
    const requestId = c.get('requestId') ?? '';
    let status = 500;
    let key = 'error.server';
    if (err instanceof HTTPException) {
      status = err.status;
      if (status === 403) key = err.message === 'csrf' ? 'error.csrf' : 'error.forbidden';
      else if (status === 413) key = 'error.tooLarge';
      else if (status === 404) key = 'error.notFound';
      else if (status < 500) key = 'error.title';
      if (err.res) return err.res;
    } else {
      deps.log.error('unhandled error', { reqId: requestId, path: c.req.path, err });
    }
    if (c.req.path.startsWith('/api/')) {
      const code = status === 500 ? 'server_error' : status === 403 ? 'forbidden' : status === 413 ? 'too_large' : 'error';
      return c.json({ error: code, requestId }, status as 500);
    }
    if (!c.get('locale')) c.set('locale', 'zh-CN');
    if (!c.get('t')) c.set('t', t);
    if (c.get('csrf') === undefined) c.set('csrf', '');
    if (c.get('user') === undefined) c.set('user', null);
    return render(c, { title: t('error.title'), body: <ErrorPage t={t} status={status} message={t(key)} requestId={requestId} />, status: status as 500 });
  });

  return { app, router };
}
