// Specification of the compact BM25 engine: field boosts, expansions, top-k and typo distance.
import { describe, it, expect } from 'vitest';
import { buildEngine, searchEngine, withinOneEdit } from './engine.ts';

const documents = [
  { ref: 'A', fields: { title: ['电费', '查询'], body: ['电费'] } },
  { ref: 'B', fields: { title: ['停电'], body: ['电费', '电费', '停电'] } },
  { ref: 'C', fields: { title: ['充电桩'], body: ['cdz', 'chongdianzhuang'] } },
];
const engine = buildEngine(documents, { title: 10, body: 1 });
const refs = (clauses: Parameters<typeof searchEngine>[1], limit = 10) => searchEngine(engine, clauses, limit).map((h) => h.ref);

describe('searchEngine', () => {
  it('ranks a term in the boosted field above the same term in the body', () => {
    expect(refs([{ term: '电费', boost: 1, fields: ['title', 'body'] }])).toEqual(['A', 'B']);
  });

  it('reports which fields each hit matched', () => {
    const hits = searchEngine(engine, [{ term: '电费', boost: 1, fields: ['title', 'body'] }], 10);
    expect(hits.map((h) => [h.ref, h.fields])).toEqual([
      ['A', ['title', 'body']],
      ['B', ['body']],
    ]);
  });

  it('looks only in the fields a clause names', () => {
    expect(refs([{ term: '电费', boost: 1, fields: ['title'] }])).toEqual(['A']);
  });

  it('expands prefix clauses and typo clauses over letter terms', () => {
    expect(refs([{ term: 'chongdian', boost: 1, fields: ['body'], prefix: true }])).toEqual(['C']);
    expect(refs([{ term: 'chongdianzhaung', boost: 1, fields: ['body'], editDistance: 1 }])).toEqual(['C']);
  });

  it('adds scores across clauses, so a second matching term lifts a document', () => {
    const ranked = refs([
      { term: '电费', boost: 1, fields: ['title', 'body'] },
      { term: '停电', boost: 3, fields: ['title', 'body'] },
    ]);
    expect(ranked[0]).toBe('B');
  });

  it('leaves no score behind between queries', () => {
    const first = searchEngine(engine, [{ term: '电费', boost: 1, fields: ['title'] }], 10)[0].score;
    searchEngine(engine, [{ term: '电费', boost: 5, fields: ['title', 'body'] }], 10);
    expect(searchEngine(engine, [{ term: '电费', boost: 1, fields: ['title'] }], 10)[0].score).toBe(first);
  });

  it('keeps the true top results when many documents match', () => {
    const many = Array.from({ length: 500 }, (_, i) => ({ ref: `D${i}`, fields: { title: Array(1 + (i % 7)).fill('电费') } }));
    const big = buildEngine(many, { title: 1 });
    const top = searchEngine(big, [{ term: '电费', boost: 1, fields: ['title'] }], 3);
    const all = searchEngine(big, [{ term: '电费', boost: 1, fields: ['title'] }], 500);
    expect(top.map((h) => h.ref)).toEqual(all.slice(0, 3).map((h) => h.ref));
  });
});

describe('withinOneEdit', () => {
  it('accepts one substitution, insertion, deletion or adjacent swap', () => {
    expect(withinOneEdit('cdz', 'cdx')).toBe(true);
    expect(withinOneEdit('cdz', 'cdzz')).toBe(true);
    expect(withinOneEdit('cdzz', 'cdz')).toBe(true);
    expect(withinOneEdit('chongdianzhaung', 'chongdianzhuang')).toBe(true);
  });

  it('rejects two edits', () => {
    expect(withinOneEdit('cdz', 'cxx')).toBe(false);
    expect(withinOneEdit('abc', 'abcde')).toBe(false);
  });
});

describe('edge cases', () => {
  it('returns nothing for unknown terms, no clauses or a zero limit', () => {
    expect(refs([{ term: '发票', boost: 1, fields: ['title'] }])).toEqual([]);
    expect(refs([])).toEqual([]);
    expect(refs([{ term: '电费', boost: 1, fields: ['title'] }], 0)).toEqual([]);
  });

  it('ignores clauses naming fields the engine does not have', () => {
    expect(refs([{ term: '电费', boost: 1, fields: ['nowhere'] }])).toEqual([]);
  });

  it('builds an empty engine', () => {
    expect(searchEngine(buildEngine([], { title: 1 }), [{ term: '电费', boost: 1, fields: ['title'] }], 5)).toEqual([]);
  });
});
