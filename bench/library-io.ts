// Benchmark: library JSONL import/export, work-order preparation and scenario diff, against plain baselines in the same run.
import { readFileSync } from 'node:fs';
import { parseLibraryJsonl, serializeLibraryJsonl } from '../knowledge/library-io.ts';
import { prepareWorkOrder, validateOrderFields } from '../knowledge/workorder.ts';
import { diffScenarios } from '../knowledge/diff.ts';
import type { Scenario } from '../knowledge/scenario.ts';
import type { ResponsibilityMatrix } from '../knowledge/matrix.ts';

function mulberry32(seed: number): () => number {
  return () => {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const quantile = (xs: number[], q: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(q * s.length))]; };
const ms = (x: number) => x.toFixed(3);

const matrix = JSON.parse(readFileSync('../knowledge/demo/matrix.json', 'utf8')) as ResponsibilityMatrix;
const demoText = readFileSync('../knowledge/demo/scenarios.jsonl', 'utf8');
const demo = (parseLibraryJsonl(demoText, { matrix }) as { ok: true; scenarios: Scenario[] }).scenarios;
const random = mulberry32(42);
const N = 10_000;
const big: Scenario[] = Array.from({ length: N }, (_, i) => ({ ...demo[Math.floor(random() * demo.length)], code: `GEN-${String(i).padStart(5, '0')}` }));

const text = serializeLibraryJsonl(big);
const mb = Buffer.byteLength(text) / 1e6;
console.log(`library: ${N} scenarios, ${mb.toFixed(1)} MB JSONL (from ${demo.length} demo scenarios, seed 42)`);

function time(label: string, runs: number, fn: () => unknown): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) { const t = performance.now(); fn(); samples.push(performance.now() - t); }
  const p50 = quantile(samples, 0.5);
  console.log(`${label}: p50 ${ms(p50)} ms, p95 ${ms(quantile(samples, 0.95))} ms (${runs} runs)`);
  return p50;
}

const baseParse = time('baseline JSON.parse per line (no validation)', 7, () => text.split('\n').filter(Boolean).map((l) => JSON.parse(l)));
const parse = time('parseLibraryJsonl with matrix checks', 7, () => parseLibraryJsonl(text, { matrix }));
console.log(`  import: ${(N / (parse / 1000)).toFixed(0)} scenarios/s, ${(mb / (parse / 1000)).toFixed(1)} MB/s, ${(parse / baseParse).toFixed(2)}× baseline`);
const baseSer = time('baseline JSON.stringify per scenario', 7, () => big.map((s) => JSON.stringify(s)).join('\n'));
const ser = time('serializeLibraryJsonl (canonical order)', 7, () => serializeLibraryJsonl(big));
console.log(`  export: ${(N / (ser / 1000)).toFixed(0)} scenarios/s, ${(ser / baseSer).toFixed(2)}× baseline`);
global.gc?.();
const heapBefore = process.memoryUsage().heapUsed;
const kept = parseLibraryJsonl(text, { matrix });
console.log(`  heap retained by the parsed library: ${((process.memoryUsage().heapUsed - heapBefore) / 1e6).toFixed(1)} MB (run with --expose-gc for a clean figure); ok=${kept.ok}`);

// Work-order preparation on demo templates with filled values.
const withTemplate = demo.filter((s) => s.template);
const samples = withTemplate.map((scenario) => {
  const values: Record<string, string> = {};
  for (const f of scenario.template!.fields) {
    values[f.name] = f.type === 'phone' ? '138 1234 5678' : f.type === 'account' ? '3100012345' : f.type === 'select' ? f.options![0] : f.type === 'yesno' ? '是' : f.type === 'date' ? '2026-11-25' : f.type === 'datetime' ? '2026-11-25 08:00' : f.type === 'number' ? '3' : '测试内容';
  }
  return { scenario, values };
});
const now = new Date('2026-11-25T02:00:00Z');
const recentOrders = Array.from({ length: 200 }, (_, i) => ({ id: `W${i}`, kind: 'complaint' as const, account: i % 2 ? '3100012345' : '3100099999', matrixCode: matrix.entries[i % matrix.entries.length].code, createdAt: new Date(now.getTime() - i * 3_600_000) }));
const R = 20_000;
let k = 0;
const v = time(`validateOrderFields ×${R}`, 5, () => { for (let i = 0; i < R; i++) { const s = samples[k++ % samples.length]; validateOrderFields(s.scenario.template!, s.values); } });
const p = time(`prepareWorkOrder ×${R} (200 recent orders)`, 5, () => { for (let i = 0; i < R; i++) { const s = samples[k++ % samples.length]; prepareWorkOrder({ scenario: s.scenario, values: s.values, channel: '95598', now, matrix, recentOrders, repeatWindowDays: 30 }); } });
console.log(`  per order: validate ${(v * 1000 / R).toFixed(2)} µs, prepare ${(p * 1000 / R).toFixed(2)} µs (${(p / v).toFixed(2)}× validate)`);

// Diff between two demo scenarios (worst case: everything differs) vs identical.
const pairs = demo.map((a, i) => [a, demo[(i + 1) % demo.length]] as const);
const same = time(`diffScenarios identical ×${pairs.length * 50}`, 5, () => { for (let j = 0; j < 50; j++) for (const [a] of pairs) diffScenarios(a, a); });
const diff = time(`diffScenarios different ×${pairs.length * 50}`, 5, () => { for (let j = 0; j < 50; j++) for (const [a, b] of pairs) diffScenarios(a, b); });
console.log(`  per diff: ${(diff * 1000 / (pairs.length * 50)).toFixed(2)} µs (${(diff / same).toFixed(2)}× identical)`);
