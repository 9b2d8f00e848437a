// Specification of query planning: term kinds, weights, fields, pinyin and caps.
import { describe, it, expect } from 'vitest';
import { planQuery } from './query.ts';

describe('planQuery', () => {
  it('weighs domain words and synonyms above bigrams and leaves unigrams out', () => {
    const plan = planQuery('家里没电了');
    expect(plan[0]).toMatchObject({ term: '停电', kind: 'synonym' });
    expect(plan.map((t) => t.kind)).not.toContain('unigram');
    expect(plan.find((t) => t.term === '家里')?.boost).toBeLessThan(plan[0].boost);
  });

  it('adds unigrams when asked, or when a query has nothing else', () => {
    expect(planQuery('家里', { unigrams: true }).map((t) => t.term)).toEqual(expect.arrayContaining(['家', '里']));
    expect(planQuery('扬').map((t) => [t.term, t.kind])).toEqual([['扬', 'unigram']]);
  });

  it('sends letters to the pinyin field exactly, as a prefix and, from four letters, with one typo', () => {
    const pinyin = planQuery('cdz').filter((t) => t.fields.includes('pinyin'));
    expect(pinyin.map((t) => [t.term, !!t.prefix, t.editDistance ?? 0])).toEqual([
      ['cdz', false, 0],
      ['cdz', true, 0],
    ]);
    expect(planQuery('chongdian').some((t) => t.editDistance === 1)).toBe(true);
  });

  it('keeps digit runs exact and out of the pinyin field', () => {
    expect(planQuery('3100012345').map((t) => [t.term, t.fields.includes('pinyin')])).toEqual([['3100012345', false]]);
  });

  it('caps the number of CJK terms, words first', () => {
    const long = '我家的电费怎么这么高啊上个月才一百多这个月怎么就三百多了你们是不是算错了阶梯电价';
    const plan = planQuery(long, { maxTerms: 5 });
    expect(plan).toHaveLength(5);
    expect(plan.map((t) => t.term)).toContain('阶梯电价');
  });
});

describe('edge cases', () => {
  it('plans nothing for empty or syntax-only text', () => {
    expect(planQuery('')).toEqual([]);
    expect(planQuery(':^~*+-')).toEqual([]);
  });
});
