// Admin pages: users (create, edit with version check, reset password), API tokens, audit log.
import { HTTPException } from 'hono/http-exception';
import type { SecureRouter } from '../http/access.ts';
import { type Ctx, viewContext } from '../http/env.ts';
import { render } from '../http/render.tsx';
import { hashPassword, passwordProblem } from '../auth/password.ts';
import { normaliseRoles } from '../auth/roles.ts';
import { countOtherActiveAdmins, findUserById, insertUser, listTeams, listUsers, setPasswordHash, updateUser } from '../queries/users.ts';
import { deleteUserSessions } from '../queries/sessions.ts';
import { issueToken, listTokens, revokeToken } from '../queries/tokens.ts';
import { audit, listAudit } from '../queries/audit.ts';
import { asLocale } from '../../views/i18n.ts';
import { AuditPage, EditUserPage, NewUserPage, TokensPage, UsersPage, type UserFormValues } from '../../views/pages/admin.tsx';

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,39}$/;

/** Projects a client reviewer (role 'client') can be bound to. */
async function projectOptions(c: Ctx) {
  return c.get('deps').sql<{ id: number; code: string; name: string }[]>`SELECT id, code, name FROM projects ORDER BY id`;
}

/** Binds (or unbinds) a client reviewer's project: only users with the client role keep one. */
async function saveClientProject(c: Ctx, id: number, v: UserFormValues): Promise<void> {
  const project = v.roles.includes('client') && v.clientProjectId ? Number(v.clientProjectId) : null;
  await c.get('deps').sql`UPDATE users SET client_project_id = ${project} WHERE id = ${id}`;
}

async function teamOptions(c: Ctx) {
  return (await listTeams(c.get('deps').sql)).map((tm) => ({ id: tm.id, name: tm.name, project: tm.project_code }));
}

function formValues(body: Record<string, string | File | (string | File)[]>): UserFormValues {
  const roles = body['roles'] ?? body['roles[]'];
  const list = Array.isArray(roles) ? roles : roles ? [roles] : [];
  return {
    username: String(body.username ?? '').trim().toLowerCase(),
    displayName: String(body.displayName ?? '').trim().slice(0, 80),
    roles: normaliseRoles(list.map(String)),
    locale: asLocale(String(body.locale ?? '')) ?? '',
    teamId: /^\d+$/.test(String(body.teamId ?? '')) ? String(body.teamId) : '',
    clientProjectId: /^\d+$/.test(String(body.clientProjectId ?? '')) ? String(body.clientProjectId) : '',
    active: String(body.active ?? '') === '1',
    password: String(body.password ?? ''),
    version: Number(body.version ?? 0),
  };
}

const clientProjectOf = (row: object) => {
  const id = (row as { client_project_id?: number | null }).client_project_id;
  return id ? String(id) : '';
};

function actor(c: Ctx) {
  const u = c.get('user')!;
  return { actorId: u.id, actorName: u.username, requestId: c.get('requestId'), at: c.get('deps').now() };
}

