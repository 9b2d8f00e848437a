// The search benchmarks' libraries: the demo library and gold set, grown to any size with seeded
// distractors spliced from the demo library's own phrasings and scripts (a worst case for recall).
import { readFileSync, existsSync } from 'node:fs';
import type { Scenario } from '../knowledge/scenario.ts';
import type { GoldLine } from '../knowledge/search/eval.ts';
import { FIXTURE_SCENARIOS } from '../knowledge/search/fixtures.ts';
import { DOMAIN_WORDS } from '../knowledge/search/dictionary.ts';

const root = new URL('../', import.meta.url);
const demoPath = new URL('knowledge/demo/scenarios.jsonl', root);
const goldPath = new URL('test/fixtures/gold.jsonl', root);

const readJsonl = <T>(url: URL): T[] =>
  readFileSync(url, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as T);

/** Whether the demo library and the gold set were found (else unit-test fixtures stand in). */
export const HAS_DEMO = existsSync(demoPath);
export const HAS_GOLD = existsSync(goldPath);
export const base: Scenario[] = HAS_DEMO ? readJsonl<Scenario>(demoPath) : FIXTURE_SCENARIOS;
export const gold: GoldLine[] = HAS_GOLD
  ? readJsonl<GoldLine>(goldPath)
  : base.flatMap((s) => (s.phrasings ?? []).map((query) => ({ query, target: s.code })));

/** mulberry32: a small seeded PRNG. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The base library plus seeded distractors that mix the base scenarios' texts and domain words.
 * Example: `library(1000).length === 1000`, the same 1,000 on every run.
 */
export function library(size: number, seed = 42): Scenario[] {
  const rand = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const words = DOMAIN_WORDS.filter((w) => w.length > 1);
  const splice = (x: string, y: string) => x.slice(0, Math.ceil(x.length / 2)) + y.slice(Math.floor(y.length / 2));
  const out: Scenario[] = [...base];
  for (let i = out.length; i < size; i++) {
    const a = pick(base);
    const b = pick(base);
    const c = pick(base);
    out.push({
      code: `SYN-${i}`,
      title: `${pick(words)}${pick(words)}${pick(['咨询', '报修', '投诉', '办理', '查询', '申请'])}`,
      category: a.category,
      phrasings: [splice(pick(a.phrasings ?? ['']), pick(b.phrasings ?? [''])), splice(pick(c.phrasings ?? ['']), pick(words))],
      keywords: [pick(words), pick(words), pick(words)],
      script: [...(a.script ?? []), ...(c.script ?? [])].map((s) => `${s}${pick(words)}${pick(words)}`),
      inquiry: [...(b.inquiry ?? []), pick(words)],
      sensitivity: 0,
    });
  }
  return out;
}
