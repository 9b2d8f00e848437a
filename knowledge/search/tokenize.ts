// The one tokeniser for scenario documents and caller queries: NFKC, lower case, CJK
// unigrams and bigrams, whole domain words and canonical synonyms, letter/digit runs.
import { longestMatchAt, isDomainWord } from './lexicon.ts';

/** How a token was produced; queries weigh kinds differently. */
export type TokenKind = 'unigram' | 'bigram' | 'word' | 'synonym' | 'ascii';

/** A token and where its surface lies in the original (un-normalised) text. */
export interface TokenSpan {
  term: string;
  kind: TokenKind;
  /** Offset of the surface in the source text (UTF-16 code units), inclusive. */
  start: number;
  /** Offset of the surface in the source text, exclusive. */
  end: number;
}

/** Normalised text and, for each of its code units, the source range it came from. */
export interface NormalizedText {
  text: string;
  sourceStart: number[];
  sourceEnd: number[];
}

/**
 * What does the text look like after NFKC (full-width → half-width) and lower-casing, and
 * where did each normalised character come from?
 * Example: `normalizeText('ＡＢ电费').text === 'ab电费'`.
 */
export function normalizeText(source: string): NormalizedText {
  let text = '';
  const sourceStart: number[] = [];
  const sourceEnd: number[] = [];
  for (let i = 0; i < source.length; ) {
    const code = source.codePointAt(i)!;
    const width = code > 0xffff ? 2 : 1;
    const normalized = normalizeCodePoint(code, source.slice(i, i + width));
    for (let k = 0; k < normalized.length; k++) {
      sourceStart.push(i);
      sourceEnd.push(i + width);
    }
    text += normalized;
    i += width;
  }
  return { text, sourceStart, sourceEnd };
}

function normalizeCodePoint(code: number, ch: string): string {
  if (code < 0x80) return code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 32) : ch;
  if (code >= 0x4e00 && code <= 0x9fff) return ch;
  return ch.normalize('NFKC').toLowerCase();
}

/**
 * Is this code unit a CJK ideograph (basic, extension A or compatibility block)?
 * Example: `isHan('电'.charCodeAt(0)) === true`.
 */
export function isHan(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff);
}

function isWordChar(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
}

/** Options of {@link tokenSpans}. */
export interface TokenizeOptions {
  /** Emit single CJK characters too (documents: yes; queries decide for themselves). */
  unigrams?: boolean;
  /**
   * `all` (default): every CJK bigram; `uncovered`: only bigrams not inside a dictionary word found
   * at that position (fewer index terms; measured in BENCHMARKS.md, not used by default).
   */
  bigrams?: 'all' | 'uncovered';
}

/**
 * Which tokens does a text yield, and where is each one's surface in the source?
 * Domain words are matched longest-first at every position (single-character synonyms such as
 * 表 only where no longer word covers them); every CJK run gives its bigrams (and unigrams);
 * letter/digit runs are one token each.
 * Example: `tokenSpans('交电费').map(t => t.term)` includes `'缴费'`, `'交电'`, `'电费'`.
 */
export function tokenSpans(source: string, { unigrams = true, bigrams = 'all' }: TokenizeOptions = {}): TokenSpan[] {
  const spans: TokenSpan[] = [];
  if (!NEEDS_NORMALIZING.test(source)) {
    scan(source, unigrams, (term, kind, start, end) => spans.push({ term, kind, start, end }), bigrams);
    return spans;
  }
  const { text, sourceStart, sourceEnd } = normalizeText(source);
  scan(text, unigrams, (term, kind, from, to) => spans.push({ term, kind, start: sourceStart[from], end: sourceEnd[to - 1] }), bigrams);
  return spans;
}

type Emit = (term: string, kind: TokenKind, from: number, to: number) => void;

/** Emits every token of normalised text with its normalised offsets. */
function scan(text: string, unigrams: boolean, emit: Emit, bigrams: 'all' | 'uncovered' = 'all'): void {
  let coveredUntil = 0;
  // pair starts lying inside a dictionary word (only tracked when those bigrams are left out)
  const inWord = bigrams === 'uncovered' ? new Uint8Array(text.length) : undefined;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!isHan(code) && !isWordChar(code)) continue;
    const match = longestMatchAt(text, i);
    if (!match || (match.length === 1 && i < coveredUntil)) continue;
    if (match.term !== match.surface) {
      emit(match.term, 'synonym', i, i + match.length);
      if (match.length > 2 && isDomainWord(match.surface)) emit(match.surface, 'word', i, i + match.length);
    } else if (match.length > 1 || isHan(code)) {
      emit(match.term, 'word', i, i + match.length);
    }
    coveredUntil = Math.max(coveredUntil, i + match.length);
    if (inWord && match.length > 1) inWord.fill(1, i, i + match.length - 1);
  }

  for (let i = 0; i < text.length; ) {
    const code = text.charCodeAt(i);
    let j = i + 1;
    if (isHan(code)) {
      while (j < text.length && isHan(text.charCodeAt(j))) j++;
      for (let k = i; k < j; k++) {
        if (unigrams) emit(internedPair(text.charCodeAt(k), -1), 'unigram', k, k + 1);
        if (k + 1 < j && !inWord?.[k]) emit(internedPair(text.charCodeAt(k), text.charCodeAt(k + 1)), 'bigram', k, k + 2);
      }
    } else if (isWordChar(code)) {
      while (j < text.length && isWordChar(text.charCodeAt(j))) j++;
      emit(text.slice(i, j), 'ascii', i, j);
    }
    i = j;
  }
}

/**
 * The one shared string for a CJK character or character pair: documents repeat the same
 * bigrams millions of times, and one string object keeps its hash for every map lookup.
 */
function internedPair(first: number, second: number): string {
  const key = first * 65536 + (second + 1);
  let term = PAIRS.get(key);
  if (term === undefined) {
    if (PAIRS.size >= PAIR_LIMIT) PAIRS.clear();
    term = second < 0 ? String.fromCharCode(first) : String.fromCharCode(first, second);
    PAIRS.set(key, term);
  }
  return term;
}

const PAIRS = new Map<number, string>();
const PAIR_LIMIT = 1_000_000;

/**
 * Which terms does a text yield (the lunr tokens of a document field)?
 * Example: `tokenize('电费')` → `['电费', '电', '电费', '费']` (word, unigram, bigram, unigram).
 */
export function tokenize(source: string, { unigrams = true, bigrams = 'all' }: TokenizeOptions = {}): string[] {
  const terms: string[] = [];
  scan(normalizedOnly(source), unigrams, (term) => terms.push(term), bigrams);
  return terms;
}

/** Normalised text without the offset maps (most library text needs no change at all). */
function normalizedOnly(source: string): string {
  return NEEDS_NORMALIZING.test(source) ? normalizeText(source).text : source;
}

// Characters whose NFKC form could be a letter, digit or ideograph different from themselves
// (upper case, full-width forms, compatibility ideographs, circled digits…); CJK punctuation is safe.
const NEEDS_NORMALIZING = /[^\x00-\x40\x5b-\x7f\u4e00-\u9fff\u3001-\u3037\u2018-\u201d\uff01\uff08\uff09\uff0c\uff1a\uff1b\uff1f]/;
