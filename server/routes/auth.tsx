// Sign-in, sign-out and the language switch.
import { deleteCookie, setCookie } from 'hono/cookie';
import type { SecureRouter } from '../http/access.ts';
import type { Ctx } from '../http/env.ts';
import { clientAddress } from '../http/client-address.ts';
import { render } from '../http/render.tsx';
import { verifyPassword } from '../auth/password.ts';
import { homeFor, normaliseRoles } from '../auth/roles.ts';
import { createSession, deleteSession, recentFailures, recordLoginAttempt } from '../queries/sessions.ts';
import { findUserByUsername, setUserLocale } from '../queries/users.ts';
import { audit } from '../queries/audit.ts';
import { asLocale } from '../../views/i18n.ts';
import { LoginPage } from '../../views/pages/login.tsx';
import { viewContext } from '../http/env.ts';
import { ANON_COOKIE, LANG_COOKIE, SESSION_COOKIE } from '../http/cookies.ts';

/**
 * Login throttling: failures allowed per username and per client address within the window. The
 * per-address limit is high because a whole centre floor usually sits behind one NAT address;
 * it stops password spraying, while the per-user limit protects each account.
 */
export const THROTTLE = { windowMinutes: 15, perUser: 5, perIp: 200 };

/** A `next` target that stays on this site, or null. */
export function safeNext(next: string | undefined | null): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  if (next.startsWith('/login') || next.startsWith('/logout')) return null;
  return next;
}

function clientIp(c: Ctx): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return clientAddress(env?.incoming?.socket?.remoteAddress ?? 'local', c.req.header('x-forwarded-for'), c.get('deps').config.trustProxyHops);
}

/** A login dummy hash so unknown usernames take as long as wrong passwords. */
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

export function registerAuth(r: SecureRouter): void {
  r.get('/login', 'public', (c) => {
    const user = c.get('user');
    const next = safeNext(c.req.query('next'));
    if (user) return c.redirect(next ?? homeFor(user.roles), 303);
    return render(c, { title: c.get('t')('login.title'), body: <LoginPage ctx={viewContext(c)} next={next ?? ''} username="" /> });
  });

  r.post('/login', 'public', async (c) => {
    const { sql, now: clock, config } = c.get('deps');
    const t = c.get('t');
    const body = await c.req.parseBody();
    const username = String(body.username ?? '').trim().toLowerCase().slice(0, 64);
    const password = String(body.password ?? '');
    const next = safeNext(String(body.next ?? ''));
    const now = clock();
    const ip = clientIp(c);
    const since = new Date(now.getTime() - THROTTLE.windowMinutes * 60_000);
    const failures = await recentFailures(sql, username, ip, since);
    if (failures.byUser >= THROTTLE.perUser || failures.byIp >= THROTTLE.perIp) {
      const oldest = failures.oldestUserFailure ? new Date(failures.oldestUserFailure).getTime() : now.getTime();
      const minutes = Math.max(1, Math.ceil((oldest + THROTTLE.windowMinutes * 60_000 - now.getTime()) / 60_000));
      c.header('Retry-After', String(minutes * 60));
      return render(c, {
        title: t('login.title'),
        status: 429,
        body: <LoginPage ctx={viewContext(c)} next={next ?? ''} username={username} error={t('login.throttled', { minutes })} />,
      });
    }
    const user = username ? await findUserByUsername(sql, username) : undefined;
    const ok = (await verifyPassword(password, user?.password_hash ?? DUMMY_HASH)) && !!user && user.active;
    await recordLoginAttempt(sql, username, ip, ok, now);
    if (!ok || !user) {
      return render(c, {
        title: t('login.title'),
        status: 422,
        body: <LoginPage ctx={viewContext(c)} next={next ?? ''} username={username} error={t('login.failed')} />,
      });
    }
    const session = await createSession(sql, user.id, { now, idleMinutes: config.sessionIdleMinutes, maxHours: config.sessionMaxHours }, { userAgent: c.req.header('user-agent'), ip });
    setCookie(c, SESSION_COOKIE, session.token, { httpOnly: true, sameSite: 'Lax', path: '/', secure: config.secureCookies, maxAge: config.sessionMaxHours * 3600 });
    deleteCookie(c, ANON_COOKIE, { path: '/' });
    await audit(sql, { at: now, actorId: user.id, actorName: user.username, action: 'auth.login', target: `user:${user.id}`, requestId: c.get('requestId') });
    return c.redirect(next ?? homeFor(normaliseRoles(user.roles)), 303);
  });

  r.post('/logout', 'public', async (c) => {
    const { sql, now } = c.get('deps');
    const user = c.get('user');
    if (user?.sessionId) {
      await deleteSession(sql, user.sessionId);
      await audit(sql, { at: now(), actorId: user.id, actorName: user.username, action: 'auth.logout', target: `user:${user.id}`, requestId: c.get('requestId') });
    }
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.redirect('/login', 303);
  });

  r.post('/locale', 'public', async (c) => {
    const body = await c.req.parseBody();
    const locale = asLocale(String(body.locale ?? '')) ?? 'zh-CN';
    const user = c.get('user');
    if (user) await setUserLocale(c.get('deps').sql, user.id, locale);
    setCookie(c, LANG_COOKIE, locale, { httpOnly: true, sameSite: 'Lax', path: '/', maxAge: 365 * 86400 });
    return c.redirect(safeNext(String(body.next ?? '')) ?? '/', 303);
  });
}