export function registerAdmin(r: SecureRouter): void {
  r.get('/admin', ['admin'], (c) => c.redirect('/admin/users', 303));

  r.get('/admin/users', ['admin'], async (c) => {
    const rows = await listUsers(c.get('deps').sql);
    const users = rows.map((u) => ({ id: u.id, username: u.username, displayName: u.display_name, roles: u.roles, team: u.team_name, active: u.active }));
    return render(c, { title: c.get('t')('admin.users.title'), body: <UsersPage ctx={viewContext(c)} users={users} notice={c.req.query('notice') ? c.get('t')('admin.users.created', { username: c.req.query('notice')! }) : undefined} /> });
  });

  r.get('/admin/users/new', ['admin'], async (c) => {
    const values: UserFormValues = { username: '', displayName: '', roles: ['agent'], locale: '', teamId: '', active: true };
    return render(c, { title: c.get('t')('admin.users.new'), body: <NewUserPage ctx={viewContext(c)} values={values} errors={{}} teams={await teamOptions(c)} projects={await projectOptions(c)} /> });
  });

  r.post('/admin/users', ['admin'], async (c) => {
    const { sql } = c.get('deps');
    const t = c.get('t');
    const v = formValues(await c.req.parseBody({ all: true }));
    const errors: Record<string, string> = {};
    if (!USERNAME.test(v.username)) errors.username = t('admin.users.badUsername');
    if (!v.displayName) errors.displayName = t('form.required');
    const problem = passwordProblem(v.password ?? '');
    if (problem) errors.password = t(problem);
    if (v.roles.includes('client') && !v.clientProjectId) errors.clientProjectId = t('admin.users.clientProjectRequired');
    let created;
    if (!Object.keys(errors).length) {
      created = await insertUser(sql, { username: v.username, displayName: v.displayName, passwordHash: await hashPassword(v.password!), roles: v.roles as never, locale: (v.locale || null) as never, teamId: v.teamId ? Number(v.teamId) : null });
      if (!created) errors.username = t('admin.users.taken');
    }
    if (!created) {
      return render(c, { title: t('admin.users.new'), status: 422, body: <NewUserPage ctx={viewContext(c)} values={v} errors={errors} teams={await teamOptions(c)} projects={await projectOptions(c)} /> });
    }
    await saveClientProject(c, created.id, v);
    await audit(sql, { ...actor(c), action: 'user.create', target: `user:${created.id}`, detail: { username: created.username, roles: created.roles, ...(v.roles.includes('client') ? { clientProjectId: Number(v.clientProjectId) } : {}) } });
    return c.redirect(`/admin/users?notice=${encodeURIComponent(created.username)}`, 303);
  });

  r.get('/admin/users/:id', ['admin'], async (c) => {
    const id = Number(c.req.param('id'));
    const row = Number.isInteger(id) ? await findUserById(c.get('deps').sql, id) : undefined;
    if (!row) throw new HTTPException(404);
    const values: UserFormValues = { username: row.username, displayName: row.display_name, roles: row.roles, locale: row.locale ?? '', teamId: row.team_id ? String(row.team_id) : '', clientProjectId: clientProjectOf(row), active: row.active, version: row.version };
    const notice = c.req.query('saved') ? c.get('t')('admin.users.saved') : undefined;
    return render(c, { title: row.username, body: <EditUserPage ctx={viewContext(c)} id={id} values={values} errors={{}} teams={await teamOptions(c)} projects={await projectOptions(c)} notice={notice} /> });
  });

  r.post('/admin/users/:id', ['admin'], async (c) => {
    const { sql, now } = c.get('deps');
    const t = c.get('t');
    const id = Number(c.req.param('id'));
    const row = Number.isInteger(id) ? await findUserById(sql, id) : undefined;
    if (!row) throw new HTTPException(404);
    const v = { ...formValues(await c.req.parseBody({ all: true })), username: row.username };
    const errors: Record<string, string> = {};
    if (!v.displayName) errors.displayName = t('form.required');
    if (v.roles.includes('client') && !v.clientProjectId) errors.clientProjectId = t('admin.users.clientProjectRequired');
    if ((!v.roles.includes('admin') || !v.active) && row.roles.includes('admin') && (await countOtherActiveAdmins(sql, id)) === 0) {
      errors.form = t('admin.users.lastAdmin');
    }
    const teams = await teamOptions(c);
    if (Object.keys(errors).length) {
      return render(c, { title: row.username, status: 422, body: <EditUserPage ctx={viewContext(c)} id={id} values={v} errors={errors} teams={teams} projects={await projectOptions(c)} /> });
    }
    const updated = await updateUser(sql, id, v.version ?? 0, { displayName: v.displayName, roles: v.roles as never, locale: (v.locale || null) as never, teamId: v.teamId ? Number(v.teamId) : null, active: v.active }, now());
    if (!updated) {
      const fresh = (await findUserById(sql, id))!;
      return render(c, { title: row.username, status: 409, body: <EditUserPage ctx={viewContext(c)} id={id} values={{ ...v, version: fresh.version }} errors={{}} teams={teams} projects={await projectOptions(c)} conflict /> });
    }
    await saveClientProject(c, id, v);
    if (!updated.active) await deleteUserSessions(sql, id);
    await audit(sql, {
      ...actor(c),
      action: 'user.update',
      target: `user:${id}`,
      detail: { before: { roles: row.roles, active: row.active, displayName: row.display_name }, after: { roles: updated.roles, active: updated.active, displayName: updated.display_name, ...(v.roles.includes('client') ? { clientProjectId: Number(v.clientProjectId) } : {}) } },
    });
    return c.redirect(`/admin/users/${id}?saved=1`, 303);
  });

  r.post('/admin/users/:id/password', ['admin'], async (c) => {
    const { sql, now } = c.get('deps');
    const t = c.get('t');
    const id = Number(c.req.param('id'));
    const row = Number.isInteger(id) ? await findUserById(sql, id) : undefined;
    if (!row) throw new HTTPException(404);
    const body = await c.req.parseBody();
    const password = String(body.password ?? '');
    const problem = passwordProblem(password);
    const values: UserFormValues = { username: row.username, displayName: row.display_name, roles: row.roles, locale: row.locale ?? '', teamId: row.team_id ? String(row.team_id) : '', clientProjectId: clientProjectOf(row), active: row.active, version: row.version };
    if (problem) {
      return render(c, { title: row.username, status: 422, body: <EditUserPage ctx={viewContext(c)} id={id} values={values} errors={{ password: t(problem) }} teams={await teamOptions(c)} projects={await projectOptions(c)} /> });
    }
    await setPasswordHash(sql, id, await hashPassword(password), now());
    await deleteUserSessions(sql, id);
    await audit(sql, { ...actor(c), action: 'user.password.reset', target: `user:${id}` });
    return render(c, { title: row.username, body: <EditUserPage ctx={viewContext(c)} id={id} values={{ ...values, version: row.version + 1 }} errors={{}} teams={await teamOptions(c)} projects={await projectOptions(c)} notice={t('admin.users.passwordReset', { username: row.username })} /> });
  });

  async function tokensPage(c: Ctx, extra: { newToken?: string; errors?: Record<string, string>; values?: { name: string; userId: string }; status?: 200 | 422 }) {
    const { sql } = c.get('deps');
    const tokens = (await listTokens(sql)).map((tk) => ({ id: tk.id, username: tk.username, name: tk.name, prefix: tk.prefix, createdAt: tk.created_at, lastUsedAt: tk.last_used_at, revokedAt: tk.revoked_at }));
    const users = (await listUsers(sql)).filter((u) => u.active).map((u) => ({ id: u.id, username: u.username }));
    return render(c, { title: c.get('t')('admin.tokens.title'), status: extra.status, body: <TokensPage ctx={viewContext(c)} tokens={tokens} users={users} newToken={extra.newToken} errors={extra.errors} values={extra.values} /> });
  }

  r.get('/admin/tokens', ['admin'], (c) => tokensPage(c, {}));

  r.post('/admin/tokens', ['admin'], async (c) => {
    const { sql, now } = c.get('deps');
    const t = c.get('t');
    const body = await c.req.parseBody();
    const values = { name: String(body.name ?? '').trim().slice(0, 80), userId: String(body.userId ?? '') };
    const errors: Record<string, string> = {};
    if (!values.name) errors.name = t('form.required');
    const target = /^\d+$/.test(values.userId) ? await findUserById(sql, Number(values.userId)) : undefined;
    if (!target || !target.active) errors.userId = t('form.required');
    if (Object.keys(errors).length) return tokensPage(c, { errors, values, status: 422 });
    const issued = await issueToken(sql, target!.id, values.name, c.get('user')!.id, now());
    await audit(sql, { ...actor(c), action: 'token.issue', target: `token:${issued.id}`, detail: { user: target!.username, name: values.name } });
    return tokensPage(c, { newToken: issued.token });
  });

  r.post('/admin/tokens/:id/revoke', ['admin'], async (c) => {
    const { sql, now } = c.get('deps');
    const id = Number(c.req.param('id'));
    const revoked = Number.isInteger(id) ? await revokeToken(sql, id, now()) : undefined;
    if (revoked) await audit(sql, { ...actor(c), action: 'token.revoke', target: `token:${id}`, detail: { user: revoked.username, name: revoked.name } });
    return c.redirect('/admin/tokens', 303);
  });

  r.get('/admin/audit', ['admin'], async (c) => {
    const rows = await listAudit(c.get('deps').sql);
    const entries = rows.map((e) => ({ at: e.at, actor: e.actor_name, action: e.action, target: e.target, detail: e.detail }));
    return render(c, { title: c.get('t')('admin.audit.title'), body: <AuditPage ctx={viewContext(c)} entries={entries} /> });
  });
}
