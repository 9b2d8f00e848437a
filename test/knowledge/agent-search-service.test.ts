// The process's search index follows the library generation: lazily in tests, by polling in the
// server, at once after a publish in this process — and searches keep the old index meanwhile.
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { testApp } from '../support/app.ts';
import { KnowledgeSearch, knowledgeSearch } from '../../server/knowledge/search-service.ts';
import { bumpLibraryGeneration, publishedScenario } from '../../server/knowledge/queries.ts';
import { startKnowledge } from '../../server/knowledge/service.ts';
import type { Sql } from '../../server/db/index.ts';

type T = Awaited<ReturnType<typeof testApp>>;

/** Publishes a new version of TD-001 with a title no other scenario has, as the owners' publish does. */
async function publishRenamedTd001(sql: Sql, title: string): Promise<void> {
  const current = (await publishedScenario(sql, 'TD-001'))!;
  const body = { ...current.scenario, title, phrasings: [...(current.scenario.phrasings ?? []), `${title}怎么办`] };
  await sql.begin(async (tx) => {
    await tx`INSERT INTO scenario_versions (code, version, body, published_at) VALUES ('TD-001', ${current.version + 1}, ${tx.json(body as never)}, now())`;
    await tx`UPDATE scenarios SET published_version = ${current.version + 1} WHERE code = 'TD-001'`;
    await bumpLibraryGeneration(tx as unknown as Sql, new Date());
  });
}

describe('knowledge search service', () => {
  let t: T;
  const stops: Array<() => unknown> = [];
  beforeEach(async () => {
    t = await testApp();
  });
  afterEach(async () => {
    for (const stop of stops.splice(0)) await stop();
  });

  it('is made lazily for the app’s deps and reflects a publish on the next search', async () => {
    const search = knowledgeSearch(t.deps);
    expect(knowledgeSearch(t.deps)).toBe(search);
    expect((await search.search('计划停电时间查询', 1)).hits[0].code).toBe('TD-001');
    expect(search.generation).toBe(1);
    expect((await search.search('蓝鲸充电宝', 5)).hits.map((h) => h.code)).not.toContain('TD-001');
    await publishRenamedTd001(t.sql, '蓝鲸充电宝停电通知');
    const after = await search.search('蓝鲸充电宝', 5);
    expect(after.generation).toBe(2);
    expect(after.hits[0].code).toBe('TD-001');
    expect(after.hits[0].title).toBe('蓝鲸充电宝停电通知');
  });

  it('serves the old index while polling, and the new one after the poll notices the generation', async () => {
    const search = new KnowledgeSearch(t.sql);
    await search.refresh();
    stops.push(search.startPolling(50));
    await publishRenamedTd001(t.sql, '蓝鲸充电宝停电通知');
    // no search waits for the database while polling: the old index answers at once
    expect((await search.search('蓝鲸充电宝', 5)).generation).toBe(1);
    await expect.poll(() => search.generation, { timeout: 5000, interval: 50 }).toBe(2);
    expect((await search.search('蓝鲸充电宝', 5)).hits[0].code).toBe('TD-001');
  });

  it('rebuilds at once after a publish in this process, and shares one build between callers', async () => {
    const search = new KnowledgeSearch(t.sql);
    await search.refresh();
    stops.push(search.startPolling(60_000));
    await publishRenamedTd001(t.sql, '蓝鲸充电宝停电通知');
    const [a, b] = [search.rebuild(), search.rebuild()];
    expect(a).toBe(b);
    expect((await a).generation).toBe(2);
    search.notifyPublished();
    await expect.poll(() => search.generation).toBe(2);
  });

  it('starts with the server: the service is in deps.services.knowledge and its poller stops', async () => {
    const deps = { ...t.deps, services: {} as Record<string, unknown> };
    const stop = await startKnowledge(deps);
    stops.push(stop);
    const service = deps.services.knowledge as KnowledgeSearch;
    expect(service).toBeInstanceOf(KnowledgeSearch);
    expect(service.generation).toBe(1);
    expect((await service.search('我家没电了', 1)).hits[0].code).toBe('TD-002');
    expect((await service.search('   ', 5)).hits).toEqual([]);
  });

  it('builds large libraries in a worker thread and answers the same', async () => {
    const search = new KnowledgeSearch(t.sql, t.deps.log, { workerThreshold: 0 });
    const answer = await search.search('充电桩插枪半天没动静', 3);
    expect(search.lastBuild).toMatchObject({ generation: 1, inWorker: true });
    expect(answer.hits[0].code).toBe('CD-001');
    const inline = new KnowledgeSearch(t.sql);
    expect((await inline.search('充电桩插枪半天没动静', 3)).hits.map((h) => h.code)).toEqual(answer.hits.map((h) => h.code));
    expect(inline.lastBuild?.inWorker).toBe(false);
  });
});
