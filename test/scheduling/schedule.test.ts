// The agent's own schedule page: published roster shifts from today on, nothing from drafts or the past.
import { describe, it, expect, beforeAll } from 'vitest';
import { signedIn, testApp } from '../support/app.ts';

type T = Awaited<ReturnType<typeof testApp>>;

describe('my schedule', () => {
  let t: T;
  beforeAll(async () => {
    t = await testApp();
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
    const rows = [...html.matchAll(/<tr><td>([\d-]+)<\/td><td><strong>(\w+)<\/strong> ([^<]+)<\/td><td>([^<]+)<\/td><td>(\w*)<\/td><\/tr>/g)].map((m) => m.slice(1));
    expect(rows).toEqual([
      ['2026-11-26', 'N', '夜班', '23:00–07:00', '95598'],
      ['2026-11-28', 'D', '白班', '09:00–17:00', 'EV'],
    ]);
    expect((await agent.get('/schedule.ics')).status).toBe(200);
  });
});
