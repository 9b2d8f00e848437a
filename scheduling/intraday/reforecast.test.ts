// Specification of the rest-of-day re-forecast from the morning's deviation.
import { describe, it, expect } from 'vitest';
import { clockLabel, reforecastDay } from './reforecast.ts';

const flat = (calls: number) => new Array(48).fill(calls);
/** Actuals equal to the forecast until 10:00 (interval 20), then `stormFactor` times it, up to `elapsed` intervals. */
const storm = (forecast: number[], elapsed: number, stormFactor: number) => forecast.slice(0, elapsed).map((f, i) => (i >= 20 ? f * stormFactor : f));

describe('reforecastDay', () => {
  it('gives factor 2 for the afternoon when an outage storm doubles calls from 10:00 (judged at 12:00)', () => {
    const forecast = flat(100);
    const r = reforecastDay(forecast, storm(forecast, 24, 2));
    expect(r.factor).toBe(2);
    expect(r.observedRatio).toBe(2);
    expect(r.calls.slice(24)).toEqual(new Array(24).fill(200));
    expect(r.window).toEqual({ fromInterval: 20, toInterval: 24, actualCalls: 800, forecastCalls: 400 });
    expect(r.reason).toBe('10:00–12:00 ran at 2.00× forecast; rest of day × 2.00');
  });

  it('keeps the elapsed intervals at their actuals', () => {
    const forecast = flat(100);
    const actuals = storm(forecast, 24, 2);
    expect(reforecastDay(forecast, actuals).calls.slice(0, 24)).toEqual(actuals);
  });

  it('scales a shaped forecast by the factor, interval by interval', () => {
    const forecast = Array.from({ length: 48 }, (_, i) => 50 + i);
    const r = reforecastDay(forecast, storm(forecast, 24, 2));
    expect(r.factor).toBeCloseTo(2, 12);
    expect(r.calls[30]).toBeCloseTo(160, 9);
  });

  it('weights recent intervals more: ratios 1 then 2 over two intervals give (0.7·100 + 200) / (0.7·100 + 100) = 1.588235', () => {
    const r = reforecastDay(flat(100), [100, 200], { lookbackIntervals: 2 });
    expect(r.factor).toBeCloseTo(270 / 170, 12);
    expect(r.observedRatio).toBe(1.5);
    expect(r.reason).toBe('00:00–01:00 ran at 1.50× forecast; rest of day × 1.59');
  });

  it('treats every interval alike with recencyWeight 1', () => {
    expect(reforecastDay(flat(100), [100, 200], { lookbackIntervals: 2, recencyWeight: 1 }).factor).toBe(1.5);
  });

  it('clamps a five-fold surge to the maximum factor 3 and says so', () => {
    const r = reforecastDay(flat(100), [500, 500]);
    expect(r.factor).toBe(3);
    expect(r.clamped).toBe(true);
    expect(r.reason).toContain('clamped from 5.00');
  });

  it('clamps a collapse to the minimum factor 0.5', () => {
    expect(reforecastDay(flat(100), [10, 10], { minFactor: 0.5 }).factor).toBe(0.5);
  });

  it('lowers the rest of the day when the morning runs quiet', () => {
    const r = reforecastDay(flat(100), [80, 80, 80, 80]);
    expect(r.factor).toBeCloseTo(0.8, 12);
    expect(r.calls[47]).toBeCloseTo(80, 9);
  });

  describe('edge cases', () => {
    it('keeps the forecast when nothing has elapsed', () => {
      const r = reforecastDay(flat(100), []);
      expect(r.factor).toBe(1);
      expect(r.observedRatio).toBeNull();
      expect(r.calls).toEqual(flat(100));
    });

    it('keeps the forecast when the window holds fewer forecast calls than the minimum (night)', () => {
      const r = reforecastDay(flat(5), [20, 20, 20, 20]);
      expect(r.factor).toBe(1);
      expect(r.reason).toContain('too few to judge');
    });

    it('judges on all elapsed intervals when fewer than the lookback have passed', () => {
      expect(reforecastDay(flat(100), [150]).window).toEqual({ fromInterval: 0, toInterval: 1, actualCalls: 150, forecastCalls: 100 });
    });

    it('rejects more actuals than forecast intervals, negative or non-finite counts, and bad options', () => {
      expect(() => reforecastDay([100], [100, 100])).toThrow(RangeError);
      expect(() => reforecastDay([100, 100], [-1])).toThrow(RangeError);
      expect(() => reforecastDay([100, Number.NaN], [])).toThrow(RangeError);
      expect(() => reforecastDay([100], [], { recencyWeight: 0 })).toThrow(RangeError);
      expect(() => reforecastDay([100], [], { minFactor: 2 })).toThrow(RangeError);
    });

    it('runs the whole day: all 48 intervals elapsed leaves nothing to scale', () => {
      const r = reforecastDay(flat(100), flat(200));
      expect(r.factor).toBe(2);
      expect(r.calls).toEqual(flat(200));
    });

    it('labels clock minutes, 24:00 at the end of the day', () => {
      expect(clockLabel(0)).toBe('00:00');
      expect(clockLabel(630)).toBe('10:30');
      expect(clockLabel(1440)).toBe('24:00');
    });
  });
});
