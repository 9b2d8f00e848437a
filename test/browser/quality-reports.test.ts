// Quality reports and client reviewers in a real browser: an inspector reads the report charts over
// several weeks, filters to one project, downloads a CSV and switches to English; the admin's user
// form shows the project select only for a client reviewer; the EV client reviewer sees only EV
// samples. SCREENSHOTS=1 saves docs/quality-reports.png and docs/quality-reports-en.png (1280×900).
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { join } from 'node:path';
import { browserSuite, launchBrowser, serveApp, signIn as signInAs } from '../support/browser.ts';
import { signedIn, testApp } from '../support/app.ts';
import { ROOT } from '../support/process.ts';
import type { Answers } from '../../knowledge/quality/scorecard.ts';

type T = Awaited<ReturnType<typeof testApp>>;
const FULL: Answers = { greeting: 'yes', identify: 'na', inquiry: 'yes', accuracy: 10, workorder: 'yes', empathy: 5, responsive: 'yes', 'no-taboo': 'yes', privacy: 'yes', closing: 'yes' };
const VARIANTS: [Answers, Record<string, string>][] = [
  [FULL, {}],
  [{ ...FULL, closing: 'no' }, { 'e.closing': 'process' }],
  [{ ...FULL, accuracy: 4, inquiry: 'no' }, { 'e.accuracy': 'knowledge', 'e.inquiry': 'process' }],
  [{ ...FULL, 'no-taboo': 'no' }, { 'e.no-taboo': 'attitude' }],
  [{ ...FULL, empathy: 3 }, {}],
];
const form = (a: Answers, e: Record<string, string>) => ({ ...Object.fromEntries(Object.entries(a).map(([k, v]) => [`a.${k}`, String(v)])), ...e, version: '0' });

browserSuite('browser: quality reports and client reviewers', () => {
  let browser: Browser;
  let server: { url: string; close: () => Promise<void> };
  let t: T;
  let from: string;
  let to: string;
  beforeAll(async () => {
    t = await testApp();
    server = await serveApp(t.app.fetch);
    browser = await launchBrowser();
    // score 30 samples of the four-week 95598 plan and the five recordings, with a mix of outcomes
    const inspector = await signedIn(t, 'inspector');
    const samples = await t.sql<{ id: number }[]>`SELECT s.id FROM samples s JOIN plans pl ON pl.id = s.plan_id
      WHERE pl.name LIKE '95598 四周%' AND s.status = 'assigned' ORDER BY s.id LIMIT 30`;
    const recs = await t.sql<{ id: number }[]>`SELECT id FROM samples WHERE call_id LIKE 'REC-%' ORDER BY call_id`;
    let i = 0;
    for (const s of [...samples, ...recs]) {
      const [a, e] = VARIANTS[i++ % VARIANTS.length];
      expect((await inspector.post(`/quality/samples/${s.id}/submit`, form(a, e))).status).toBe(303);
    }
    const [r] = await t.sql<{ from: string; to: string }[]>`SELECT to_char(min(started_at AT TIME ZONE 'Asia/Shanghai'), 'YYYY-MM-DD') AS from,
      to_char(max(started_at AT TIME ZONE 'Asia/Shanghai'), 'YYYY-MM-DD') AS to FROM calls`;
    from = r.from;
    to = r.to;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function signIn(page: Page, username: string, landing: string) {
    await signInAs(page, server.url, username);
    expect(new URL(page.url()).pathname).toBe(landing);
  }

  it('shows the report charts, filters by project, exports CSV and reads in English', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await signIn(page, 'inspector', '/quality');
    await page.getByRole('link', { name: '报表' }).click();
    await page.waitForURL(/\/quality\/reports$/);
    await page.locator('#r-from').fill(from);
    await page.locator('#r-to').fill(to);
    await page.getByRole('button', { name: '查看' }).click();
    await page.waitForURL(/\/quality\/reports\?/);
    // 35 scores over the weeks of the period: a dot with whiskers for every week that has scores
    expect(await page.getByTestId('report-scope').innerText()).toContain('已评分 35 通');
    const weeks = await page.locator('[data-testid="chart-trend"] .q-pass-dot').count();
    expect(weeks).toBeGreaterThanOrEqual(4 + 1); // the legend swatch and at least four weeks
    const box = await page.getByTestId('chart-trend').boundingBox();
    expect(box!.width).toBeGreaterThan(900);
    // closing failed on 7 of 35 calls (every fifth score starting with the second)
    const closing = page.locator('[data-testid="report-items"] tr', { hasText: '规范结束语' });
    expect(await closing.locator('td').nth(1).innerText()).toBe('7/35');
    const shot = process.env.SCREENSHOTS === '1' ? join(ROOT, 'docs', 'quality-reports.png') : '/tmp/quality-reports.png';
    await page.screenshot({ path: shot, fullPage: false });

    // one project only: the EV recording is the only EV score
    await page.locator('#r-project').selectOption({ label: 'EV' });
    await page.getByRole('button', { name: '查看' }).click();
    await page.waitForURL(/project=\d/);
    expect(await page.getByTestId('report-scope').innerText()).toContain('已评分 1 通');

    // CSV of the items table downloads with the BOM and a header
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('h2', { hasText: '评分项失误率' }).getByRole('link', { name: 'CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^quality-items-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);

    await page.getByTestId('lang-switch').click();
    await page.waitForLoadState('networkidle');
    expect(await page.locator('h1').innerText()).toBe('Quality reports');
    // the language switch returns to the same filtered report (EV only) …
    expect(page.url()).toMatch(/project=\d/);
    expect(await page.getByTestId('report-scope').innerText()).toContain('calls scored: 1');
    // … and all projects again show every score of the period
    await page.locator('#r-project').selectOption({ index: 0 });
    await page.locator('#r-from').fill(from);
    await page.locator('#r-to').fill(to);
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL((u) => u.pathname === '/quality/reports' && !/project=\d/.test(u.search));
    expect(await page.getByTestId('report-scope').innerText()).toContain('calls scored: 35');
    const shotEn = process.env.SCREENSHOTS === '1' ? join(ROOT, 'docs', 'quality-reports-en.png') : '/tmp/quality-reports-en.png';
    await page.screenshot({ path: shotEn, fullPage: false });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the client project select only for the client role; the client sees only EV samples', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, 'admin', '/admin/users');
    await page.goto(`${server.url}/admin/users/new`);
    const select = page.locator('#f-clientProjectId');
    expect(await select.isVisible()).toBe(false);
    await page.locator('input[name="roles"][value="client"]').check();
    expect(await select.isVisible()).toBe(true);
    await context.close();

    const clientContext = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    const client = await clientContext.newPage();
    await signIn(client, 'client', '/quality');
    const rows = client.locator('table[data-testid^="queue-plan-"] tbody tr');
    expect(await rows.count()).toBe(3);
    for (const text of await rows.allInnerTexts()) expect(text).toContain('EV');
    expect(await client.locator('nav.tabs').count()).toBe(0); // no inspector tabs
    await client.locator('table[data-testid^="queue-plan-"] a').first().click();
    await client.waitForURL(/\/quality\/samples\/\d+$/);
    expect(await client.locator('h1').innerText()).toContain('评分');
    await clientContext.close();
  });
});
