// Specification of the incentive ledger: points earned, balances, redemptions and the entitlements a month's roster honours.
import { describe, it, expect } from 'vitest';
import { DEMO_INCENTIVE_CATALOGUE, type IncentiveCatalogue } from './catalogue.ts';
import { contributionsOf } from './contributions.ts';
import { balance, earn, entitlementsFor, redeem, type LedgerEntry } from './ledger.ts';
import { day, shift, target8020 } from '../intraday/testing.ts';

/** 2026-07-15 14:00 in Shanghai. */
const NOW = new Date('2026-07-15T06:00:00Z');

function credited(agentId: string, points: number): LedgerEntry[] {
  return [{ id: 'L1', type: 'earn', agentId, at: NOW.toISOString(), kind: 'callIn', hours: 0, points, reference: null }];
}

function redeemed(ledger: LedgerEntry[], ...args: Parameters<typeof redeem> extends [unknown, ...infer R] ? R : never): LedgerEntry[] {
  const r = redeem(ledger, ...args);
  if (!r.ok) throw new Error(r.message);
  return [...ledger, ...r.entries];
}

describe('DEMO_INCENTIVE_CATALOGUE', () => {
  it("offers the seed's three rewards: 常白班, 优选排次, 节日连休", () => {
    expect(DEMO_INCENTIVE_CATALOGUE.rewards.map((r) => [r.name, r.points, r.grants.kind])).toEqual([
      ['常白班', 120, 'dayShiftsOnly'],
      ['优选排次', 60, 'firstPick'],
      ['节日连休', 100, 'daysOff'],
    ]);
  });
});

describe('earn', () => {
  it('credits a four-hour call-in with 20 + 4 × 5 = 40 points', () => {
    expect(earn([], { agentId: 'A1', kind: 'callIn', hours: 4, reference: 'storm' }, NOW)).toEqual({
      id: 'L1', type: 'earn', agentId: 'A1', at: '2026-07-15T06:00:00.000Z', kind: 'callIn', hours: 4, points: 40, reference: 'storm',
    });
  });

  it('credits 2.5 hours of cross-project cover with 2.5 × 4 = 10 points and 1.5 hours of peak overtime with 9', () => {
    expect(earn([], { agentId: 'A1', kind: 'coverProject', hours: 2.5 }, NOW).points).toBe(10);
    expect(earn([], { agentId: 'A1', kind: 'peakOvertime', hours: 1.5 }, NOW).points).toBe(9);
  });

  it('numbers entries after the ledger they join', () => {
    expect(earn(credited('A1', 5), { agentId: 'A1', kind: 'callIn', hours: 0 }, NOW).id).toBe('L2');
  });

  it('follows a configured catalogue', () => {
    const generous: IncentiveCatalogue = { ...DEMO_INCENTIVE_CATALOGUE, contributions: [{ kind: 'callIn', name: '召回', nameEn: 'Call-in', pointsPerEvent: 50, pointsPerHour: 0 }] };
    expect(earn([], { agentId: 'A1', kind: 'callIn', hours: 4 }, NOW, generous).points).toBe(50);
    expect(() => earn([], { agentId: 'A1', kind: 'peakOvertime', hours: 1 }, NOW, generous)).toThrow(RangeError);
  });
});

describe('balance', () => {
  it('sums an agent’s earnings less redemptions and ignores other agents', () => {
    const ledger: LedgerEntry[] = [...credited('A1', 100), { ...credited('A2', 70)[0], id: 'L2' }, { ...credited('A1', 50)[0], id: 'L3' }];
    expect(balance(ledger, 'A1')).toBe(150);
    const after = redeemed(ledger, 'A1', 'regular-day-shift', NOW);
    expect(balance(after, 'A1')).toBe(30);
    expect(balance(after, 'A2')).toBe(70);
  });
});

