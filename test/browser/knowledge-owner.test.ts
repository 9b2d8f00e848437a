// A knowledge owner in a real browser edits a scenario's phrasings, reviews the diff and publishes it;
// an agent's search then finds the scenario by the new phrase. SCREENSHOTS=1 refreshes docs/knowledge-scenario.png.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { join } from 'node:path';
import { browserSuite, launchBrowser, serveApp } from '../support/browser.ts';
import { DEMO_PASSWORDS } from '../support/app.ts';
import { ROOT } from '../support/process.ts';
import { importScenarios } from '../../server/knowledge/owner-queries.ts';
import { ownerApp } from '../knowledge/owner-support.ts';

const screenshots = process.env.SCREENSHOTS === '1';
const NEW_PHRASE = '屋顶太阳能板发的电怎么卖给电网';


browserSuite('browser: knowledge owner', () => {
  let browser: Browser;
  let server: { url: string; close: () => Promise<void> };
  beforeAll(async () => {
    const t = await ownerApp();
    await importScenarios(
      t.sql,
      [{ code: 'T-BR-001', title: '分布式光伏并网咨询', category: '新装增容/光伏并网', phrasings: ['家里装光伏怎么并网'], script: ['您好，请问您的户号？', '光伏并网需提交申请资料。'], inquiry: ['装机容量'], forbidden: [{ phrase: '这事不归我们管', instead: '我帮您转给负责部门' }] }],
      { publish: true, userId: null, note: '测试场景', now: t.clock.now },
    );
    server = await serveApp(t.app.fetch);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function signIn(page: Page, username: string) {
    await page.goto(`${server.url}/`);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(DEMO_PASSWORDS[username]);
    await page.getByRole('button', { name: '登录' }).click();
  }

  it('edits a phrasing as a draft, reviews the diff, publishes v2 and the agent finds it by the new phrase', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await signIn(page, 'knowledge');
    await page.waitForURL(`${server.url}/knowledge`);
    await page.getByLabel('查找').fill('光伏并网');
    await page.getByRole('button', { name: '筛选' }).click();
    await page.getByRole('link', { name: 'T-BR-001' }).click();
    await page.waitForURL(`${server.url}/knowledge/scenarios/T-BR-001`);
    expect(await page.getByTestId('published-version').innerText()).toBe('v1');
    const phrasings = page.getByLabel('客户说法');
    await phrasings.fill(`${await phrasings.inputValue()}\n${NEW_PHRASE}`);
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.waitForURL(/saved=1/);
    expect(await page.getByRole('status').innerText()).toContain('草稿已保存');
    expect(await page.getByTestId('draft-state').innerText()).toContain('有草稿，由 陈静');
    await page.getByRole('link', { name: '审核并发布' }).click();
    await page.waitForURL(/\/review$/);
    expect(await page.getByTestId('diff').innerText()).toContain(`+ ${NEW_PHRASE}`);
    await page.getByLabel('发布说明').fill('补充客户的光伏卖电说法');
    await page.getByRole('button', { name: '发布' }).click();
    await page.waitForURL(/published=2/);
    expect(await page.getByTestId('published-version').innerText()).toBe('v2');
    expect(await page.getByTestId('history').innerText()).toContain('补充客户的光伏卖电说法');
    await page.screenshot({ path: '/tmp/knowledge-scenario.png' });
    if (screenshots) await page.screenshot({ path: join(ROOT, 'docs', 'knowledge-scenario.png') });
    await page.getByRole('link', { name: '与上一版比较' }).click();
    await page.waitForURL(/diff\?a=1&b=2/);
    expect(await page.getByTestId('diff').innerText()).toContain(`+ ${NEW_PHRASE}`);
    await page.screenshot({ path: '/tmp/knowledge-diff.png' });
    expect(errors).toEqual([]);
    await context.close();

    // an agent now finds the scenario by the phrase that was just published
    const agentContext = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    const agentPage = await agentContext.newPage();
    agentPage.on('pageerror', (e) => errors.push(e.message));
    await signIn(agentPage, 'agent');
    await agentPage.waitForURL(`${server.url}/agent`);
    await agentPage.locator('#agent-q').click();
    await agentPage.keyboard.type(NEW_PHRASE, { delay: 10 });
    await agentPage.locator('#hits li#hit-T-BR-001').waitFor();
    expect(await agentPage.locator('#hits li.hit').first().getAttribute('id')).toBe('hit-T-BR-001');
    await agentPage.screenshot({ path: '/tmp/knowledge-agent-finds.png' });
    expect(errors).toEqual([]);
    await agentContext.close();
  });

  it('shows every owner page without script errors, and an import error line by line', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // a 422 answer is logged by the browser as a failed resource; that is the expected reply here
    page.on('console', (m) => m.type() === 'error' && !/status of 422/.test(m.text()) && errors.push(`${page.url()} ${m.text()}`));
    await signIn(page, 'knowledge');
    await page.waitForURL(`${server.url}/knowledge`);
    await page.screenshot({ path: '/tmp/knowledge-home.png' });
    for (const [tab, path, heading] of [['反馈队列', 'flags', '话术反馈队列'], ['搜索分析', 'analytics', '搜索分析'], ['责任矩阵', 'matrix', '责任矩阵'], ['导入导出', 'import', '导入场景库']]) {
      await page.getByRole('navigation', { name: '知识库' }).getByRole('link', { name: tab }).click();
      await page.waitForURL(`${server.url}/knowledge/${path}`);
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(heading);
      await page.screenshot({ path: `/tmp/knowledge-${tab}.png`, caret: 'initial' });
    }
    await page.getByLabel('文件（.jsonl）').setInputFiles({ name: 'faq.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from('{"code":"FAQ-1","title":"如何交电费"}\n{"code":"FAQ-2"}\n') });
    await page.getByRole('button', { name: '导入' }).click();
    expect(await page.getByTestId('import-errors').innerText()).toContain('第 2 行： title: is required');
    await page.screenshot({ path: '/tmp/knowledge-import-error.png' });
    expect(errors).toEqual([]);
    await context.close();
  });
  it('edits a work-order template as a form: adds and moves a field, sees the error beside it, saves; the JSON view follows', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && !/status of 422/.test(m.text()) && errors.push(`${page.url()} ${m.text()}`));
    await signIn(page, 'knowledge');
    await page.waitForURL(`${server.url}/knowledge`);
    await page.goto(`${server.url}/knowledge/scenarios/TS-003`);
    const rows = page.getByTestId('tpl-field-row');
    expect(await rows.count()).toBe(7);
    expect(await page.locator('#tpl_kind').inputValue()).toBe('complaint');
    expect(await page.locator('#tpl_matrixCode').inputValue()).toBe('C02-03');
    await page.locator('#tpl_description').fill('客户{name}投诉{address}抢修人员（{staffInfo}）于{visitTime}{issue}。');
    // add a row (swapped in place by htmx; what was typed above stays)
    await page.getByRole('button', { name: '添加字段' }).click();
    await rows.nth(7).waitFor();
    expect(await page.locator('#tpl_description').inputValue()).toBe('客户{name}投诉{address}抢修人员（{staffInfo}）于{visitTime}{issue}。');
    await page.locator('#tpl_f7_name').fill('vehicleSeen');
    await page.locator('#tpl_f7_label').fill('是否看到车辆');
    await page.locator('#tpl_f7_type').selectOption('select');
    await page.getByRole('button', { name: '上移 8' }).click();
    await page.locator('#tpl_f6_name[value="vehicleSeen"]').waitFor();
    expect(await page.locator('#tpl_f7_name').inputValue()).toBe('issue');
    // a select without options: refused beside the options box, everything typed kept
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.locator('#tpl_f6_options-error').waitFor();
    expect(await page.locator('#tpl_f6_options-error').innerText()).toBe('下拉字段至少需要一个选项。');
    expect(await page.locator('#tpl_f6_label').inputValue()).toBe('是否看到车辆');
    await page.locator('#tpl_f6_options').fill('看到了\n没看到');
    await page.getByTestId('tpl-editor').screenshot({ path: '/tmp/knowledge-template-editor.png' });
    if (screenshots) await page.getByTestId('tpl-editor').screenshot({ path: join(ROOT, 'docs', 'knowledge-template-editor.png') });
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.waitForURL(/saved=1/);
    expect(await page.locator('#tpl_f6_name').inputValue()).toBe('vehicleSeen');
    expect(await page.locator('#tpl_f6_options').inputValue()).toBe('看到了\n没看到');
    await page.locator('summary', { hasText: 'JSON 视图（高级）' }).click();
    const json = JSON.parse(await page.locator('#f-template').inputValue()) as { fields: { name: string; options?: string[] }[] };
    expect(json.fields.map((f) => f.name)).toEqual(['name', 'phone', 'account', 'address', 'staffInfo', 'visitTime', 'vehicleSeen', 'issue']);
    expect(json.fields[6].options).toEqual(['看到了', '没看到']);
    // typing in the JSON view means the JSON is what should be saved
    expect(await page.locator('#tpl-use-json').isChecked()).toBe(false);
    await page.locator('#f-template').press('End');
    await page.locator('#f-template').pressSequentially(' ');
    expect(await page.locator('#tpl-use-json').isChecked()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();

    const en = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    const enPage = await en.newPage();
    await signIn(enPage, 'knowledge');
    await enPage.waitForURL(`${server.url}/knowledge`);
    await en.addCookies([{ name: 'pl_lang', value: 'en', url: server.url }]);
    await enPage.goto(`${server.url}/knowledge/scenarios/TS-003`);
    await enPage.getByTestId('tpl-editor').screenshot({ path: '/tmp/knowledge-template-editor-en.png' });
    await en.close();
  });
  it('sets the repeat-complaint window in the settings tab and opens the department order index', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && !/status of 422/.test(m.text()) && errors.push(`${page.url()} ${m.text()}`));
    await signIn(page, 'knowledge');
    await page.waitForURL(`${server.url}/knowledge`);
    const tabs = page.getByRole('navigation', { name: '知识库' });
    await tabs.getByRole('link', { name: '设置' }).click();
    await page.waitForURL(`${server.url}/knowledge/settings`);
    await page.getByLabel('时间窗').fill('0');
    await page.getByRole('button', { name: '保存设置' }).click();
    expect(await page.locator('#f-repeatWindowDays-error').innerText()).toBe('请填写 1 到 366 之间的整数天数。');
    expect(await page.getByLabel('时间窗').inputValue()).toBe('0');
    await page.getByLabel('时间窗').fill('45');
    await page.getByRole('button', { name: '保存设置' }).click();
    await page.waitForURL(/saved=1/);
    expect(await page.locator('#f-repeatWindowDays-hint').innerText()).toBe('当前为 45 天（默认 30 天）。');
    await page.screenshot({ path: '/tmp/knowledge-settings.png' });
    await page.getByRole('navigation', { name: '知识库' }).getByRole('link', { name: '部门工单' }).click();
    await page.waitForURL(`${server.url}/orders/departments`);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('各部门工单');
    expect(await page.getByTestId('dept-index').locator('tbody tr').count()).toBe(13);
    await page.screenshot({ path: '/tmp/knowledge-departments.png' });
    await page.getByRole('link', { name: '客户服务中心' }).click();
    await page.waitForURL(/\/orders\/department\/D-CSC$/);
    await page.screenshot({ path: '/tmp/knowledge-department-list.png' });
    await context.addCookies([{ name: 'pl_lang', value: 'en', url: server.url }]);
    await page.goto(`${server.url}/knowledge/settings`);
    await page.screenshot({ path: '/tmp/knowledge-settings-en.png' });
    await page.goto(`${server.url}/orders/departments`);
    await page.screenshot({ path: '/tmp/knowledge-departments-en.png' });
    expect(errors).toEqual([]);
    await context.close();
  });
});
