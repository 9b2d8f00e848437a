// Real-browser support: Debian's Chromium driven by playwright-core, and the console served on a
// real port from the in-process app. Without Chromium the browser suites report themselves
// skipped with the reason, unless REQUIRE_BROWSER=1, when they fail.
import { describe, it } from 'vitest';
import { existsSync } from 'node:fs';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type Browser, type Page } from 'playwright-core';
import { freePort } from './process.ts';
import { DEMO_PASSWORDS } from './app.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const browserAvailable = existsSync(CHROMIUM_PATH);
export const browserRequired = process.env.REQUIRE_BROWSER === '1';
export const browserSkipReason = `Chromium not found at ${CHROMIUM_PATH} (install Debian's chromium, or set CHROMIUM_PATH)`;

/** Launches headless Chromium with the flags this closed network needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--lang=zh-CN'],
  });
}

/** Serves an app's fetch handler on a free local port. */
export async function serveApp(fetch: (req: Request) => Response | Promise<Response>): Promise<{ url: string; close: () => Promise<void> }> {
  const port = await freePort();
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch, port, hostname: '127.0.0.1' }, () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Declares a browser suite: run when Chromium is present; otherwise reported skipped with the
 * reason — or, under REQUIRE_BROWSER=1, a failing test saying what is missing.
 * @example browserSuite('browser: shell', () => { it(…) });
 */
export function browserSuite(name: string, body: () => void): void {
  if (!browserAvailable && browserRequired) {
    describe(name, () => {
      it('needs Chromium because REQUIRE_BROWSER=1', () => {
        throw new Error(browserSkipReason);
      });
    });
    return;
  }
  describe.skipIf(!browserAvailable)(browserAvailable ? name : `${name} — skipped: ${browserSkipReason}`, body);
}

/**
 * Signs a demo user in through the login form (either language) and waits until the browser has left /login and
 * the landing page has settled: under load, networkidle can come before the sign-in POST is answered.
 * @example await signIn(page, server.url, 'scheduler')
 */
export async function signIn(page: Page, baseUrl: string, username: string): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.getByLabel(/用户名|Username/).fill(username);
  await page.getByLabel(/密码|Password/).fill(DEMO_PASSWORDS[username]!);
  await page.getByRole('button', { name: /登录|Sign in/ }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 30_000 });
  await page.waitForLoadState('networkidle');
}
