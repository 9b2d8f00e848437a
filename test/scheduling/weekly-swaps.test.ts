// Shift swaps: an agent asks to swap with a colleague, checked against the rules at once (hard rules refuse with their
// names); the colleague accepts when they have a login; the scheduler approves (re-checked) and the cells, a version
// and the audit log are written; a swap that the roster no longer allows is not approved.
import { describe, it, expect, beforeAll } from 'vitest';
import { Client, type Client as C, signedIn, testApp } from '../support/app.ts';
import { seedPublishedRoster } from '../../server/scheduling/demo-roster.ts';
import { weeklySeedSteps } from '../../server/scheduling/weekly-routes.tsx';

type T = Awaited<ReturnType<typeof testApp>>;
const MONTH = '2026-11';
const NOW = new Date('2026-11-11T02:00:00Z');

async function cell(t: T, code: string, date: string) {
  const [c] = await t.sql<{ shift_code: string | null; project_code: string | null }[]>`
    SELECT c.shift_code, c.project_code FROM roster_cells c JOIN agents_sched a ON a.id = c.agent_id WHERE a.code = ${code} AND c.date = ${date}`;
  return { shift: c?.shift_code ?? null, project: c?.project_code ?? null };
}

/** A day after today where A0001 works a day shift, and colleagues of its team who are off that day and the days around it. */
async function swapCase(t: T, skilled: boolean, skip = 0) {
  const rows = await t.sql<{ date: string; shift: string; project: string; colleague: string }[]>`
    SELECT to_char(c.date, 'YYYY-MM-DD') AS date, c.shift_code AS shift, c.project_code AS project, b.code AS colleague
    FROM roster_cells c JOIN agents_sched a ON a.id = c.agent_id
    JOIN agents_sched b ON b.id <> a.id AND (NOT ${skilled} OR b.team_id = a.team_id) AND (b.skills ? c.project_code) = ${skilled}
    WHERE a.code = 'A0001' AND c.date > '2026-11-12' AND c.shift_code IN ('E', 'D', 'M')
      AND NOT EXISTS (SELECT 1 FROM roster_cells x WHERE x.agent_id = b.id AND x.date BETWEEN c.date - 1 AND c.date + 1 AND x.shift_code IS NOT NULL)
    ORDER BY c.date, b.code LIMIT 1 OFFSET ${skip}`;
  return rows[0]!;
}

