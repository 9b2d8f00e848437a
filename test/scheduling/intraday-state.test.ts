// Today's floor built from a small published roster: shifts, last night's night shift, breaks, the demo offline plan,
// availability, actuals moving "now" and the re-forecast, and the change log replayed in order.
import { describe, it, expect, beforeAll } from 'vitest';
import { testDb, type TestDb } from '../support/db.ts';
import { applyLog, breakStagger, demoOfflineBlock, hashOf, loadIntradayDay, minuteOfDay, type ChangeRow } from '../../server/scheduling/intraday-state.ts';
import { dayStatus } from '../../scheduling/intraday/status.ts';
import { intervalStart } from '../../scheduling/time.ts';

const TZ = 'Asia/Shanghai';
const DATE = '2026-11-25';
const NOON = new Date('2026-11-25T04:00:00Z');

describe('intraday state from the published roster', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await testDb();
    await db.reset();
    const [r] = await db.sql<{ id: number }[]>`INSERT INTO rosters (month, status, published_at) VALUES ('2026-11', 'published', now()) RETURNING id`;
    // A0001, A0003, A0005, A0006: only 95598; A0007: 95598 and INS (multi-skilled); A0241: only EV.
    const cells: [string, string, string, string][] = [
      ['A0001', DATE, 'D', '95598'], // 09:00–17:00, breaks (+30) 11:30 rest, 13:00 meal, 16:00 rest
      ['A0003', DATE, 'E', '95598'], // 07:00–15:00, breaks (-30) 08:30 rest, 10:30 meal, 13:00 rest
      ['A0005', '2026-11-24', 'N', '95598'], // last night 23:00–07:00: today 00:00–07:00, breaks (+60) 02:00, 04:00, 06:30
      ['A0006', DATE, 'N', '95598'], // tonight from 23:00
      ['A0007', DATE, 'D', '95598'], // and analysis 14:00–15:00 (demo offline plan)
      ['A0241', DATE, 'D', 'EV'],
      ['A0003', '2026-11-24', 'D', '95598'], // yesterday's day shift: not today
    ];
    for (const [code, date, shift, project] of cells) {
      await db.sql`INSERT INTO roster_cells (roster_id, agent_id, date, shift_code, project_code)
                   SELECT ${r!.id}, id, ${date}::date, ${shift}, ${project} FROM agents_sched WHERE code = ${code}`;
    }
    await db.sql`INSERT INTO leave (agent_id, from_date, to_date, kind) SELECT id, ${DATE}::date, ${DATE}::date, 'sick' FROM agents_sched WHERE code = 'A0004'`;
  }, 60_000);

  it('places the demo offline hour only for every other multi-skilled agent on a full day shift', () => {
    const day = { code: 'D', startMinute: 540, lengthMinutes: 480, night: false, partTime: false };
    expect(hashOf('A0007|2026-11-25') % 2).toBe(0);
    expect(demoOfflineBlock('A0007', DATE, day, 2)).toEqual({ kind: 'analysis', startMinute: 840, endMinute: 900 });
    expect(hashOf('A0002|2026-11-25') % 2).toBe(1);
    expect(demoOfflineBlock('A0002', DATE, day, 2)).toBeNull();
    expect(demoOfflineBlock('A0007', DATE, day, 1)).toBeNull();
    expect(demoOfflineBlock('A0007', DATE, { ...day, code: 'N', startMinute: 1380, night: true }, 2)).toBeNull();
    expect(minuteOfDay(NOON, DATE, TZ)).toBe(720);
  });

  it('counts who is on the phones per interval, with breaks, last night and offline work (hand-checked)', async () => {
    const day = await loadIntradayDay(db.sql, DATE, NOON, TZ);
    expect(day.state.nowMinute).toBe(720);
    expect(day.version).toBe(0);
    expect(day.state.assignments.map((a) => [a.agentId, a.project, a.startMinute, a.endMinute])).toEqual([
      ['A0001', '95598', 540, 1020],
      ['A0003', '95598', 420, 900],
      ['A0005', '95598', -60, 420],
      ['A0006', '95598', 1380, 1860],
      ['A0007', '95598', 540, 1020],
      ['A0241', 'EV', 540, 1020],
    ]);
    const rows = dayStatus(day.state, ['95598', 'EV']);
    const at = (p: string, i: number) => ({ scheduled: rows[p]![i]!.scheduledAgents, offline: rows[p]![i]!.offlineAgents, present: rows[p]![i]!.presentAgents });
    // Breaks staggered per agent (-30, 0, +30 or +60 min): A0001 +30, A0003 -30, A0005 (last night) +60, A0007 -30.
    expect([['A0001', DATE], ['A0003', DATE], ['A0005', '2026-11-24'], ['A0007', DATE]].map(([a, d]) => breakStagger(a!, d!))).toEqual([30, -30, 60, -30]);
    expect(at('95598', 0)).toEqual({ scheduled: 1, offline: 0, present: 1 }); // A0005
    expect(at('95598', 4)).toEqual({ scheduled: 1, offline: 1, present: 0 }); // A0005's rest 02:00
    expect(at('95598', 8)).toEqual({ scheduled: 1, offline: 1, present: 0 }); // A0005's meal 04:00
    expect(at('95598', 14)).toEqual({ scheduled: 1, offline: 0, present: 1 }); // 07:00: A0005 gone, A0003 in
    expect(at('95598', 17)).toEqual({ scheduled: 1, offline: 1, present: 0 }); // A0003's rest 08:30
    expect(at('95598', 18)).toEqual({ scheduled: 3, offline: 0, present: 3 }); // 09:00: D shifts start
    expect(at('95598', 21)).toEqual({ scheduled: 3, offline: 2, present: 1 }); // 10:30: A0003's meal, A0007's rest
    expect(at('95598', 26)).toEqual({ scheduled: 3, offline: 2, present: 1 }); // 13:00: A0001's meal, A0003's rest
    expect(at('95598', 28)).toEqual({ scheduled: 3, offline: 1, present: 2 }); // 14:00: A0007's analysis
    expect(at('95598', 30)).toEqual({ scheduled: 2, offline: 1, present: 1 }); // 15:00: A0003 gone, A0007's rest
    expect(at('95598', 46)).toEqual({ scheduled: 1, offline: 0, present: 1 }); // 23:00: A0006
    expect(at('EV', 20)).toEqual({ scheduled: 1, offline: 0, present: 1 });
    const availability = Object.fromEntries(day.state.agents.filter((a) => ['A0001', 'A0002', 'A0004', 'A0010', 'A0012'].includes(a.agentId)).map((a) => [a.agentId, a.availability]));
    // A0002 (tier 1) and A0010 (tier 2) are free: reachable; A0004 is tier 1 but on sick leave; A0012 is on no tier.
    expect(availability).toEqual({ A0001: 'onShift', A0002: 'reachable', A0004: 'off', A0010: 'reachable', A0012: 'off' });
    expect(day.state.agents.find((a) => a.agentId === 'A0007')).toMatchObject({ homeProject: '95598', skills: { '95598': 0.76, INS: 0.49 }, emergencyTier: 1 });
    expect(day.forecast['95598']!.length).toBe(48);
    expect(day.forecast['95598']![20]).toBeGreaterThan(100);
  });

  it('moves "now" to the last reported interval and re-forecasts from the morning', async () => {
    const day0 = await loadIntradayDay(db.sql, DATE, new Date('2026-11-25T00:00:00Z'), TZ); // 08:00
    expect(day0.state.nowMinute).toBe(480);
    const f = day0.forecast['95598']!;
    const [p] = await db.sql<{ id: number }[]>`SELECT id FROM projects WHERE code = '95598'`;
    for (let i = 0; i < 26; i++) {
      const calls = Math.round(f[i]! * (i >= 20 ? 2 : 1));
      await db.sql`INSERT INTO intraday_actuals (project_id, interval_start, calls_offered, calls_handled, aht_seconds) VALUES (${p!.id}, ${intervalStart(DATE, i, { timeZone: TZ })}, ${calls}, ${calls}, 250)`;
    }
    const day = await loadIntradayDay(db.sql, DATE, new Date('2026-11-25T00:00:00Z'), TZ);
    expect(day.actualsUntilMinute).toBe(780);
    expect(day.state.nowMinute).toBe(780);
    expect(day.reforecast['95598']!.factor).toBeGreaterThan(1.9);
    expect(day.reforecast['95598']!.factor).toBeLessThan(2.1);
    expect(day.state.forecastCalls['95598']![30]).toBeCloseTo(f[30]! * day.reforecast['95598']!.factor, 6);
    expect(day.state.actuals['95598']![21]!.calls).toBe(Math.round(f[21]! * 2));
    expect(day.state.actuals['95598']![30]).toBeNull();
    expect(day.reforecast.EV!.factor).toBe(1);
    await db.sql`DELETE FROM intraday_actuals`;
  });

  it('replays the change log in order, skipping undone rows and rows that no longer fit', async () => {
    const day = await loadIntradayDay(db.sql, DATE, NOON, TZ);
    const row = (seq: number, kind: string, extra: Partial<ChangeRow>): ChangeRow => ({ seq, kind, project: '95598', label: '', changes: [], noShows: [], appliedByName: 'scheduler', appliedAt: NOON, undone: false, ...extra });
    const { state, skipped } = applyLog(day.state, [
      row(1, 'callIn', { changes: [{ type: 'callIn', agentId: 'A0002', project: '95598', startMinute: 780, endMinute: 1020 }] }),
      row(2, 'noShow', { noShows: ['A0001'] }),
      row(3, 'overtime', { changes: [{ type: 'setShiftEnd', agentId: 'A0003', endMinute: 960 }], undone: true }),
      row(4, 'callIn', { changes: [{ type: 'callIn', agentId: 'A0007', project: '95598', startMinute: 780, endMinute: 1020 }] }),
    ]);
    expect(skipped).toEqual([4]);
    const rows = dayStatus(state, ['95598'])['95598']!;
    // 14:00: A0001 absent, A0003 on, A0007 in analysis, A0002 called in.
    expect({ scheduled: rows[28]!.scheduledAgents, absent: rows[28]!.absentAgents, offline: rows[28]!.offlineAgents, present: rows[28]!.presentAgents }).toEqual({ scheduled: 4, absent: 1, offline: 1, present: 2 });
    expect(state.assignments.find((a) => a.agentId === 'A0003')!.endMinute).toBe(900);
    expect(day.state.assignments.find((a) => a.agentId === 'A0002')).toBeUndefined();
  });
});
