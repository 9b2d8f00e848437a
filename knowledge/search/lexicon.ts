// Longest-match lookup of domain words and synonym variants (a character trie over both lists).
import { DOMAIN_WORDS } from './dictionary.ts';
import { SYNONYM_GROUPS, canonicalOf } from './synonyms.ts';

/** A lexicon hit: the matched surface (normalised text) and the token it stands for. */
export interface LexiconMatch {
  /** Length of the matched surface, in UTF-16 code units of the normalised text. */
  length: number;
  surface: string;
  /** Canonical token: the synonym group's canonical word, or the word itself. */
  term: string;
}

interface TrieNode {
  children: Map<string, TrieNode>;
  word?: string;
}

const ROOT: TrieNode = buildTrie([
  ...DOMAIN_WORDS,
  ...SYNONYM_GROUPS.flatMap((group) => [group.canonical, ...group.variants]),
]);

function buildTrie(words: readonly string[]): TrieNode {
  const root: TrieNode = { children: new Map() };
  for (const raw of words) {
    const word = raw.normalize('NFKC').toLowerCase();
    let node = root;
    for (const ch of word) {
      let next = node.children.get(ch);
      if (!next) node.children.set(ch, (next = { children: new Map() }));
      node = next;
    }
    node.word = word;
  }
  return root;
}

const isAlnum = (ch: string | undefined): boolean =>
  ch !== undefined && ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9'));

/**
 * Which is the longest dictionary word or synonym variant starting at `start` of normalised text?
 * Words that begin or end with a letter or digit only match at letter/digit run boundaries
 * (`app` is not found inside `happy`).
 * Example: `longestMatchAt('家里没电了', 2)` → `{ length: 2, surface: '没电', term: '停电' }`.
 */
export function longestMatchAt(normalized: string, start: number): LexiconMatch | undefined {
  if (isAlnum(normalized[start]) && isAlnum(normalized[start - 1])) return undefined;
  let node: TrieNode | undefined = ROOT;
  let best: string | undefined;
  for (let i = start; i < normalized.length; i++) {
    node = node.children.get(normalized[i]);
    if (!node) break;
    if (node.word !== undefined && !(isAlnum(normalized[i]) && isAlnum(normalized[i + 1]))) best = node.word;
  }
  if (best === undefined) return undefined;
  return { length: best.length, surface: best, term: canonicalOf(best) ?? best };
}

/**
 * Is this (normalised) word in the domain dictionary itself, not only a synonym variant?
 * Example: `isDomainWord('充电桩') === true`.
 */
export function isDomainWord(word: string): boolean {
  return DOMAIN_SET.has(word);
}

const DOMAIN_SET: ReadonlySet<string> = new Set(DOMAIN_WORDS.map((w) => w.normalize('NFKC').toLowerCase()));
