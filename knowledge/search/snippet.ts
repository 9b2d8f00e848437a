// Snippets of a search result: the best text of each matched field, cut around its hits and marked.
import { hitMatcher, segmentsOf, type HighlightSegment } from './highlight.ts';
import type { SearchField } from './query.ts';

/** The texts of a scenario per searchable field (pinyin keys have no text to show). */
export type SnippetTexts = Record<Exclude<SearchField, 'pinyin'>, string[]>;

/** Where a result matched, with the matched terms marked. */
export interface SearchMatch {
  field: Exclude<SearchField, 'pinyin'>;
  snippet: HighlightSegment[];
}

/** Snippets per result: the first two matched fields in order title, phrasings, keywords, body. */
const MAX_MATCHED_FIELDS = 2;

/**
 * Where did a result match, as marked snippets of at most two fields (title, phrasings, keywords,
 * body in that order)? A pinyin match is shown on the title and keywords.
 * Example: `snippetMatches(texts, ['title'], '没电')` → `[{ field: 'title', snippet: [{ text: '计划', hit: false }, { text: '停电', hit: true }, …] }]`.
 */
export function snippetMatches(texts: SnippetTexts, matchedFields: readonly string[], query: string): SearchMatch[] {
  const fields = new Set(matchedFields);
  const ranges = hitMatcher(query);
  if (fields.has('pinyin')) fields.add('title').add('keywords');
  const matches: SearchMatch[] = [];
  for (const field of ['title', 'phrasings', 'keywords', 'body'] as const) {
    if (!fields.has(field) || matches.length >= MAX_MATCHED_FIELDS) continue;
    const snippet = bestSnippet(texts[field], ranges, field === 'body' ? 24 : 60);
    if (snippet) matches.push({ field, snippet });
  }
  return matches;
}

/** The text of a field with the most marked characters, cut to a window around its first hit. */
function bestSnippet(texts: string[], hitRanges: (text: string) => Array<[number, number]>, radius: number): HighlightSegment[] | undefined {
  let best: { text: string; covered: number; ranges: Array<[number, number]> } | undefined;
  for (const text of texts) {
    const ranges = hitRanges(text);
    const covered = ranges.reduce((sum, [s, e]) => sum + e - s, 0);
    if (covered > 0 && (!best || covered > best.covered)) best = { text, covered, ranges };
  }
  if (!best) return undefined;
  const from = Math.max(0, best.ranges[0][0] - radius);
  const to = Math.min(best.text.length, best.ranges[0][0] + radius * 2);
  const inside = best.ranges
    .filter(([s, e]) => e > from && s < to)
    .map(([s, e]) => [Math.max(s, from) - from, Math.min(e, to) - from] as [number, number]);
  const segments = segmentsOf(best.text.slice(from, to), inside);
  if (from > 0) segments.unshift({ text: '…', hit: false });
  if (to < best.text.length) segments.push({ text: '…', hit: false });
  return segments;
}

