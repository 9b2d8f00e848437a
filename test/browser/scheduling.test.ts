// The scheduler's forecast screens in a real browser: upload a small history file, review the chart and
// the staffing table, add a hand adjustment and see it reflected. SCREENSHOTS=1 refreshes docs/scheduling-forecast.png.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { browserSuite, launchBrowser, serveApp } from '../support/browser.ts';
import { DEMO_PASSWORDS, testApp } from '../support/app.ts';
import { ROOT } from '../support/process.ts';
import { intervalStart, localDateRange } from '../../scheduling/time.ts';
import { dailyShape } from '../../scheduling/demo/history.ts';
import { requiredAgents } from '../../scheduling/erlang.ts';


/** Eight weeks of one line's history: the demo daily shape scaled to 3,000 calls a day, AHT 240 s. */
function shapedHistory(): { csv: string; callsAt: (interval: number) => number } {
  const shape = dailyShape();
  const callsAt = (i: number) => Math.round(3000 * shape[i]!);
  const lines = ['project,interval_start,calls_offered,calls_handled,aht_seconds'];
  for (const date of localDateRange('2026-10-12', '2026-12-06')) {
    for (let i = 0; i < 48; i++) lines.push(`TSB,${intervalStart(date, i).toISOString()},${callsAt(i)},${callsAt(i)},240`);
  }
  return { csv: lines.join('\n') + '\n', callsAt };
}

