// The shell in a real browser: each demo role signs in and lands on its home, sees only its own
// navigation, switches language and signs out. Set SCREENSHOTS=1 to refresh docs/ screenshots.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { join } from 'node:path';
import { browserSuite, launchBrowser, serveApp } from '../support/browser.ts';
import { DEMO_PASSWORDS, testApp } from '../support/app.ts';
import { ROOT } from '../support/process.ts';

const screenshots = process.env.SCREENSHOTS === '1';


browserSuite('browser: shell', () => {
  let browser: Browser;
  let server: { url: string; close: () => Promise<void> };
  beforeAll(async () => {
    const t = await testApp();
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

  const cases = [
    { user: 'agent', path: '/agent', heading: '坐席助手', nav: ['坐席助手', '我的班表', '我的质检'] },
    { user: 'inspector', path: '/quality', heading: '质检工作队列', nav: ['质检'] },
    { user: 'scheduler', path: '/rosters', heading: '排班', nav: ['排班'] },
    { user: 'knowledge', path: '/knowledge', heading: '知识库', nav: ['知识库', '质检发现'] },
    { user: 'admin', path: '/admin/users', heading: '用户', nav: ['系统管理'] },
  ];

  for (const c of cases) {
    it(`signs in as ${c.user}, lands on ${c.path} with only its navigation, and signs out`, async () => {
      const context = await browser.newContext({ locale: 'zh-CN' });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      await signIn(page, c.user);
      await page.waitForURL(`${server.url}${c.path}`);
      expect(await page.getByRole('heading', { level: 1 }).first().innerText()).toBe(c.heading);
      const nav = await page.locator('nav.mainnav a').allInnerTexts();
      expect(nav).toEqual(c.nav);
      if (screenshots) await page.screenshot({ path: join(ROOT, 'docs', `home-${c.user}.png`) });
      await page.getByTestId('logout').click();
      await page.waitForURL(`${server.url}/login`);
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('登录');
      await page.goto(`${server.url}${c.path}`);
      await page.waitForURL(/\/login\?next=/);
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('switches language and keeps the choice for the user', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await signIn(page, 'admin');
    await page.waitForURL(`${server.url}/admin/users`);
    await page.getByTestId('lang-switch').click();
    await page.waitForURL(`${server.url}/admin/users`);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Users');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    if (screenshots) await page.screenshot({ path: join(ROOT, 'docs', 'admin-users-en.png') });
    await page.getByTestId('logout').click();
    await page.waitForURL(`${server.url}/login`);
    await signIn2(page, 'admin');
    await page.waitForURL(`${server.url}/admin/users`);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Users');
    await page.getByTestId('lang-switch').click();
    await page.waitForURL(`${server.url}/admin/users`);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('用户');
    await context.close();
  });

  async function signIn2(page: Page, username: string) {
    // the login page is in English now (the language cookie stays after sign-out)
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill(DEMO_PASSWORDS[username]);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  it('shows a wrong password beside the form and keeps the username', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByLabel('用户名').fill('agent');
    await page.getByLabel('密码').fill('not-the-password');
    await page.getByRole('button', { name: '登录' }).click();
    expect(await page.getByRole('alert').innerText()).toContain('用户名或密码不正确');
    expect(await page.getByLabel('用户名').inputValue()).toBe('agent');
    if (screenshots) await page.screenshot({ path: join(ROOT, 'docs', 'login.png') });
    await context.close();
  });
});
