// The signed-in user's own account: password change.
import type { SecureRouter } from '../http/access.ts';
import { viewContext } from '../http/env.ts';
import { render } from '../http/render.tsx';
import { hashPassword, passwordProblem, verifyPassword } from '../auth/password.ts';
import { findUserById, setPasswordHash } from '../queries/users.ts';
import { deleteUserSessions } from '../queries/sessions.ts';
import { audit } from '../queries/audit.ts';
import { MePage } from '../../views/pages/me.tsx';

export function registerMe(r: SecureRouter): void {
  r.get('/me', 'signed-in', (c) => render(c, { title: c.get('t')('me.title'), body: <MePage ctx={viewContext(c)} /> }));

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
    if (Object.keys(errors).length) return render(c, { title: t('me.title'), status: 422, body: <MePage ctx={viewContext(c)} errors={errors} /> });
    await setPasswordHash(sql, user.id, await hashPassword(password), now());
    await deleteUserSessions(sql, user.id, user.sessionId);
    await audit(sql, { at: now(), actorId: user.id, actorName: user.username, action: 'user.password.change', target: `user:${user.id}`, requestId: c.get('requestId') });
    return render(c, { title: t('me.title'), body: <MePage ctx={viewContext(c)} notice={t('me.passwordChanged')} /> });
  });
}