describe('redeem', () => {
  it('buys a regular day-shift month for 120 points, for the month after today by default', () => {
    const r = redeem(credited('A1', 130), 'A1', 'regular-day-shift', NOW);
    expect(r).toEqual({
      ok: true,
      entries: [{ id: 'L2', type: 'redeem', agentId: 'A1', at: '2026-07-15T06:00:00.000Z', rewardId: 'regular-day-shift', points: -120, entitlement: { kind: 'dayShiftsOnly', agentId: 'A1', month: '2026-08', shiftCodes: ['D'], hard: true } }],
    });
  });

  it('refuses when the points fall short, saying how many are held', () => {
    const r = redeem(credited('A1', 119), 'A1', 'regular-day-shift', NOW);
    expect(r).toMatchObject({ ok: false, error: 'insufficientPoints' });
    expect(!r.ok && r.message).toContain('holds 119 points');
  });

  it('refuses a reward the catalogue does not offer, or has withdrawn', () => {
    expect(redeem(credited('A1', 999), 'A1', 'free-lunch', NOW)).toMatchObject({ ok: false, error: 'rewardNotOffered' });
    const withdrawn: IncentiveCatalogue = { ...DEMO_INCENTIVE_CATALOGUE, rewards: DEMO_INCENTIVE_CATALOGUE.rewards.map((r) => ({ ...r, offered: r.id !== 'first-pick' })) };
    expect(redeem(credited('A1', 999), 'A1', 'first-pick', NOW, { shift: 'E' }, { catalogue: withdrawn })).toMatchObject({ ok: false, error: 'rewardNotOffered' });
  });

  it('gives first pick of the shift the agent names, weighted rather than hard', () => {
    const r = redeem(credited('A1', 60), 'A1', 'first-pick', NOW, { shift: 'E', month: '2026-09' });
    expect(r.ok && r.entries[0].entitlement).toEqual({ kind: 'firstPick', agentId: 'A1', month: '2026-09', shift: 'E', hard: false });
    expect(redeem(credited('A1', 60), 'A1', 'first-pick', NOW)).toMatchObject({ ok: false, error: 'invalidRequest' });
  });

  it('grants up to three consecutive future days of holiday rest, in date order', () => {
    const r = redeem(credited('A1', 100), 'A1', 'holiday-rest', NOW, { dates: ['2026-10-02', '2026-10-01', '2026-10-03'] });
    expect(r.ok && r.entries[0].entitlement).toEqual({ kind: 'daysOff', agentId: 'A1', dates: ['2026-10-01', '2026-10-02', '2026-10-03'], hard: true });
  });

  it('refuses holiday rest that is not consecutive, too long, in the past or missing', () => {
    const ledger = credited('A1', 500);
    for (const dates of [['2026-10-01', '2026-10-03'], ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04'], ['2026-07-15'], [], ['2026-02-30']]) {
      expect(redeem(ledger, 'A1', 'holiday-rest', NOW, { dates })).toMatchObject({ ok: false, error: 'invalidRequest' });
    }
  });

  it('refuses the same reward twice for the same month', () => {
    const ledger = redeemed(credited('A1', 300), 'A1', 'regular-day-shift', NOW);
    expect(redeem(ledger, 'A1', 'regular-day-shift', NOW)).toMatchObject({ ok: false, error: 'alreadyRedeemed' });
    expect(redeem(ledger, 'A1', 'regular-day-shift', NOW, { month: '2026-09' }).ok).toBe(true);
  });

  describe('edge cases', () => {
    it('takes the month after today in Shanghai: 2026-07-31 16:30 UTC is already August there', () => {
      const r = redeem(credited('A1', 120), 'A1', 'regular-day-shift', new Date('2026-07-31T16:30:00Z'));
      expect(r.ok && r.entries[0].entitlement).toMatchObject({ month: '2026-09' });
    });

    it('rolls December over to January of the next year', () => {
      const r = redeem(credited('A1', 120), 'A1', 'regular-day-shift', new Date('2026-12-10T04:00:00Z'));
      expect(r.ok && r.entries[0].entitlement).toMatchObject({ month: '2027-01' });
    });

    it('refuses a malformed or past month', () => {
      expect(redeem(credited('A1', 120), 'A1', 'regular-day-shift', NOW, { month: '2026-13' })).toMatchObject({ error: 'invalidRequest' });
      expect(redeem(credited('A1', 120), 'A1', 'regular-day-shift', NOW, { month: '2026-06' })).toMatchObject({ error: 'invalidRequest' });
    });

    it('accepts exactly the points needed and leaves zero', () => {
      const ledger = redeemed(credited('A1', 120), 'A1', 'regular-day-shift', NOW);
      expect(balance(ledger, 'A1')).toBe(0);
    });
  });
});

describe('entitlementsFor', () => {
  const ledger = [
    ...credited('A1', 400),
  ];
  const full = redeemed(redeemed(redeemed(ledger, 'A1', 'regular-day-shift', NOW), 'A1', 'first-pick', NOW, { shift: 'L', month: '2026-09' }), 'A1', 'holiday-rest', NOW, { dates: ['2026-08-31', '2026-09-01'] });

  it('returns the month’s entitlements as plain data for the solver', () => {
    expect(entitlementsFor(full, 'A1', '2026-08')).toEqual([
      { kind: 'dayShiftsOnly', agentId: 'A1', month: '2026-08', shiftCodes: ['D'], hard: true },
      { kind: 'daysOff', agentId: 'A1', dates: ['2026-08-31'], hard: true },
    ]);
    expect(entitlementsFor(full, 'A1', '2026-09')).toEqual([
      { kind: 'firstPick', agentId: 'A1', month: '2026-09', shift: 'L', hard: false },
      { kind: 'daysOff', agentId: 'A1', dates: ['2026-09-01'], hard: true },
    ]);
  });

  it('returns nothing for another agent or a month without redemptions', () => {
    expect(entitlementsFor(full, 'A2', '2026-08')).toEqual([]);
    expect(entitlementsFor(full, 'A1', '2026-10')).toEqual([]);
  });
});

describe('contributionsOf', () => {
  const state = day({ projects: [target8020('X')], forecastCalls: { X: [] }, assignments: [shift('E1', 'X', 360, 600), shift('M1', 'Y', 540, 1020)] });

  it('credits a call-in for its window, a loan as cover, and only the extra time of an extended shift', () => {
    expect(
      contributionsOf(state, {
        id: '2-callIn-X-tier1',
        changes: [
          { type: 'callIn', agentId: 'T1', project: 'X', startMinute: 600, endMinute: 840 },
          { type: 'loan', agentId: 'M1', project: 'X', startMinute: 600, endMinute: 690 },
          { type: 'setShiftEnd', agentId: 'E1', endMinute: 690 },
        ],
      }),
    ).toEqual([
      { agentId: 'T1', kind: 'callIn', hours: 4, reference: '2026-07-15 2-callIn-X-tier1' },
      { agentId: 'M1', kind: 'coverProject', hours: 1.5, reference: '2026-07-15 2-callIn-X-tier1' },
      { agentId: 'E1', kind: 'peakOvertime', hours: 1.5, reference: '2026-07-15 2-callIn-X-tier1' },
    ]);
  });

  it('credits nothing for early leave or offline work', () => {
    expect(
      contributionsOf(state, {
        changes: [
          { type: 'setShiftEnd', agentId: 'M1', endMinute: 900 },
          { type: 'addOffline', agentId: 'M1', kind: 'analysis', startMinute: 600, endMinute: 660 },
          { type: 'cancelOffline', agentId: 'E1', startMinute: 400, endMinute: 460 },
        ],
      }),
    ).toEqual([]);
  });
});
