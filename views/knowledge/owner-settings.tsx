// Settings of the knowledge area: the repeat-complaint window used when complaints are filed.
import type { ViewContext } from '../context.ts';
import { Flash, PostForm } from '../components.tsx';
import { FieldErrors, OwnerTabs } from './owner-common.tsx';

/** The settings form as typed, with the stored value it was loaded against. */
export interface SettingsFormState {
  repeatWindowDays: string;
  /** The stored value when the form was loaded ('-' when none), to detect a concurrent change. */
  expected: string;
  error?: string;
}

/** The repeat-window form: current value, default, validation beside the field. */
export function SettingsPage(p: { ctx: ViewContext; form: SettingsFormState; current: number; isDefault: boolean; defaultDays: number; notice?: string; conflict?: boolean }) {
  const { ctx, form } = p;
  const { t } = ctx;
  const invalid = form.error ? 'true' : undefined;
  return (
    <section class="panel owner-narrow">
      <OwnerTabs ctx={ctx} active="settings" />
      <h1>{t('owner.settings.title')}</h1>
      {p.notice ? <Flash kind="ok">{p.notice}</Flash> : null}
      {p.conflict ? <Flash kind="error">{t('owner.settings.conflict', { days: p.current })}</Flash> : null}
      <PostForm ctx={ctx} action="/knowledge/settings" class="settings-form">
        <input type="hidden" name="expected" value={form.expected} />
        <h2>{t('owner.settings.repeatWindow')}</h2>
        <p class="muted">{t('owner.settings.repeatWindow.explain')}</p>
        <div class={form.error ? 'field has-error' : 'field'}>
          <label for="f-repeatWindowDays">{t('owner.settings.repeatWindow.label')}</label>
          <input
            id="f-repeatWindowDays"
            name="repeatWindowDays"
            type="text"
            inputmode="numeric"
            size={5}
            value={form.repeatWindowDays}
            required
            aria-invalid={invalid}
            aria-describedby={invalid ? 'f-repeatWindowDays-error f-repeatWindowDays-hint' : 'f-repeatWindowDays-hint'}
          />{' '}
          {t('owner.settings.days')}
          <FieldErrors id="f-repeatWindowDays-error" errors={form.error ? [form.error] : undefined} />
          <p class="hint" id="f-repeatWindowDays-hint">
            {p.isDefault ? t('owner.settings.repeatWindow.isDefault', { days: p.defaultDays }) : t('owner.settings.repeatWindow.current', { days: p.current, default: p.defaultDays })}
          </p>
        </div>
        <button type="submit" class="primary">
          {t('owner.settings.save')}
        </button>
      </PostForm>
    </section>
  );
}
