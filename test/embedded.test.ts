// The embedded store as a user meets it: the real server process on a data folder, a second
// process finding it locked, data surviving kill -9, a clean SIGTERM shutdown.
import { describe, it, expect, afterAll } from 'vitest';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exited, runCli, startServer, type Running } from './support/process.ts';
import { openDatabase } from '../server/db/index.ts';

describe('embedded database in a data folder', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'peakline-embedded-'));
  const env = { DATA_DIR: dataDir, DATABASE_URL: '' };
  let server: Running | undefined;
  afterAll(() => {
    server?.child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts, migrates and seeds on an empty folder; the CLI issues a token when the store is free', async () => {
    const cli = await runCli(['token', 'create', '--user', 'admin', '--name', 'cti'], env);
    expect(cli.stderr).toContain('shown once');
    expect(cli.code).toBe(0);
    expect(cli.stdout.trim()).toMatch(/^pk_[\w-]{32}$/);
    server = await startServer(env);
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', database: 'ok' });
    const me = await fetch(`${server.url}/api/v1/me`, { headers: { authorization: `Bearer ${cli.stdout.trim()}` } });
    expect(await me.json()).toEqual({ username: 'admin', displayName: '系统管理员', roles: ['admin'] });
  }, 180_000);

  it('a second process finds the store locked and says so plainly', async () => {
    const cli = await runCli(['token', 'create', '--user', 'admin'], env);
    expect(cli.code).toBe(1);
    expect(cli.stderr).toContain(`is in use by process ${server!.child.pid}`);
    expect(cli.stderr).toContain('DATABASE_URL');
    expect(cli.stdout).toBe('');
  }, 120_000);

  it('keeps committed data through kill -9 and takes over the stale lock', async () => {
    const form = new URLSearchParams({ username: 'admin', password: 'demo-admin-pass' });
    const page = await fetch(`${server!.url}/login`);
    const anon = page.headers.getSetCookie()[0].split(';')[0];
    const token = /name="csrf-token" content="([^"]+)"/.exec(await page.text())![1];
    form.set('_csrf', token);
    const login = await fetch(`${server!.url}/login`, { method: 'POST', body: form, redirect: 'manual', headers: { cookie: anon } });
    expect(login.status).toBe(303);
    server!.child.kill('SIGKILL');
    await exited(server!.child);
    expect(existsSync(join(dataDir, 'peakline.lock'))).toBe(true);
    const db = await openDatabase({ dataDir, holder: 'test' });
    try {
      const rows = await db.sql<{ action: string }[]>`SELECT action FROM audit_log WHERE action IN ('token.issue', 'auth.login') ORDER BY id`;
      expect(rows.map((r) => r.action)).toEqual(['token.issue', 'auth.login']);
    } finally {
      await db.close();
    }
    expect(existsSync(join(dataDir, 'peakline.lock'))).toBe(false);
  }, 180_000);

  it('restarts on the same folder and shuts down cleanly on SIGTERM, releasing the lock', async () => {
    server = await startServer(env);
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(server.output()).not.toContain('migrations applied');
    server.child.kill('SIGTERM');
    expect(await exited(server.child)).toBe(0);
    expect(server.output()).toContain('"msg":"stopped"');
    expect(existsSync(join(dataDir, 'peakline.lock'))).toBe(false);
  }, 180_000);
});
