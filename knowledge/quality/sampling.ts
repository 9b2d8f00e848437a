// Quality-check sampling: sample sizes, Wilson intervals, stratum allocation, keyed-hash ranking and reproducible draws.
import { createHash, createHmac, createSecretKey, type KeyObject } from 'node:crypto';
import { firstMatchingRule, type CallRecord, type TargetRule } from './targeting.ts';

export type { CallRecord, TargetRule } from './targeting.ts';

/** Guard against floating-point noise when rounding up (96.04/1.1584 must not become 83.000000001 → 84). */
const ROUNDING_SLACK = 1e-9;

/** Cochran sample size, before and after the finite-population correction. */
export interface SampleSize {
  /** z²·p(1−p)/e², for an infinite population. */
  n0: number;
  /** After the finite-population correction n0 / (1 + (n0 − 1)/N); equals n0 without N. */
  n: number;
  /** Calls to sample: n rounded up, never more than the population. */
  required: number;
}

/**
 * How many calls must be checked to estimate a pass rate within ± `marginOfError`? Cochran's
 * formula with the finite-population correction when `populationSize` is given.
 *
 * @example cochranSampleSize({ marginOfError: 0.05, populationSize: 1000 }) // { n0: 384.16, n: 277.74…, required: 278 }
 */
export function cochranSampleSize({
  marginOfError,
  z = 1.96,
  proportion = 0.5,
  populationSize = null,
}: {
  marginOfError: number;
  z?: number;
  proportion?: number;
  populationSize?: number | null;
}): SampleSize {
  if (!(marginOfError > 0 && marginOfError < 1)) throw new RangeError('cochranSampleSize: marginOfError must be in (0, 1)');
  if (!(proportion >= 0 && proportion <= 1)) throw new RangeError('cochranSampleSize: proportion must be in [0, 1]');
  if (!(z > 0)) throw new RangeError('cochranSampleSize: z must be positive');
  if (populationSize !== null && !(Number.isInteger(populationSize) && populationSize >= 0)) {
    throw new RangeError('cochranSampleSize: populationSize must be a whole number ≥ 0');
  }
  const n0 = (z * z * proportion * (1 - proportion)) / (marginOfError * marginOfError);
  const n = populationSize === null ? n0 : populationSize === 0 ? 0 : n0 / (1 + (n0 - 1) / populationSize);
  const roundedUp = Math.max(0, Math.ceil(n - ROUNDING_SLACK));
  return { n0, n, required: populationSize === null ? roundedUp : Math.min(populationSize, roundedUp) };
}

/**
 * Where does the true pass rate plausibly lie, given `successes` of `trials`? The Wilson score
 * interval (z = 1.96 for 95 %); `null` when there are no trials. Use it beside every pass rate so
 * 4 of 5 is not read as 80 % flat.
 *
 * @example wilsonInterval(8, 10) // { low: 0.490…, high: 0.943… }
 */
export function wilsonInterval(successes: number, trials: number, z = 1.96): { low: number; high: number } | null {
  if (!(Number.isInteger(trials) && trials >= 0 && Number.isInteger(successes) && successes >= 0 && successes <= trials)) {
    throw new RangeError('wilsonInterval: need whole numbers 0 ≤ successes ≤ trials');
  }
  if (trials === 0) return null;
  const p = successes / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  return {
    low: successes === 0 ? 0 : Math.max(0, centre - half),
    high: successes === trials ? 1 : Math.min(1, centre + half),
  };
}

/**
 * How do fractional quotas become whole numbers that still add up to `total`? Largest-remainder
 * (Hamilton) rounding: floor each quota, then give the missing units to the largest remainders
 * (ties: the larger quota, then the earlier stratum). Quotas normally sum to `total`.
 *
 * @example largestRemainder([1.6667, 5, 3.3333], 10) // [2, 5, 3]
 */
export function largestRemainder(quotas: number[], total: number): number[] {
  const result = quotas.map((q) => Math.floor(q + ROUNDING_SLACK));
  let missing = total - result.reduce((a, b) => a + b, 0);
  if (!Number.isInteger(total) || missing < 0 || quotas.some((q) => !(q >= 0))) {
    throw new RangeError('largestRemainder: quotas must be ≥ 0 and their floors must not exceed the whole-number total');
  }
  const order = quotas
    .map((q, i) => ({ i, q, remainder: q - result[i] }))
    .sort((a, b) => b.remainder - a.remainder || b.q - a.q || a.i - b.i);
  for (let k = 0; missing > 0 && order.length > 0; k = (k + 1) % order.length, missing--) result[order[k].i]++;
  return result;
}

