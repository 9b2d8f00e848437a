// Benchmark of Chinese scenario search: build time, memory and query latency at 1,000 and
// 10,000 scenarios, against plain lunr (default pipeline) and a naive substring scan.
// Run: node --expose-gc --import tsx bench/search.ts [--sizes 1000,10000]  (LUNR_BUILDER=1 also times lunr.Builder above 2,000)
// Large libraries are the demo library plus seeded distractors spliced from its own phrasings and
// scripts, so their recall is a stress figure; the demo library's own recall is printed first.
import lunr from 'lunr';
import type { Scenario } from '../knowledge/scenario.ts';
import { buildSearchIndex, searchScenarios, serializeSearchIndex, loadSearchIndex, indexDocuments, FIELD_BOOSTS } from '../knowledge/search/index.ts';
import { buildLunrIndexWithBuilder } from '../knowledge/search/lunr-backend.ts';
import { evaluateGold } from '../knowledge/search/eval.ts';
import { base, gold, library, HAS_DEMO, HAS_GOLD } from './search-library.ts';

const sizesArg = process.argv.indexOf('--sizes');
const sizes = sizesArg > 0 ? process.argv[sizesArg + 1].split(',').map(Number) : [1000, 10000];

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((x, y) => x - y);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : NaN;
};
const mb = (bytes: number) => (bytes / 1048576).toFixed(1);
const ms = (x: number) => x.toFixed(2);

/** Passes over the gold queries per measurement (more samples, steadier percentiles). */
const ROUNDS = 3;

/** Latency and recall@5 of any ranked-codes search function over the gold queries. */
function measure(search: (q: string) => string[]): { p50: number; p95: number; recall5: number; qps: number } {
  const times: number[] = [];
  let found = 0;
  const started = performance.now();
  for (let round = 0; round < ROUNDS; round++) {
    for (const { query, target } of gold) {
      const t0 = performance.now();
      const codes = search(query);
      times.push(performance.now() - t0);
      if (round === 0 && codes.slice(0, 5).includes(target)) found++;
    }
  }
  const total = performance.now() - started;
  return { p50: quantile(times, 0.5), p95: quantile(times, 0.95), recall5: found / gold.length, qps: (times.length / total) * 1000 };
}

type SearchIndexLike = Parameters<typeof searchScenarios>[0];

function plainLunr(scenarios: Scenario[]): lunr.Index {
  return lunr(function () {
    this.ref('code');
    for (const f of ['title', 'phrasings', 'keywords', 'body']) this.field(f);
    for (const s of scenarios) {
      this.add({ code: s.code, title: s.title, phrasings: (s.phrasings ?? []).join(' '), keywords: (s.keywords ?? []).join(' '), body: [...(s.script ?? []), ...(s.inquiry ?? [])].join(' ') });
    }
  });
}

function substringScan(scenarios: Scenario[]): (q: string) => string[] {
  const rows = scenarios.map((s) => ({ code: s.code, text: [s.title, ...(s.phrasings ?? []), ...(s.keywords ?? []), ...(s.script ?? []), ...(s.inquiry ?? [])].join('\n').toLowerCase() }));
  return (q) => {
    const needle = q.trim().toLowerCase();
    return needle ? rows.filter((r) => r.text.includes(needle)).slice(0, 10).map((r) => r.code) : [];
  };
}

