// Import and export of the library over HTTP: all-or-nothing with line-numbered errors, repeated codes as new versions or drafts, export round-trip.
import { describe, it, expect, beforeEach } from 'vitest';
import { Client, signedIn } from '../support/app.ts';
import { parseLibraryJsonl } from '../../knowledge/library-io.ts';
import { ownerApp, importLibrary, type OwnerT } from './owner-support.ts';

describe('knowledge owners: import and export', () => {
  let t: OwnerT;
  let owner: Client;
  beforeEach(async () => {
    t = await ownerApp();
    owner = await signedIn(t, 'knowledge');
  });

  async function count(code: string) {
    const [{ n }] = await t.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM scenario_versions WHERE code LIKE ${code}`;
    return n;
  }

  it('shows every bad line with its number and changes nothing', async () => {
    const before = await t.sql`SELECT code FROM scenarios ORDER BY code`;
    const text = ['{"code":"T-IO-1","title":"好的一行"}', '{"code":"T-IO-2"}', '', 'not json', '{"code":"T-IO-1","title":"重复"}'].join('\n');
    const res = await importLibrary(owner, text, { publish: true, name: 'bad.jsonl' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('bad.jsonl 有 3 处错误，未导入任何内容：');
    expect(html).toContain('<li>第 2 行： title: is required</li>');
    expect(html).toMatch(/<li>第 4 行： not valid JSON: /);
    expect(html).toContain('<li>第 5 行： code: duplicate code T-IO-1 (first on line 1)</li>');
    expect(await t.sql`SELECT code FROM scenarios ORDER BY code`).toEqual(before);
    expect(await t.sql`SELECT * FROM audit_log WHERE action = 'library.import'`).toHaveLength(0);
  });

  it('checks template matrix codes and departments against the matrix in the database', async () => {
    const line = { code: 'T-IO-9', title: '模板', template: { kind: 'repair', matrixCode: 'NO-SUCH', fields: [], description: '', dispatch: [{ when: { x: 'y' }, departments: ['D-NOPE'] }] } };
    const html = await (await importLibrary(owner, [line])).text();
    expect(html).toContain('<li>第 1 行： template.matrixCode: NO-SUCH is not in the responsibility matrix</li>');
    expect(html).toContain('<li>第 1 行： template.dispatch[0].departments: unknown department D-NOPE</li>');
  });

  it('imports as published versions; a repeated code becomes the next version and an unchanged one is skipped', async () => {
    const first = await importLibrary(owner, [{ code: 'T-IO-1', title: '交费渠道' }, { code: 'T-IO-2', title: '电价咨询', script: '峰谷电价分时段计价' }], { publish: true });
    expect(first.status).toBe(200);
    expect(await first.text()).toContain('导入完成并已发布：新建 2 个，更新 0 个，未变 0 个。');
    const second = await importLibrary(owner, [{ code: 'T-IO-1', title: '交费渠道（含电e宝）' }, { code: 'T-IO-2', title: '电价咨询', script: ['峰谷电价分时段计价'] }], { publish: true });
    expect(await second.text()).toContain('新建 0 个，更新 1 个，未变 1 个。');
    const rows = await t.sql<{ code: string; version: number; title: string }[]>`SELECT code, version, body->>'title' AS title FROM scenario_versions WHERE code LIKE 'T-IO-%' ORDER BY code, version`;
    expect(rows).toEqual([
      { code: 'T-IO-1', version: 1, title: '交费渠道' },
      { code: 'T-IO-1', version: 2, title: '交费渠道（含电e宝）' },
      { code: 'T-IO-2', version: 1, title: '电价咨询' },
    ]);
    const [{ generation }] = await t.sql<{ generation: string }[]>`SELECT generation FROM library_state`;
    expect(Number(generation)).toBeGreaterThanOrEqual(2);
    const audits = await t.sql<{ detail: { created: number; updated: number; unchanged: number; publish: boolean } }[]>`SELECT detail FROM audit_log WHERE action = 'library.import' ORDER BY id`;
    expect(audits.map((a) => [a.detail.created, a.detail.updated, a.detail.unchanged, a.detail.publish])).toEqual([[2, 0, 0, true], [0, 1, 1, true]]);
  });

  it('imports without publishing as drafts that agents do not see yet', async () => {
    await importLibrary(owner, [{ code: 'T-IO-1', title: '交费渠道' }], { publish: true });
    const res = await importLibrary(owner, [{ code: 'T-IO-1', title: '交费渠道（草稿）' }, { code: 'T-IO-3', title: '新场景' }]);
    expect(await res.text()).toContain('导入完成，已存为草稿：新建 1 个，更新 1 个，未变 0 个。');
    const rows = await t.sql<{ code: string; published_version: number | null; draft_title: string }[]>`SELECT code, published_version, draft->>'title' AS draft_title FROM scenarios WHERE code LIKE 'T-IO-%' ORDER BY code`;
    expect(rows).toEqual([
      { code: 'T-IO-1', published_version: 1, draft_title: '交费渠道（草稿）' },
      { code: 'T-IO-3', published_version: null, draft_title: '新场景' },
    ]);
    expect(await count('T-IO-%')).toBe(1);
    const agent = await signedIn(t, 'agent');
    expect((await agent.get('/agent/scenarios/T-IO-3')).status).toBe(404);
    const seen = await (await agent.get('/agent/scenarios/T-IO-1')).text();
    expect(seen).toContain('交费渠道');
    expect(seen).not.toContain('交费渠道（草稿）');
  });

  it('exports the published library as JSON Lines that imports back unchanged', async () => {
    const lib = [
      { code: 'T-IO-1', title: '交费渠道', phrasings: ['在哪交电费'], forbidden: [{ phrase: '不知道', instead: '我帮您查询' }], sensitivity: 1 },
      { code: 'T-IO-2', title: '电价咨询', template: { kind: 'consultation', fields: [{ name: 'account', label: '户号', type: 'account', required: true }], description: '户号{account}咨询电价' } },
    ];
    await importLibrary(owner, lib, { publish: true });
    const res = await owner.get('/knowledge/export');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="peakline-library-2026-11-25.jsonl"');
    const text = await res.text();
    const parsed = parseLibraryJsonl(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.scenarios.filter((s) => s.code.startsWith('T-IO-'))).toEqual(lib);
    const again = await importLibrary(owner, text, { publish: true });
    expect(await again.text()).toMatch(/新建 0 个，更新 0 个，未变 \d+ 个。/);
    expect(await count('T-IO-%')).toBe(2);
  });

  it('asks for a file when none is sent (422)', async () => {
    const res = await owner.post('/knowledge/import', {});
    expect(res.status).toBe(422);
    expect(await res.text()).toMatch(/id="f-file-error"><p class="error">请选择要导入的文件。/);
  });
});