/**
 * Stratum quotas proportional to `weights`, capped at each stratum's size, rounded by largest
 * remainder. A stratum whose share exceeds its size is taken whole and the rest re-shared.
 */
function allocateCapped(sampleSize: number, stratumSizes: number[], weights: number[]): number[] {
  const population = stratumSizes.reduce((a, b) => a + b, 0);
  if (sampleSize >= population) return [...stratumSizes];
  const quotas = stratumSizes.map(() => 0);
  const open = new Set(stratumSizes.map((_, i) => i).filter((i) => stratumSizes[i] > 0));
  let remaining = sampleSize;
  for (;;) {
    const weightSum = [...open].reduce((s, i) => s + weights[i], 0);
    const share = (i: number): number =>
      weightSum > 0 ? (remaining * weights[i]) / weightSum : (remaining * stratumSizes[i]) / [...open].reduce((s, j) => s + stratumSizes[j], 0);
    const over = [...open].filter((i) => share(i) > stratumSizes[i]);
    if (over.length === 0) {
      for (const i of open) quotas[i] = share(i);
      break;
    }
    for (const i of over) {
      quotas[i] = stratumSizes[i];
      remaining -= stratumSizes[i];
      open.delete(i);
    }
  }
  return largestRemainder(quotas, sampleSize);
}

/**
 * How many calls should each stratum get so the sample mirrors the population? Proportional
 * allocation n·N_h/N, rounded by largest remainder (never more than a stratum holds).
 *
 * @example allocateProportional(60, [500, 300, 200]) // [30, 18, 12]
 */
export function allocateProportional(sampleSize: number, stratumSizes: number[]): number[] {
  checkAllocationInput(sampleSize, stratumSizes);
  return allocateCapped(sampleSize, stratumSizes, stratumSizes);
}

/**
 * The exact (unrounded) Neyman quotas n·N_h·S_h / Σ N_k·S_k.
 *
 * @example neymanQuotas(10, [500, 300, 200], [1, 5, 5]) // [1.666…, 5, 3.333…]
 */
export function neymanQuotas(sampleSize: number, stratumSizes: number[], stdDevs: number[]): number[] {
  const products = stratumSizes.map((size, i) => size * stdDevs[i]);
  const sum = products.reduce((a, b) => a + b, 0);
  return products.map((p) => (sum === 0 ? 0 : (sampleSize * p) / sum));
}

/**
 * How many calls should each stratum get to estimate the overall score most precisely? Neyman
 * allocation (∝ N_h·S_h, S_h the stratum's standard deviation), capped at stratum sizes and
 * rounded by largest remainder; falls back to proportional when every S_h is 0.
 *
 * @example allocateNeyman(10, [500, 300, 200], [1, 5, 5]) // [2, 5, 3]
 */
export function allocateNeyman(sampleSize: number, stratumSizes: number[], stdDevs: number[]): number[] {
  checkAllocationInput(sampleSize, stratumSizes);
  if (stdDevs.length !== stratumSizes.length || stdDevs.some((s) => !(s >= 0))) {
    throw new RangeError('allocateNeyman: one standard deviation ≥ 0 per stratum');
  }
  return allocateCapped(sampleSize, stratumSizes, stratumSizes.map((size, i) => size * stdDevs[i]));
}

function checkAllocationInput(sampleSize: number, stratumSizes: number[]): void {
  if (!(Number.isInteger(sampleSize) && sampleSize >= 0)) throw new RangeError('allocation: sampleSize must be a whole number ≥ 0');
  if (stratumSizes.some((n) => !(Number.isInteger(n) && n >= 0))) throw new RangeError('allocation: stratum sizes must be whole numbers ≥ 0');
}

/**
 * HMAC-SHA256 of `message` under `key`, as lowercase hex (RFC 2104 / RFC 4231).
 *
 * @example hmacSha256Hex('Jefe', 'what do ya want for nothing?') // '5bdcc146…3843'
 */
export function hmacSha256Hex(key: string | Uint8Array | KeyObject, message: string): string {
  return createHmac('sha256', key).update(message, 'utf8').digest('hex');
}

