// Admin pages: users (add, edit roles, reset passwords), API tokens, the audit log.
import type { ViewContext } from '../context.ts';
import { Field, Flash, PostForm, Tabs, formatInstant } from '../components.tsx';

const ROLE_KEYS = ['agent', 'inspector', 'scheduler', 'knowledge', 'admin', 'client'] as const;

export function AdminTabs({ ctx, active }: { ctx: ViewContext; active: 'users' | 'tokens' | 'audit' | 'matrix' }) {
  const tabs = [
    ['users', '/admin/users', 'nav.users'],
    ['tokens', '/admin/tokens', 'nav.tokens'],
    ['audit', '/admin/audit', 'nav.audit'],
    ['matrix', '/knowledge/matrix', 'nav.matrix'],
  ] as const;
  return <Tabs ctx={ctx} label="nav.admin" active={active} tabs={tabs} />;
}

export interface UserListItem {
  id: number;
  username: string;
  displayName: string;
  roles: string[];
  team: string | null;
  active: boolean;
}

export function UsersPage(props: { ctx: ViewContext; users: UserListItem[]; notice?: string }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <section class="panel">
      <AdminTabs ctx={ctx} active="users" />
      <div class="titlebar">
        <h1>{t('admin.users.title')}</h1>
        <a class="button primary" href="/admin/users/new">
          {t('admin.users.new')}
        </a>
      </div>
      {props.notice ? <Flash kind="ok">{props.notice}</Flash> : null}
      <p class="muted">{t('admin.users.count', { count: props.users.length })}</p>
      <table class="grid">
        <thead>
          <tr>
            <th>{t('admin.users.username')}</th>
            <th>{t('admin.users.displayName')}</th>
            <th>{t('admin.users.roles')}</th>
            <th>{t('admin.users.team')}</th>
            <th>{t('form.status')}</th>
          </tr>
        </thead>
        <tbody>
          {props.users.map((u) => (
            <tr>
              <td>
                <a href={`/admin/users/${u.id}`}>{u.username}</a>
              </td>
              <td>{u.displayName}</td>
              <td>
                {u.roles.map((r) => (
                  <span class={`badge role-${r}`}>{t(`role.${r}`)}</span>
                ))}
              </td>
              <td>{u.team ?? ''}</td>
              <td>{u.active ? t('admin.users.active') : <span class="muted">{t('admin.users.inactive')}</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export interface UserFormValues {
  username: string;
  displayName: string;
  roles: string[];
  locale: string;
  teamId: string;
  /** The project a client reviewer (role 'client') is bound to. */
  clientProjectId?: string;
  active: boolean;
  password?: string;
  version?: number;
}

export interface TeamOption {
  id: number;
  name: string;
  project: string;
}

function RoleBoxes({ ctx, roles }: { ctx: ViewContext; roles: string[] }) {
  return (
    <fieldset class="field">
      <legend>{ctx.t('admin.users.roles')}</legend>
      <div class="checks">
        {ROLE_KEYS.map((r) => (
          <label class="check">
            <input type="checkbox" name="roles" value={r} checked={roles.includes(r)} /> {ctx.t(`role.${r}`)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export interface ProjectOption {
  id: number;
  code: string;
  name: string;
}

function CommonFields({ ctx, v, errors, teams, projects }: { ctx: ViewContext; v: UserFormValues; errors: Record<string, string>; teams: TeamOption[]; projects: ProjectOption[] }) {
  const { t } = ctx;
  return (
    <>
      <Field name="displayName" label={t('admin.users.displayName')} value={v.displayName} required error={errors.displayName} />
      <RoleBoxes ctx={ctx} roles={v.roles} />
      <div class="field">
        <label for="f-teamId">{t('admin.users.team')}</label>
        <select id="f-teamId" name="teamId">
          <option value="">{t('admin.users.noTeam')}</option>
          {teams.map((tm) => (
            <option value={String(tm.id)} selected={v.teamId === String(tm.id)}>
              {tm.project} · {tm.name}
            </option>
          ))}
        </select>
      </div>
      <div class={errors.clientProjectId ? 'field has-error' : 'field'} data-for-role="client">
        <label for="f-clientProjectId">{t('admin.users.clientProject')}</label>
        <select id="f-clientProjectId" name="clientProjectId">
          <option value="">{t('admin.users.noClientProject')}</option>
          {projects.map((p) => (
            <option value={String(p.id)} selected={v.clientProjectId === String(p.id)}>
              {p.code} · {p.name}
            </option>
          ))}
        </select>
        {errors.clientProjectId ? <p class="error">{errors.clientProjectId}</p> : <p class="hint">{t('admin.users.clientProjectHint')}</p>}
      </div>
      <div class="field">
        <label for="f-locale">{t('admin.users.locale')}</label>
        <select id="f-locale" name="locale">
          <option value="">{t('admin.users.localeAuto')}</option>
          <option value="zh-CN" selected={v.locale === 'zh-CN'}>
            {t('lang.zh-CN')}
          </option>
          <option value="en" selected={v.locale === 'en'}>
            {t('lang.en')}
          </option>
        </select>
      </div>
    </>
  );
}

export function NewUserPage(props: { ctx: ViewContext; values: UserFormValues; errors: Record<string, string>; teams: TeamOption[]; projects: ProjectOption[] }) {
  const { ctx, values: v, errors } = props;
  const { t } = ctx;
  return (
    <section class="panel narrow">
      <AdminTabs ctx={ctx} active="users" />
      <h1>{t('admin.users.new')}</h1>
      {Object.keys(errors).length ? <Flash kind="error">{t('form.errors')}</Flash> : null}
      <PostForm ctx={ctx} action="/admin/users">
        <Field name="username" label={t('admin.users.username')} value={v.username} required error={errors.username} hint={t('admin.users.badUsername')} />
        <CommonFields ctx={ctx} v={v} errors={errors} teams={props.teams} projects={props.projects} />
        <Field name="password" label={t('admin.users.password')} type="password" value={v.password} required autocomplete="new-password" error={errors.password} hint={t('password.tooShort')} />
        <button type="submit" class="primary">
          {t('admin.users.create')}
        </button>
      </PostForm>
    </section>
  );
}

export function EditUserPage(props: { ctx: ViewContext; id: number; values: UserFormValues; errors: Record<string, string>; teams: TeamOption[]; projects: ProjectOption[]; notice?: string; conflict?: boolean }) {
  const { ctx, values: v, errors } = props;
  const { t } = ctx;
  return (
    <section class="panel narrow">
      <AdminTabs ctx={ctx} active="users" />
      <h1>
        {t('admin.users.edit')} · <code>{v.username}</code>
      </h1>
      {props.notice ? <Flash kind="ok">{props.notice}</Flash> : null}
      {props.conflict ? <Flash kind="error">{t('admin.users.conflict')}</Flash> : null}
      {errors.form ? <Flash kind="error">{errors.form}</Flash> : null}
      <PostForm ctx={ctx} action={`/admin/users/${props.id}`}>
        <input type="hidden" name="version" value={String(v.version ?? 0)} />
        <CommonFields ctx={ctx} v={v} errors={errors} teams={props.teams} projects={props.projects} />
        <label class="check">
          <input type="checkbox" name="active" value="1" checked={v.active} /> {t('admin.users.active')}
        </label>
        <div>
          <button type="submit" class="primary">
            {t('admin.users.save')}
          </button>
        </div>
      </PostForm>
      <h2>{t('admin.users.resetPassword')}</h2>
      <PostForm ctx={ctx} action={`/admin/users/${props.id}/password`}>
        <Field name="password" label={t('admin.users.newPassword')} type="password" required autocomplete="new-password" error={errors.password} />
        <button type="submit">{t('admin.users.resetPassword')}</button>
      </PostForm>
    </section>
  );
}

export interface TokenItem {
  id: number;
  username: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export function TokensPage(props: { ctx: ViewContext; tokens: TokenItem[]; users: { id: number; username: string }[]; newToken?: string; errors?: Record<string, string>; values?: { name: string; userId: string } }) {
  const { ctx } = props;
  const { t } = ctx;
  const e = props.errors ?? {};
  return (
    <section class="panel">
      <AdminTabs ctx={ctx} active="tokens" />
      <h1>{t('admin.tokens.title')}</h1>
      <p class="lead">{t('admin.tokens.lead')}</p>
      {props.newToken ? (
        <Flash kind="ok">
          {t('admin.tokens.createdOnce')} <code class="secret" data-testid="new-token">{props.newToken}</code>
        </Flash>
      ) : null}
      <PostForm ctx={ctx} action="/admin/tokens" class="row-form">
        <Field name="name" label={t('admin.tokens.name')} value={props.values?.name ?? ''} required error={e.name} />
        <div class={e.userId ? 'field has-error' : 'field'}>
          <label for="f-userId">{t('admin.tokens.user')}</label>
          <select id="f-userId" name="userId">
            {props.users.map((u) => (
              <option value={String(u.id)} selected={props.values?.userId === String(u.id)}>
                {u.username}
              </option>
            ))}
          </select>
          {e.userId ? <p class="error">{e.userId}</p> : null}
        </div>
        <button type="submit" class="primary">
          {t('admin.tokens.create')}
        </button>
      </PostForm>
      {props.tokens.length === 0 ? (
        <p class="empty">{t('admin.tokens.none')}</p>
      ) : (
        <table class="grid">
          <thead>
            <tr>
              <th>{t('admin.tokens.prefix')}</th>
              <th>{t('admin.tokens.name')}</th>
              <th>{t('admin.tokens.user')}</th>
              <th>{t('admin.tokens.lastUsed')}</th>
              <th>{t('form.status')}</th>
              <th>{t('form.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {props.tokens.map((tk) => (
              <tr>
                <td>
                  <code>{tk.prefix}…</code>
                </td>
                <td>{tk.name}</td>
                <td>{tk.username}</td>
                <td>{tk.lastUsedAt ? formatInstant(tk.lastUsedAt, ctx.locale) : t('admin.tokens.never')}</td>
                <td>{tk.revokedAt ? <span class="muted">{t('admin.tokens.revoked')}</span> : t('admin.tokens.active')}</td>
                <td>
                  {tk.revokedAt ? null : (
                    <PostForm ctx={ctx} action={`/admin/tokens/${tk.id}/revoke`} class="inline">
                      <button type="submit" class="danger small">
                        {t('admin.tokens.revoke')}
                      </button>
                    </PostForm>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export interface AuditItem {
  at: Date;
  actor: string;
  action: string;
  target: string | null;
  detail: Record<string, unknown>;
}

export function AuditPage(props: { ctx: ViewContext; entries: AuditItem[] }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <section class="panel">
      <AdminTabs ctx={ctx} active="audit" />
      <h1>{t('admin.audit.title')}</h1>
      <table class="grid dense">
        <thead>
          <tr>
            <th>{t('admin.audit.at')}</th>
            <th>{t('admin.audit.actor')}</th>
            <th>{t('admin.audit.action')}</th>
            <th>{t('admin.audit.target')}</th>
            <th>{t('admin.audit.detail')}</th>
          </tr>
        </thead>
        <tbody>
          {props.entries.map((e) => (
            <tr>
              <td class="nowrap">{formatInstant(e.at, ctx.locale)}</td>
              <td>{e.actor}</td>
              <td>
                <code>{e.action}</code>
              </td>
              <td>{e.target ?? ''}</td>
              <td class="detail">{Object.keys(e.detail).length ? JSON.stringify(e.detail) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