const os = await import('node:os');
console.log(`search bench — node ${process.version}, ${os.cpus()[0]?.model}, ${os.availableParallelism()} cores, load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
console.log(`base library ${base.length} scenarios (${HAS_DEMO ? 'demo' : 'unit-test fixtures'}), ${gold.length} gold queries (${HAS_GOLD ? 'gold set' : 'fixture phrasings'})`);
{
  const demo = buildSearchIndex(base);
  const report = evaluateGold(demo, gold, { clock: () => performance.now() });
  console.log(`\n== demo library alone (${base.length}) ==`);
  console.log(`ours        R@1 ${report.recall[1].toFixed(3)} R@5 ${report.recall[5].toFixed(3)} R@10 ${report.recall[10].toFixed(3)} MRR@10 ${report.mrr.toFixed(3)}; query p50 ${ms(report.latencyMs.p50)} ms, p95 ${ms(report.latencyMs.p95)} ms (no snippets)`);
}
for (const size of sizes) {
  const scenarios = library(size);
  globalThis.gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const index = buildSearchIndex(scenarios);
  const buildMs = performance.now() - t0;
  const buildCpuMs = (process.cpuUsage(cpu0).user + process.cpuUsage(cpu0).system) / 1000;
  globalThis.gc?.();
  const heapMb = mb(process.memoryUsage().heapUsed - heap0);
  for (let i = 0; i < 3; i++) for (const { query } of gold.slice(0, 50)) searchScenarios(index, query, { limit: 10 });
  const ours = measure((q) => searchScenarios(index, q, { limit: 10 }).map((h) => h.code));
  const oursNoSnip = measure((q) => searchScenarios(index, q, { limit: 10, snippets: false }).map((h) => h.code));
  const evalReport = evaluateGold(index, gold, { clock: () => performance.now() });
  const ts = performance.now();
  const json = serializeSearchIndex(index);
  const serializeMs = performance.now() - ts;
  const tl = performance.now();
  loadSearchIndex(json);
  const loadMs = performance.now() - tl;

  // The lunr backend at every size: lunr.Index built by our direct builder, searched by lunr's query code.
  globalThis.gc?.();
  const lunrHeap0 = process.memoryUsage().heapUsed;
  const lunrCpu0 = process.cpuUsage();
  const t2 = performance.now();
  const onLunr = buildSearchIndex(scenarios, { backend: 'lunr' });
  const lunrBuildMs = performance.now() - t2;
  const lunrCpuMs = (process.cpuUsage(lunrCpu0).user + process.cpuUsage(lunrCpu0).system) / 1000;
  globalThis.gc?.();
  const lunrHeapMb = mb(process.memoryUsage().heapUsed - lunrHeap0);
  const r = measure((q) => searchScenarios(onLunr, q, { limit: 10, snippets: false }).map((h) => h.code));
  const lunrCapped: SearchIndexLike = { ...onLunr, backend: { ...onLunr.backend, maxPostings: 1000 } } as SearchIndexLike;
  const rc = measure((q) => searchScenarios(lunrCapped, q, { limit: 10, snippets: false }).map((h) => h.code));
  const lunrLines = [
    `ours on lunr build ${ms(lunrBuildMs)} ms wall (${ms(lunrCpuMs)} ms CPU, tokenising included), heap +${lunrHeapMb} MB; query p50 ${ms(r.p50)} ms, p95 ${ms(r.p95)} ms, Recall@5 ${r.recall5.toFixed(3)}; p95 lunr/compact ${(r.p95 / oursNoSnip.p95).toFixed(1)}× (no snippets), build lunr/compact ${(lunrBuildMs / buildMs).toFixed(1)}×`,
    `ours on lunr, terms held by >1,000 docs in a field skipped: p50 ${ms(rc.p50)} ms, p95 ${ms(rc.p95)} ms, Recall@5 ${rc.recall5.toFixed(3)}`,
  ];
  if (size <= 2000 || process.env.LUNR_BUILDER) {
    const documents = indexDocuments(scenarios);
    globalThis.gc?.();
    const h0 = process.memoryUsage().heapUsed;
    const cpu3 = process.cpuUsage();
    const t3 = performance.now();
    buildLunrIndexWithBuilder(documents, FIELD_BOOSTS);
    const builderMs = performance.now() - t3;
    const builderCpuMs = (process.cpuUsage(cpu3).user + process.cpuUsage(cpu3).system) / 1000;
    lunrLines.push(`lunr.Builder with our tokens (same index, tokenising excluded): build ${ms(builderMs)} ms wall (${ms(builderCpuMs)} ms CPU), heap +${mb(process.memoryUsage().heapUsed - h0)} MB before GC`);
  }

  const t1 = performance.now();
  const plain = plainLunr(scenarios);
  const plainBuildMs = performance.now() - t1;
  const plainResult = measure((q) => {
    try {
      return plain.search(q).slice(0, 10).map((r) => r.ref);
    } catch {
      return [];
    }
  });
  const plainErrors = gold.filter(({ query }) => {
    try {
      plain.search(query);
      return false;
    } catch {
      return true;
    }
  }).length;
  const scan = measure(substringScan(scenarios));

  console.log(`\n== ${size} scenarios ==`);
  console.log(`ours        build ${ms(buildMs)} ms wall (${ms(buildCpuMs)} ms CPU), heap +${heapMb} MB; query p50 ${ms(ours.p50)} ms, p95 ${ms(ours.p95)} ms, ${ours.qps.toFixed(0)} q/s, Recall@5 ${ours.recall5.toFixed(3)} (with snippets)`);
  console.log(`ours        no snippets: p50 ${ms(oursNoSnip.p50)} ms, p95 ${ms(oursNoSnip.p95)} ms; eval R@1 ${evalReport.recall[1].toFixed(3)} R@5 ${evalReport.recall[5].toFixed(3)} R@10 ${evalReport.recall[10].toFixed(3)} MRR@10 ${evalReport.mrr.toFixed(3)}`);
  console.log(`ours        serialise ${ms(serializeMs)} ms (${mb(json.length * 2)} MB as UTF-16 string), load ${ms(loadMs)} ms (load/build ${(loadMs / buildMs).toFixed(2)})`);
  for (const line of lunrLines) console.log(line);
  console.log(`plain lunr  build ${ms(plainBuildMs)} ms; query p50 ${ms(plainResult.p50)} ms, p95 ${ms(plainResult.p95)} ms, Recall@5 ${plainResult.recall5.toFixed(3)}, ${plainErrors} queries threw`);
  console.log(`substring   query p50 ${ms(scan.p50)} ms, p95 ${ms(scan.p95)} ms, Recall@5 ${scan.recall5.toFixed(3)}`);
  console.log(`ratios      p95 ours/plain ${(ours.p95 / plainResult.p95).toFixed(2)}, ours/substring ${(ours.p95 / scan.p95).toFixed(2)}; build ours/plain ${(buildMs / plainBuildMs).toFixed(2)}`);
}
