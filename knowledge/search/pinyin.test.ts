// Specification of the pinyin keys a caller can type for a Chinese word.
import { describe, it, expect } from 'vitest';
import { pinyinKeys } from './pinyin.ts';

describe('pinyinKeys', () => {
  it('gives initials and full pinyin of 充电桩', () => {
    expect(pinyinKeys('充电桩')).toEqual(['cdz', 'chongdianzhuang']);
  });

  it('keeps letters inside mixed words and writes ü as v', () => {
    expect(pinyinKeys('电e宝')).toEqual(['deb', 'dianebao']);
    expect(pinyinKeys('绿电')).toEqual(['ld', 'lvdian']);
  });

  it('reads polyphonic characters in context (银行 is yinhang)', () => {
    expect(pinyinKeys('银行')).toEqual(['yh', 'yinhang']);
  });
});

describe('edge cases', () => {
  it('gives nothing for text without Chinese characters', () => {
    expect(pinyinKeys('abc')).toEqual([]);
    expect(pinyinKeys('')).toEqual([]);
  });

  it('drops a one-letter initial but keeps the full syllable of a single character', () => {
    expect(pinyinKeys('电')).toEqual(['dian']);
  });

  it('answers the same from its memo on a second call', () => {
    expect(pinyinKeys('跳闸')).toEqual(['tz', 'tiaozha']);
    expect(pinyinKeys('跳闸')).toEqual(['tz', 'tiaozha']);
  });
});
