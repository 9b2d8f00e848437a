// Specification of the shared tokeniser: exact tokens for Chinese, full-width and mixed text.
import { describe, it, expect } from 'vitest';
import { tokenize, tokenSpans, normalizeText } from './tokenize.ts';

describe('tokenize', () => {
  it('keeps the domain word 电费 whole next to its unigrams and bigram', () => {
    expect(tokenize('电费')).toEqual(['电费', '电', '电费', '费']);
  });

  it('keeps 峰谷电价 and 跳闸 whole, which a plain segmenter splits', () => {
    const terms = tokenize('峰谷电价怎么算，家里跳闸了');
    expect(terms).toContain('峰谷电价');
    expect(terms).toContain('跳闸');
    expect(terms).not.toContain('谷电价');
  });

  it('emits the canonical token of a colloquial synonym: 没电 → 停电', () => {
    expect(tokenize('没电了')).toEqual(['停电', '没', '没电', '电', '电了', '了']);
  });

  it('turns full-width letters and digits half-width and lower case', () => {
    expect(tokenize('ＡＢＣ充电桩')).toEqual(['充电桩', 'abc', '充', '充电', '电', '电桩', '桩']);
    expect(tokenize('户号：３１０００')).toEqual(['户号', '户', '户号', '号', '31000']);
  });

  it('keeps an account number as one digit token and drops query punctuation', () => {
    expect(tokenize('户号:3100012345')).toEqual(['户号', '户', '户号', '号', '3100012345']);
  });

  it('keeps mixed words such as 电e宝 whole', () => {
    expect(tokenize('电e宝')).toEqual(['电e宝', '电', 'e', '宝']);
  });

  it('does not read the 表 of 表扬 as a meter, but does read a lone 表', () => {
    expect(tokenize('表扬')).not.toContain('电能表');
    expect(tokenize('表坏了')).toContain('电能表');
    expect(tokenize('电表表扬')).toEqual(['电能表', '表扬', '电', '电表', '表', '表表', '表', '表扬', '扬']);
  });

  it('reads 分布式光伏 as itself and 光伏 inside it as its synonym 分布式光伏', () => {
    expect(tokenize('分布式光伏', { unigrams: false })).toEqual(['分布式光伏', '分布式光伏', '分布', '布式', '式光', '光伏']);
  });

  it('leaves unigrams out when asked', () => {
    expect(tokenize('电费单', { unigrams: false })).toEqual(['电费账单', '电费单', '电费', '费单']);
  });

  it('tokenises documents and queries identically', () => {
    const text = '网上国网App交电费失败';
    expect(tokenize(text)).toEqual(tokenize(text));
    expect(tokenize('网上国网ＡＰＰ交电费失败')).toEqual(tokenize(text));
  });
});

describe('tokenize with bigrams: uncovered', () => {
  it('leaves out the bigrams inside a dictionary word and keeps those across and outside words', () => {
    const all = tokenize('峰谷电价怎么算', { unigrams: false });
    const fewer = tokenize('峰谷电价怎么算', { unigrams: false, bigrams: 'uncovered' });
    expect(all).toEqual(expect.arrayContaining(['峰谷电价', '峰谷', '谷电', '电价', '价怎', '怎么', '么算']));
    expect(fewer).toContain('峰谷电价');
    expect(fewer).not.toContain('谷电');
    expect(fewer).not.toContain('峰谷');
    expect(fewer).toEqual(expect.arrayContaining(['价怎', '怎么', '么算']));
  });
});

describe('tokenSpans', () => {
  it('reports source offsets even after full-width normalisation', () => {
    const spans = tokenSpans('ＡＢ电费');
    const word = spans.find((span) => span.kind === 'word');
    expect(word).toEqual({ term: '电费', kind: 'word', start: 2, end: 4 });
    expect(spans.find((span) => span.kind === 'ascii')).toEqual({ term: 'ab', kind: 'ascii', start: 0, end: 2 });
  });

  it('points a synonym token at its surface: 停电 for the 没电 at offset 2', () => {
    expect(tokenSpans('家里没电').find((span) => span.kind === 'synonym')).toEqual({ term: '停电', kind: 'synonym', start: 2, end: 4 });
  });
});

describe('normalizeText', () => {
  it('maps full-width forms to half-width and upper to lower case', () => {
    expect(normalizeText('ＡＢ电费１２').text).toBe('ab电费12');
  });
});

describe('edge cases', () => {
  it('yields no tokens for empty text, spaces or punctuation only', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize('   ')).toEqual([]);
    expect(tokenize(':^~*+-，。！？')).toEqual([]);
  });

  it('gives a single CJK character its unigram and no bigram', () => {
    expect(tokenize('电')).toEqual(['电']);
  });

  it('does not match an ASCII dictionary word inside a longer ASCII word', () => {
    expect(tokenize('a95598b')).toEqual(['a95598b']);
    expect(tokenize('95598')).toEqual(['95598', '95598']);
  });

  it('keeps characters outside the basic plane from breaking offsets', () => {
    const spans = tokenSpans('𠀀电费');
    expect(spans.find((span) => span.kind === 'word')).toMatchObject({ start: 2, end: 4 });
  });
});
