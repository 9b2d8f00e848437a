// The agent's own schedule page: published roster shifts from today on, nothing from drafts or the past.
import { describe, it, expect, beforeAll } from 'vitest';
import { signedIn, testApp } from '../support/app.ts';

type T = Awaited<ReturnType<typeof testApp>>;

describe('my schedule', () => {
  let t: T;
  beforeAll(async () => {
    t = await testApp();
  });

  it('lists what the floor lead changed for the agent today (cover, later end), not undone or other agents\' changes', async () => {
    // Test clock: 2026-11-25 10:00 Shanghai. The demo agent user is agents_sched A0001.
    const scheduler = (await t.sql<{ id: number }[]>`SELECT id FROM users WHERE username = 'scheduler'`)[0]!.id;
    await t.sql`INSERT INTO intraday_changes (date, seq, kind, project_code, label, changes, applied_by, applied_by_name, applied_at, undone_at) VALUES
      ('2026-11-25', 1, 'moveAgent', 'EV', 'cover', ${t.sql.json([{ type: 'loan', agentId: 'A0001', project: 'EV', startMinute: 600, endMinute: 720 }, { type: 'loan', agentId: 'A0002', project: 'EV', startMinute: 600, endMinute: 720 }] as never)}, ${scheduler}, 'scheduler', '2026-11-25T01:55:00Z', NULL),
      ('2026-11-25', 2, 'overtime', '95598', 'overtime', ${t.sql.json([{ type: 'setShiftEnd', agentId: 'A0001', endMinute: 1140 }] as never)}, ${scheduler}, 'scheduler', '2026-11-25T01:56:00Z', NULL),
      ('2026-11-25', 3, 'callIn', '95598', 'call-in', ${t.sql.json([{ type: 'callIn', agentId: 'A0001', project: '95598', startMinute: 840, endMinute: 1020 }] as never)}, ${scheduler}, 'scheduler', '2026-11-25T01:57:00Z', '2026-11-25T01:58:00Z'),
      ('2026-11-24', 1, 'noShow', '95598', 'no-shows', '[]', ${scheduler}, 'scheduler', '2026-11-24T01:00:00Z', NULL)`;
    await t.sql`UPDATE intraday_changes SET no_shows = '{A0001}' WHERE date = '2026-11-24'`;
    const agent = await signedIn(t, 'agent');
    const html = await (await agent.get('/schedule')).text();
    const items = [...html.matchAll(/<li>([^<]+)<small/g)].map((m) => m[1]!.trim());
    expect(items).toEqual(['跨项目支援：今天 10:00–12:00 接听 EV', '今天的班次改为 19:00 结束']);
    expect(html).toContain('今日现场调整');
    await t.sql`DELETE FROM intraday_changes`;
    expect(await (await agent.get('/schedule')).text()).not.toContain('今日现场调整');
  });

  it('says plainly when nothing is published yet', async () => {
    const agent = await signedIn(t, 'agent');
    const res = await agent.get('/schedule');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('我的班表');
    expect(html).toContain('尚无已发布的排班');
  });

  it('lists the published shifts from today on, with times and project, and not a draft month', async () => {
    const [me] = await t.sql<{ id: number }[]>`SELECT a.id FROM agents_sched a JOIN users u ON u.id = a.user_id WHERE u.username = 'agent'`;
    const [published] = await t.sql<{ id: number }[]>`INSERT INTO rosters (month, status) VALUES ('2026-11', 'published') RETURNING id`;
    const [draft] = await t.sql<{ id: number }[]>`INSERT INTO rosters (month, status) VALUES ('2026-12', 'draft') RETURNING id`;
    await t.sql`INSERT INTO roster_cells (roster_id, agent_id, date, shift_code, project_code) VALUES
      (${published!.id}, ${me!.id}, '2026-11-24', 'E', '95598'),
      (${published!.id}, ${me!.id}, '2026-11-26', 'N', '95598'),
      (${published!.id}, ${me!.id}, '2026-11-27', NULL, NULL),
      (${published!.id}, ${me!.id}, '2026-11-28', 'D', 'EV'),
      (${draft!.id}, ${me!.id}, '2026-12-01', 'L', '95598')`;
    const agent = await signedIn(t, 'agent');
    const html = await (await agent.get('/schedule')).text();
    expect(html).toContain('href="/schedule.ics"');
    const rows = [...html.matchAll(/<tr data-date="[\d-]+"><td>([\d-]+)<\/td><td><strong>(\w+)<\/strong> ([^<]+)<\/td><td>([^<]+)<\/td><td>(\w*)<\/td><\/tr>/g)].map((m) => m.slice(1));
    expect(rows).toEqual([
      ['2026-11-26', 'N', '夜班', '23:00–07:00', '95598'],
      ['2026-11-28', 'D', '白班', '09:00–17:00', 'EV'],
    ]);
    expect((await agent.get('/schedule.ics')).status).toBe(200);
    // The points page (emergency contributions, rewards) is one click away.
    expect(html).toContain('href="/schedule/points"');
    expect((await agent.get('/schedule/points')).status).toBe(200);
  });

  it('highlights days the published roster changed in the last 14 days, with was/now, who and when', async () => {
    // Continues the previous test's published November roster (clock: 2026-11-25 10:00 Shanghai).
    const [r] = await t.sql<{ id: number }[]>`SELECT id FROM rosters WHERE month = '2026-11'`;
    const [me] = await t.sql<{ code: string }[]>`SELECT a.code FROM agents_sched a JOIN users u ON u.id = a.user_id WHERE u.username = 'agent'`;
    const [sched] = await t.sql<{ id: number }[]>`SELECT id FROM users WHERE username = 'scheduler'`;
    const change = (date: string, from: [string | null, string | null], to: [string | null, string | null]) => ({
      agent: me!.code, date, from: { shift: from[0], project: from[1] }, to: { shift: to[0], project: to[1] }, reasons: ['leave'], required: false,
    });
    await t.sql`INSERT INTO roster_versions (roster_id, version, kind, changes, created_by, created_at) VALUES
      (${r!.id}, 2, 'replan', ${t.sql.json([change('2026-11-26', ['D', '95598'], ['N', '95598'])] as never)}, ${sched!.id}, '2026-11-05T02:00:00Z'),
      (${r!.id}, 3, 'swap', ${t.sql.json([change('2026-11-28', ['E', '95598'], ['D', 'EV']), change('2026-11-29', ['M', 'EV'], [null, null])] as never)}, ${sched!.id}, '2026-11-22T06:30:00Z')`;
    const agent = await signedIn(t, 'agent');
    const html = await (await agent.get('/schedule')).text();
    // 26th: changed 20 days ago → not highlighted. 28th: changed 3 days ago. 29th: became a day off, listed as such.
    expect(html).toContain('<tr data-date="2026-11-26"><td>');
    expect(html).toContain('<tr class="changed" data-date="2026-11-28">');
    expect(html).toContain('原为 E · 95598，现为 D · EV（换班，2026/11/22 14:30 由 张敏 调整）');
    expect(html).toContain('<tr class="changed" data-date="2026-11-29"><td>2026-11-29</td><td><span class="muted">休</span>');
    expect(html).toContain('原为 M · EV，现为 休（换班，');
    expect(html).toContain('最近 14 天内您有 2 天的班次被调整');
  });
});