/** The seed as a reusable HMAC key (UTF-8 bytes of the seed), built once per ranking. */
function seedKey(seed: string): KeyObject {
  return createSecretKey(Buffer.from(seed, 'utf8'));
}

/**
 * In what order does a plan seed rank these calls? Sorts ids by HMAC-SHA256(key = seed,
 * message = id) in ascending hex; the order of one id relative to another never depends on which
 * other ids are present, so taking the first k is reproducible and auditable.
 *
 * @example keyedRank('plan-2025-06#1', ['CALL-0001', 'CALL-0011', 'CALL-0012']) // ['CALL-0012', 'CALL-0011', 'CALL-0001']
 */
export function keyedRank(seed: string, ids: string[]): string[] {
  const secret = seedKey(seed);
  return ids
    .map((id) => ({ id, key: hmacSha256Hex(secret, id) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.id < b.id ? -1 : 1))
    .map((x) => x.id);
}

/**
 * Where does a call fall on the seed's keyed scale? The first 52 bits of HMAC-SHA256(seed, id)
 * as a fraction in [0, 1); ordering by it agrees with `keyedRank`.
 *
 * @example keyedFraction('plan-2025-06#1', 'CALL-0012') // 0.1332…
 */
export function keyedFraction(seed: string, id: string): number {
  return parseInt(hmacSha256Hex(seed, id).slice(0, 13), 16) / 2 ** 52;
}

/**
 * Is this call in a sample spread through the period? Decides each call on its own, as it
 * arrives, by `keyedFraction(seed, id) < rate`: reproducible, about `rate` of the calls, and
 * consistent with `keyedRank` (every call taken ranks before every call left), so a running
 * sample never has to be redrawn. The count is not exact; use `drawSample` for exact quotas.
 *
 * @example inKeyedSample('plan-2025-06#1', 'CALL-0012', 0.25) // true
 */
export function inKeyedSample(seed: string, id: string, rate: number): boolean {
  if (!(rate >= 0 && rate <= 1)) throw new RangeError('inKeyedSample: rate must be in [0, 1]');
  return keyedFraction(seed, id) < rate;
}

/**
 * A fingerprint of a population snapshot (its call ids, in any order), to store beside a draw
 * so an auditor can tell the same population was used.
 *
 * @example populationFingerprint(['b', 'a']) === populationFingerprint(['a', 'b']) // true
 */
export function populationFingerprint(ids: string[]): string {
  return createHash('sha256').update([...ids].sort().join('\n'), 'utf8').digest('hex');
}

/** Period over which a per-agent quota applies. */
export type QuotaPeriod = 'plan' | 'day' | 'week' | 'month';

/** How a plan picks calls from its (already filtered) population. */
export type SamplingMethod =
  /** `perAgent` calls per agent per period (days, ISO weeks or months of `localDate`, or the whole plan). */
  | { kind: 'quota'; perAgent: number; period: QuotaPeriod }
  /** `percent` % of each agent's calls (or of all calls), rounded up, but at least `minimum`. */
  | { kind: 'percentage'; percent: number; minimum: number; per: 'agent' | 'all' }
  /** `sampleSize` calls spread over strata of the value of `stratumField`, proportionally. */
  | { kind: 'stratified'; sampleSize: number; stratumField: string; allocation: 'proportional' }
  /** As proportional, but ∝ N_h·S_h with `stdDevByStratum` (e.g. last period's score SD per stratum). */
  | { kind: 'stratified'; sampleSize: number; stratumField: string; allocation: 'neyman'; stdDevByStratum: Record<string, number> }
  /** Up to `limit` calls matching the rules, rules with lower priority numbers first. */
  | { kind: 'targeted'; rules: TargetRule[]; limit: number };

/** One sampled call, with where it came from. */
export interface SampledCall {
  callId: string;
  /** Stratum the call was drawn in: agent|period, agent, stratum value, 'all' or the rule id. */
  stratum: string;
  /** 1-based position of the call in its stratum's keyed order. */
  rank: number;
  /** HMAC-SHA256(seed, callId) hex, the sort key. */
  key: string;
}

/** Per-stratum accounting of a draw. */
export interface StratumSummary {
  stratum: string;
  populationSize: number;
  drawn: number;
}

/** A reproducible draw: same population, method and seed give the same result. */
export interface Draw {
  seed: string;
  sample: SampledCall[];
  strata: StratumSummary[];
  populationFingerprint: string;
}

/** Arguments of `drawSample` and `replaceSampled`. */
export interface DrawOptions {
  /** Calls in scope, already filtered by the plan (period, duration, queue, has recording, …). */
  population: CallRecord[];
  method: SamplingMethod;
  /** The plan seed; store it with the plan. */
  seed: string;
}

interface RankedStratum {
  stratum: string;
  /** Calls of the stratum in keyed order. */
  ranked: SampledCall[];
  /** How many of the ranked calls the method takes. */
  take: number;
}

/** ISO-8601 week label (`2026-W48`) of a `YYYY-MM-DD` date, by pure calendar arithmetic. */
function isoWeekOf(localDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(localDate);
  if (!match) throw new RangeError(`drawSample: localDate must be YYYY-MM-DD, got ${localDate}`);
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  const weekday = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - weekday); // the Thursday of this week decides the year
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((date.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${date.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** Period label of a call; `weeks` memoises ISO-week labels by date within one draw. */
function periodOf(call: CallRecord, period: QuotaPeriod, weeks: Map<string, string>): string {
  if (period === 'plan') return 'plan';
  if (typeof call.localDate !== 'string') throw new RangeError(`drawSample: call ${call.id} has no localDate for a per-${period} quota`);
  if (period === 'day') return call.localDate;
  if (period === 'month') return call.localDate.slice(0, 7);
  let week = weeks.get(call.localDate);
  if (week === undefined) weeks.set(call.localDate, (week = isoWeekOf(call.localDate)));
  return week;
}

/** Groups calls into strata (in first-seen order of sorted names) and ranks each by keyed hash. */
function groupAndRank(population: CallRecord[], seed: string, stratumOf: (call: CallRecord) => string | undefined): Map<string, SampledCall[]> {
  const groups = new Map<string, SampledCall[]>();
  const secret = seedKey(seed);
  for (const call of population) {
    const stratum = stratumOf(call);
    if (stratum === undefined) continue;
    const list = groups.get(stratum) ?? [];
    list.push({ callId: call.id, stratum, rank: 0, key: hmacSha256Hex(secret, call.id) });
    groups.set(stratum, list);
  }
  for (const list of groups.values()) {
    list.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.callId < b.callId ? -1 : 1));
    list.forEach((c, i) => (c.rank = i + 1));
  }
  return new Map([...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Strata, their keyed order and how many calls each contributes, for any method. */
function rankStrata({ population, method, seed }: DrawOptions): RankedStratum[] {
  const ids = new Set<string>();
  for (const call of population) {
    if (ids.has(call.id)) throw new RangeError(`drawSample: duplicate call id ${call.id}`);
    ids.add(call.id);
  }
  switch (method.kind) {
    case 'quota': {
      checkWhole(method.perAgent, 'perAgent');
      const weeks = new Map<string, string>();
      const groups = groupAndRank(population, seed, (c) => `${c.agentId}|${periodOf(c, method.period, weeks)}`);
      return [...groups].map(([stratum, ranked]) => ({ stratum, ranked, take: Math.min(method.perAgent, ranked.length) }));
    }
    case 'percentage': {
      if (!(method.percent >= 0 && method.percent <= 100)) throw new RangeError('drawSample: percent must be in [0, 100]');
      checkWhole(method.minimum, 'minimum');
      const groups = groupAndRank(population, seed, (c) => (method.per === 'agent' ? c.agentId : 'all'));
      return [...groups].map(([stratum, ranked]) => {
        const byPercent = Math.ceil((ranked.length * method.percent) / 100 - ROUNDING_SLACK);
        return { stratum, ranked, take: Math.min(ranked.length, Math.max(byPercent, method.minimum)) };
      });
    }
    case 'stratified': {
      checkWhole(method.sampleSize, 'sampleSize');
      const groups = [...groupAndRank(population, seed, (c) => String(c[method.stratumField] ?? ''))];
      const sizes = groups.map(([, ranked]) => ranked.length);
      const takes =
        method.allocation === 'proportional'
          ? allocateProportional(method.sampleSize, sizes)
          : allocateNeyman(
              method.sampleSize,
              sizes,
              groups.map(([stratum]) => {
                const sd = method.stdDevByStratum[stratum];
                if (sd === undefined) throw new RangeError(`drawSample: no standard deviation for stratum ${stratum}`);
                return sd;
              }),
            );
      return groups.map(([stratum, ranked], i) => ({ stratum, ranked, take: takes[i] }));
    }
    case 'targeted': {
      checkWhole(method.limit, 'limit');
      const groups = groupAndRank(population, seed, (c) => firstMatchingRule(c, method.rules)?.id);
      const rules = method.rules
        .map((rule, order) => ({ rule, order }))
        .sort((a, b) => a.rule.priority - b.rule.priority || a.order - b.order);
      let remaining = method.limit;
      const strata: RankedStratum[] = [];
      for (const { rule } of rules) {
        const ranked = groups.get(rule.id);
        if (!ranked || strata.some((s) => s.stratum === rule.id)) continue;
        const take = Math.min(ranked.length, rule.max ?? Infinity, remaining);
        remaining -= take;
        strata.push({ stratum: rule.id, ranked, take });
      }
      return strata;
    }
  }
}

function checkWhole(value: number, name: string): void {
  if (!(Number.isInteger(value) && value >= 0)) throw new RangeError(`drawSample: ${name} must be a whole number ≥ 0`);
}

/**
 * Which calls does this plan check? Ranks every call of each stratum by HMAC-SHA256(seed, call
 * id) and takes the first calls the method allots to the stratum. Reproducible: the same
 * population (in any order), method and seed always give the same sample. Strata: quota →
 * `agent|period`; percentage → agent or `all`; stratified → value of the stratum field;
 * targeted → id of the highest-priority rule the call matches (calls matching no rule are not
 * candidates).
 *
 * @example drawSample({ population: calls, method: { kind: 'quota', perAgent: 2, period: 'week' }, seed: 'plan-7' }).sample
 * // [{ callId: 'C-19', stratum: 'A01|2026-W48', rank: 1, key: '0a3f…' }, …]
 */
export function drawSample(options: DrawOptions): Draw {
  const strata = rankStrata(options);
  return {
    seed: options.seed,
    sample: strata.flatMap((s) => s.ranked.slice(0, s.take)),
    strata: strata.map((s) => ({ stratum: s.stratum, populationSize: s.ranked.length, drawn: s.take })),
    populationFingerprint: populationFingerprint(options.population.map((c) => c.id)),
  };
}

/** Outcome of replacing one sampled call. */
export interface Replacement {
  /** The sample with the replacement in the replaced call's place (or without it when none is left). */
  sample: SampledCall[];
  replaced: SampledCall;
  /** The next ranked call of the same stratum, or `null` when the stratum is exhausted. */
  replacement: SampledCall | null;
}

/**
 * What replaces a sampled call that cannot be checked (no audio, wrong queue, …)? The next call
 * in the same stratum's keyed order after the highest-ranked call that stratum has already
 * sampled, skipping `excludeIds` (e.g. calls replaced before). Log the reason beside it.
 *
 * @example replaceSampled({ population, method, seed, sample: draw.sample, callId: 'C-19' }).replacement?.rank // 3 if ranks 1–2 were sampled
 */
export function replaceSampled(
  options: DrawOptions & { sample: SampledCall[]; callId: string; excludeIds?: string[] },
): Replacement {
  const position = options.sample.findIndex((s) => s.callId === options.callId);
  if (position < 0) throw new RangeError(`replaceSampled: call ${options.callId} is not in the sample`);
  const replaced = options.sample[position];
  const stratum = rankStrata(options).find((s) => s.stratum === replaced.stratum);
  if (!stratum) throw new RangeError(`replaceSampled: stratum ${replaced.stratum} is not in this population`);
  const inSample = new Set(options.sample.map((s) => s.callId));
  const excluded = new Set(options.excludeIds ?? []);
  const highestRank = Math.max(...options.sample.filter((s) => s.stratum === replaced.stratum).map((s) => s.rank));
  const replacement =
    stratum.ranked.find((c) => c.rank > highestRank && !inSample.has(c.callId) && !excluded.has(c.callId)) ?? null;
  const sample = [...options.sample];
  if (replacement) sample[position] = replacement;
  else sample.splice(position, 1);
  return { sample, replaced, replacement };
}
