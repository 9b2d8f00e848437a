// Specification of the intraday status rows and of who counts as present, checked against the published Erlang C vectors.
import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { erlangCServiceLevel } from '../erlang.ts';
import { activityAt, presenceByProject } from './presence.ts';
import { abandonmentWith, agentsNeeded, dayStatus, intradayStatus, serviceLevelWith } from './status.ts';
import { callsBetween, crew, day, shift, target8020 } from './testing.ts';

const vectors = JSON.parse(readFileSync(new URL('../../../shared/vectors/erlang.json', import.meta.url), 'utf8'));
/** Published SL at A = 10 Erlangs (100 calls / 30 min, AHT 180 s), 20 s target, by agents. */
const publishedSl = (agents: number): number => vectors.erlangc_by_positions_A10_asa20s.find((r: { positions: number }) => r.positions === agents).service_level;
const close = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(6e-7);

/** Project X: 100 calls per interval 09:00–17:00, 14 agents 09:00–17:00, two reported absent, one in training 10:00–11:00. */
function morning() {
  const c = crew('X', 'X', 14, 540, 1020);
  c.assignments[0] = { ...c.assignments[0], absent: true };
  c.assignments[1] = { ...c.assignments[1], absent: true };
  c.assignments[2] = shift('X03', 'X', 540, 1020, [{ kind: 'training', startMinute: 600, endMinute: 660 }]);
  return day({
    projects: [target8020('X')],
    forecastCalls: { X: callsBetween(18, 34, 100) },
    actuals: { X: [...new Array(18).fill(null), { calls: 120, serviceLevel: 0.55 }, { calls: 100 }] },
    nowMinute: 600,
    ...c,
  });
}

describe('intradayStatus', () => {
  it('requires 14 agents for 100 calls at 80/20 with AHT 180 s, as published', () => {
    const row = intradayStatus(morning(), 'X')[22];
    expect(row.requiredAgents).toBe(vectors.erlangc_required[0].raw_positions);
    expect(row.requiredAgents).toBe(14);
  });

  it('counts 14 scheduled, 2 absent, 12 present at 11:00 and predicts the published SL for 12 agents', () => {
    const row = intradayStatus(morning(), 'X')[22];
    expect(row).toMatchObject({ label: '11:00–11:30', scheduledAgents: 14, absentAgents: 2, offlineAgents: 0, presentAgents: 12, gap: -2, meetsTarget: false, elapsed: false });
    close(row.predictedServiceLevel, publishedSl(12));
  });

  it('takes an agent in training off the phones: 11 present at 10:00–11:00 with the published SL for 11', () => {
    const rows = intradayStatus(morning(), 'X');
    for (const i of [20, 21]) {
      expect(rows[i]).toMatchObject({ offlineAgents: 1, presentAgents: 11, gap: -3 });
      close(rows[i].predictedServiceLevel, publishedSl(11));
    }
  });

  it('judges elapsed intervals on reported actual calls and shows the reported SL', () => {
    const row = intradayStatus(morning(), 'X')[18];
    expect(row).toMatchObject({ elapsed: true, forecastCalls: 100, actualCalls: 120, expectedCalls: 120, actualServiceLevel: 0.55 });
    expect(row.requiredAgents).toBe(agentsNeeded(target8020('X'), 120, 30));
    expect(row.predictedServiceLevel).toBe(erlangCServiceLevel({ agents: 12, trafficErlangs: 12, ahtSeconds: 180, targetSeconds: 20 }));
  });

  it('leaves actualServiceLevel null where telephony reported calls only', () => {
    expect(intradayStatus(morning(), 'X')[19]).toMatchObject({ elapsed: true, actualCalls: 100, actualServiceLevel: null });
  });

  it('needs no agents and reports SL 1 for an interval without calls', () => {
    expect(intradayStatus(morning(), 'X')[40]).toMatchObject({ requiredAgents: 0, presentAgents: 0, predictedServiceLevel: 1, meetsTarget: true });
  });

  it('predicts abandonment with Erlang A when the project gives a patience: the published 4.2711% for 12 agents, 5-minute patience', () => {
    const state = { ...morning(), projects: [{ ...target8020('X'), patienceSeconds: 300 }] };
    const published = vectors.erlanga_A10_patience5.rows.find((r: { positions: number }) => r.positions === 12).abandonment_probability;
    close(intradayStatus(state, 'X')[22].predictedAbandonment as number, published);
    expect(intradayStatus(morning(), 'X')[22].predictedAbandonment).toBeNull();
  });

  it('reports every project of the day', () => {
    const state = { ...morning(), projects: [target8020('X'), target8020('Y')], forecastCalls: { X: callsBetween(18, 34, 100), Y: callsBetween(18, 34, 10) } };
    const all = dayStatus(state);
    expect(Object.keys(all)).toEqual(['X', 'Y']);
    expect(all.Y[20].presentAgents).toBe(0);
    expect(all.Y[20].meetsTarget).toBe(false);
  });

  describe('edge cases', () => {
    it('returns one row per interval, labelled up to 24:00', () => {
      const rows = intradayStatus(morning(), 'X');
      expect(rows).toHaveLength(48);
      expect(rows[47].label).toBe('23:30–24:00');
    });

    it('throws for a project the day does not know', () => {
      expect(() => intradayStatus(morning(), 'NOPE')).toThrow(RangeError);
    });

    it('counts 15-minute intervals when the day uses them', () => {
      const state = day({ intervalMinutes: 15, projects: [target8020('X')], forecastCalls: { X: new Array(96).fill(50) }, assignments: [shift('a', 'X', 0, 60)] });
      const rows = intradayStatus(state, 'X');
      expect(rows).toHaveLength(96);
      expect(rows.slice(0, 5).map((r) => r.presentAgents)).toEqual([1, 1, 1, 1, 0]);
    });

    it('gives abandonment 1 with nobody present and 0 without calls', () => {
      const patient = { ...target8020('X'), patienceSeconds: 300 };
      expect(abandonmentWith(patient, 100, 0, 30)).toBe(1);
      expect(abandonmentWith(patient, 0, 5, 30)).toBe(0);
    });

    it('gives SL 0 with nobody present and calls waiting', () => {
      expect(serviceLevelWith(target8020('X'), 100, 0, 30)).toBe(0);
    });
  });
});

