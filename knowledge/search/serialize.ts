// Serialised search indexes, so a worker thread or another process can build one and hand it over.
import lunr from 'lunr';
import { engineToJSON, engineFromJSON, type EngineJSON } from './engine.ts';
import type { IndexedScenario, SearchIndex } from './index.ts';

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
