// The lunr backend: our tokens in a lunr.Index (no pipeline, trimmer, stemmer or stop words), queried with idx.query().
import lunr from 'lunr';
import type { EngineDocument, EngineHit } from './engine.ts';
import type { QueryTerm } from './query.ts';

/**
 * lunr's own Builder with our tokens: the pipeline and search pipeline are emptied and its tokenizer
 * only wraps each term. Kept as the reference that {@link buildLunrIndex} must equal, and for the
 * benchmark (it takes ~17 s and ~1 GB at 10,000 scenarios).
 * Example: `buildLunrIndexWithBuilder([{ ref: 'A', fields: { title: ['电费'] } }], { title: 10 })`.
 */
export function buildLunrIndexWithBuilder(documents: readonly EngineDocument[], fieldBoosts: Record<string, number>): lunr.Index {
  const builder = new lunr.Builder();
  builder.pipeline.reset();
  builder.searchPipeline.reset();
  builder.metadataWhitelist = [];
  builder.tokenizer = termsToTokens as unknown as typeof lunr.tokenizer;
  builder.ref('ref');
  for (const [field, boost] of Object.entries(fieldBoosts)) builder.field(field, { boost });
  for (const document of documents) builder.add({ ref: document.ref, ...document.fields });
  return builder.build();
}

function termsToTokens(terms: unknown): lunr.Token[] {
  return Array.isArray(terms) ? terms.map((term) => new lunr.Token(String(term), {})) : [];
}

/** lunr's BM25 parameters (Builder defaults). */
const K1 = 1.2;
const B = 0.75;

/** The one (empty) metadata object every posting shares: with no metadata whitelisted lunr only ever reads its keys. */
const NO_METADATA: Record<string, never> = Object.freeze(Object.create(null) as Record<string, never>);

type Posting = { _index: number } & Record<string, Record<string, object>>;

/**
 * Which lunr index holds these pre-tokenised documents, with these field boosts? The same index
 * lunr.Builder would build (same term indexes, idf, BM25 field vectors rounded to 3 decimals, token
 * set), written straight into lunr's structures: one shared empty metadata object instead of one
 * per posting, term frequencies counted in a Map, vectors filled in index order. The result is a
 * plain `lunr.Index` searched by lunr's own query code.
 * Example: `buildLunrIndex([{ ref: 'A', fields: { title: ['电费'] } }], { title: 10 })`.
 */
