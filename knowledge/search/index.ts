// Chinese scenario search: build an index from scenarios (compact BM25 or lunr backend), query it with caller text.
import lunr from 'lunr';
import type { Scenario, Sensitivity } from '../scenario.ts';
import { tokenize, tokenSpans } from './tokenize.ts';
import { pinyinKeys } from './pinyin.ts';
import { planQuery, SEARCH_FIELDS, type QueryTerm, type SearchField } from './query.ts';
import { hitMatcher, segmentsOf, type HighlightSegment } from './highlight.ts';
import { buildEngine, searchEngine, engineToJSON, engineFromJSON, type Engine, type EngineDocument, type EngineHit, type EngineJSON } from './engine.ts';

export { highlight, type HighlightSegment } from './highlight.ts';
export { SEARCH_FIELDS, type SearchField } from './query.ts';

/** Field boosts: caller phrasings and title above keywords above script and inquiry text (tuned on the gold set's Recall@1). */
export const FIELD_BOOSTS: Record<SearchField, number> = { title: 6, phrasings: 8, keywords: 3, pinyin: 3, body: 0.5 };

/** What the index keeps of a scenario to answer and to cut snippets. */
export interface IndexedScenario {
  code: string;
  title: string;
  sensitivity: Sensitivity;
  texts: Record<Exclude<SearchField, 'pinyin'>, string[]>;
}

/** Which scoring backend a search index uses. */
export type SearchBackend = 'compact' | 'lunr';

/**
 * A built search index: the scoring backend plus the scenario texts its results refer to.
 * `compact` (default) is our own field-weighted BM25 inverted index, built for 10,000 scenarios;
 * `lunr` is lunr with our tokeniser in place of its pipeline, fine up to about a thousand.
 */
export interface SearchIndex {
  backend: { kind: 'compact'; engine: Engine } | { kind: 'lunr'; idx: lunr.Index };
  scenarios: Map<string, IndexedScenario>;
}

/** Where a result matched, with the matched terms marked. */
export interface SearchMatch {
  field: Exclude<SearchField, 'pinyin'>;
  snippet: HighlightSegment[];
}

/** One ranked search result. */
export interface SearchHit {
  code: string;
  title: string;
  score: number;
  sensitivity: Sensitivity;
  matches: SearchMatch[];
}

/** Options of {@link searchScenarios}. */
export interface SearchOptions {
  /** Most results returned (default 10). */
  limit?: number;
  /** Cut snippets for the results (default true; evaluation turns it off). */
  snippets?: boolean;
}

/** Options of {@link buildSearchIndex}. */
export interface BuildOptions {
  /** Scoring backend (default `compact`). */
  backend?: SearchBackend;
}

/**
 * Which search index answers queries over these scenarios?
 * Both backends index the same tokens: our tokeniser, no trimmer, stemmer or stop words.
 * When a code repeats, the last scenario with it is indexed.
 * Example: `buildSearchIndex([{ code: 'TD-001', title: '计划停电查询' }])`.
 */
export function buildSearchIndex(scenarios: readonly Scenario[], { backend = 'compact' }: BuildOptions = {}): SearchIndex {
  const kept = new Map<string, IndexedScenario>();
  for (const scenario of scenarios) {
    kept.delete(scenario.code); // a repeated code is a newer version: the last one wins
    kept.set(scenario.code, indexedScenario(scenario));
  }
  const documents: EngineDocument[] = [...kept.values()].map((entry) => ({ ref: entry.code, fields: fieldTerms(entry) }));
  if (backend === 'lunr') return { backend: { kind: 'lunr', idx: buildLunr(documents) }, scenarios: kept };
  return { backend: { kind: 'compact', engine: buildEngine(documents, FIELD_BOOSTS) }, scenarios: kept };
}

function fieldTerms(entry: IndexedScenario): Record<SearchField, string[]> {
  return {
    title: tokenize(entry.texts.title.join('\n')),
    phrasings: tokenize(entry.texts.phrasings.join('\n'), { unigrams: false }),
    keywords: [...tokenize(entry.texts.keywords.join('\n')), ...tokenize(entry.code, { unigrams: false })],
    pinyin: pinyinTerms(entry),
    body: tokenize(entry.texts.body.join('\n'), { unigrams: false }),
  };
}

function buildLunr(documents: readonly EngineDocument[]): lunr.Index {
  const builder = new lunr.Builder();
  builder.pipeline.reset();
  builder.searchPipeline.reset();
  builder.metadataWhitelist = [];
  builder.tokenizer = termsToTokens as unknown as typeof lunr.tokenizer;
  builder.ref('code');
  for (const field of SEARCH_FIELDS) builder.field(field, { boost: FIELD_BOOSTS[field] });
  for (const document of documents) builder.add({ code: document.ref, ...document.fields });
  return builder.build();
}

function termsToTokens(terms: unknown): lunr.Token[] {
  return Array.isArray(terms) ? terms.map((term) => new lunr.Token(String(term), {})) : [];
}

function indexedScenario(scenario: Scenario): IndexedScenario {
  return {
    code: scenario.code,
    title: scenario.title,
    sensitivity: scenario.sensitivity ?? 0,
    texts: {
      title: [scenario.title],
      phrasings: scenario.phrasings ?? [],
      keywords: [...(scenario.keywords ?? []), ...(scenario.category ? [scenario.category] : [])],
      body: [...(scenario.script ?? []), ...(scenario.inquiry ?? []), ...(scenario.escalation ? [scenario.escalation] : [])],
    },
  };
}

