// Specification of the synonym groups and the dictionary size.
import { describe, it, expect } from 'vitest';
import { canonicalOf, SYNONYM_GROUPS } from './synonyms.ts';
import { DOMAIN_WORDS } from './dictionary.ts';

describe('canonicalOf', () => {
  it('maps colloquial outage words to 停电', () => {
    for (const word of ['没电', '断电', '停了电']) expect(canonicalOf(word)).toBe('停电');
  });

  it('maps meter words to 电能表 and payment words to 缴费', () => {
    expect(canonicalOf('电表')).toBe('电能表');
    expect(canonicalOf('表')).toBe('电能表');
    expect(canonicalOf('交费')).toBe('缴费');
    expect(canonicalOf('充值')).toBe('缴费');
  });

  it('maps charging words to 充电桩', () => {
    expect(canonicalOf('充电枪')).toBe('充电桩');
    expect(canonicalOf('桩')).toBe('充电桩');
  });

  it('returns a canonical word as itself', () => {
    expect(canonicalOf('停电')).toBe('停电');
  });
});

describe('edge cases', () => {
  it('returns undefined for words outside every group', () => {
    expect(canonicalOf('电费')).toBeUndefined();
    expect(canonicalOf('')).toBeUndefined();
  });

  it('puts no variant in two groups', () => {
    const seen = new Map<string, string>();
    for (const group of SYNONYM_GROUPS) {
      for (const variant of [group.canonical, ...group.variants]) {
        expect(seen.get(variant) ?? group.canonical, variant).toBe(group.canonical);
        seen.set(variant, group.canonical);
      }
    }
  });

  it('lists a few hundred distinct dictionary words', () => {
    expect(new Set(DOMAIN_WORDS).size).toBeGreaterThanOrEqual(300);
  });
});
