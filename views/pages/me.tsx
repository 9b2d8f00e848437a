// The user's own account page: roles, language, password change, an agent's calendar feed.
import type { ViewContext } from '../context.ts';
import { Field, Flash, PostForm, formatInstant } from '../components.tsx';

/** An agent's calendar feed: whether one is active, and its link right after it was issued (shown once). */
export interface CalendarFeedView {
  /** The user is on the roster (has a schedulable agent record). */
  scheduled: boolean;
  active: boolean;
  createdAt: Date | null;
  lastUsedAt: Date | null;
  url?: string;
}

function CalendarFeed({ ctx, feed }: { ctx: ViewContext; feed: CalendarFeedView }) {
  const { t } = ctx;
  return (
    <section class="calendar-feed" aria-labelledby="calendar-feed-title">
      <h2 id="calendar-feed-title">{t('calendar.title')}</h2>
      <p class="hint">{t('calendar.lead')}</p>
      {!feed.scheduled ? <p class="hint">{t('calendar.notScheduled')}</p> : null}
      {feed.url ? (
        <div class="field">
          <label for="calendar-url">{t('calendar.url')}</label>
          <input id="calendar-url" type="text" readonly value={feed.url} class="mono" />
          <p class="hint">
            {t('calendar.once')} <a href={feed.url.replace(/^https?:/, 'webcal:')}>{t('calendar.subscribe')}</a>
          </p>
        </div>
      ) : null}
      {feed.active ? (
        <p>
          {t('calendar.active', { at: formatInstant(feed.createdAt, ctx.locale) })}{' '}
          {feed.lastUsedAt ? t('calendar.lastUsed', { at: formatInstant(feed.lastUsedAt, ctx.locale) }) : t('calendar.neverUsed')}
        </p>
      ) : (
        <p>{t('calendar.inactive')}</p>
      )}
      <div class="row">
        <PostForm ctx={ctx} action="/me/calendar">
          <button type="submit">{feed.active ? t('calendar.regenerate') : t('calendar.issue')}</button>
        </PostForm>
        {feed.active ? (
          <PostForm ctx={ctx} action="/me/calendar/revoke">
            <button type="submit" class="danger">
              {t('calendar.revoke')}
            </button>
          </PostForm>
        ) : null}
      </div>
    </section>
  );
}

export function MePage(props: { ctx: ViewContext; errors?: Record<string, string>; notice?: string; calendar?: CalendarFeedView | null }) {
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
      {props.calendar ? <CalendarFeed ctx={ctx} feed={props.calendar} /> : null}
    </section>
  );
}