/** Pinyin keys of the title, the keywords and the dictionary words found in them. */
function pinyinTerms(entry: IndexedScenario): string[] {
  const sources = [entry.title, ...entry.texts.keywords.filter((k) => k.length <= 8)];
  const words = new Set<string>(sources);
  for (const text of [entry.title, ...entry.texts.keywords]) {
    for (const span of tokenSpans(text, { unigrams: false })) {
      if (span.kind === 'word' || span.kind === 'synonym') words.add(text.slice(span.start, span.end));
    }
  }
  return [...words].flatMap(pinyinKeys);
}

/**
 * Which scenarios best answer this caller text, best first?
 * Queries are built with `idx.query()` from our own tokens, so any text is safe
 * (`户号:3100012345`, `a^b~c`); single CJK characters are added only when the normal plan finds
 * fewer than `limit` scenarios.
 * Example: `searchScenarios(index, '家里没电了', { limit: 5 })[0].code === 'TD-001'`.
 */
export function searchScenarios(index: SearchIndex, query: string, { limit = 10, snippets = true }: SearchOptions = {}): SearchHit[] {
  const run = (terms: QueryTerm[]) =>
    index.backend.kind === 'lunr' ? runLunr(index.backend.idx, terms, limit) : searchEngine(index.backend.engine, terms, limit);
  let results = run(planQuery(query));
  if (results.length < limit && /[\u3400-\u9fff]/.test(query)) {
    const wider = run(planQuery(query, { unigrams: true }));
    const seen = new Set(results.map((r) => r.ref));
    results = [...results, ...wider.filter((r) => !seen.has(r.ref))];
  }
  return results.slice(0, Math.max(0, limit)).map((result) => {
    const scenario = index.scenarios.get(result.ref)!;
    return {
      code: scenario.code,
      title: scenario.title,
      score: result.score,
      sensitivity: scenario.sensitivity,
      matches: snippets ? matchesOf(scenario, result.fields, query) : [],
    };
  });
}

function runLunr(idx: lunr.Index, terms: QueryTerm[], limit: number): EngineHit[] {
  if (terms.length === 0) return [];
  const results = idx.query((q) => {
    for (const t of terms) {
      q.term(t.term, {
        fields: [...t.fields],
        boost: t.boost,
        usePipeline: false,
        presence: lunr.Query.presence.OPTIONAL,
        ...(t.prefix ? { wildcard: lunr.Query.wildcard.TRAILING } : {}),
        ...(t.editDistance ? { editDistance: t.editDistance } : {}),
      });
    }
  });
  return results.slice(0, limit).map(({ ref, score, matchData }) => {
    const fields = new Set<string>();
    for (const byField of Object.values(matchData.metadata)) for (const field of Object.keys(byField)) fields.add(field);
    return { ref, score, fields: [...fields] };
  });
}

/** Snippets per result: the first two matched fields in order title, phrasings, keywords, body. */
const MAX_MATCHED_FIELDS = 2;

function matchesOf(scenario: IndexedScenario, matchedFields: string[], query: string): SearchMatch[] {
  const fields = new Set(matchedFields);
  const ranges = hitMatcher(query);
  if (fields.has('pinyin')) fields.add('title').add('keywords');
  const matches: SearchMatch[] = [];
  for (const field of ['title', 'phrasings', 'keywords', 'body'] as const) {
    if (!fields.has(field) || matches.length >= MAX_MATCHED_FIELDS) continue;
    const snippet = bestSnippet(scenario.texts[field], ranges, field === 'body' ? 24 : 60);
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

/**
 * What JSON text restores this index, so a worker thread or another process can build it and
 * hand it over?
 * Example: `loadSearchIndex(serializeSearchIndex(index))` answers every query like `index`.
 */
export function serializeSearchIndex(index: SearchIndex): string {
  const backend =
    index.backend.kind === 'lunr'
      ? { kind: 'lunr', idx: index.backend.idx.toJSON() }
      : { kind: 'compact', engine: engineToJSON(index.backend.engine) };
  return JSON.stringify({ version: 1, backend, scenarios: [...index.scenarios.values()] });
}

/**
 * Which index does this JSON text (from {@link serializeSearchIndex}) describe?
 * Throws on text that is not a serialised index.
 * Example: `searchScenarios(loadSearchIndex(json), 'cdz')[0].code === 'CD-001'`.
 */
export function loadSearchIndex(json: string): SearchIndex {
  const data = JSON.parse(json) as { version: number; backend: { kind: string; idx?: object; engine?: EngineJSON }; scenarios: IndexedScenario[] };
  if (data?.version !== 1 || !Array.isArray(data.scenarios)) throw new Error('not a serialised search index (version 1)');
  const scenarios = new Map(data.scenarios.map((s) => [s.code, s]));
  if (data.backend.kind === 'lunr' && data.backend.idx) return { backend: { kind: 'lunr', idx: lunr.Index.load(data.backend.idx) }, scenarios };
  if (data.backend.kind === 'compact' && data.backend.engine) return { backend: { kind: 'compact', engine: engineFromJSON(data.backend.engine) }, scenarios };
  throw new Error(`unknown search backend: ${String(data.backend.kind)}`);
}
