// Turns caller text into weighted query terms for either backend (never lunr's query syntax, so `:` `^` `~` are inert).
import { tokenSpans, type TokenKind } from './tokenize.ts';

/** Fields of the search index, in the order matches are reported. */
export const SEARCH_FIELDS = ['title', 'phrasings', 'keywords', 'pinyin', 'body'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

/** Fields holding Chinese text (everything but the pinyin keys). */
export const TEXT_FIELDS: readonly SearchField[] = ['title', 'phrasings', 'keywords', 'body'];

/** One clause of a planned query, ready for `lunr.Query#term`. */
export interface QueryTerm {
  term: string;
  kind: TokenKind;
  boost: number;
  fields: readonly SearchField[];
  /** Match terms starting with `term` (search as you type). */
  prefix?: boolean;
  /** Levenshtein distance tolerated (typos in letters). */
  editDistance?: number;
}

/** Options of {@link planQuery}. */
export interface PlanOptions {
  /** Add single CJK characters (used when the normal plan finds too little). */
  unigrams?: boolean;
  /** Keep at most this many CJK terms, words first (default 24). */
  maxTerms?: number;
}

const KIND_BOOST: Record<TokenKind, number> = { word: 3, synonym: 3, ascii: 2, bigram: 1, unigram: 0.25 };

/**
 * Which weighted terms should a lunr query use for this caller text?
 * Domain words and synonyms weigh most, then bigrams; unigrams only when asked for or when the
 * text has nothing else; letters also look in the pinyin field (exact, prefix, one typo).
 * Example: `planQuery('cdz').map(t => [t.term, t.fields])` includes `['cdz', ['pinyin']]`.
 */
export function planQuery(text: string, { unigrams = false, maxTerms = 24 }: PlanOptions = {}): QueryTerm[] {
  const spans = tokenSpans(text, { unigrams: true });
  const hasMore = spans.some((span) => span.kind !== 'unigram');
  const useUnigrams = unigrams || !hasMore;
  const best = new Map<string, TokenKind>();
  for (const span of spans) {
    if (span.kind === 'unigram' && !useUnigrams) continue;
    const seen = best.get(span.term);
    if (seen === undefined || KIND_BOOST[span.kind] > KIND_BOOST[seen]) best.set(span.term, span.kind);
  }
  const cjk: QueryTerm[] = [];
  const ascii: QueryTerm[] = [];
  for (const [term, kind] of best) {
    if (kind === 'ascii') ascii.push(...asciiTerms(term));
    else cjk.push({ term, kind, boost: KIND_BOOST[kind], fields: TEXT_FIELDS });
  }
  cjk.sort((a, b) => b.boost - a.boost);
  return [...cjk.slice(0, maxTerms), ...ascii.slice(0, 12)];
}

function asciiTerms(term: string): QueryTerm[] {
  const terms: QueryTerm[] = [{ term, kind: 'ascii', boost: KIND_BOOST.ascii, fields: TEXT_FIELDS }];
  if (/^[0-9]+$/.test(term) || term.length < 2) return terms;
  terms.push({ term, kind: 'ascii', boost: 3, fields: ['pinyin'] });
  terms.push({ term, kind: 'ascii', boost: 1, fields: ['pinyin'], prefix: true });
  if (term.length >= 4) {
    terms.push({ term, kind: 'ascii', boost: 0.5, fields: ['pinyin', 'keywords', 'title'], editDistance: 1 });
  }
  return terms;
}
