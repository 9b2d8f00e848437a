// The knowledge owners' library over HTTP: list and filter, create, draft with conflict detection, review, publish (versions, generation, audit), history diffs.
import { describe, it, expect, beforeEach } from 'vitest';
import { Client, signedIn, testApp } from '../support/app.ts';
import { ownerApp, importLibrary, type OwnerT } from './owner-support.ts';

const LIB = [
  { code: 'T-OWN-001', title: '计划停电时间咨询', category: '停送电/计划停电', phrasings: ['明天几点停电', '停电通知看不懂'], script: ['您好，请问您的户号？', '该区域计划停电。'], sensitivity: 0 },
  { code: 'T-OWN-002', title: '电费账单异议', category: '电费/账单', phrasings: ['电费怎么这么多'], forbidden: [{ phrase: '不可能错', instead: '我帮您核实' }] },
];

describe('knowledge owners: library and publishing', () => {
  let t: OwnerT;
  let owner: Client;
  beforeEach(async () => {
    t = await ownerApp();
    owner = await signedIn(t, 'knowledge');
    expect((await importLibrary(owner, LIB, { publish: true })).status).toBe(200);
  });

  it('lists scenarios with version, draft and flag state, filtered by text and category', async () => {
    await t.sql`INSERT INTO script_flags (scenario_code, version, kind, comment) VALUES ('T-OWN-002', 1, 'unclear', '步骤不清楚')`;
    const html = await (await owner.get('/knowledge?q=' + encodeURIComponent('电费怎么'))).text();
    expect(html).toContain('href="/knowledge/scenarios/T-OWN-002"');
    expect(html).not.toContain('T-OWN-001');
    expect(html).toMatch(/<td>v1<\/td><td><\/td><td><a href="\/knowledge\/flags">1<\/a><\/td>/);
    const byCategory = await (await owner.get('/knowledge?category=' + encodeURIComponent('停送电'))).text();
    expect(byCategory).toContain('T-OWN-001');
    expect(byCategory).not.toContain('T-OWN-002');
    expect(byCategory).toContain('<option value="停送电" selected="">停送电</option>');
  });

  it('answers an htmx filter request with just the results', async () => {
    const res = await owner.get('/knowledge?q=T-OWN-00', { 'HX-Request': 'true' });
    const html = await res.text();
    expect(html.startsWith('<div id="library-results"><p class="muted" data-testid="library-count">显示 2 / 共 ')).toBe(true);
    expect(html).not.toContain('<html');
    expect(res.headers.get('vary')).toContain('HX-Request');
  });

  it('saves a draft, reviews its diff and publishes version 2 with a note, bumping the generation', async () => {
    const page = await (await owner.get('/knowledge/scenarios/T-OWN-001')).text();
    expect(page).toContain('name="version" value="0"');
    const form = { version: '0', title: '计划停电时间咨询', category: '停送电/计划停电', phrasings: '明天几点停电\n停电通知看不懂\n小区明天拉闸限电吗', script: '您好，请问您的户号？\n该区域计划停电。', sensitivity: '0' };
    const saved = await owner.post('/knowledge/scenarios/T-OWN-001/draft', form);
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe('/knowledge/scenarios/T-OWN-001?saved=1');
    const [row] = await t.sql<{ draft_version: number; published_version: number }[]>`SELECT draft_version, published_version FROM scenarios WHERE code = 'T-OWN-001'`;
    expect(row).toEqual({ draft_version: 1, published_version: 1 });
    const review = await (await owner.get('/knowledge/scenarios/T-OWN-001/review')).text();
    expect(review).toContain('<ins>+ 小区明天拉闸限电吗</ins>');
    expect(review).toContain('发布为 v2');
    const [{ generation: before }] = await t.sql<{ generation: string }[]>`SELECT generation FROM library_state`;
    const published = await owner.post('/knowledge/scenarios/T-OWN-001/publish', { version: '1', note: '补充客户说法' });
    expect(published.status).toBe(303);
    expect(published.headers.get('location')).toBe('/knowledge/scenarios/T-OWN-001?published=2');
    const versions = await t.sql<{ version: number; note: string | null; phrasings: string[] }[]>`SELECT version, note, body->'phrasings' AS phrasings FROM scenario_versions WHERE code = 'T-OWN-001' ORDER BY version`;
    expect(versions.map((v) => [v.version, v.note])).toEqual([[1, '导入 lib.jsonl'], [2, '补充客户说法']]);
    expect(versions[1].phrasings).toEqual(['明天几点停电', '停电通知看不懂', '小区明天拉闸限电吗']);
    const [{ generation: after }] = await t.sql<{ generation: string }[]>`SELECT generation FROM library_state`;
    expect(Number(after)).toBe(Number(before) + 1);
    const [state] = await t.sql<{ draft: unknown; published_version: number }[]>`SELECT draft, published_version FROM scenarios WHERE code = 'T-OWN-001'`;
    expect(state).toEqual({ draft: null, published_version: 2 });
    const [entry] = await t.sql<{ actor_name: string; detail: { version: number; note: string } }[]>`SELECT actor_name, detail FROM audit_log WHERE action = 'scenario.publish'`;
    expect(entry.actor_name).toBe('knowledge');
    expect(entry.detail).toMatchObject({ version: 2, note: '补充客户说法' });
    const after2 = await (await owner.get('/knowledge/scenarios/T-OWN-001?published=2')).text();
    expect(after2).toContain('已发布 v2。');
    expect(after2).toContain('href="/knowledge/scenarios/T-OWN-001/diff?a=1&amp;b=2"');
    const agent = await signedIn(t, 'agent');
    const hits = await (await agent.get('/agent/search?q=' + encodeURIComponent('小区明天拉闸限电吗'), { 'HX-Request': 'true' })).text();
    expect(hits).toContain('href="/agent/scenarios/T-OWN-001');
    const seen = await (await agent.get('/agent/scenarios/T-OWN-001')).text();
    expect(seen).toContain('停送电/计划停电 · 第 2 版');
    const diff = await (await owner.get('/knowledge/scenarios/T-OWN-001/diff?a=1&b=2')).text();
    expect(diff).toContain('<ins>+ 小区明天拉闸限电吗</ins>');
    expect(diff).toContain('<li class="kept muted">明天几点停电</li>');
  });

  it('a publish in one process reaches another process’s search through the library generation', async () => {
    const other = await testApp({ reset: false });
    const agentElsewhere = await signedIn(other, 'agent');
    const topHit = async () => /class="hit selected" id="hit-([^"]+)"/.exec(await (await agentElsewhere.get('/agent/search?q=' + encodeURIComponent('这个月比上个月翻了三番'), { 'HX-Request': 'true' })).text())?.[1];
    expect(await topHit()).not.toBe('T-OWN-002');
    await owner.post('/knowledge/scenarios/T-OWN-002/draft', { version: '0', title: '电费账单异议', phrasings: '电费怎么这么多\n这个月比上个月翻了三番' });
    expect((await owner.post('/knowledge/scenarios/T-OWN-002/publish', { version: '1', note: '新增说法' })).status).toBe(303);
    expect(await topHit()).toBe('T-OWN-002');
  });

  it('answers a concurrent draft edit with 409 and keeps what the second owner typed', async () => {
    const first = await owner.post('/knowledge/scenarios/T-OWN-002/draft', { version: '0', title: '电费账单异议（一）' });
    expect(first.status).toBe(303);
    const second = await owner.post('/knowledge/scenarios/T-OWN-002/draft', { version: '0', title: '电费账单异议（二）', phrasings: '我的电费不对' });
    expect(second.status).toBe(409);
    const html = await second.text();
    expect(html).toContain('该场景已被他人修改');
    expect(html).toContain('value="电费账单异议（二）"');
    expect(html).toContain('>我的电费不对</textarea>');
    expect(html).toContain('name="version" value="1"');
    const [row] = await t.sql<{ title: string }[]>`SELECT draft->>'title' AS title FROM scenarios WHERE code = 'T-OWN-002'`;
    expect(row.title).toBe('电费账单异议（一）');
  });

  it('re-renders the editor with errors beside fields (422) and changes nothing', async () => {
    const res = await owner.post('/knowledge/scenarios/T-OWN-002/draft', { version: '0', title: '', forbidden: '不可能错', template: '{"kind":"complaint","fields":[],"description":"{who}"}' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toMatch(/id="f-title-error"><p class="error">title: must not be empty/);
    expect(html).toMatch(/id="f-forbidden-error"><p class="error">line 1: write &quot;phrase =&gt; alternative&quot;/);
    expect(html).toContain('template.description: placeholder {who} names no field');
    expect(html).toContain('>{&quot;kind&quot;:&quot;complaint&quot;,&quot;fields&quot;:[],&quot;description&quot;:&quot;{who}&quot;}</textarea>');
    const [row] = await t.sql<{ draft: unknown; draft_version: number }[]>`SELECT draft, draft_version FROM scenarios WHERE code = 'T-OWN-002'`;
    expect(row).toEqual({ draft: null, draft_version: 0 });
  });

  it('refuses to publish without a note or from a stale review', async () => {
    await owner.post('/knowledge/scenarios/T-OWN-002/draft', { version: '0', title: '电费账单异议（新）' });
    const noNote = await owner.post('/knowledge/scenarios/T-OWN-002/publish', { version: '1', note: ' ' });
    expect(noNote.status).toBe(422);
    expect(await noNote.text()).toMatch(/id="f-note-error"><p class="error">必填。/);
    const stale = await owner.post('/knowledge/scenarios/T-OWN-002/publish', { version: '0', note: '旧页面' });
    expect(stale.status).toBe(409);
    const [row] = await t.sql<{ published_version: number }[]>`SELECT published_version FROM scenarios WHERE code = 'T-OWN-002'`;
    expect(row.published_version).toBe(1);
  });

  it('creates a new scenario as an unpublished draft; a taken code is refused beside the field', async () => {
    const res = await owner.post('/knowledge/scenarios', { code: 'T-OWN-NEW', title: '新增场景', phrasings: '新说法', sensitivity: '2', escalation: '班长', template: '' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/knowledge/scenarios/T-OWN-NEW?created=1');
    const [row] = await t.sql<{ published_version: number | null; draft: { sensitivity: number }; owner: string }[]>`
      SELECT s.published_version, s.draft, u.username AS owner FROM scenarios s JOIN users u ON u.id = s.owner_id WHERE code = 'T-OWN-NEW'`;
    expect(row).toEqual({ published_version: null, draft: { code: 'T-OWN-NEW', title: '新增场景', phrasings: ['新说法'], sensitivity: 2, escalation: '班长' }, owner: 'knowledge' });
    const taken = await owner.post('/knowledge/scenarios', { code: 'T-OWN-001', title: 'x' });
    expect(taken.status).toBe(422);
    expect(await taken.text()).toMatch(/id="f-code-error"><p class="error">该编码已存在。/);
    const publish = await owner.post('/knowledge/scenarios/T-OWN-NEW/publish', { version: '1', note: '首次发布' });
    expect(publish.headers.get('location')).toBe('/knowledge/scenarios/T-OWN-NEW?published=1');
  });

  it('shows the scenario’s open flags and discards a draft with a version check', async () => {
    await t.sql`INSERT INTO script_flags (scenario_code, version, kind, comment) VALUES ('T-OWN-002', 1, 'outdated', '电价表已过时')`;
    const page = await (await owner.get('/knowledge/scenarios/T-OWN-002')).text();
    expect(page).toContain('坐席对此场景有 1 条待处理反馈：');
    expect(page).toContain('<span class="badge">内容过时</span> 电价表已过时');
    await owner.post('/knowledge/scenarios/T-OWN-002/draft', { version: '0', title: '电费账单异议（草稿）' });
    expect((await owner.post('/knowledge/scenarios/T-OWN-002/discard', { version: '0' })).status).toBe(409);
    const res = await owner.post('/knowledge/scenarios/T-OWN-002/discard', { version: '1' });
    expect(res.headers.get('location')).toBe('/knowledge/scenarios/T-OWN-002?discarded=1');
    const [row] = await t.sql`SELECT draft, draft_version FROM scenarios WHERE code = 'T-OWN-002'`;
    expect(row).toEqual({ draft: null, draft_version: 2 });
    expect(await t.sql`SELECT action FROM audit_log WHERE action LIKE 'scenario.draft.%' ORDER BY id`).toEqual([{ action: 'scenario.draft.save' }, { action: 'scenario.draft.discard' }]);
  });

  it('answers unknown scenarios and versions with 404 and other roles with 403', async () => {
    expect((await owner.get('/knowledge/scenarios/NOPE')).status).toBe(404);
    expect((await owner.get('/knowledge/scenarios/T-OWN-001/diff?a=1&b=9')).status).toBe(404);
    expect((await owner.post('/knowledge/scenarios/NOPE/draft', { title: 'x' })).status).toBe(404);
    const agent = await signedIn(t, 'agent');
    expect((await agent.get('/knowledge/scenarios/T-OWN-001')).status).toBe(403);
  });
});
