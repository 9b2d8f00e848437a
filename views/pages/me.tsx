// The user's own account page: roles, language, password change.
import type { ViewContext } from '../context.ts';
import { Field, Flash, PostForm } from '../components.tsx';

export function MePage(props: { ctx: ViewContext; errors?: Record<string, string>; notice?: string }) {
  const { ctx } = props;
  const { t } = ctx;
  const roles = ctx.user?.roles ?? [];
  const e = props.errors ?? {};
  return (
    <section class="panel narrow">
      <h1>{t('me.title')}</h1>
      {props.notice ? <Flash kind="ok">{props.notice}</Flash> : null}
      <dl class="facts">
        <dt>{t('admin.users.username')}</dt>
        <dd>{ctx.user?.username}</dd>
        <dt>{t('admin.users.displayName')}</dt>
        <dd>{ctx.user?.displayName}</dd>
        <dt>{t('me.roles')}</dt>
        <dd>{roles.length ? roles.map((r) => <span class="badge">{t(`role.${r}`)}</span>) : t('me.noRoles')}</dd>
      </dl>
      <h2>{t('me.changePassword')}</h2>
      <PostForm ctx={ctx} action="/me/password">
        <Field name="current" label={t('me.currentPassword')} type="password" required autocomplete="current-password" error={e.current} />
        <Field name="password" label={t('me.newPassword')} type="password" required autocomplete="new-password" error={e.password} />
        <button type="submit">{t('me.changePassword')}</button>
      </PostForm>
    </section>
  );
}
