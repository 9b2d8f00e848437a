// Re-forecast the rest of today from how far the latest elapsed intervals ran above or below forecast.

/** Options of {@link reforecastDay}; all optional. */
export interface ReforecastOptions {
  /** How many of the latest elapsed intervals to judge the deviation on (default 4 = two hours). */
  lookbackIntervals?: number;
  /** Weight of an interval relative to the next newer one, 0 < x ≤ 1 (default 0.7: recent counts most). */
  recencyWeight?: number;
  /** Fewer forecast calls than this in the lookback window: too little to judge, factor stays 1 (default 30). */
  minForecastCalls?: number;
  /** Lowest and highest factor applied (default 0.5 and 3). */
  minFactor?: number;
  maxFactor?: number;
  intervalMinutes?: number;
}

/** Result of {@link reforecastDay}. */
export interface Reforecast {
  /** Calls per interval for the whole day: actuals where elapsed, forecast × factor after. */
  calls: number[];
  /** Multiplier applied to the remaining intervals. */
  factor: number;
  /** Plain actual ÷ forecast over the lookback window, before weighting and clamping (null if nothing to judge). */
  observedRatio: number | null;
  /** Lookback window as interval indices [from, to), and its totals. */
  window: { fromInterval: number; toInterval: number; actualCalls: number; forecastCalls: number };
  clamped: boolean;
  /** Human explanation, e.g. "10:00–12:00 ran at 2.00× forecast; rest of day × 2.00". */
  reason: string;
}

/** `HH:MM` of a minute of the day (1440 prints as 24:00). */
export function clockLabel(minuteOfDay: number): string {
  const m = Math.round(minuteOfDay);
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/**
 * How many calls will the rest of today bring, given the morning's deviation from forecast?
 * The factor is Σw·actual ÷ Σw·forecast over the last `lookbackIntervals` elapsed intervals, with
 * weights recencyWeight^age (newest age 0), clamped to [minFactor, maxFactor]; 1 when too few calls.
 * @example reforecastDay([100, 100, 100, 100], [200, 200]).calls // [200, 200, 200, 200] (factor 2)
 */
export function reforecastDay(forecastCalls: readonly number[], elapsedActualCalls: readonly number[], options: ReforecastOptions = {}): Reforecast {
  const {
    lookbackIntervals = 4,
    recencyWeight = 0.7,
    minForecastCalls = 30,
    minFactor = 0.5,
    maxFactor = 3,
    intervalMinutes = 1440 / Math.max(1, forecastCalls.length),
  } = options;
  if (elapsedActualCalls.length > forecastCalls.length) {
    throw new RangeError(`more actuals (${elapsedActualCalls.length}) than forecast intervals (${forecastCalls.length})`);
  }
  if (!(lookbackIntervals >= 1) || !(recencyWeight > 0 && recencyWeight <= 1) || !(minFactor > 0 && minFactor <= 1 && maxFactor >= 1)) {
    throw new RangeError('lookbackIntervals ≥ 1, 0 < recencyWeight ≤ 1 and minFactor ≤ 1 ≤ maxFactor are required');
  }
  for (const x of [...forecastCalls, ...elapsedActualCalls]) {
    if (!(x >= 0) || !Number.isFinite(x)) throw new RangeError(`call counts must be finite and ≥ 0, got ${x}`);
  }
  const elapsed = elapsedActualCalls.length;
  const fromInterval = Math.max(0, elapsed - lookbackIntervals);
  let weightedActual = 0;
  let weightedForecast = 0;
  let actualCalls = 0;
  let windowForecast = 0;
  for (let i = fromInterval; i < elapsed; i++) {
    const w = recencyWeight ** (elapsed - 1 - i);
    weightedActual += w * elapsedActualCalls[i];
    weightedForecast += w * forecastCalls[i];
    actualCalls += elapsedActualCalls[i];
    windowForecast += forecastCalls[i];
  }
  const window = { fromInterval, toInterval: elapsed, actualCalls, forecastCalls: windowForecast };
  const span = `${clockLabel(fromInterval * intervalMinutes)}–${clockLabel(elapsed * intervalMinutes)}`;
  let factor = 1;
  let observedRatio: number | null = null;
  let clamped = false;
  let reason: string;
  if (elapsed === 0) reason = 'no interval has elapsed yet; forecast kept';
  else if (windowForecast < minForecastCalls) {
    reason = `${span} forecast only ${round2(windowForecast)} calls (< ${minForecastCalls}); too few to judge, forecast kept`;
  } else {
    observedRatio = actualCalls / windowForecast;
    const raw = weightedActual / weightedForecast;
    factor = Math.min(maxFactor, Math.max(minFactor, raw));
    clamped = factor !== raw;
    reason = `${span} ran at ${observedRatio.toFixed(2)}× forecast; rest of day × ${factor.toFixed(2)}${clamped ? ` (clamped from ${raw.toFixed(2)})` : ''}`;
  }
  const calls = forecastCalls.map((f, i) => (i < elapsed ? elapsedActualCalls[i] : f * factor));
  return { calls, factor, observedRatio, window, clamped, reason };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
