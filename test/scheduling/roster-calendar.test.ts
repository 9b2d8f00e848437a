// The agent's subscribable calendar feed: a secret link issued on /me (stored hashed, shown once), polled without a
// session, regenerated or revoked by the agent; unknown or revoked links answer 404 and the secret never reaches the logs.
import { describe, it, expect, beforeAll } from 'vitest';
import { createHash } from 'node:crypto';
import { Client, signedIn, testApp } from '../support/app.ts';

type T = Awaited<ReturnType<typeof testApp>>;

describe('calendar feed per agent', () => {
  let t: T;
  beforeAll(async () => {
    t = await testApp();
    // A published December with two shifts of the demo agent (A0001), and a draft January the feed must not show.
    const [dec] = await t.sql<{ id: number }[]>`INSERT INTO rosters (month, status, published_at) VALUES ('2026-12', 'published', now()) RETURNING id`;
    const [jan] = await t.sql<{ id: number }[]>`INSERT INTO rosters (month, status) VALUES ('2027-01', 'draft') RETURNING id`;
    await t.sql`INSERT INTO roster_cells (roster_id, agent_id, date, shift_code, project_code)
                SELECT ${dec!.id}::int, id, '2026-12-03'::date, 'E', '95598' FROM agents_sched WHERE code = 'A0001'
                UNION ALL SELECT ${dec!.id}::int, id, '2026-12-04'::date, 'N', '95598' FROM agents_sched WHERE code = 'A0001'
                UNION ALL SELECT ${jan!.id}::int, id, '2027-01-05'::date, 'D', '95598' FROM agents_sched WHERE code = 'A0001'`;
  }, 60_000);

  const feedToken = (html: string) => /\/calendar\/feed\.ics\?token=([\w-]+)/.exec(html)?.[1];

  it('issues a link once, serves the published shifts without a session, and regenerates or revokes it', async () => {
    const agent = await signedIn(t, 'agent');
    const me = await (await agent.get('/me')).text();
    expect(me).toContain('日历订阅');
    expect(me).toContain('尚未生成订阅链接');
    expect(feedToken(me)).toBeUndefined();

    const issued = await agent.post('/me/calendar');
    expect(issued.status).toBe(200);
    const page = await issued.text();
    expect(page).toContain('已生成新的订阅链接');
    expect(page).toContain('链接只显示这一次');
    const token = feedToken(page)!;
    expect(token).toMatch(/^[\w-]{32}$/);
    expect(page).toContain(`href="webcal://localhost/calendar/feed.ics?token=${token}"`);
    // Stored as its SHA-256 digest only.
    const [row] = await t.sql<{ token_hash: string; last_used_at: Date | null }[]>`SELECT token_hash, last_used_at FROM calendar_feeds`;
    expect(row!.token_hash).toBe(createHash('sha256').update(token).digest('base64url'));
    expect(row!.last_used_at).toBeNull();
    // Shown once: the page afterwards says a link exists but does not show it.
    const later = await (await agent.get('/me')).text();
    expect(feedToken(later)).toBeUndefined();
    expect(later).toContain('尚未被日历应用读取');

    const anonymous = new Client(t.app, t.deps.secret);
    const res = await anonymous.get(`/calendar/feed.ics?token=${token}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const ics = await res.text();
    const [dec] = await t.sql<{ id: number }[]>`SELECT id FROM rosters WHERE month = '2026-12'`;
    // 早班 07:00 and 夜班 23:00 in Asia/Shanghai (UTC+8), eight hours each; the draft January is not in it.
    expect(ics.split('\r\n').filter((l) => /^(UID|DTSTART|DTEND|SUMMARY):/.test(l))).toEqual([
      `UID:roster-${dec!.id}-A0001-2026-12-03@peakline`,
      'DTSTART:20261202T230000Z',
      'DTEND:20261203T070000Z',
      'SUMMARY:早班 E · 95598',
      `UID:roster-${dec!.id}-A0001-2026-12-04@peakline`,
      'DTSTART:20261204T150000Z',
      'DTEND:20261204T230000Z',
      'SUMMARY:夜班 N · 95598',
    ]);
    const [used] = await t.sql<{ last_used_at: Date }[]>`SELECT last_used_at FROM calendar_feeds`;
    expect(used!.last_used_at.toISOString()).toBe('2026-11-25T02:00:00.000Z');
    expect(await (await agent.get('/me')).text()).toMatch(/日历应用最近一次读取：/);

    // Regenerate: the old link stops working, the new one works.
    const again = feedToken(await (await agent.post('/me/calendar')).text())!;
    expect(again).not.toBe(token);
    expect((await anonymous.get(`/calendar/feed.ics?token=${token}`)).status).toBe(404);
    expect((await anonymous.get(`/calendar/feed.ics?token=${again}`)).status).toBe(200);
    // Revoke: gone.
    const revoked = await agent.post('/me/calendar/revoke');
    expect(await revoked.text()).toContain('订阅链接已停用');
    expect((await anonymous.get(`/calendar/feed.ics?token=${again}`)).status).toBe(404);
    expect((await t.sql`SELECT 1 FROM calendar_feeds`).length).toBe(0);

    // Unknown, malformed and missing secrets.
    expect((await anonymous.get(`/calendar/feed.ics?token=${'x'.repeat(32)}`)).status).toBe(404);
    expect((await anonymous.get('/calendar/feed.ics?token=bad%20token')).status).toBe(404);
    expect((await anonymous.get('/calendar/feed.ics')).status).toBe(404);

    const actions = (await t.sql<{ action: string }[]>`SELECT action FROM audit_log WHERE action LIKE 'calendar.%' ORDER BY id`).map((a) => a.action);
    expect(actions).toEqual(['calendar.feed.issue', 'calendar.feed.regenerate', 'calendar.feed.revoke']);
    // The secret never reaches the request log (it logs the path, and the secret rides in the query string).
    const log = t.logLines.join('\n');
    expect(log).toContain('/calendar/feed.ics');
    expect(log).not.toContain(token);
    expect(log).not.toContain(again);
  }, 60_000);

  it('is for agents: a scheduler has no feed section and cannot issue one', async () => {
    const scheduler = await signedIn(t, 'scheduler');
    expect(await (await scheduler.get('/me')).text()).not.toContain('日历订阅');
    expect((await scheduler.post('/me/calendar')).status).toBe(403);
    expect((await scheduler.post('/me/calendar/revoke')).status).toBe(403);
  }, 60_000);
});
