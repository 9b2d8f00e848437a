// Contract of scenario search, run against both backends (compact and lunr).
import { describe, it, expect } from 'vitest';
import { buildSearchIndex, searchScenarios, serializeSearchIndex, loadSearchIndex, FIELD_BOOSTS, type SearchBackend } from './index.ts';
import { FIXTURE_SCENARIOS } from './fixtures.ts';
import type { Scenario } from '../scenario.ts';

const codes = (hits: { code: string }[]) => hits.map((hit) => hit.code);

// One contract, run against both backends: the compact engine (default) and lunr.
for (const backend of ['compact', 'lunr'] as SearchBackend[]) {
  describe(`searchScenarios on the ${backend} backend`, () => {
    const index = buildSearchIndex(FIXTURE_SCENARIOS, { backend });
    const search = (query: string, limit = 5) => searchScenarios(index, query, { limit });

    it('finds a 停电 scenario for the colloquial 没电', () => {
      expect(codes(search('我家没电了')).slice(0, 2)).toContain('TD-002');
      expect(codes(search('没电'))).toEqual(expect.arrayContaining(['TD-001', 'TD-002']));
    });

    it('finds the meter scenario for 电表 (indexed as 电能表)', () => {
      expect(codes(search('电表走得快'))[0]).toBe('JL-001');
    });

    it('finds 充电桩 by its pinyin initials cdz, full pinyin and full-width letters', () => {
      expect(codes(search('cdz'))[0]).toBe('CDZ-001');
      expect(codes(search('chongdianzhuang'))[0]).toBe('CDZ-001');
      expect(codes(search('ＣＤＺ'))[0]).toBe('CDZ-001');
    });

    it('finds a scenario from a pinyin prefix typed so far', () => {
      expect(codes(search('chongdianz'))[0]).toBe('CDZ-001');
    });

    it('tolerates one typo in pinyin (swapped letters)', () => {
      expect(codes(search('chongdianzhaung'))[0]).toBe('CDZ-001');
    });

    it('tolerates one wrong character in Chinese through the remaining bigrams', () => {
      expect(codes(search('充电装坏了'))[0]).toBe('CDZ-001');
      expect(codes(search('分布式光扶并网'))[0]).toBe('GF-001');
    });

    it('never throws on lunr query syntax in caller text', () => {
      for (const query of ['户号:3100012345', 'a^b~c', '电费*', '+停电 -复电', 'title:电费', '~~~', ':', '^2', '*', '-', '\\', '"']) {
        expect(() => search(query), query).not.toThrow();
      }
      expect(codes(search('电费:怎么这么高^2~'))[0]).toBe('DF-001');
    });

    it('ranks a title match above the same word in keywords, and keywords above script text', () => {
      const scenarios: Scenario[] = [
        { code: 'BODY', title: '业务咨询', script: ['请说明跳闸的情况'] },
        { code: 'KEYWORD', title: '业务咨询', keywords: ['跳闸'] },
        { code: 'TITLE', title: '跳闸咨询' },
      ];
      const ranked = codes(searchScenarios(buildSearchIndex(scenarios, { backend }), '跳闸'));
      expect(ranked).toEqual(['TITLE', 'KEYWORD', 'BODY']);
      expect(FIELD_BOOSTS.title).toBeGreaterThan(FIELD_BOOSTS.keywords);
      expect(FIELD_BOOSTS.phrasings).toBeGreaterThan(FIELD_BOOSTS.keywords);
      expect(FIELD_BOOSTS.keywords).toBeGreaterThan(FIELD_BOOSTS.body);
    });

    it('returns code, title, score, sensitivity and marked snippets per matched field', () => {
      const [hit] = search('欠费停电');
      expect(hit).toMatchObject({ code: 'QF-001', title: '欠费停电后复电', sensitivity: 2 });
      expect(hit.score).toBeGreaterThan(0);
      expect(hit.matches.map((match) => match.field)).toEqual(['title', 'phrasings']); // at most two, in field order
      const title = hit.matches.find((match) => match.field === 'title');
      expect(title?.snippet).toEqual([
        { text: '欠费停电', hit: true },
        { text: '后复电', hit: false },
      ]);
    });

    it('marks the synonym surface in snippets: 没电 marks 停电', () => {
      const [hit] = search('没电', 1);
      const title = hit.matches.find((match) => match.field === 'title');
      expect(title?.snippet.filter((s) => s.hit).map((s) => s.text)).toEqual(['停电']);
    });

    it('orders results by score, highest first, and honours the limit', () => {
      const hits = search('停电', 2);
      expect(hits).toHaveLength(2);
      expect(hits[0].score).toBeGreaterThanOrEqual(hits[1].score);
    });

    it('ranks single-character fallback results below the normal ones, scores still descending', () => {
      const hits = search('桩坏', 5);
      expect(hits[0].code).toBe('CDZ-001');
      expect(codes(hits)).toContain('JL-001'); // found only through the unigram 坏 (表是不是坏了)
      const scores = hits.map((h) => h.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    });

    it('answers identically after a serialise and load round trip', () => {
      const restored = loadSearchIndex(serializeSearchIndex(index));
      for (const query of ['我家没电了', 'cdz', 'chongdianzhaung', '电费:高', '桩', '户号:3100012345']) {
        expect(searchScenarios(restored, query), query).toEqual(search(query, 10));
      }
    });

    it('finds a scenario by its code', () => {
      expect(codes(search('CDZ-001'))[0]).toBe('CDZ-001');
    });

    describe('edge cases', () => {
      it('returns nothing for an empty, blank or punctuation-only query', () => {
        expect(search('')).toEqual([]);
        expect(search('   ')).toEqual([]);
        expect(search('：，。!?')).toEqual([]);
      });

      it('falls back to single characters when the query has nothing else', () => {
        expect(codes(search('桩', 1))).toEqual(['CDZ-001']);
        expect(search('扬', 3)).toEqual([]);
        expect(search('伏', 3).map((h) => h.code)).toContain('GF-001');
      });

      it('returns nothing for a limit of zero and for an empty library', () => {
        expect(search('停电', 0)).toEqual([]);
        expect(searchScenarios(buildSearchIndex([], { backend }), '停电')).toEqual([]);
      });

      it('skips snippets when asked, for evaluation speed', () => {
        expect(searchScenarios(index, '停电', { limit: 1, snippets: false })[0].matches).toEqual([]);
      });

      it('indexes the last scenario of a repeated code once', () => {
        const twice = buildSearchIndex(
          [
            { code: 'X-1', title: '旧标题发票' },
            { code: 'X-1', title: '新标题发票' },
          ],
          { backend },
        );
        expect(searchScenarios(twice, '发票').map((h) => h.title)).toEqual(['新标题发票']);
      });

      it('finds nothing for letters that match no pinyin or word', () => {
        expect(search('qqqqxyz')).toEqual([]);
      });
    });
  });
}

describe('loadSearchIndex', () => {
  it('refuses text that is not a serialised index', () => {
    expect(() => loadSearchIndex('{}')).toThrow(/not a serialised search index/);
    expect(() => loadSearchIndex(JSON.stringify({ version: 1, backend: { kind: 'other' }, scenarios: [] }))).toThrow(/unknown search backend/);
    expect(() => loadSearchIndex('not json')).toThrow();
  });
});
