// A compact field-weighted BM25 inverted index (plain arrays), fast enough for 10,000 scenarios.

/** A document as the engine sees it: a reference and its terms per field. */
export interface EngineDocument {
  ref: string;
  fields: Record<string, string[]>;
}

/** A query clause for the engine: a term, its weight, where to look, and how loosely. */
export interface EngineClause {
  term: string;
  boost: number;
  fields: readonly string[];
  prefix?: boolean;
  editDistance?: number;
}

/** One ranked document with the fields it matched. */
export interface EngineHit {
  ref: string;
  score: number;
  fields: string[];
}

/** The built index; treat as opaque. */
export interface Engine {
  refs: string[];
  fieldNames: string[];
  fieldBoosts: number[];
  termIds: Map<string, number>;
  /** postings[field][termId] = [doc, tf, doc, tf, …] (absent when the term is not in that field). */
  postings: Array<Array<number[] | undefined>>;
  /** Number of documents containing each term in any field. */
  documentFrequency: number[];
  /** fieldLengths[field][doc] = number of terms. */
  fieldLengths: Float64Array[];
  averageFieldLength: number[];
  /** Sorted letter/digit terms, for prefix and typo expansion. */
  asciiTerms: string[];
  scores: Float64Array;
  fieldMask: Uint32Array;
}

/** BM25 term-frequency saturation (k1, below lunr's 1.2: short fields, repeated words matter less) and length normalisation (b). */
export const BM25: Readonly<{ k1: number; b: number }> = Object.freeze({ k1: 0.8, b: 0.75 });

/**
 * Which engine indexes these documents with these field boosts?
 * Example: `buildEngine([{ ref: 'A', fields: { title: ['电费'] } }], { title: 10 })`.
 */
export function buildEngine(documents: readonly EngineDocument[], fieldBoosts: Record<string, number>): Engine {
  const fieldNames = Object.keys(fieldBoosts);
  const termIds = new Map<string, number>();
  const postings: Array<Array<number[] | undefined>> = fieldNames.map(() => []);
  const fieldLengths = fieldNames.map(() => new Float64Array(documents.length));
  const documentFrequency: number[] = [];
  const lastDocOfTerm: number[] = [];
  const tfScratch: number[] = [];
  const seen: number[] = [];
  for (let doc = 0; doc < documents.length; doc++) {
    const fields = documents[doc].fields;
    for (let f = 0; f < fieldNames.length; f++) {
      const terms = fields[fieldNames[f]] ?? [];
      fieldLengths[f][doc] = terms.length;
      seen.length = 0;
      for (const term of terms) {
        let id = termIds.get(term);
        if (id === undefined) {
          id = termIds.size;
          termIds.set(term, id);
          documentFrequency.push(0);
          lastDocOfTerm.push(-1);
          tfScratch.push(0);
          for (const list of postings) list.push(undefined);
        }
        if (tfScratch[id]++ === 0) seen.push(id);
      }
      const lists = postings[f];
      for (const id of seen) {
        (lists[id] ??= []).push(doc, tfScratch[id]);
        tfScratch[id] = 0;
        if (lastDocOfTerm[id] !== doc) {
          lastDocOfTerm[id] = doc;
          documentFrequency[id]++;
        }
      }
    }
  }
  const averageFieldLength = fieldLengths.map(averageOf);
  const asciiTerms = [...termIds.keys()].filter(isAsciiTerm).sort();
  return {
    refs: documents.map((d) => d.ref),
    fieldNames,
    fieldBoosts: fieldNames.map((f) => fieldBoosts[f]),
    termIds,
    postings,
    documentFrequency,
    fieldLengths,
    averageFieldLength,
    asciiTerms,
    scores: new Float64Array(documents.length),
    fieldMask: new Uint32Array(documents.length),
  };
}

/**
 * Which documents best match these clauses (BM25 per field, times field and clause boosts)?
 * Prefix clauses expand to at most 50 indexed terms, typo clauses to at most 20.
 * Example: `searchEngine(engine, [{ term: '电费', boost: 1, fields: ['title'] }], 10)[0].ref === 'A'`.
 */
