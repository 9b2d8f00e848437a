// The signed-in user's own account: password change, and an agent's calendar feed (a secret link calendar apps poll).
import type { SecureRouter } from '../http/access.ts';
import { type Ctx, viewContext } from '../http/env.ts';
import { render } from '../http/render.tsx';
import { hashPassword, passwordProblem, verifyPassword } from '../auth/password.ts';
import { findUserById, setPasswordHash } from '../queries/users.ts';
import { deleteUserSessions, digest, randomSecret } from '../queries/sessions.ts';
import { audit } from '../queries/audit.ts';
import { MePage, type CalendarFeedView } from '../../views/pages/me.tsx';

/** The path of the calendar feed; the secret rides in the query string so request logs (path only) never hold it. */
export const CALENDAR_FEED_PATH = '/calendar/feed.ics';

/** An agent's calendar feed as the page shows it (null for users who are not agents). */
async function calendarOf(c: Ctx, url?: string): Promise<CalendarFeedView | null> {
  const user = c.get('user')!;
  if (!user.roles.includes('agent')) return null;
  const { sql } = c.get('deps');
  const [agent] = await sql`SELECT 1 FROM agents_sched WHERE user_id = ${user.id}`;
  const [feed] = await sql<{ created_at: Date; last_used_at: Date | null }[]>`SELECT created_at, last_used_at FROM calendar_feeds WHERE user_id = ${user.id}`;
  return { scheduled: !!agent, active: !!feed, createdAt: feed?.created_at ?? null, lastUsedAt: feed?.last_used_at ?? null, url };
}

export function registerMe(r: SecureRouter): void {
  r.get('/me', 'signed-in', async (c) => render(c, { title: c.get('t')('me.title'), body: <MePage ctx={viewContext(c)} calendar={await calendarOf(c)} /> }));

  // Issues (or replaces) the agent's feed secret and shows the link once; the old link stops working.
  r.post('/me/calendar', ['agent'], async (c) => {
    const { sql, now } = c.get('deps');
    const t = c.get('t');
    const user = c.get('user')!;
    const token = randomSecret(24);
    const [replaced] = await sql<{ replaced: boolean }[]>`
      INSERT INTO calendar_feeds (user_id, token_hash, created_at) VALUES (${user.id}, ${digest(token)}, ${now()})
      ON CONFLICT (user_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = EXCLUDED.created_at, last_used_at = NULL
      RETURNING (xmax <> 0) AS replaced`;
    await audit(sql, { at: now(), actorId: user.id, actorName: user.username, action: replaced?.replaced ? 'calendar.feed.regenerate' : 'calendar.feed.issue', target: `user:${user.id}`, requestId: c.get('requestId') });
    const url = `${new URL(c.req.url).origin}${CALENDAR_FEED_PATH}?token=${token}`;
    return render(c, { title: t('me.title'), body: <MePage ctx={viewContext(c)} calendar={await calendarOf(c, url)} notice={t('calendar.issued')} /> });
  });

  r.post('/me/calendar/revoke', ['agent'], async (c) => {
    const { sql, now } = c.get('deps');
    const t = c.get('t');
    const user = c.get('user')!;
    const gone = await sql`DELETE FROM calendar_feeds WHERE user_id = ${user.id} RETURNING user_id`;
    if (gone.length) await audit(sql, { at: now(), actorId: user.id, actorName: user.username, action: 'calendar.feed.revoke', target: `user:${user.id}`, requestId: c.get('requestId') });
    return render(c, { title: t('me.title'), body: <MePage ctx={viewContext(c)} calendar={await calendarOf(c)} notice={t(gone.length ? 'calendar.revoked' : 'calendar.none')} /> });
  });

  r.post('/me/password', 'signed-in', async (c) => {
    const { sql, now } = c.get('deps');
    const t = c.get('t');
    const user = c.get('user')!;
    const body = await c.req.parseBody();
    const current = String(body.current ?? '');
    const password = String(body.password ?? '');
    const row = await findUserById(sql, user.id);
    const errors: Record<string, string> = {};
    if (!row || !(await verifyPassword(current, row.password_hash))) errors.current = t('me.wrongPassword');
    const problem = passwordProblem(password);
    if (problem) errors.password = t(problem);
    if (Object.keys(errors).length) return render(c, { title: t('me.title'), status: 422, body: <MePage ctx={viewContext(c)} errors={errors} calendar={await calendarOf(c)} /> });
    await setPasswordHash(sql, user.id, await hashPassword(password), now());
    await deleteUserSessions(sql, user.id, user.sessionId);
    await audit(sql, { at: now(), actorId: user.id, actorName: user.username, action: 'user.password.change', target: `user:${user.id}`, requestId: c.get('requestId') });
    return render(c, { title: t('me.title'), body: <MePage ctx={viewContext(c)} notice={t('me.passwordChanged')} calendar={await calendarOf(c)} /> });
  });
}