describe('shift swaps', () => {
  let t: T;
  let agent: C;
  let s: C;
  beforeAll(async () => {
    t = await testApp();
    t.clock.now = NOW;
    await seedPublishedRoster(t.sql, MONTH, 'Asia/Shanghai');
    agent = await signedIn(t, 'agent');
    s = await signedIn(t, 'scheduler');
  }, 120_000);

  it('refuses at once a swap that breaks a hard rule, naming the rule, and keeps the form', async () => {
    const x = await swapCase(t, false);
    const res = await agent.post('/schedule/swaps', { myDate: x.date, colleague: x.colleague, theirDate: '', note: '有事' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('不能换班，会违反：只接所掌握技能的项目');
    expect(html).toContain(`name="myDate" type="date" value="${x.date}"`);
    expect(html).toContain('value="有事"');
    const [{ n }] = await t.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM shift_swaps`;
    expect(n).toBe(0);
    const past = await agent.post('/schedule/swaps', { myDate: '2026-11-11', colleague: x.colleague });
    expect(past.status).toBe(422);
    expect(await past.text()).toContain('请选择明天或以后的日期');
  });

  it('checks, stores and lets the scheduler approve a swap with a colleague without a login; cells, version and audit follow', async () => {
    const x = await swapCase(t, true);
    const res = await agent.post('/schedule/swaps', { myDate: x.date, colleague: x.colleague, theirDate: x.date });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/schedule?notice=swap');
    const mine = await (await agent.get('/schedule?notice=swap')).text();
    expect(mine).toContain('换班申请已提交');
    expect(mine).toContain('待排班员决定');
    expect(mine).toContain(`A0001 ${x.date}: ${x.shift} · ${x.project} → <strong>休</strong>`);
    const [swap] = await t.sql<{ id: number; status: string; check_result: { hard: unknown[]; cells: unknown[] } }[]>`SELECT id, status, check_result FROM shift_swaps`;
    expect(swap!.status).toBe('pending');
    expect(swap!.check_result.hard).toEqual([]);
    expect(swap!.check_result.cells).toHaveLength(2);
    // The scheduler's queue shows it with its check and an approve button (the colleague has no login to accept with).
    const queue = await (await s.get('/rosters/swaps')).text();
    expect(queue).toContain(`/rosters/swaps/${swap!.id}/approve`);
    expect(queue).toContain('软规则罚分变化');
    const [{ version: v0 }] = await t.sql<{ version: number }[]>`SELECT version FROM rosters WHERE month = ${MONTH}`;
    const ok = await s.post(`/rosters/swaps/${swap!.id}/approve`);
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe('/rosters/swaps?notice=approved');
    expect(await cell(t, 'A0001', x.date)).toEqual({ shift: null, project: null });
    expect(await cell(t, x.colleague, x.date)).toEqual({ shift: x.shift, project: x.project });
    const [r] = await t.sql<{ version: number }[]>`SELECT version FROM rosters WHERE month = ${MONTH}`;
    expect(r!.version).toBe(v0 + 1);
    const [v] = await t.sql<{ kind: string; n: number; note: string }[]>`SELECT kind, jsonb_array_length(changes) AS n, note FROM roster_versions WHERE version = ${v0 + 1}`;
    expect(v).toEqual({ kind: 'swap', n: 2, note: `#${swap!.id}` });
    const [a] = await t.sql<{ action: string }[]>`SELECT action FROM audit_log WHERE action = 'swap.approve'`;
    expect(a!.action).toBe('swap.approve');
    expect((await s.post(`/rosters/swaps/${swap!.id}/approve`)).status).toBe(409);
    // The swap shows on the agent's page as a change.
    expect(await (await agent.get('/schedule')).text()).toContain(`<tr class="changed" data-date="${x.date}">`);
  });

  it('waits for a colleague with a login to accept, and re-checks at approval', async () => {
    const x = await swapCase(t, true, 1);
    // Give the colleague the login agent01.
    await t.sql`UPDATE agents_sched SET user_id = (SELECT id FROM users WHERE username = 'agent01') WHERE code = ${x.colleague}`;
    expect((await agent.post('/schedule/swaps', { myDate: x.date, colleague: x.colleague })).status).toBe(303);
    const [swap] = await t.sql<{ id: number }[]>`SELECT id FROM shift_swaps ORDER BY id DESC LIMIT 1`;
    expect(await (await agent.get('/schedule')).text()).toContain('待同事确认');
    expect((await s.post(`/rosters/swaps/${swap!.id}/approve`)).status).toBe(409);
    // Only the colleague may accept.
    expect((await agent.post(`/schedule/swaps/${swap!.id}/accept`)).status).toBe(403);
    const colleague = new Client(t.app, t.deps.secret);
    expect((await colleague.login('agent01', 'demo-agent-pass')).status).toBe(303);
    const page = await (await colleague.get('/schedule')).text();
    expect(page).toContain(`/schedule/swaps/${swap!.id}/accept`);
    expect((await colleague.post(`/schedule/swaps/${swap!.id}/accept`)).status).toBe(303);
    // Meanwhile the colleague falls sick that day: approval re-checks and refuses.
    await t.sql`INSERT INTO leave (agent_id, from_date, to_date, kind) SELECT id, ${x.date}, ${x.date}, 'sick' FROM agents_sched WHERE code = ${x.colleague}`;
    const res = await s.post(`/rosters/swaps/${swap!.id}/approve`);
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('按当前排班复查，这次换班会违反硬规则');
    expect(await cell(t, 'A0001', x.date)).toEqual({ shift: x.shift, project: x.project });
    expect((await s.post(`/rosters/swaps/${swap!.id}/reject`)).status).toBe(303);
    const [after] = await t.sql<{ status: string }[]>`SELECT status FROM shift_swaps WHERE id = ${swap!.id}`;
    expect(after!.status).toBe('rejected');
  });

  it('seeds one pending demo swap when the current month has a published roster', async () => {
    await t.sql`DELETE FROM shift_swaps`;
    // The seed step looks at the real current month; give it this test's roster under that month's name.
    const current = new Date().toISOString().slice(0, 7);
    if (current !== MONTH) {
      await t.sql`DELETE FROM rosters WHERE month = ${current}`;
      await seedPublishedRoster(t.sql, current, 'Asia/Shanghai');
    }
    await weeklySeedSteps[0]!.run(t.sql);
    const rows = await t.sql<{ status: string; note: string }[]>`SELECT status, note FROM shift_swaps`;
    expect(rows).toEqual([{ status: 'pending', note: '家中有事，想和同事换一天班' }]);
    await weeklySeedSteps[0]!.run(t.sql);
    expect((await t.sql`SELECT 1 FROM shift_swaps`).length).toBe(1);
  }, 120_000);
});
