// Redeemed rewards become roster-model entitlements: hard rewards as hard rules, soft ones as the weighted first-pick
// rule; 优选排次 and 节日连休 redeemed over HTTP reach the month's model.
import { describe, it, expect, beforeAll } from 'vitest';
import { type Client, signedIn, testApp } from '../support/app.ts';
import { toModelEntitlements } from '../../server/scheduling/incentive-entitlements.ts';
import { monthModel, monthRequirement } from '../../server/scheduling/roster-model.ts';
import { solveRoster } from '../../scheduling/roster/solve.ts';
import type { RosterModel } from '../../scheduling/roster/model.ts';

describe('toModelEntitlements', () => {
  it('maps each reward kind by its hard flag', () => {
    expect(
      toModelEntitlements([
        { kind: 'dayShiftsOnly', agentId: 'A1', month: '2027-01', shiftCodes: ['D'], hard: true },
        { kind: 'dayShiftsOnly', agentId: 'A2', month: '2027-01', shiftCodes: ['E', 'D'], hard: false },
        { kind: 'firstPick', agentId: 'A3', month: '2027-01', shift: 'M', hard: false },
        { kind: 'firstPick', agentId: 'A4', month: '2027-01', shift: 'L', hard: true },
        { kind: 'daysOff', agentId: 'A5', dates: ['2027-01-01', '2027-01-02'], hard: true },
      ]),
    ).toEqual([
      { agentId: 'A1', kind: 'day-shifts-only', shifts: ['D'] },
      { agentId: 'A2', kind: 'first-pick', shifts: ['E', 'D'] },
      { agentId: 'A3', kind: 'first-pick', shifts: ['M'] },
      { agentId: 'A4', kind: 'day-shifts-only', shifts: ['L'] },
      { agentId: 'A5', kind: 'holiday-rest', dates: ['2027-01-01', '2027-01-02'] },
    ]);
  });
});

describe('redeemed 优选排次 and 节日连休 in the month model', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let agent: Client;
  let sched: Client;
  beforeAll(async () => {
    t = await testApp();
    agent = await signedIn(t, 'agent');
    sched = await signedIn(t, 'scheduler');
  }, 60_000);

  it('first pick of M for 2027-01 and holiday rest over New Year reach the model; other months stay empty', async () => {
    // 128 demo points + 6 × 6 = 36 for peak overtime → 164: 60 for 优选排次, 100 for 节日连休, 4 left.
    expect((await sched.post('/rosters/incentives/credit', { agent: 'A0001', kind: 'peakOvertime', hours: '6', date: '2026-11-24', reference: '晚高峰加班' })).status).toBe(303);
    expect((await agent.post('/schedule/points/redeem', { reward: 'first-pick', month: '2027-01', shift: 'M' })).status).toBe(303);
    expect((await agent.post('/schedule/points/redeem', { reward: 'holiday-rest', month: '2027-01', dates: '2027-01-02 2027-01-01' })).status).toBe(303);
    expect(await (await agent.get('/schedule/points')).text()).toMatch(/data-testid="balance">\s*4\s*</);
    const mm = await monthModel(t.sql, '2027-01', {});
    expect(mm.model.entitlements).toEqual([
      { agentId: 'A0001', kind: 'first-pick', shifts: ['M'] },
      { agentId: 'A0001', kind: 'holiday-rest', dates: ['2027-01-01', '2027-01-02'] },
    ]);
    expect(mm.model.rules.find((r) => r.id === 'entitlement-first-pick')).toMatchObject({ hard: false, weight: 2000 });
    expect((await monthModel(t.sql, '2027-02', {})).model.entitlements).toEqual([]);
  });

  it('a solve of the January team gives the first-pick holder M on every working day and rest over New Year', async () => {
    const mm = await monthModel(t.sql, '2027-01', await monthRequirement(t.sql, '2027-01', 'Asia/Shanghai'));
    const team = mm.model.agents.find((a) => a.id === 'A0001')!.team;
    const agents = mm.model.agents.filter((a) => a.team === team);
    const days = 10;
    const scale = agents.length / mm.model.agents.length;
    const reduced: RosterModel = {
      ...mm.model,
      agents,
      days: mm.model.days.slice(0, days),
      requirement: Object.fromEntries(Object.entries(mm.model.requirement).map(([p, grid]) => [p, grid.slice(0, days).map((row) => row.map((v) => Math.round(v * scale)))])),
      leave: mm.model.leave.filter((l) => agents.some((a) => a.id === l.agentId)),
    };
    const { roster, score } = await solveRoster(reduced, { timeLimitMs: 40_000, seed: 3, maxIterations: 20_000 });
    expect(score.hard).toBe(0);
    expect(roster.A0001!.slice(0, 2).map((c) => c.shift)).toEqual([null, null]); // 2027-01-01 and 01-02: 节日连休
    const worked = roster.A0001!.map((c) => c.shift).filter((x) => x !== null);
    expect(worked.length).toBeGreaterThan(3);
    expect(new Set(worked)).toEqual(new Set(['M']));
    expect(score.byRule['entitlement-first-pick']!.amount).toBe(0);
  }, 60_000);
});
