// The responsibility matrix over HTTP: knowledge owners read it, admins add and edit entries; exactly one owning department is enforced beside the field.
import { describe, it, expect, beforeEach } from 'vitest';
import { Client, signedIn } from '../support/app.ts';
import { ownerApp, type OwnerT } from './owner-support.ts';

describe('knowledge owners: responsibility matrix', () => {
  let t: OwnerT;
  let admin: Client;
  beforeEach(async () => {
    t = await ownerApp();
    admin = await signedIn(t, 'admin');
    await t.sql`DELETE FROM matrix_entries WHERE code LIKE 'T-M%'`;
    await t.sql`INSERT INTO matrix_entries (code, level1, level2, level3, specifics, owner, responsible) VALUES ('T-M01', '供电质量', '电压质量', '电压偏低', '{"夜间电压低"}', 'D-OPS', '{"D-DIS"}')`;
  });

  it('lets a knowledge owner read the matrix by level but not edit it', async () => {
    const owner = await signedIn(t, 'knowledge');
    const html = await (await owner.get('/knowledge/matrix')).text();
    expect(html).toContain('<h2>供电质量</h2>');
    expect(html).toContain('<tr id="entry-T-M01"><td class="nowrap">T-M01</td><td>电压质量</td><td>电压偏低</td><td>夜间电压低</td><td>运维检修部</td><td>配电运检室</td></tr>');
    expect(html).not.toContain('href="/knowledge/matrix/new"');
    expect((await owner.get('/knowledge/matrix/T-M01')).status).toBe(403);
    expect((await owner.post('/knowledge/matrix/T-M01', { owner: 'D-MKT' })).status).toBe(403);
  });

  it('lets an admin change owner and responsible departments, with a version check and audit', async () => {
    const form = await (await admin.get('/knowledge/matrix/T-M01')).text();
    expect(form).toContain('<option value="D-OPS" selected="">');
    const res = await admin.post('/knowledge/matrix/T-M01', { version: '1', level1: '供电质量', level2: '电压质量', level3: '电压偏低', specifics: '夜间电压低\n空调季电压低', owner: 'D-MKT', responsible: ['D-DIS', 'D-STN'] });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/knowledge/matrix?saved=T-M01');
    const [row] = await t.sql`SELECT owner, responsible, specifics, version FROM matrix_entries WHERE code = 'T-M01'`;
    expect(row).toEqual({ owner: 'D-MKT', responsible: ['D-DIS', 'D-STN'], specifics: ['夜间电压低', '空调季电压低'], version: 2 });
    const [entry] = await t.sql<{ detail: unknown }[]>`SELECT detail FROM audit_log WHERE action = 'matrix.update'`;
    expect(entry.detail).toEqual({ before: { owner: 'D-OPS', responsible: ['D-DIS'] }, after: { owner: 'D-MKT', responsible: ['D-DIS', 'D-STN'] } });
    const stale = await admin.post('/knowledge/matrix/T-M01', { version: '1', level1: '供电质量', level2: '电压质量', level3: '电压偏低（旧）', owner: 'D-OPS', responsible: 'D-DIS' });
    expect(stale.status).toBe(409);
    const html = await stale.text();
    expect(html).toContain('该分类已被他人修改');
    expect(html).toContain('value="电压偏低（旧）"');
  });

  it('rejects a situation without exactly one owning department, beside the owner field', async () => {
    const none = await admin.post('/knowledge/matrix/T-M01', { version: '1', level1: '供电质量', level2: '电压质量', level3: '电压偏低', owner: '', responsible: 'D-DIS' });
    expect(none.status).toBe(422);
    expect(await none.text()).toMatch(/id="f-owner-error"><p class="error">须有且仅有一个归口部门。/);
    const two = await admin.post('/knowledge/matrix/T-M01', { version: '1', level1: '供电质量', level2: '电压质量', level3: '电压偏低', owner: ['D-OPS', 'D-MKT'], responsible: 'D-DIS' });
    expect(two.status).toBe(422);
    expect(await two.text()).toMatch(/id="f-owner-error"><p class="error">须有且仅有一个归口部门。/);
    const notOwning = await admin.post('/knowledge/matrix/T-M01', { version: '1', level1: '供电质量', level2: '电压质量', level3: '电压偏低', owner: 'D-DIS', responsible: '' });
    const html = await notOwning.text();
    expect(html).toMatch(/id="f-owner-error"><p class="error">所选部门不是归口部门。/);
    expect(html).toMatch(/id="f-responsible-error"><p class="error">至少选择一个责任部门。/);
    const [row] = await t.sql`SELECT owner, version FROM matrix_entries WHERE code = 'T-M01'`;
    expect(row).toEqual({ owner: 'D-OPS', version: 1 });
  });

  it('adds an entry; a taken or malformed code and missing levels are refused', async () => {
    const res = await admin.post('/knowledge/matrix', { code: 'T-M02', level1: '服务', level2: '服务态度', level3: '坐席态度差', owner: 'D-MKT', responsible: 'D-CSC' });
    expect(res.status).toBe(303);
    const [row] = await t.sql`SELECT owner, responsible, specifics FROM matrix_entries WHERE code = 'T-M02'`;
    expect(row).toEqual({ owner: 'D-MKT', responsible: ['D-CSC'], specifics: [] });
    const taken = await admin.post('/knowledge/matrix', { code: 'T-M02', level1: 'a', level2: 'b', level3: 'c', owner: 'D-MKT', responsible: 'D-CSC' });
    expect(await taken.text()).toMatch(/id="f-code-error"><p class="error">该编码已存在。/);
    const empty = await admin.post('/knowledge/matrix', {});
    expect(empty.status).toBe(422);
    const html = await empty.text();
    expect(html).toMatch(/id="f-code-error"><p class="error">编码须为/);
    expect(html).toMatch(/id="f-level1-error"><p class="error">必填。/);
    expect(html).toMatch(/id="f-owner-error"><p class="error">须有且仅有一个归口部门。/);
  });

  it('answers an unknown entry with 404', async () => {
    expect((await admin.get('/knowledge/matrix/NOPE')).status).toBe(404);
    expect((await admin.post('/knowledge/matrix/NOPE', { owner: 'D-MKT' })).status).toBe(404);
  });
});
