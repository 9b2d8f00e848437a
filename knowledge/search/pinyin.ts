// Pinyin keys of Chinese words (initials and full syllables) so `cdz` can find 充电桩.
import { pinyin } from 'pinyin-pro';

/**
 * Which ASCII keys can a caller type for this word: its pinyin initials and its full pinyin?
 * Letters and digits in the word are kept; tones are dropped, ü is written v.
 * Example: `pinyinKeys('充电桩')` → `['cdz', 'chongdianzhuang']`; `pinyinKeys('电e宝')` → `['deb', 'dianebao']`.
 */
export function pinyinKeys(word: string): string[] {
  let keys = cache.get(word);
  if (keys === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    keys = computeKeys(word);
    cache.set(word, keys);
  }
  return keys;
}

/** Memo of computed keys: library vocabularies repeat words, and pinyin-pro takes ~10 µs a call. */
const cache = new Map<string, string[]>();
const CACHE_LIMIT = 100_000;

function computeKeys(word: string): string[] {
  if (!/[\u3400-\u9fff]/.test(word)) return [];
  const initials = pinyin(word, { pattern: 'first', toneType: 'none', type: 'array', v: true }).join('');
  const full = pinyin(word, { toneType: 'none', type: 'array', v: true }).join('');
  const clean = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  const keys = [clean(initials), clean(full)].filter((key) => key.length > 1);
  return [...new Set(keys)];
}
