// Marks the parts of a text that a query matched, as segments the view escapes and styles.
import { planQuery } from './query.ts';
import { pinyinKeys } from './pinyin.ts';
import { tokenSpans } from './tokenize.ts';

/** A run of text, marked when the query matched it. */
export interface HighlightSegment {
  text: string;
  hit: boolean;
}

/**
 * Which parts of `text` did `query` match? Uses the search tokeniser, so synonyms (没电 marks
 * 停电), domain words and pinyin (`cdz` marks 充电桩; initials typed so far mark the characters they
 * stand for; a full-pinyin prefix marks the whole word) light up as the search saw them.
 * Adjacent and overlapping hits merge; the segments concatenate back to `text`.
 * Example: `highlight('计划停电通知', '没电')` → `[{ text: '计划', hit: false }, { text: '停电', hit: true }, { text: '通知', hit: false }]`.
 */
export function highlight(text: string, query: string): HighlightSegment[] {
  return segmentsOf(text, hitRanges(text, query));
}

/**
 * Which segments does `text` split into around these merged hit ranges?
 * Example: `segmentsOf('交电费', [[1, 3]])` → `[{ text: '交', hit: false }, { text: '电费', hit: true }]`.
 */
export function segmentsOf(text: string, ranges: ReadonlyArray<readonly [number, number]>): HighlightSegment[] {
  const segments: HighlightSegment[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) segments.push({ text: text.slice(at, start), hit: false });
    segments.push({ text: text.slice(start, end), hit: true });
    at = end;
  }
  if (at < text.length || segments.length === 0) segments.push({ text: text.slice(at), hit: false });
  return segments;
}

/**
 * Where in `text` did `query` match, as merged `[start, end)` ranges?
 * Example: `hitRanges('交电费', '电费')` → `[[1, 3]]`.
 */
export function hitRanges(text: string, query: string): Array<[number, number]> {
  return hitMatcher(query)(text);
}

/**
 * Which function finds `query`'s hit ranges in any text (the query planned once, for many texts)?
 * Example: `hitMatcher('电费')('交电费')` → `[[1, 3]]`.
 */
export function hitMatcher(query: string): (text: string) => Array<[number, number]> {
  const plan = planQuery(query);
  const unigramOnly = plan.every((term) => term.kind === 'unigram' || term.kind === 'ascii');
  const exact = new Set(plan.filter((t) => t.kind !== 'ascii').map((t) => t.term));
  const letters = [...new Set(plan.filter((t) => t.kind === 'ascii' && !t.prefix && !t.editDistance).map((t) => t.term))];
  return (text) => rangesIn(text, exact, letters, unigramOnly);
}

function rangesIn(text: string, exact: ReadonlySet<string>, letters: readonly string[], unigramOnly: boolean): Array<[number, number]> {
  const raw: Array<[number, number]> = [];
  const pinyinExact: Array<[number, number]> = [];
  const pinyinPrefix: Array<[number, number]> = [];
  for (const span of tokenSpans(text, { unigrams: unigramOnly })) {
    if (exact.has(span.term)) raw.push([span.start, span.end]);
    else if (span.kind === 'ascii' && letters.some((q) => q.length >= 2 && span.term.startsWith(q))) raw.push([span.start, span.end]);
    else if ((span.kind === 'word' || span.kind === 'synonym') && letters.length > 0) {
      const surface = text.slice(span.start, span.end);
      const keys = pinyinKeys(surface);
      const initials = keys[0]?.length === surface.length ? keys[0] : undefined;
      if (letters.some((q) => keys.includes(q))) pinyinExact.push([span.start, span.end]);
      else {
        const byInitials = letters.find((q) => q.length >= 2 && initials?.startsWith(q));
        if (byInitials) pinyinExact.push([span.start, span.start + byInitials.length]);
        else if (letters.some((q) => q.length >= 2 && keys.some((key) => key.startsWith(q)))) pinyinPrefix.push([span.start, span.end]);
      }
    }
  }
  raw.push(...(pinyinExact.length > 0 ? pinyinExact : pinyinPrefix));
  raw.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Array<[number, number]> = [];
  for (const [start, end] of raw) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}
