// Where the lunr backend's build and query time goes at a given library size.
// Run: node --expose-gc --import tsx bench/search-lunr-profile.ts [size]
import lunr from 'lunr';
import { library, gold } from './search-library.ts';
import { indexDocuments, FIELD_BOOSTS } from '../knowledge/search/index.ts';
import { planQuery } from '../knowledge/search/query.ts';
import { buildLunrIndex } from '../knowledge/search/lunr-backend.ts';

const size = Number(process.argv[2] ?? 10000);
const scenarios = library(size);
let t = performance.now();
const docs = indexDocuments(scenarios);
console.log(`tokenise ${size}: ${(performance.now() - t).toFixed(0)} ms`);
for (const field of Object.keys(FIELD_BOOSTS)) {
  let tokens = 0;
  const distinct = new Set<string>();
  let perDocDistinct = 0;
  for (const d of docs) {
    const terms = d.fields[field] ?? [];
    tokens += terms.length;
    const s = new Set(terms);
    perDocDistinct += s.size;
    for (const x of s) distinct.add(x);
  }
  console.log(`${field.padEnd(10)} tokens ${tokens}, distinct per doc ${(perDocDistinct / docs.length).toFixed(1)}, distinct terms ${distinct.size}, postings ${perDocDistinct}`);
}
globalThis.gc?.();
let heap0 = process.memoryUsage().heapUsed;
if (process.env.BUILDER) {
  // lunr's own Builder, phase by phase
  const builder = new lunr.Builder();
  builder.pipeline.reset();
  builder.searchPipeline.reset();
  builder.metadataWhitelist = [];
  builder.tokenizer = ((terms: unknown) => (Array.isArray(terms) ? terms.map((x) => new lunr.Token(String(x), {})) : [])) as unknown as typeof lunr.tokenizer;
  builder.ref('ref');
  for (const [field, boost] of Object.entries(FIELD_BOOSTS)) builder.field(field, { boost });
  t = performance.now();
  for (const d of docs) builder.add({ ref: d.ref, ...d.fields });
  console.log(`Builder.add() ${(performance.now() - t).toFixed(0)} ms, terms ${Object.keys(builder.invertedIndex).length}`);
  const b = builder as unknown as { calculateAverageFieldLengths(): void; createFieldVectors(): void; createTokenSet(): void };
  t = performance.now(); b.calculateAverageFieldLengths(); console.log(`averageFieldLengths ${(performance.now() - t).toFixed(0)} ms`);
  t = performance.now(); b.createFieldVectors(); console.log(`createFieldVectors ${(performance.now() - t).toFixed(0)} ms`);
  t = performance.now(); b.createTokenSet(); console.log(`createTokenSet ${(performance.now() - t).toFixed(0)} ms`);
  builder.build();
  globalThis.gc?.();
  console.log(`Builder heap +${((process.memoryUsage().heapUsed - heap0) / 1048576).toFixed(0)} MB`);
  heap0 = process.memoryUsage().heapUsed;
}
t = performance.now();
const idx = buildLunrIndex(docs, FIELD_BOOSTS);
console.log(`buildLunrIndex ${(performance.now() - t).toFixed(0)} ms`);
globalThis.gc?.();
console.log(`heap +${((process.memoryUsage().heapUsed - heap0) / 1048576).toFixed(0)} MB`);
const times: number[] = [];
const postingsTouched: number[] = [];
for (const { query } of gold) {
  const terms = planQuery(query);
  let touched = 0;
  for (const q of terms) for (const f of q.fields) touched += Object.keys((idx as any).invertedIndex[q.term]?.[f] ?? {}).length;
  postingsTouched.push(touched);
  const t0 = performance.now();
  idx.query((qq) => { for (const x of terms) qq.term(x.term, { fields: [...x.fields], boost: x.boost, usePipeline: false, presence: lunr.Query.presence.OPTIONAL, ...(x.prefix ? { wildcard: lunr.Query.wildcard.TRAILING } : {}), ...(x.editDistance ? { editDistance: x.editDistance } : {}) }); });
  times.push(performance.now() - t0);
}
const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.floor(p * xs.length)];
console.log(`query p50 ${q(times, 0.5).toFixed(1)} ms p95 ${q(times, 0.95).toFixed(1)} ms; postings touched p50 ${q(postingsTouched, 0.5)} p95 ${q(postingsTouched, 0.95)}`);
