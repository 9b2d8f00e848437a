// The weekly adjustment in a real browser: a scheduler enters sickness, re-plans the coming week at the "few changes"
// price, watches the job, reviews a short change list and publishes it; the agent then sees the changed day
// highlighted on their schedule. SCREENSHOTS=1 refreshes docs/weekly-replan.png and docs/weekly-agent.png.
import { it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { join } from 'node:path';
import { browserSuite, launchBrowser, serveApp, signIn as signInAs } from '../support/browser.ts';
import { testApp } from '../support/app.ts';
import { ROOT } from '../support/process.ts';
import { seedPublishedRoster } from '../../server/scheduling/demo-roster.ts';

const screenshots = process.env.SCREENSHOTS === '1';

browserSuite('browser: weekly adjustment', () => {
  let browser: Browser;
  let server: { url: string; close: () => Promise<void> };
  let t: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    t = await testApp();
    // Wednesday 2026-11-11, 10:00 in Shanghai: the coming week is 16–22 November.
    t.clock.now = new Date('2026-11-11T02:00:00Z');
    await seedPublishedRoster(t.sql, '2026-11', 'Asia/Shanghai');
    server = await serveApp(t.app.fetch);
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const signIn = (page: Page, username: string) => signInAs(page, server.url, username);

  it('enters sickness, re-plans the week, publishes a short change list; the agent sees the change', async () => {
    const [day] = await t.sql<{ date: string; shift: string; project: string }[]>`
      SELECT to_char(c.date, 'YYYY-MM-DD') AS date, c.shift_code AS shift, c.project_code AS project FROM roster_cells c JOIN agents_sched a ON a.id = c.agent_id
      WHERE a.code = 'A0001' AND c.date BETWEEN '2026-11-17' AND '2026-11-21' AND c.shift_code IS NOT NULL ORDER BY c.date LIMIT 1`;
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await signIn(page, 'scheduler');

    await page.goto(`${server.url}/rosters/leave`);
    await page.locator('#leave-form').getByLabel('坐席（工号）').fill('A0001');
    await page.locator('#leave-form').getByLabel('开始日期').fill(day!.date);
    await page.locator('#leave-form').getByLabel('结束日期').fill(day!.date);
    await page.locator('#leave-form').getByLabel('类型').selectOption('sick');
    await page.locator('#leave-form').getByLabel('备注').fill('发烧');
    await page.getByRole('button', { name: '登记' }).click();
    await expect.poll(() => page.getByText('请假已登记。').count(), { timeout: 20_000 }).toBe(1);

    await page.getByRole('link', { name: '周重排' }).click();
    await page.waitForURL(/\/rosters\/weekly/);
    expect(await page.locator('h1').innerText()).toBe('周调整：2026-11-16 起的一周');
    expect(await page.locator('[data-testid="leave-conflicts"]').innerText()).toContain(`A0001 蒋平\t${day!.date}\t${day!.shift} · ${day!.project}\t病假`);
    await page.getByLabel('计算时间（秒）').fill('3');
    await page.getByRole('button', { name: /少改动/ }).click();
    await expect.poll(() => page.locator('#replan-job').count(), { timeout: 20_000 }).toBe(1);
    // The job polls itself and the page reloads with the change list once it is done.
    await expect.poll(() => page.locator('[data-testid="change-list"]').count(), { timeout: 60_000 }).toBe(1);
    const list = await page.locator('[data-testid="change-list"] tbody').innerText();
    expect(list).toContain(`A0001 蒋平\t${day!.date}\t${day!.shift} · ${day!.project}\t→\t休\t请假\t必须（请假）`);
    const n = Number(await page.locator('[data-testid="changed-count"]').innerText());
    expect(n).toBeGreaterThanOrEqual(1);
    expect(n).toBeLessThanOrEqual(5);
    await page.screenshot({ path: '/tmp/weekly-replan.png', fullPage: true });
    if (screenshots) await page.screenshot({ path: join(ROOT, 'docs', 'weekly-replan.png'), fullPage: true });
    await page.getByRole('button', { name: `发布 ${n} 项调整` }).click();
    await expect.poll(() => page.getByText('调整已发布，坐席的班表已更新。').count(), { timeout: 20_000 }).toBe(1);
    await page.getByRole('link', { name: '版本记录' }).click();
    await expect.poll(() => page.locator('[data-testid="versions"]').count(), { timeout: 20_000 }).toBe(1);
    expect(await page.locator('[data-testid="versions"]').innerText()).toContain('第 2 版');
    expect(errors).toEqual([]);

    const agentContext = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    const agent = await agentContext.newPage();
    await signIn(agent, 'agent');
    await agent.goto(`${server.url}/schedule`);
    const row = agent.locator(`tr.changed[data-date="${day!.date}"]`);
    expect(await row.count()).toBe(1);
    expect(await agent.locator(`tr.change-note[data-date="${day!.date}"]`).innerText()).toMatch(new RegExp(`^原为 ${day!.shift} · ${day!.project}，现为 休（周重排，2026/11/11 10:00 由 张敏 调整）$`));
    await agent.screenshot({ path: '/tmp/weekly-agent.png', fullPage: true });
    if (screenshots) await agent.locator('main').screenshot({ path: join(ROOT, 'docs', 'weekly-agent.png') });

    // The agent asks a colleague of the team who is off around a later working day to swap; the scheduler approves.
    const [swap] = await t.sql<{ date: string; colleague: string; name: string }[]>`
      SELECT to_char(c.date, 'YYYY-MM-DD') AS date, b.code AS colleague, b.name FROM roster_cells c JOIN agents_sched a ON a.id = c.agent_id
      JOIN agents_sched b ON b.id <> a.id AND b.team_id = a.team_id AND b.skills ? c.project_code
      WHERE a.code = 'A0001' AND c.date > ${day!.date}::date AND c.shift_code IN ('E', 'D', 'M')
        AND NOT EXISTS (SELECT 1 FROM roster_cells x WHERE x.agent_id = b.id AND x.date BETWEEN c.date - 1 AND c.date + 1 AND x.shift_code IS NOT NULL)
      ORDER BY c.date, b.code LIMIT 1`;
    await agent.getByLabel('我的日期').fill(swap!.date);
    await agent.getByLabel('同事', { exact: true }).selectOption(swap!.colleague);
    await agent.getByRole('button', { name: '提交申请' }).click();
    await expect.poll(() => agent.getByText('换班申请已提交。').count(), { timeout: 20_000 }).toBe(1);
    // The colleague has no console login, so the scheduler decides without waiting for them.
    expect(await agent.locator('[data-testid="my-swaps"] tbody').innerText()).toContain('待排班员决定');
    await page.goto(`${server.url}/rosters/swaps`);
    expect(await page.locator('[data-testid="swaps"] tbody').innerText()).toContain(`${swap!.colleague} ${swap!.name}`);
    await page.screenshot({ path: '/tmp/weekly-swaps.png', fullPage: true });
    await page.getByRole('button', { name: '批准' }).click();
    await expect.poll(() => page.getByText('换班已批准并写入排班。').count(), { timeout: 20_000 }).toBe(1);
    await agent.goto(`${server.url}/schedule`);
    expect(await agent.locator(`tr.change-note[data-date="${swap!.date}"]`).innerText()).toContain('（换班，');

    // The same pages in English, for a look.
    await page.goto(`${server.url}/rosters/weekly?week=2026-11-16`);
    await page.getByTestId('lang-switch').click();
    await page.waitForLoadState('networkidle');
    expect(await page.locator('h1').innerText()).toBe('Weekly adjustment: week of 2026-11-16');
    await page.screenshot({ path: '/tmp/weekly-replan-en.png', fullPage: true });
    await page.goto(`${server.url}/rosters/2026-11/versions`);
    await page.screenshot({ path: '/tmp/weekly-versions-en.png', fullPage: true });
    await page.goto(`${server.url}/rosters/leave`);
    await page.getByRole('button', { name: 'Add' }).click();
    await expect.poll(() => page.getByText('Enter the agent’s code.').count(), { timeout: 20_000 }).toBe(1);
    await page.screenshot({ path: '/tmp/weekly-leave-en.png' });
  }, 120_000);
});
