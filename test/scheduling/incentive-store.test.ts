// The incentive ledger in the database: credits priced by the stored catalogue, append-only lines, balances.
import { describe, it, expect, beforeEach } from 'vitest';
import { testDb, type TestDb } from '../support/db.ts';
import { balances, creditContributions, ledgerOf, listLedger } from '../../server/scheduling/incentive-store.ts';
import { redeemForAgent } from '../../server/scheduling/incentive-service.ts';
import { balance } from '../../scheduling/incentives/ledger.ts';

describe('incentive ledger store', () => {
  let db: TestDb;
  beforeEach(async () => {
    db = await testDb();
    await db.reset();
    // Start from an empty ledger (the demo seed writes history; TRUNCATE is not a row change the trigger refuses).
    await db.sql`TRUNCATE incentive_ledger`;
  });

  it('credits contributions at the stored catalogue points, inside the caller transaction', async () => {
    const rows = await db.sql.begin((tx) =>
      creditContributions(
        tx as never,
        [
          { agentId: 'A0001', kind: 'callIn', hours: 4 }, // 20 + 5 × 4 = 40
          { agentId: 'A0002', kind: 'coverProject', hours: 2.5, reference: 'loan EV→95598' }, // 4 × 2.5 = 10
          { agentId: 'A0001', kind: 'peakOvertime', hours: 1.5 }, // 6 × 1.5 = 9
        ],
        { date: '2026-11-25', userId: null, reference: '2026-11-25 callIn 95598' },
      ),
    );
    expect(rows.map((r) => [r.agentId, r.kind, r.hours, r.points, r.reference, r.date])).toEqual([
      ['A0001', 'callIn', 4, 40, '2026-11-25 callIn 95598', '2026-11-25'],
      ['A0002', 'coverProject', 2.5, 10, 'loan EV→95598', '2026-11-25'],
      ['A0001', 'peakOvertime', 1.5, 9, '2026-11-25 callIn 95598', '2026-11-25'],
    ]);
    expect(balance(await ledgerOf(db.sql, 'A0001'), 'A0001')).toBe(49);
    const b = await balances(db.sql);
    expect(b.map((x) => [x.agentId, x.earned, x.spent, x.balance])).toEqual([
      ['A0001', 49, 0, 49],
      ['A0002', 10, 0, 10],
    ]);
    expect((await listLedger(db.sql, { agentId: 'A0002' })).map((r) => r.points)).toEqual([10]);
  });

  it('prices by the edited catalogue, and rolls back the whole credit on an unknown agent', async () => {
    await db.sql`UPDATE incentive_rules SET points_per_event = 30 WHERE kind = 'callIn'`;
    const [r] = await creditContributions(db.sql, [{ agentId: 'A0001', kind: 'callIn', hours: 2 }], { date: '2026-11-25', userId: null, reference: 'x' });
    expect(r!.points).toBe(40); // 30 + 5 × 2
    await expect(
      db.sql.begin((tx) =>
        creditContributions(tx as never, [{ agentId: 'A0001', kind: 'callIn', hours: 1 }, { agentId: 'NOPE', kind: 'callIn', hours: 1 }], { date: '2026-11-25', userId: null, reference: 'y' }),
      ),
    ).rejects.toThrow(/NOPE/);
    expect((await listLedger(db.sql)).length).toBe(1);
  });

  it('keeps the ledger append-only', async () => {
    await creditContributions(db.sql, [{ agentId: 'A0001', kind: 'callIn', hours: 1 }], { date: '2026-11-25', userId: null, reference: 'x' });
    await expect(db.sql`UPDATE incentive_ledger SET points = 1000`).rejects.toThrow(/append-only/);
    await expect(db.sql`DELETE FROM incentive_ledger`).rejects.toThrow(/append-only/);
    expect((await listLedger(db.sql))[0]!.points).toBe(25);
  });

  it('lets only one of two simultaneous redemptions spend the same points', async () => {
    // 40 + 50 + 18 + 20 = 128: enough for 常白班 (120) or 节日连休 (100), not both.
    await creditContributions(db.sql, [
      { agentId: 'A0001', kind: 'callIn', hours: 4 },
      { agentId: 'A0001', kind: 'callIn', hours: 6 },
      { agentId: 'A0001', kind: 'peakOvertime', hours: 3 },
      { agentId: 'A0001', kind: 'coverProject', hours: 5 },
    ], { date: '2026-11-20', userId: null, reference: 'x' });
    const now = new Date('2026-11-25T02:00:00Z');
    const base = { agentId: 'A0001', now, timeZone: 'Asia/Shanghai', today: '2026-11-25', userId: null };
    const results = await Promise.all([
      redeemForAgent(db.sql, { ...base, rewardId: 'regular-day-shift', request: { month: '2026-12' } }),
      redeemForAgent(db.sql, { ...base, rewardId: 'holiday-rest', request: { month: '2026-12', dates: ['2026-12-24', '2026-12-25'] } }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const refused = results.find((r) => !r.ok);
    expect(refused && !refused.ok && refused.error).toBe('insufficientPoints');
    expect(balance(await ledgerOf(db.sql, 'A0001'), 'A0001')).toBeGreaterThanOrEqual(0);
    expect((await listLedger(db.sql, { agentId: 'A0001' })).filter((l) => l.type === 'redeem')).toHaveLength(1);
  });
});
