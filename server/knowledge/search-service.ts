// The process's scenario search index over the published library, rebuilt when the library
// generation changes; searches keep using the old index until the new one is ready.
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import type { Sql } from '../db/index.ts';
import type { Scenario } from '../../knowledge/scenario.ts';
import type { Deps } from '../http/env.ts';
import type { Logger } from '../log.ts';
import { buildSearchIndex, loadSearchIndex, searchScenarios, type SearchBackend, type SearchHit, type SearchIndex } from '../../knowledge/search/index.ts';
import { libraryGeneration, publishedScenarios } from './queries.ts';

interface Built {
  generation: number;
  index: SearchIndex;
  /** Published version per scenario code, as indexed. */
  versions: Map<string, number>;
  builtAt: number;
  buildMs: number;
  /** Whether a worker thread built it (large libraries) or this thread did. */
  inWorker: boolean;
}

/** Options of {@link KnowledgeSearch}. */
export interface KnowledgeSearchOptions {
  /** Libraries of at least this many scenarios are indexed in a worker thread (default 1000). */
  workerThreshold?: number;
  /** Scoring backend of the index (default compact; see README on lunr). */
  backend?: SearchBackend;
}

const workerFile = fileURLToPath(new URL('./index-worker.ts', import.meta.url));

/**
 * Which search index do these scenarios give, built in a worker thread so searches on this thread
 * go on meanwhile? The worker registers tsx itself, so it runs under `node --import tsx` and vitest alike.
 */
export function buildIndexInWorker(scenarios: readonly Scenario[], backend: SearchBackend = 'compact'): Promise<SearchIndex> {
  // tsx's ESM API (its `import` export; require.resolve would pick the CJS build)
  const tsx = pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist', 'esm', 'api', 'index.mjs')).href;
  const code = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(pathToFileURL(workerFile).href)}); })`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true, workerData: { scenarios, backend } });
    worker.once('message', (json: string) => {
      try {
        resolve(loadSearchIndex(json));
      } catch (err) {
        reject(err);
      }
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`index worker exited with code ${code}`)));
  });
}

/** A search's answer: ranked hits and the time the index took. */
export interface SearchAnswer {
  hits: SearchHit[];
  tookMs: number;
  generation: number;
}

/**
 * Keeps a search index of the published scenarios in step with `library_state.generation`.
 * @example const s = new KnowledgeSearch(sql); await s.search('我家没电了', 5) // { hits: [{ code: 'TD-002', … }], … }
 */
export class KnowledgeSearch {
  private current: Built | undefined;
  private building: Promise<Built> | undefined;
  private polling = false;

  private readonly workerThreshold: number;
  private readonly backend: SearchBackend;

  constructor(
    private readonly sql: Sql,
    private readonly log?: Logger,
    { workerThreshold = 1000, backend = 'compact' }: KnowledgeSearchOptions = {},
  ) {
    this.workerThreshold = workerThreshold;
    this.backend = backend;
  }

  /** The generation of the index being served (-1 before the first build). */
  get generation(): number {
    return this.current?.generation ?? -1;
  }

  /** Rebuilds when the database's generation differs from the served index's; concurrent calls share one build. */
  async refresh(): Promise<void> {
    const generation = await libraryGeneration(this.sql);
    if (this.current && this.current.generation === generation) return;
    await this.rebuild();
  }

  /** Builds a new index from the published library now (e.g. right after a publish in this process). */
  rebuild(): Promise<Built> {
    this.building ??= (async () => {
      try {
        const t0 = performance.now();
        const generation = await libraryGeneration(this.sql);
        const published = await publishedScenarios(this.sql);
        const scenarios = published.map((p) => p.scenario);
        let index: SearchIndex | undefined;
        let inWorker = false;
        if (scenarios.length >= this.workerThreshold) {
          try {
            index = await buildIndexInWorker(scenarios, this.backend);
            inWorker = true;
          } catch (err) {
            this.log?.warn('knowledge index worker failed; building on this thread', { error: String(err) });
          }
        }
        index ??= buildSearchIndex(scenarios, { backend: this.backend });
        const built: Built = { generation, index, versions: new Map(published.map((p) => [p.scenario.code, p.version])), builtAt: Date.now(), buildMs: performance.now() - t0, inWorker };
        this.current = built;
        this.log?.info('knowledge index built', { generation, scenarios: published.length, ms: Math.round(built.buildMs), inWorker, backend: this.backend });
        return built;
      } finally {
        this.building = undefined;
      }
    })();
    return this.building;
  }

  /** Called after a publish in this process: rebuild at once, without making the caller wait. */
  notifyPublished(): void {
    this.rebuild().catch((err: unknown) => this.log?.error('knowledge index rebuild failed', { error: String(err) }));
  }

  /** The index to search: the served one; the first use waits for a build. Without a poller, checks the generation first. */
  private async index(): Promise<Built> {
    if (!this.polling) await this.refresh();
    if (this.current) return this.current;
    return this.rebuild();
  }

  /** Ranked published scenarios for caller text; any text is safe (`户号:3100012345`). */
  async search(query: string, limit = 10): Promise<SearchAnswer> {
    const built = await this.index();
    const t0 = performance.now();
    const hits = query.trim() === '' ? [] : searchScenarios(built.index, query, { limit });
    return { hits, tookMs: performance.now() - t0, generation: built.generation };
  }

  /** How the served index was built (generation, time, thread), or undefined before the first build. */
  get lastBuild(): { generation: number; buildMs: number; inWorker: boolean } | undefined {
    return this.current && { generation: this.current.generation, buildMs: this.current.buildMs, inWorker: this.current.inWorker };
  }

  /** The index itself (for evaluation). */
  async searchIndex(): Promise<SearchIndex> {
    return (await this.index()).index;
  }

  /** Polls the generation every `ms` with an unref'd timer (never keeps the process alive); returns a stop function. */
  startPolling(ms: number): () => void {
    this.polling = true;
    let running = false;
    const timer = setInterval(() => {
      if (running) return;
      running = true;
      this.refresh()
        .catch((err: unknown) => this.log?.warn('knowledge generation poll failed', { error: String(err) }))
        .finally(() => {
          running = false;
        });
    }, ms);
    timer.unref();
    return () => {
      clearInterval(timer);
      this.polling = false;
    };
  }
}

/**
 * The search service of these deps: the one `startKnowledge` put there, or one made on first use
 * (tests do not start the feature services), which checks the generation on every search.
 */
export function knowledgeSearch(deps: Deps): KnowledgeSearch {
  deps.services ??= {};
  const existing = deps.services.knowledge;
  if (existing instanceof KnowledgeSearch) return existing;
  const made = new KnowledgeSearch(deps.sql, deps.log, { backend: deps.config.searchBackend });
  deps.services.knowledge = made;
  return made;
}
