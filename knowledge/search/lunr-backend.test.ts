// The lunr backend's direct builder writes exactly the index lunr.Builder would, and its posting cap skips only common terms.
import { describe, it, expect } from 'vitest';
import { buildLunrIndex, buildLunrIndexWithBuilder, searchLunrIndex } from './lunr-backend.ts';
import { indexDocuments, FIELD_BOOSTS } from './index.ts';
import { FIXTURE_SCENARIOS } from './fixtures.ts';

describe('buildLunrIndex', () => {
  it('serialises to the same JSON as lunr.Builder over the same tokens (terms, indexes, postings, vectors, fields)', () => {
    const documents = indexDocuments(FIXTURE_SCENARIOS);
    const direct = JSON.stringify(buildLunrIndex(documents, FIELD_BOOSTS).toJSON());
    const viaBuilder = JSON.stringify(buildLunrIndexWithBuilder(documents, FIELD_BOOSTS).toJSON());
    expect(direct.length).toBeGreaterThan(10_000);
    expect(direct).toBe(viaBuilder);
  });

  it('scores like lunr: a term repeated in a short field ranks first, with lunr’s 3-decimal BM25 weights', () => {
    const idx = buildLunrIndex(
      [
        { ref: 'A', fields: { title: ['电费', '电费'] } },
        { ref: 'B', fields: { title: ['电费', '停电', '复电'] } },
        { ref: 'C', fields: { title: ['停电'] } },
      ],
      { title: 1 },
    );
    const vectors = (idx.toJSON() as { fieldVectors: Array<[string, number[]]> }).fieldVectors;
    // idf(电费) = ln(1 + (3 - 2 + 0.5) / (2 + 0.5)) = ln 1.6 = 0.470; A: tf 2, length 2, average 2
    // → 0.470 × 2.2 × 2 / (1.2 × 1 + 2) = 0.646
    expect(vectors[0]).toEqual(['title/A', [0, 0.646]]);
    expect(searchLunrIndex(idx, [{ term: '电费', kind: 'word', boost: 1, fields: ['title'] }], 10).map((h) => h.ref)).toEqual(['A', 'B']);
  });
});

describe('searchLunrIndex with maxPostings', () => {
  const idx = buildLunrIndex(
    [
      { ref: 'A', fields: { title: ['电费', '跳闸'] } },
      { ref: 'B', fields: { title: ['电费'] } },
      { ref: 'C', fields: { title: ['电费'] } },
    ],
    { title: 1 },
  );
  const terms = [
    { term: '电费', kind: 'word' as const, boost: 1, fields: ['title' as const] },
    { term: '跳闸', kind: 'word' as const, boost: 1, fields: ['title' as const] },
  ];

  it('skips a term held by more documents than the cap and keeps the rare one', () => {
    expect(searchLunrIndex(idx, terms, 10).map((h) => h.ref).sort()).toEqual(['A', 'B', 'C']);
    expect(searchLunrIndex(idx, terms, 10, { maxPostings: 2 }).map((h) => h.ref)).toEqual(['A']);
    expect(searchLunrIndex(idx, terms, 10, { maxPostings: 3 }).map((h) => h.ref).sort()).toEqual(['A', 'B', 'C']);
  });
});