export function buildLunrIndex(documents: readonly EngineDocument[], fieldBoosts: Record<string, number>): lunr.Index {
  const fields = Object.keys(fieldBoosts);
  const invertedIndex: Record<string, Posting> = Object.create(null);
  let termCount = 0;
  const lengthSums = fields.map(() => 0);
  // per document and field: the distinct terms and their frequencies
  const frequencies: Array<Array<Map<string, number>>> = [];
  const lengths: number[][] = [];
  for (const document of documents) {
    const perField: Array<Map<string, number>> = [];
    const perFieldLength: number[] = [];
    for (let f = 0; f < fields.length; f++) {
      const terms = document.fields[fields[f]] ?? [];
      const tf = new Map<string, number>();
      for (const term of terms) {
        const seen = tf.get(term);
        if (seen === undefined) {
          tf.set(term, 1);
          let posting = invertedIndex[term];
          if (posting === undefined) {
            posting = Object.create(null) as Posting;
            posting._index = termCount++;
            for (const name of fields) posting[name] = Object.create(null);
            invertedIndex[term] = posting;
          }
          posting[fields[f]][document.ref] = NO_METADATA;
        } else tf.set(term, seen + 1);
      }
      perField.push(tf);
      perFieldLength.push(terms.length);
      lengthSums[f] += terms.length;
    }
    frequencies.push(perField);
    lengths.push(perFieldLength);
  }
  const n = documents.length;
  const averageLength = lengthSums.map((sum) => sum / n);
  const idfCache = new Map<string, number>();
  const idf = (term: string): number => {
    let value = idfCache.get(term);
    if (value === undefined) {
      const posting = invertedIndex[term];
      let withTerm = 0;
      for (const name of fields) withTerm += Object.keys(posting[name]).length;
      value = Math.log(1 + Math.abs((n - withTerm + 0.5) / (withTerm + 0.5)));
      idfCache.set(term, value);
    }
    return value;
  };
  const fieldVectors: Record<string, lunr.Vector> = Object.create(null);
  for (let d = 0; d < n; d++) {
    const ref = documents[d].ref;
    for (let f = 0; f < fields.length; f++) {
      const entries: Array<[number, number]> = [];
      const norm = K1 * (1 - B + (B * lengths[d][f]) / averageLength[f]);
      for (const [term, tf] of frequencies[d][f]) {
        const score = ((idf(term) * ((K1 + 1) * tf)) / (norm + tf)) * (fieldBoosts[fields[f]] || 1);
        entries.push([invertedIndex[term]._index, Math.round(score * 1000) / 1000]);
      }
      entries.sort((a, b) => a[0] - b[0]);
      const elements: number[] = new Array(entries.length * 2);
      for (let i = 0; i < entries.length; i++) {
        elements[2 * i] = entries[i][0];
        elements[2 * i + 1] = entries[i][1];
      }
      fieldVectors[`${fields[f]}/${ref}`] = new lunr.Vector(elements);
    }
  }
  const tokenSet = (lunr.TokenSet as unknown as { fromArray(terms: string[]): lunr.TokenSet }).fromArray(Object.keys(invertedIndex).sort());
  return new lunr.Index({ invertedIndex, fieldVectors, tokenSet, fields, pipeline: new lunr.Pipeline() } as unknown as lunr.Index.Attributes);
}

/** Options of {@link searchLunrIndex}. */
export interface LunrSearchOptions {
  /** Skip a term in a field where more documents than this hold it (its idf is low and its postings are what lunr's query is slow on). */
  maxPostings?: number;
}

const POSTING_COUNTS = new WeakMap<lunr.Index, Map<string, number>>();

/** How many documents hold this term in this field (cached per index)? */
function postingCount(idx: lunr.Index, term: string, field: string): number {
  let counts = POSTING_COUNTS.get(idx);
  if (!counts) POSTING_COUNTS.set(idx, (counts = new Map()));
  const key = `${field}/${term}`;
  let count = counts.get(key);
  if (count === undefined) {
    const posting = (idx as unknown as { invertedIndex: Record<string, Record<string, object> | undefined> }).invertedIndex[term];
    count = posting?.[field] ? Object.keys(posting[field]).length : 0;
    counts.set(key, count);
  }
  return count;
}

/**
 * Which documents of a lunr index best match these planned terms?
 * Every term becomes an optional `idx.query()` clause with the pipeline off, so caller text never
 * reaches lunr's query parser.
 * Example: `searchLunrIndex(idx, planQuery('电费'), 10)[0].ref`.
 */
export function searchLunrIndex(idx: lunr.Index, terms: readonly QueryTerm[], limit: number, { maxPostings = Infinity }: LunrSearchOptions = {}): EngineHit[] {
  if (terms.length === 0) return [];
  const results = idx.query((q) => {
    for (const t of terms) {
      const fields = maxPostings === Infinity || t.prefix || t.editDistance ? [...t.fields] : t.fields.filter((field) => postingCount(idx, t.term, field) <= maxPostings);
      if (fields.length === 0) continue;
      q.term(t.term, {
        fields,
        boost: t.boost,
        usePipeline: false,
        presence: lunr.Query.presence.OPTIONAL,
        ...(t.prefix ? { wildcard: lunr.Query.wildcard.TRAILING } : {}),
        ...(t.editDistance ? { editDistance: t.editDistance } : {}),
      });
    }
  });
  return results.slice(0, Math.max(0, limit)).map(({ ref, score, matchData }) => {
    const fields = new Set<string>();
    for (const byField of Object.values(matchData.metadata)) for (const field of Object.keys(byField)) fields.add(field);
    return { ref, score, fields: [...fields] };
  });
}