browserSuite('browser: scheduling', () => {
  let browser: Browser;
  let server: { url: string; close: () => Promise<void> };
  beforeAll(async () => {
    const t = await testApp();
    await t.sql`INSERT INTO projects (code, name, name_en, kind, sl_target, sl_seconds) VALUES ('TSB', '浏览器测试专线', 'Browser test line', 'outsourced', 0.8, 20)`;
    server = await serveApp(t.app.fetch);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('imports history, reviews forecast and staffing, and adds an adjustment that the numbers follow', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // the bad upload answers 422 on purpose (errors shown); anything else is a fault
    page.on('console', (m) => m.type() === 'error' && !/status of 422/.test(m.text()) && errors.push(`${page.url()} ${m.text().slice(0, 60)} ${JSON.stringify(m.location())}`));

    await page.goto(`${server.url}/`);
    await page.getByLabel('用户名').fill('scheduler');
    await page.getByLabel('密码').fill(DEMO_PASSWORDS.scheduler);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(`${server.url}/rosters`);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('排班');
    expect(await page.getByTestId('overview').innerText()).toContain('95598');
    await page.screenshot({ path: join(tmpdir(), 'scheduling-overview.png') });

    // A bad file first: the errors show with line numbers, nothing is stored.
    await page.getByRole('link', { name: '话务历史导入' }).click();
    await page.waitForURL(`${server.url}/rosters/history/import`);
    await page.getByLabel('文件').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('project,interval_start,calls_offered,calls_handled,aht_seconds\nTSB,2026-10-12T08:00:00+08:00,-1,0,240\n') });
    await page.getByRole('button', { name: '导入' }).click();
    await page.getByTestId('import-errors').waitFor();
    expect(await page.getByTestId('import-errors').innerText()).toContain('第 2 行');

    const { csv, callsAt } = shapedHistory();
    await page.getByLabel('文件').setInputFiles({ name: 'tsb.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: '导入' }).click();
    await page.getByText('已导入 2688 个时段的话务历史。').waitFor();
    expect(await page.getByTestId('history-summary').innerText()).toContain('2,688');
    await page.screenshot({ path: join(tmpdir(), 'scheduling-import.png') });

    // Forecast and staffing for the next day.
    await page.getByRole('link', { name: '预测与人力' }).click();
    await page.waitForURL(/\/rosters\/forecast/);
    await page.getByLabel('项目').selectOption('TSB');
    await page.getByLabel('日期').fill('2026-12-07');
    await page.getByRole('button', { name: '查看' }).click();
    await page.waitForURL(/project=TSB&date=2026-12-07/);
    await page.getByTestId('staffing-chart').waitFor();
    expect(await page.locator('[data-testid=staffing-chart] rect.bar[data-interval]').count()).toBe(48);
    const row20 = page.locator('tr[data-interval="20"]');
    const need = (calls: number) => requiredAgents({ calls, intervalSeconds: 1800, ahtSeconds: 240, targetSeconds: 20, serviceLevel: 0.8, maxOccupancy: 0.85, shrinkage: 0.3 });
    expect(await row20.locator('[data-col=calls]').innerText()).toBe(callsAt(20).toFixed(1));
    expect(await row20.locator('[data-col=scheduled]').innerText()).toBe(String(need(callsAt(20)).scheduledAgents));

    // A campaign at 10:00: +50% in that interval.
    // clicking the 10:00 bar picks that interval in the form
    await page.locator('[data-testid=staffing-chart] rect.bar[data-interval="20"]').click();
    expect(await page.getByLabel('范围').inputValue()).toBe('20');
    expect(await page.getByLabel('数值').getAttribute('placeholder')).toBe('1.3');
    await page.getByLabel('方式').selectOption('factor');
    await page.getByLabel('数值').fill('1.5');
    await page.getByLabel('原因').fill('电费催缴短信集中发送');
    await page.getByRole('button', { name: '添加调整' }).click();
    await page.getByText('调整已保存并计入预测。').waitFor();
    expect(await page.getByTestId('adjustments').innerText()).toContain('电费催缴短信集中发送');
    const adjusted = callsAt(20) * 1.5;
    expect(await page.locator('tr[data-interval="20"] [data-col=calls]').innerText()).toBe(adjusted.toFixed(1));
    expect(await page.locator('tr[data-interval="20"] [data-col=scheduled]').innerText()).toBe(String(need(adjusted).scheduledAgents));
    expect(await page.locator('[data-testid=staffing-chart] rect.bar.adjusted').count()).toBe(1);

    await page.evaluate(() => window.scrollTo(0, 0));
    // SCREENSHOTS=1 refreshes the one in docs/; otherwise it goes to the temp folder for a look.
    await page.screenshot({ path: process.env.SCREENSHOTS === '1' ? join(ROOT, 'docs', 'scheduling-forecast.png') : join(tmpdir(), 'scheduling-forecast.png') });

    await page.screenshot({ path: join(tmpdir(), 'scheduling-forecast-full.png'), fullPage: true });

    // The month view marks the adjusted day.
    await page.getByRole('link', { name: '查看整月' }).click();
    await page.waitForURL(/\/rosters\/forecast\/month/);
    expect(await page.getByTestId('month-table').innerText()).toContain('已人工调整');
    await page.screenshot({ path: join(tmpdir(), 'scheduling-month.png') });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the demo centre in English: the 95598 forecast with its backtest and the month view', async () => {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`${server.url}/login?next=${encodeURIComponent('/rosters/forecast?project=95598')}`);
    await page.getByLabel('Username').fill('scheduler');
    await page.getByLabel('Password').fill(DEMO_PASSWORDS.scheduler);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/rosters\/forecast\?project=95598/);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Forecast and staffing');
    expect(await page.getByTestId('wape').innerText()).toMatch(/^\d+\.\d%/);
    expect(await page.locator('[data-testid=staffing-chart] rect.bar[data-interval]').count()).toBe(48);
    await page.screenshot({ path: join(tmpdir(), 'scheduling-forecast-en.png') });
    await page.getByRole('link', { name: 'Month forecast' }).click();
    await page.waitForURL(/\/rosters\/forecast\/month/);
    expect(await page.getByTestId('month-total').innerText()).toMatch(/calls forecast for the month/);
    expect(errors).toEqual([]);
    await context.close();
  });
});