export function searchEngine(engine: Engine, clauses: readonly EngineClause[], limit: number): EngineHit[] {
  const { scores, fieldMask } = engine;
  const touched: number[] = [];
  const n = engine.refs.length;
  const { k1, b } = BM25;
  for (const clause of clauses) {
    for (const { term, similarity } of expand(engine, clause)) {
      const id = engine.termIds.get(term)!;
      const df = engine.documentFrequency[id];
      const idf = Math.log(1 + Math.abs(n - df + 0.5) / (df + 0.5));
      for (const field of clause.fields) {
        const f = engine.fieldNames.indexOf(field);
        const list = f >= 0 ? engine.postings[f][id] : undefined;
        if (!list) continue;
        const weight = idf * engine.fieldBoosts[f] * clause.boost * similarity;
        const lengths = engine.fieldLengths[f];
        const average = engine.averageFieldLength[f];
        for (let i = 0; i < list.length; i += 2) {
          const doc = list[i];
          const tf = list[i + 1];
          if (scores[doc] === 0) touched.push(doc);
          scores[doc] += (weight * tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * lengths[doc]) / average));
          fieldMask[doc] |= 1 << f;
        }
      }
    }
  }
  const top = topDocuments(touched, scores, limit);
  const hits = top.map((doc) => ({
    ref: engine.refs[doc],
    score: scores[doc],
    fields: engine.fieldNames.filter((_, f) => fieldMask[doc] & (1 << f)),
  }));
  for (const doc of touched) {
    scores[doc] = 0;
    fieldMask[doc] = 0;
  }
  return hits;
}

function topDocuments(touched: number[], scores: Float64Array, limit: number): number[] {
  if (limit <= 0) return [];
  const better = (a: number, b: number) => scores[b] - scores[a] || a - b;
  if (touched.length <= limit * 4) return [...touched].sort(better).slice(0, limit);
  const heap: number[] = [];
  let threshold = -Infinity;
  for (const doc of touched) {
    if (heap.length < limit * 2 || scores[doc] > threshold) {
      heap.push(doc);
      if (heap.length >= limit * 8) {
        heap.sort(better).length = limit * 2;
        threshold = scores[heap[heap.length - 1]];
      }
    }
  }
  return heap.sort(better).slice(0, limit);
}

function expand(engine: Engine, clause: EngineClause): Array<{ term: string; similarity: number }> {
  const out: Array<{ term: string; similarity: number }> = [];
  if (engine.termIds.has(clause.term)) out.push({ term: clause.term, similarity: 1 });
  if (clause.prefix) {
    const terms = engine.asciiTerms;
    let lo = 0;
    let hi = terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (terms[mid] < clause.term) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < terms.length && out.length < 50 && terms[i].startsWith(clause.term); i++) {
      if (terms[i] !== clause.term) out.push({ term: terms[i], similarity: clause.term.length / terms[i].length });
    }
  }
  if (clause.editDistance) {
    let found = 0;
    for (const term of engine.asciiTerms) {
      if (found >= 20) break;
      if (term !== clause.term && Math.abs(term.length - clause.term.length) <= 1 && withinOneEdit(term, clause.term)) {
        out.push({ term, similarity: 0.7 });
        found++;
      }
    }
  }
  return out;
}

/**
 * Are two strings at most one insertion, deletion, substitution or adjacent swap apart?
 * Example: `withinOneEdit('chongdianzhaung', 'chongdianzhuang') === true`.
 */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** The plain-JSON form of an engine. */
export interface EngineJSON {
  refs: string[];
  fieldNames: string[];
  fieldBoosts: number[];
  /** Terms in id order. */
  terms: string[];
  postings: Array<Array<number[] | null>>;
  documentFrequency: number[];
  fieldLengths: number[][];
}

/**
 * What plain JSON describes this engine (for `JSON.stringify`)?
 * Example: `engineFromJSON(engineToJSON(engine))` searches like `engine`.
 */
export function engineToJSON(engine: Engine): EngineJSON {
  return {
    refs: engine.refs,
    fieldNames: engine.fieldNames,
    fieldBoosts: engine.fieldBoosts,
    terms: [...engine.termIds.keys()],
    postings: engine.postings.map((lists) => Array.from(lists, (list) => list ?? null)),
    documentFrequency: engine.documentFrequency,
    fieldLengths: engine.fieldLengths.map((lengths) => Array.from(lengths)),
  };
}

/**
 * Which engine does this plain JSON (from {@link engineToJSON}) describe?
 * Example: `searchEngine(engineFromJSON(json), clauses, 10)`.
 */
export function engineFromJSON(json: EngineJSON): Engine {
  const fieldLengths = json.fieldLengths.map((lengths) => Float64Array.from(lengths));
  return {
    refs: json.refs,
    fieldNames: json.fieldNames,
    fieldBoosts: json.fieldBoosts,
    termIds: new Map(json.terms.map((term, id) => [term, id])),
    postings: json.postings.map((lists) => lists.map((list) => list ?? undefined)),
    documentFrequency: json.documentFrequency,
    fieldLengths,
    averageFieldLength: fieldLengths.map(averageOf),
    asciiTerms: json.terms.filter(isAsciiTerm).sort(),
    scores: new Float64Array(json.refs.length),
    fieldMask: new Uint32Array(json.refs.length),
  };
}

function averageOf(lengths: Float64Array): number {
  return lengths.reduce((sum, x) => sum + x, 0) / Math.max(1, lengths.length) || 1;
}

function isAsciiTerm(term: string): boolean {
  return /^[a-z0-9]+$/.test(term);
}
