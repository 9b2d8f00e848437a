// Daily fine-tuning in a real browser: at 12:00 on a storm day the floor lead downloads the sample of the morning's
// actuals (95598 doubling from 10:00), uploads it, sees the predicted service level drop, applies the top
// suggestions and watches it recover. SCREENSHOTS=1 refreshes docs/intraday.png and docs/intraday-en.png.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { join } from 'node:path';
import { browserSuite, launchBrowser, serveApp, signIn as signInAs } from '../support/browser.ts';
import { testApp } from '../support/app.ts';
import { ROOT } from '../support/process.ts';
import { seedPublishedRoster } from '../../server/scheduling/demo-roster.ts';

const screenshots = process.env.SCREENSHOTS === '1';
const pctOf = (s: string) => Number(s.replace('%', ''));

browserSuite('browser: intraday', () => {
  let browser: Browser;
  let server: { url: string; close: () => Promise<void> };
  let t: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    t = await testApp();
    t.clock.now = new Date('2026-11-25T04:00:00Z'); // 12:00 in Shanghai
    await seedPublishedRoster(t.sql, '2026-11', 'Asia/Shanghai');
    server = await serveApp(t.app.fetch);
    browser = await launchBrowser();
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const signIn = (page: Page, username: string) => signInAs(page, server.url, username);

  it('uploads the storm morning, sees SL drop, applies the top suggestions and sees it recover', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1360, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await signIn(page, 'scheduler');
    await page.goto(`${server.url}/rosters/intraday?project=95598`);
    expect(await page.locator('h1').innerText()).toContain('2026-11-25');
    const before = pctOf(await page.getByTestId('sl-rest').innerText());
    expect(await page.getByText('尚无实际数据').count()).toBe(1);

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: '下载示例：上午的停电话务风暴 CSV' }).click();
    const file = await (await download).path();
    await page.getByLabel('CSV 文件').setInputFiles(file);
    await page.getByRole('button', { name: '上传', exact: true }).click();
    await expect.poll(() => page.getByText('实际数据已导入，余下时段已重新预测。').count()).toBe(1);
    expect(await page.getByText('实际数据至 12:00').count()).toBe(1);
    const storm = pctOf(await page.getByTestId('sl-rest').innerText());
    expect(storm).toBeLessThan(before - 10);
    const factor = await page.locator('.intraday-kpis > div').nth(4).locator('dd').first().innerText();
    expect(Number(factor.replace('×', '').trim())).toBeGreaterThan(1.6);
    expect(await page.getByTestId('suggestion').count()).toBeGreaterThan(2);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: '/tmp/intraday-storm.png', fullPage: false });

    // The storm keeps 95598 at twice its forecast all afternoon: the cheapest help comes first (offline work moved or
    // cancelled, multi-skilled agents moved in), then overtime; six of them lift the afternoon well off the floor.
    const missingBefore = Number((await page.locator('.intraday-kpis > div').nth(3).locator('dd.sub').innerText()).match(/\d+/)![0]);
    let last = storm;
    for (let k = 0; k < 6; k++) {
      const version = await page.locator('#intraday-board').getAttribute('data-version');
      await page.getByRole('button', { name: '采纳' }).first().click();
      await expect.poll(() => page.locator('#intraday-board').getAttribute('data-version'), { timeout: 20_000 }).not.toBe(version);
      const now = pctOf(await page.getByTestId('sl-rest').innerText());
      expect(now).toBeGreaterThanOrEqual(last);
      last = now;
    }
    expect(last).toBeGreaterThan(storm + 15);
    const missingAfter = Number((await page.locator('.intraday-kpis > div').nth(3).locator('dd.sub').innerText()).match(/\d+/)![0]);
    expect(missingAfter).toBeLessThan(missingBefore);
    expect(await page.getByTestId('change-log').locator('li').count()).toBe(6);
    await page.evaluate(() => window.scrollTo(0, 0));
    expect(await page.getByText(/调整前 [\d.]+%/).count()).toBe(1);
    await page.screenshot({ path: '/tmp/intraday-applied.png', fullPage: false });
    if (screenshots) await page.screenshot({ path: join(ROOT, 'docs', 'intraday.png') });

    await page.getByRole('button', { name: '撤销最近一次调整' }).click();
    await expect.poll(() => page.getByText('已撤销最近一次调整。').count()).toBe(1);
    expect(pctOf(await page.getByTestId('sl-rest').innerText())).toBeLessThan(last);
    // The 30-second poll skips while a form is in use (a no-show ticked), and runs again once it is not.
    const polls: string[] = [];
    page.on('request', (r) => r.method() === 'GET' && r.url().includes('/rosters/intraday?') && r.headers()['hx-request'] === 'true' && polls.push(r.url()));
    const poll = () => page.evaluate(() => (window as unknown as { htmx: { ajax(v: string, u: string, o: object): Promise<void> } }).htmx.ajax('GET', document.getElementById('intraday-board')!.getAttribute('hx-get')!, { source: '#intraday-board', target: '#intraday-board', swap: 'outerHTML' }).catch(() => undefined));
    await page.locator('form.no-shows input[type="checkbox"]').first().check();
    await poll();
    await page.waitForTimeout(500);
    expect(polls).toEqual([]);
    expect(await page.locator('form.no-shows input[type="checkbox"]').first().isChecked()).toBe(true);
    await page.locator('form.no-shows input[type="checkbox"]').first().uncheck();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await poll();
    await expect.poll(() => polls.length).toBe(1);
    expect(errors).toEqual([]);

    await t.sql`UPDATE users SET locale = 'en' WHERE username = 'scheduler'`;
    await page.goto(`${server.url}/rosters/intraday?project=95598`);
    expect(await page.getByRole('heading', { name: /Daily tweak/ }).count()).toBe(1);
    await page.screenshot({ path: '/tmp/intraday-en.png', fullPage: false });
    if (screenshots) await page.screenshot({ path: join(ROOT, 'docs', 'intraday-en.png') });
  }, 120_000);
});
