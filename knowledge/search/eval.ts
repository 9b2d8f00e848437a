// Retrieval quality of a search index on a gold set: Recall@k, MRR@10 and query latency.
import { searchScenarios, type SearchIndex } from './index.ts';

/** One gold line: a caller utterance and the scenario code that should answer it. */
export interface GoldLine {
  query: string;
  target: string;
}

/** Options of {@link evaluateGold}. */
export interface EvaluateOptions {
  /** Milliseconds clock, e.g. `() => performance.now()` (kept a parameter so the module stays pure). */
  clock: () => number;
  /** Cut-offs for Recall@k (default 1, 5, 10). */
  ks?: number[];
}

/** A gold query whose target was not ranked first. */
export interface GoldMiss {
  query: string;
  target: string;
  /** 1-based rank of the target within the top max(ks, 10), or null when absent. */
  rank: number | null;
  top: string[];
}

/** The evaluation figures. */
export interface GoldReport {
  queries: number;
  /** k → share of queries whose target is in the top k. */
  recall: Record<number, number>;
  /** Mean reciprocal rank of the target within the top 10 (0 when absent). */
  mrr: number;
  latencyMs: { p50: number; p95: number };
  misses: GoldMiss[];
}

/**
 * How well does this index answer the gold set?
 * Example: `evaluateGold(index, [{ query: '没电了', target: 'TD-002' }], { clock: () => performance.now() })`
 * → `{ queries: 1, recall: { 1: 1, 5: 1, 10: 1 }, mrr: 1, ... }` when TD-002 ranks first.
 */
export function evaluateGold(index: SearchIndex, gold: readonly GoldLine[], { clock, ks = [1, 5, 10] }: EvaluateOptions): GoldReport {
  const depth = Math.max(10, ...ks);
  const hits: Record<number, number> = Object.fromEntries(ks.map((k) => [k, 0]));
  const times: number[] = [];
  const misses: GoldMiss[] = [];
  let reciprocal = 0;
  for (const { query, target } of gold) {
    const t0 = clock();
    const codes = searchScenarios(index, query, { limit: depth, snippets: false }).map((hit) => hit.code);
    times.push(clock() - t0);
    const at = codes.indexOf(target);
    for (const k of ks) if (at >= 0 && at < k) hits[k]++;
    if (at >= 0 && at < 10) reciprocal += 1 / (at + 1);
    if (at !== 0) misses.push({ query, target, rank: at >= 0 ? at + 1 : null, top: codes.slice(0, 5) });
  }
  const n = gold.length;
  const recall: Record<number, number> = Object.fromEntries(ks.map((k) => [k, n ? hits[k] / n : 0]));
  return { queries: n, recall, mrr: n ? reciprocal / n : 0, latencyMs: { p50: percentile(times, 0.5), p95: percentile(times, 0.95) }, misses };
}

/**
 * Which value sits at quantile `q` (0…1) of the samples (nearest rank)?
 * Example: `percentile([1, 2, 3, 4], 0.5) === 2`.
 */
export function percentile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return 0;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1];
}
