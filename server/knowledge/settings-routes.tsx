// Settings of the knowledge area for owners and admins: the repeat-complaint window (重复投诉判定时间窗).
import type { SecureRouter } from '../http/access.ts';
import { type Ctx, viewContext } from '../http/env.ts';
import { render } from '../http/render.tsx';
import { audit } from '../queries/audit.ts';
import { REPEAT_WINDOW_DAYS, REPEAT_WINDOW_SETTING, parseRepeatWindow, repeatWindowDays, saveRepeatWindow, storedRepeatWindow } from './orders.ts';
import { SettingsPage, type SettingsFormState } from '../../views/knowledge/owner-settings.tsx';

const SETTINGS_EDITORS = ['knowledge', 'admin'] as const;

/** The marker sent with the form for "no stored value" (the default applies). */
const UNSET = '-';

async function settingsPage(c: Ctx, form: Partial<SettingsFormState> & { status?: 200 | 409 | 422; notice?: string; conflict?: boolean } = {}) {
  const { sql } = c.get('deps');
  const [stored, days] = await Promise.all([storedRepeatWindow(sql), repeatWindowDays(sql)]);
  const state: SettingsFormState = {
    repeatWindowDays: form.repeatWindowDays ?? String(days),
    expected: stored ?? UNSET,
    error: form.error,
  };
  return render(c, {
    title: c.get('t')('owner.settings.title'),
    status: form.status,
    body: <SettingsPage ctx={viewContext(c)} form={state} current={days} isDefault={stored === undefined} defaultDays={REPEAT_WINDOW_DAYS} notice={form.notice} conflict={form.conflict} />,
  });
}

/** Routes of the knowledge settings page (`GET`/`POST /knowledge/settings`). */
export function registerKnowledgeSettingsRoutes(r: SecureRouter): void {
  r.get('/knowledge/settings', SETTINGS_EDITORS, (c) => settingsPage(c, { notice: c.req.query('saved') ? c.get('t')('owner.settings.saved') : undefined }));

  r.post('/knowledge/settings', SETTINGS_EDITORS, async (c) => {
    const { sql } = c.get('deps');
    const t = c.get('t');
    const body = await c.req.parseBody();
    const typed = String(body.repeatWindowDays ?? '').slice(0, 50);
    const expectedText = String(body.expected ?? UNSET);
    const days = parseRepeatWindow(typed);
    if (days === undefined) return settingsPage(c, { repeatWindowDays: typed, error: t('owner.settings.repeatWindow.invalid'), status: 422 });
    const before = await storedRepeatWindow(sql);
    const saved = await saveRepeatWindow(sql, days, expectedText === UNSET ? undefined : expectedText);
    // someone changed it since this form was loaded: keep what was typed, show the current value
    if (!saved) return settingsPage(c, { repeatWindowDays: typed, status: 409, conflict: true });
    const u = c.get('user')!;
    await audit(sql, {
      actorId: u.id,
      actorName: u.username,
      requestId: c.get('requestId'),
      at: c.get('deps').now(),
      action: 'settings.update',
      target: `setting:${REPEAT_WINDOW_SETTING}`,
      detail: { before: before ?? null, after: String(days) },
    });
    return c.redirect('/knowledge/settings?saved=1', 303);
  });
}