describe('activityAt and presenceByProject', () => {
  const base = shift('a', 'EV', 540, 1020);

  it('puts an agent on their project during the shift and off it outside', () => {
    expect(activityAt(base, 600, 630)).toEqual({ kind: 'phones', project: 'EV' });
    expect(activityAt(base, 1020, 1050)).toEqual({ kind: 'offShift' });
  });

  it('counts a part-covered interval when at least half of it is worked', () => {
    expect(activityAt({ ...base, endMinute: 1035 }, 1020, 1050).kind).toBe('phones');
    expect(activityAt({ ...base, endMinute: 1034 }, 1020, 1050).kind).toBe('offShift');
  });

  it('follows a loan to the other project for its window only', () => {
    const loaned = { ...base, loans: [{ project: '95598', startMinute: 600, endMinute: 660 }] };
    expect(activityAt(loaned, 600, 630)).toEqual({ kind: 'phones', project: '95598' });
    expect(activityAt(loaned, 660, 690)).toEqual({ kind: 'phones', project: 'EV' });
  });

  it('marks absence before offline work, and offline work over the phones', () => {
    expect(activityAt({ ...base, absent: true }, 600, 630)).toEqual({ kind: 'absent', project: 'EV' });
    expect(activityAt({ ...base, offline: [{ kind: 'break', startMinute: 600, endMinute: 615 }] }, 600, 630)).toEqual({ kind: 'offline', project: 'EV' });
  });

  describe('edge cases', () => {
    it('counts a night shift running past midnight in the evening intervals only', () => {
      const night = presenceByProject([shift('n', 'EV', 1380, 1860)], ['EV'], 30, 48).EV;
      expect(night.map((p) => p.present).slice(44)).toEqual([0, 0, 1, 1]);
      expect(night[0].present).toBe(0);
    });

    it("counts yesterday's night shift (negative start) in the early intervals", () => {
      const early = presenceByProject([shift('n', 'EV', -60, 420)], ['EV'], 30, 48).EV;
      expect(early[13].present).toBe(1);
      expect(early[14].present).toBe(0);
    });

    it('ignores assignments to projects not asked for', () => {
      const out = presenceByProject([shift('n', 'FIN', 0, 60)], ['EV'], 30, 48);
      expect(Object.keys(out)).toEqual(['EV']);
      expect(out.EV.every((p) => p.scheduled === 0)).toBe(true);
    });
  });
});
