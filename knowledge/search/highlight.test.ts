// Specification of highlighting: which parts of a text a query marks, and how segments merge.
import { describe, it, expect } from 'vitest';
import { highlight, hitRanges, segmentsOf } from './highlight.ts';

const marked = (text: string, query: string) =>
  highlight(text, query)
    .map((s) => (s.hit ? `[${s.text}]` : s.text))
    .join('');

describe('highlight', () => {
  it('marks a domain word in place', () => {
    expect(highlight('这个月电费怎么这么高', '电费')).toEqual([
      { text: '这个月', hit: false },
      { text: '电费', hit: true },
      { text: '怎么这么高', hit: false },
    ]);
  });

  it('marks the document word a synonym stands for: 没电 marks 停电', () => {
    expect(highlight('计划停电通知', '没电')).toEqual([
      { text: '计划', hit: false },
      { text: '停电', hit: true },
      { text: '通知', hit: false },
    ]);
  });

  it('marks words whose pinyin initials the query typed: cdz marks 充电桩', () => {
    expect(marked('私人充电桩报装', 'cdz')).toBe('私人[充电桩]报装');
  });

  it('merges overlapping and adjacent bigram hits into one segment', () => {
    expect(marked('分时电价咨询', '分时电价')).toBe('[分时电价]咨询');
    expect(marked('欠费停电后复电', '欠费停电')).toBe('[欠费停电]后复电');
  });

  it('marks letters typed as a prefix of an ASCII word', () => {
    expect(marked('下载网上国网APP', 'app')).toBe('下载网上国网[APP]');
  });

  it('keeps the original full-width characters in the segments', () => {
    expect(marked('ＡＰＰ交电费', '电费')).toBe('ＡＰＰ交[电费]');
  });

  it('concatenates back to the original text', () => {
    const text = '户号:3100012345 的电费，为什么这么高？';
    expect(highlight(text, '电费 3100012345').map((s) => s.text).join('')).toBe(text);
  });
});

describe('hitRanges', () => {
  it('reports merged [start, end) ranges', () => {
    expect(hitRanges('交电费', '电费')).toEqual([[1, 3]]);
  });
});

describe('segmentsOf', () => {
  it('cuts a text around given ranges', () => {
    expect(segmentsOf('交电费', [[1, 3]])).toEqual([
      { text: '交', hit: false },
      { text: '电费', hit: true },
    ]);
  });
});

describe('edge cases', () => {
  it('returns the whole text unmarked when nothing matches', () => {
    expect(highlight('计划停电通知', '发票')).toEqual([{ text: '计划停电通知', hit: false }]);
  });

  it('returns one empty segment for empty text', () => {
    expect(highlight('', '电费')).toEqual([{ text: '', hit: false }]);
  });

  it('marks nothing for an empty or punctuation-only query, and never throws', () => {
    expect(highlight('电费', '')).toEqual([{ text: '电费', hit: false }]);
    expect(highlight('电费', ':^~*')).toEqual([{ text: '电费', hit: false }]);
  });

  it('marks single characters when the query is a single character', () => {
    expect(marked('电费', '费')).toBe('电[费]');
  });
});
