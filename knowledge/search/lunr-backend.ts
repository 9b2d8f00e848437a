// The lunr backend: our tokens in lunr's index (pipeline, trimmer, stemmer and stop words removed), queried with idx.query().
import lunr from 'lunr';
import type { EngineDocument, EngineHit } from './engine.ts';
import type { QueryTerm } from './query.ts';

/**
 * Which lunr index holds these pre-tokenised documents, with these field boosts?
 * Our tokens go in as they are: lunr's pipeline and search pipeline are emptied and its
 * tokenizer only wraps each term.
 * Example: `buildLunrIndex([{ ref: 'A', fields: { title: ['电费'] } }], { title: 10 })`.
 */
export function buildLunrIndex(documents: readonly EngineDocument[], fieldBoosts: Record<string, number>): lunr.Index {
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

/**
 * Which documents of a lunr index best match these planned terms?
 * Every term becomes an optional `idx.query()` clause with the pipeline off, so caller text never
 * reaches lunr's query parser.
 * Example: `searchLunrIndex(idx, planQuery('电费'), 10)[0].ref`.
 */
export function searchLunrIndex(idx: lunr.Index, terms: readonly QueryTerm[], limit: number): EngineHit[] {
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
  return results.slice(0, Math.max(0, limit)).map(({ ref, score, matchData }) => {
    const fields = new Set<string>();
    for (const byField of Object.values(matchData.metadata)) for (const field of Object.keys(byField)) fields.add(field);
    return { ref, score, fields: [...fields] };
  });
}
