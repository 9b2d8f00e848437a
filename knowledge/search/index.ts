// Chinese scenario search: build an index from scenarios (compact BM25 or lunr backend), query it with caller text.
import type lunr from 'lunr';
import type { Scenario, Sensitivity } from '../scenario.ts';
import { tokenize, tokenSpans } from './tokenize.ts';
import { pinyinKeys } from './pinyin.ts';
import { planQuery, type QueryTerm, type SearchField } from './query.ts';
import { buildEngine, searchEngine, type Engine, type EngineDocument, type EngineHit } from './engine.ts';
import { buildLunrIndex, searchLunrIndex } from './lunr-backend.ts';
import { snippetMatches, type SearchMatch, type SnippetTexts } from './snippet.ts';

export { highlight, type HighlightSegment } from './highlight.ts';
export { SEARCH_FIELDS, type SearchField } from './query.ts';
export { serializeSearchIndex, loadSearchIndex } from './serialize.ts';
export type { SearchMatch } from './snippet.ts';

/** Field boosts: caller phrasings and title above keywords above script and inquiry text (tuned on the gold set's Recall@1). */
export const FIELD_BOOSTS: Record<SearchField, number> = { title: 6, phrasings: 8, keywords: 3, pinyin: 3, body: 0.5 };

/** What the index keeps of a scenario to answer and to cut snippets. */
export interface IndexedScenario {
  code: string;
  title: string;
  sensitivity: Sensitivity;
  texts: SnippetTexts;
}

/** Which scoring backend a search index uses. */
export type SearchBackend = 'compact' | 'lunr';

/**
 * A built search index: the scoring backend plus the scenario texts its results refer to.
 * `compact` (default) is our own field-weighted BM25 inverted index, built for 10,000 scenarios;
 * `lunr` is lunr with our tokeniser in place of its pipeline, fine up to about a thousand.
 */
export interface SearchIndex {
  backend: { kind: 'compact'; engine: Engine } | { kind: 'lunr'; idx: lunr.Index; maxPostings?: number };
  scenarios: Map<string, IndexedScenario>;
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
  /** lunr backend: skip query terms held by more documents than this in a field (default: none skipped). */
  lunrMaxPostings?: number;
  /** Body bigrams: all (default) or only those not inside a dictionary word (an experiment in BENCHMARKS.md). */
  bodyBigrams?: 'all' | 'uncovered';
}

/**
 * Which search index answers queries over these scenarios?
 * Both backends index the same tokens: our tokeniser, no trimmer, stemmer or stop words.
 * When a code repeats, the last scenario with it is indexed.
 * Example: `buildSearchIndex([{ code: 'TD-001', title: '计划停电查询' }])`.
 */
export function buildSearchIndex(scenarios: readonly Scenario[], { backend = 'compact', lunrMaxPostings, bodyBigrams = 'all' }: BuildOptions = {}): SearchIndex {
  const kept = new Map<string, IndexedScenario>();
  for (const scenario of scenarios) {
    kept.delete(scenario.code); // a repeated code is a newer version: the last one wins
    kept.set(scenario.code, indexedScenario(scenario));
  }
  const documents: EngineDocument[] = [...kept.values()].map((entry) => ({ ref: entry.code, fields: fieldTerms(entry, bodyBigrams) }));
  if (backend === 'lunr') {
    const idx = buildLunrIndex(documents, FIELD_BOOSTS);
    return { backend: lunrMaxPostings === undefined ? { kind: 'lunr', idx } : { kind: 'lunr', idx, maxPostings: lunrMaxPostings }, scenarios: kept };
  }
  return { backend: { kind: 'compact', engine: buildEngine(documents, FIELD_BOOSTS) }, scenarios: kept };
}

/**
 * What tokens per field does the index hold for these scenarios (for profiling the backends)?
 * Example: `indexDocuments([{ code: 'A', title: '电费' }])[0].fields.title` includes `'电费'`.
 */
export function indexDocuments(scenarios: readonly Scenario[], bodyBigrams: 'all' | 'uncovered' = 'all'): EngineDocument[] {
  return scenarios.map((scenario) => {
    const entry = indexedScenario(scenario);
    return { ref: entry.code, fields: fieldTerms(entry, bodyBigrams) };
  });
}

function fieldTerms(entry: IndexedScenario, bodyBigrams: 'all' | 'uncovered' = 'all'): Record<SearchField, string[]> {
  return {
    title: tokenize(entry.texts.title.join('\n')),
    phrasings: tokenize(entry.texts.phrasings.join('\n')),
    keywords: [...tokenize(entry.texts.keywords.join('\n')), ...tokenize(entry.code, { unigrams: false })],
    pinyin: pinyinTerms(entry),
    body: tokenize(entry.texts.body.join('\n'), { unigrams: false, bigrams: bodyBigrams }),
  };
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
 * fewer than `limit` scenarios, and those extra results rank below the others.
 * Example: `searchScenarios(index, '我家没电了', { limit: 5 })[0].code === 'TD-002'` (故障停电报修).
 */
export function searchScenarios(index: SearchIndex, query: string, { limit = 10, snippets = true }: SearchOptions = {}): SearchHit[] {
  const { backend } = index;
  const run = (terms: QueryTerm[]) =>
    backend.kind === 'lunr' ? searchLunrIndex(backend.idx, terms, limit, { maxPostings: backend.maxPostings }) : searchEngine(backend.engine, terms, limit);
  let results = run(planQuery(query));
  if (results.length < limit && /[\u3400-\u9fff]/.test(query)) {
    const seen = new Set(results.map((r) => r.ref));
    results = [...results, ...belowScore(results.at(-1)?.score, run(planQuery(query, { unigrams: true })).filter((r) => !seen.has(r.ref)))];
  }
  return results.slice(0, Math.max(0, limit)).map((result) => {
    const scenario = index.scenarios.get(result.ref)!;
    return {
      code: scenario.code,
      title: scenario.title,
      score: result.score,
      sensitivity: scenario.sensitivity,
      matches: snippets ? snippetMatches(scenario.texts, result.fields, query) : [],
    };
  });
}

/** Fallback hits rescaled to score below `floor`, keeping their order (scores stay descending). */
function belowScore(floor: number | undefined, hits: EngineHit[]): EngineHit[] {
  if (floor === undefined || hits.length === 0) return hits;
  const factor = (floor / hits[0].score) * 0.5;
  return hits.map((hit) => ({ ...hit, score: hit.score * factor }));
}
