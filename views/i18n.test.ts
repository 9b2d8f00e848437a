// The dictionary is complete in both languages, and every key the code uses exists.
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dictionary, localeFromAcceptLanguage, translator } from './i18n.ts';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return f === 'node_modules' ? [] : sources(p);
    return /\.(ts|tsx)$/.test(f) && !f.endsWith('.test.ts') ? [p] : [];
  });
}

describe('dictionary', () => {
  it('has every key in both zh-CN and English, none empty', () => {
    const zh = Object.keys(dictionary['zh-CN']).sort();
    const en = Object.keys(dictionary.en).sort();
    expect(zh.filter((k) => !en.includes(k))).toEqual([]);
    expect(en.filter((k) => !zh.includes(k))).toEqual([]);
    for (const table of Object.values(dictionary)) for (const v of Object.values(table)) expect(v.trim()).not.toBe('');
  });

  it('uses the same {placeholders} in both languages', () => {
    for (const key of Object.keys(dictionary.en)) {
      const p = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
      expect([key, p(dictionary['zh-CN'][key])]).toEqual([key, p(dictionary.en[key])]);
    }
  });

  it('contains every literal key the views and server use', () => {
    const used = new Set<string>();
    for (const file of [...sources(join(root, 'views')), ...sources(join(root, 'server'))]) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\('([a-z][\w-]*(?:\.[\w-]+)+)'/g)) used.add(m[1]);
      for (const m of text.matchAll(/\bkey: '([a-z][\w-]*(?:\.[\w-]+)+)'/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(50);
    expect([...used].filter((k) => !(k in dictionary.en))).toEqual([]);
  });
});

describe('translator', () => {
  it('fills placeholders', () => {
    expect(translator('en')('admin.users.count', { count: 3 })).toBe('3 users');
    expect(translator('zh-CN')('login.throttled', { minutes: 15 })).toBe('尝试次数过多，请 15 分钟后再试。');
  });
});

describe('localeFromAcceptLanguage', () => {
  it('prefers the highest-weighted language we have', () => {
    expect(localeFromAcceptLanguage('en-US,en;q=0.9,zh-CN;q=0.8')).toBe('en');
    expect(localeFromAcceptLanguage('zh-TW,zh;q=0.9,en;q=0.8')).toBe('zh-CN');
    expect(localeFromAcceptLanguage('fr-FR,en;q=0.5')).toBe('en');
  });
  describe('edge cases', () => {
    it('falls back to Chinese for missing, empty or unknown headers', () => {
      expect(localeFromAcceptLanguage(undefined)).toBe('zh-CN');
      expect(localeFromAcceptLanguage('')).toBe('zh-CN');
      expect(localeFromAcceptLanguage('de, fr;q=0.5')).toBe('zh-CN');
      expect(localeFromAcceptLanguage('en;q=0')).toBe('zh-CN');
    });
  });
});
