// The sign-in page: a plain form that works without JavaScript; errors never clear the username.
import type { ViewContext } from '../context.ts';
import { Field, Flash, PostForm } from '../components.tsx';

export function LoginPage(props: { ctx: ViewContext; next: string; username: string; error?: string }) {
  const { t } = props.ctx;
  return (
    <section class="panel narrow login">
      <h1>{t('login.title')}</h1>
      <p class="muted">{t('app.tagline')}</p>
      {props.error ? <Flash kind="error">{props.error}</Flash> : null}
      <PostForm ctx={props.ctx} action="/login">
        <input type="hidden" name="next" value={props.next} />
        <Field name="username" label={t('login.username')} value={props.username} required autocomplete="username" autofocus={!props.username} />
        <Field name="password" label={t('login.password')} type="password" required autocomplete="current-password" autofocus={!!props.username} />
        <button type="submit" class="primary">
          {t('login.submit')}
        </button>
      </PostForm>
    </section>
  );
}
