// The knowledge schema and demo seed: matrix entries, the library as published version 1, the generation.
import { describe, it, expect, beforeAll } from 'vitest';
import { testApp } from '../support/app.ts';
import { libraryGeneration, loadMatrix, publishedScenario, publishedScenarios } from '../../server/knowledge/queries.ts';

type T = Awaited<ReturnType<typeof testApp>>;

describe('knowledge demo seed', () => {
  let t: T;
  beforeAll(async () => {
    t = await testApp();
  });

  it('loads the 61 third-level situations with one owner each and 13 departments', async () => {
    const matrix = await loadMatrix(t.sql);
    expect(matrix.departments).toHaveLength(13);
    expect(matrix.entries).toHaveLength(61);
    const c0101 = matrix.entries.find((e) => e.code === 'C01-01')!;
    expect(c0101).toMatchObject({ level1: '电网建设', level2: '工程施工', level3: '施工影响客户生活', owner: 'D-DEV', responsible: ['D-DIS', 'D-STN'] });
    expect(c0101.specifics).toContain('施工噪声扰民');
  });

  it('publishes the 116 demo scenarios as version 1, owned by the knowledge user, and bumps the generation', async () => {
    const all = await publishedScenarios(t.sql);
    expect(all).toHaveLength(116);
    const td1 = await publishedScenario(t.sql, 'TD-001');
    const [owner] = await t.sql<{ id: number }[]>`SELECT id FROM users WHERE username = 'knowledge'`;
    expect(td1).toMatchObject({ version: 1, ownerId: owner.id });
    expect(td1!.scenario.title).toBe('计划停电时间查询');
    expect(await libraryGeneration(t.sql)).toBe(1);
    expect(await publishedScenario(t.sql, 'NOPE-1')).toBeUndefined();
  });
});
