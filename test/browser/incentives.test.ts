// Emergency incentives in a real browser (issue 6, done-when): the agent who answered the emergency call-ins sees the
// points in the ledger, redeems them for a regular day-shift month (常白班) for next month; the scheduler solves next
// month and that agent's cells are all D. Also walks the resources, ledger and peak screens in both languages.
// SCREENSHOTS=1 refreshes docs/incentives-points.png, docs/incentives-ledger.png, docs/emergency-resources.png, docs/peak-plan.png.
import { it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { join } from 'node:path';
import { browserSuite, launchBrowser, serveApp, signIn as signInAs } from '../support/browser.ts';
import { testApp } from '../support/app.ts';
import { ROOT } from '../support/process.ts';
import { seedPublishedRoster } from '../../server/scheduling/demo-roster.ts';

const screenshots = process.env.SCREENSHOTS === '1';

browserSuite('browser: incentives', () => {
  let browser: Browser;
  let server: { url: string; close: () => Promise<void> };
  let t: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    t = await testApp();
    // Today (the test clock) is 2026-11-25: this month's roster is published, next month's is not planned yet.
    await seedPublishedRoster(t.sql, '2026-11', 'Asia/Shanghai');
    server = await serveApp(t.app.fetch);
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const signIn = (page: Page, username: string) => signInAs(page, server.url, username);

  it('the agent redeems 常白班 for next month with their call-in points; the solved month gives them only D shifts', async () => {
    const errors: string[] = [];
    const agentCtx = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    const ap = await agentCtx.newPage();
    ap.on('pageerror', (e) => errors.push(e.message));
    // The refused redemption answers 422 on purpose; the browser logs that as a failed resource.
    ap.on('console', (m) => m.type() === 'error' && !/status of 422/.test(m.text()) && errors.push(m.text()));
    await signIn(ap, 'agent');
    await ap.goto(`${server.url}/schedule/points`);
    expect(await ap.getByTestId('balance').innerText()).toBe('128');
    const ledger = ap.getByTestId('ledger');
    expect(await ledger.innerText()).toContain('线路故障话务激增 应急召回 09:00–15:00');
    expect(await ledger.locator('tr.line-earn').count()).toBe(4);
    // Holiday rest with dates that are not consecutive is refused beside the field, the input kept.
    const rest = ap.locator('#offer-holiday-rest');
    await rest.getByLabel('休息日期').fill('2026-12-24 2026-12-26');
    await rest.getByRole('button', { name: '兑换' }).click();
    await expect.poll(() => ap.locator('#offer-holiday-rest .error').count()).toBe(1);
    expect(await ap.locator('#offer-holiday-rest .error').innerText()).toBe('日期须连续。');
    expect(await ap.locator('#offer-holiday-rest').getByLabel('休息日期').inputValue()).toBe('2026-12-24 2026-12-26');
    const day = ap.locator('#offer-regular-day-shift');
    expect(await day.getByLabel('月份').inputValue()).toBe('2026-12');
    await day.getByRole('button', { name: '兑换' }).click();
    await expect.poll(() => ap.getByText('兑换成功').count()).toBe(1);
    expect(await ap.getByTestId('balance').innerText()).toBe('8');
    expect(await ap.getByTestId('ledger').locator('tr.line-redeem').innerText()).toContain('2026-12 只排 D');
    await ap.screenshot({ path: '/tmp/inc-points.png', fullPage: true });
    if (screenshots) await ap.screenshot({ path: join(ROOT, 'docs', 'incentives-points.png'), fullPage: true });
    await ap.getByRole('link', { name: '返回我的排班' }).click();
    await ap.waitForURL(/\/schedule$/);

    // The scheduler sees the redemption in the ledger, then solves December.
    const schedCtx = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    const sp = await schedCtx.newPage();
    sp.on('pageerror', (e) => errors.push(e.message));
    sp.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await signIn(sp, 'scheduler');
    await sp.goto(`${server.url}/rosters/incentives`);
    await sp.getByLabel('按坐席工号筛选').fill('A0001');
    await sp.getByRole('button', { name: '查看' }).click();
    await sp.waitForURL(/agent=A0001/);
    expect(await sp.getByTestId('ledger').locator('tr.line-redeem').innerText()).toContain('兑换：常白班');
    expect(await sp.getByTestId('balances').locator('tr[data-agent="A0001"]').innerText()).toMatch(/128\s+120\s+8/);
    await sp.goto(`${server.url}/rosters/2026-12`);
    await sp.getByLabel('求解时限（秒）').fill('4');
    await sp.getByRole('button', { name: '求解排班' }).click();
    await expect.poll(() => sp.locator('#roster-job .job-status').innerText(), { timeout: 60_000 }).toBe('已完成');
    await sp.goto(`${server.url}/rosters/2026-12?team=95598-A`);
    const row = sp.locator('table.roster-grid tbody tr', { has: sp.locator('th.agent small', { hasText: /^A0001$/ }) });
    const cells = (await row.locator('td.cell:not(.off) a').allInnerTexts()).map((x) => x.trim().split(/\s+/)[0]!);
    expect(cells.length).toBeGreaterThan(10);
    expect(new Set(cells)).toEqual(new Set(['D']));
    const stored = await t.sql<{ shift_code: string }[]>`
      SELECT DISTINCT c.shift_code FROM roster_cells c JOIN rosters r ON r.id = c.roster_id JOIN agents_sched a ON a.id = c.agent_id
      WHERE r.month = '2026-12' AND a.code = 'A0001' AND c.shift_code IS NOT NULL`;
    expect(stored.map((s) => s.shift_code)).toEqual(['D']);
    expect(errors).toEqual([]);
  }, 180_000);

  it('walks resources, the ledger with a manual credit, and a peak plan in both languages', async () => {
    const errors: string[] = [];
    for (const locale of ['zh-CN', 'en'] as const) {
      // Signs in in Chinese, then switches the language as a person would.
      const ctx = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
      const page = await ctx.newPage();
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => m.type() === 'error' && !/status of 422/.test(m.text()) && errors.push(m.text()));
      await signIn(page, 'scheduler');
      if (locale === 'en') {
        await page.getByTestId('lang-switch').click();
        await page.waitForLoadState('networkidle');
      }
      await page.goto(`${server.url}/rosters/resources`);
      expect(await page.getByTestId('res-counts').locator('tbody tr').count()).toBe(4);
      await page.screenshot({ path: `/tmp/inc-resources-${locale}.png` });
      if (screenshots && locale === 'zh-CN') await page.screenshot({ path: join(ROOT, 'docs', 'emergency-resources.png') });
      await page.goto(`${server.url}/rosters/incentives`);
      await page.locator('#cr-agent').fill('A0002');
      await page.locator('#cr-hours').fill('2');
      await page.locator('#cr-ref').fill(locale === 'en' ? 'Phone call-in, storm' : '电话召回 台风');
      await page.locator('#credit-form button[type=submit]').click();
      await page.waitForURL(/notice=credited/);
      expect(await page.getByTestId('ledger').locator('tbody tr').first().innerText()).toContain('+30');
      await page.screenshot({ path: `/tmp/inc-ledger-${locale}.png`, fullPage: true });
      if (screenshots && locale === 'zh-CN') await page.screenshot({ path: join(ROOT, 'docs', 'incentives-ledger.png'), fullPage: true });
      await page.goto(`${server.url}/rosters/peaks`);
      await page.locator('table[data-testid="peaks"] tbody tr').first().locator('a').first().click();
      await page.waitForURL(/\/rosters\/peaks\/\d+/);
      expect(await page.getByTestId('gap-chart').count()).toBe(1);
      await page.screenshot({ path: `/tmp/inc-peak-${locale}.png`, fullPage: true });
      if (screenshots && locale === 'zh-CN') await page.screenshot({ path: join(ROOT, 'docs', 'peak-plan.png') });
      await ctx.close();
    }
    expect(errors).toEqual([]);
  }, 180_000);
});

