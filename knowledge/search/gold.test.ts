// Recall@5 of scenario search on the team's gold set of caller utterances over the demo library.
import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { buildSearchIndex } from './index.ts';
import { evaluateGold, type GoldLine } from './eval.ts';
import type { Scenario } from '../scenario.ts';

// The demo library and the team's gold set of colloquial caller utterances (issue 3).
const libraryUrl = new URL('../demo/scenarios.jsonl', import.meta.url);
const goldUrl = new URL('../../test/fixtures/gold.jsonl', import.meta.url);
const present = existsSync(libraryUrl) && existsSync(goldUrl);
const readJsonl = <T>(url: URL): T[] =>
  readFileSync(url, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);

describe('gold set on the demo library', () => {
  it('has both files in the repository', () => {
    expect(present).toBe(true);
  });

  if (!present) return;
  const scenarios = readJsonl<Scenario>(libraryUrl);
  const gold = readJsonl<GoldLine>(goldUrl);

  it('has at least 200 gold lines, each naming a scenario of the library', () => {
    const codes = new Set(scenarios.map((s) => s.code));
    expect(gold.length).toBeGreaterThanOrEqual(200);
    expect(gold.filter((line) => !codes.has(line.target))).toEqual([]);
  });

  for (const backend of ['compact', 'lunr'] as const) {
    it(`reaches Recall@5 ≥ 0.90 on the ${backend} backend`, () => {
      const report = evaluateGold(buildSearchIndex(scenarios, { backend }), gold, { clock: () => performance.now() });
      expect(report.recall[5]).toBeGreaterThanOrEqual(0.9);
    });
  }
});
