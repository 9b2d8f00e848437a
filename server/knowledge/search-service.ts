// The process's scenario search index over the published library, rebuilt when the library
// generation changes; searches keep using the old index until the new one is ready.
import type { Sql } from '../db/index.ts';
import type { Deps } from '../http/env.ts';
import type { Logger } from '../log.ts';
import { buildSearchIndex, searchScenarios, type SearchHit, type SearchIndex } from '../../knowledge/search/index.ts';
import { libraryGeneration, publishedScenarios } from './queries.ts';

interface Built {
  generation: number;
  index: SearchIndex;
  /** Published version per scenario code, as indexed. */
  versions: Map<string, number>;
  builtAt: number;
  buildMs: number;
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

  constructor(
    private readonly sql: Sql,
    private readonly log?: Logger,
  ) {}

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
        const index = buildSearchIndex(published.map((p) => p.scenario));
        const built: Built = { generation, index, versions: new Map(published.map((p) => [p.scenario.code, p.version])), builtAt: Date.now(), buildMs: performance.now() - t0 };
        this.current = built;
        this.log?.info('knowledge index built', { generation, scenarios: published.length, ms: Math.round(built.buildMs) });
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
  const made = new KnowledgeSearch(deps.sql, deps.log);
  deps.services.knowledge = made;
  return made;
}
