// The roster in a real browser: a scheduler solves a month and watches the progress bar, edits a cell, locks it and
// publishes; the agent then sees the published month on their schedule. SCREENSHOTS=1 refreshes docs/roster-grid.png.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { join } from 'node:path';
import { browserSuite, launchBrowser, serveApp, signIn as signInAs } from '../support/browser.ts';
import { testApp } from '../support/app.ts';
import { ROOT } from '../support/process.ts';

const screenshots = process.env.SCREENSHOTS === '1';


browserSuite('browser: roster', () => {
  let browser: Browser;
  let server: { url: string; close: () => Promise<void> };
  let t: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    t = await testApp();
    server = await serveApp(t.app.fetch);
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const signIn = (page: Page, username: string) => signInAs(page, server.url, username);

  it('solves with a progress bar, edits and locks a cell, publishes; the agent sees the month', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await signIn(page, 'scheduler');
    await page.goto(`${server.url}/rosters/2026-12`);
    await page.getByLabel('求解时限（秒）').fill('6');
    await page.getByRole('button', { name: '求解排班' }).click();
    await expect.poll(() => page.locator('#roster-job progress').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.locator('#roster-job .job-status').innerText()).toMatch(/排队中|求解中/);
    await expect.poll(() => page.locator('#roster-job .job-status').innerText(), { timeout: 30_000 }).toBe('已完成');
    await page.getByRole('link', { name: '查看排班' }).click();
    await page.getByLabel('班组').selectOption('95598-A');
    await page.getByRole('button', { name: '筛选' }).click();
    await page.waitForURL(/team=95598-A/);
    // Keyboard: arrow keys walk the grid's cells, Enter opens one.
    await page.locator('table.roster-grid tbody tr').first().locator('td.cell a').nth(2).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(await page.locator('table.roster-grid tbody tr').first().locator('td.cell a').nth(4).getAttribute('href'));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#roster-edit-title').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.locator('#roster-edit-title').innerText()).toContain('2026-12-05');
    expect(await page.locator('#roster-preview').innerText()).toContain('选择班次或项目即可预览');
    // Live preview: picking a shift re-scores at once, before anything is saved.
    const current = await page.getByLabel('班次').inputValue();
    await page.getByLabel('班次').selectOption(current === 'D' ? 'E' : 'D');
    await expect.poll(() => page.locator('#roster-preview').innerText(), { timeout: 15_000 }).toContain('若保存：');
    expect(await page.locator('#roster-preview').innerText()).toMatch(/硬约束 [\d.]+ → [\d.]+/);
    expect(await page.locator('#roster-preview').innerText()).toMatch(/12-05 覆盖缺口 [\d.]+ → [\d.]+ 人·时段/);
    // Keyboard: arrow keys on the focused select pick another shift; the preview follows.
    await page.getByLabel('班次').focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.locator('#roster-preview').innerText(), { timeout: 15_000 }).toContain('若保存：');
    await page.screenshot({ path: '/tmp/roster-preview.png' });
    if (screenshots) await page.locator('section.roster-edit').screenshot({ path: join(ROOT, 'docs', 'roster-preview.png') });
    await page.getByLabel('班次').selectOption('D');
    await page.locator('#f-cell-project').selectOption('95598');
    await page.getByRole('button', { name: '保存并重新评分' }).click();
    await expect.poll(() => page.getByText('已保存。').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.locator('tr:first-child td.current').innerText()).toContain('D');
    await page.getByRole('button', { name: '锁定此格' }).click();
    await expect.poll(() => page.getByText('此格已锁定，重新求解时保持不变。').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.locator('td.current.locked').count()).toBe(1);
    await page.screenshot({ path: '/tmp/roster-grid.png' });
    if (screenshots) await page.screenshot({ path: join(ROOT, 'docs', 'roster-grid.png') });
    expect(await page.getByRole('link', { name: '下载 Excel' }).getAttribute('href')).toBe('/rosters/2026-12/export.xlsx');
    await page.getByRole('button', { name: '发布排班' }).click();
    await expect.poll(() => page.getByText('排班已发布。').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByRole('button', { name: '发布排班' }).count()).toBe(0);
    expect(errors).toEqual([]);

    const agentContext = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    const agent = await agentContext.newPage();
    await signIn(agent, 'agent');
    await agent.goto(`${server.url}/schedule`);
    const text = await agent.locator('main').innerText();
    expect(text).toContain('2026-12-05');
    await agent.screenshot({ path: '/tmp/roster-agent.png' });
  }, 90_000);
});
