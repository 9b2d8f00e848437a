// The template editor over HTTP: row buttons re-show the form without saving, errors sit beside the
// row inputs (422, all typed values kept), a valid form saves the template in the draft.
import { describe, it, expect, beforeAll } from 'vitest';
import { signedIn, type Client } from '../support/app.ts';
import { ownerApp, type OwnerT } from './owner-support.ts';
import { scenarioToForm } from '../../server/knowledge/owner-form.ts';
import type { Scenario } from '../../knowledge/scenario.ts';

/** The scenario page's form for TS-003 as a browser would post it (form mode), with overrides. */
function ts003Body(scenario: Scenario, overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  const v = scenarioToForm(scenario, 0);
  const body: Record<string, string | string[]> = {
    version: '0', title: v.title, category: v.category, phrasings: v.phrasings, keywords: v.keywords, script: v.script, inquiry: v.inquiry,
    forbidden: v.forbidden, sensitivity: v.sensitivity, escalation: v.escalation, template: v.template,
    tpl_mode: 'form', tpl_kind: v.tpl.kind, tpl_matrixCode: v.tpl.matrixCode, tpl_timeLimitHours: v.tpl.timeLimitHours, tpl_description: v.tpl.description,
    tpl_fields: String(v.tpl.fields.length), tpl_rules: String(v.tpl.dispatch.length),
  };
  v.tpl.fields.forEach((f, i) => {
    Object.assign(body, { [`tpl_f${i}_name`]: f.name, [`tpl_f${i}_label`]: f.label, [`tpl_f${i}_type`]: f.type, [`tpl_f${i}_options`]: f.options, [`tpl_f${i}_pattern`]: f.pattern, [`tpl_f${i}_patternMessage`]: f.patternMessage, [`tpl_f${i}_help`]: f.help });
    if (f.required) body[`tpl_f${i}_required`] = '1';
    if (f.requiredSet) body[`tpl_f${i}_requiredSet`] = '1';
  });
  v.tpl.dispatch.forEach((d, i) => Object.assign(body, { [`tpl_d${i}_when`]: d.when, [`tpl_d${i}_departments`]: d.departments, [`tpl_d${i}_note`]: d.note }));
  return { ...body, ...overrides };
}

/** A urlencoded body with repeated keys for arrays (check boxes). */
function encode(body: Record<string, string | string[]>, csrf: string): URLSearchParams {
  const params = new URLSearchParams({ _csrf: csrf });
  for (const [k, v] of Object.entries(body)) for (const x of Array.isArray(v) ? v : [v]) params.append(k, x);
  return params;
}

describe('template editor over HTTP', () => {
  let t: OwnerT;
  let owner: Client;
  let ts003: Scenario;
  const post = (body: Record<string, string | string[]>, headers: Record<string, string> = {}) =>
    owner.request('/knowledge/scenarios/TS-003/draft', { method: 'POST', body: encode(body, owner.csrf()), headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers } });

  beforeAll(async () => {
    t = await ownerApp();
    owner = await signedIn(t, 'knowledge');
    const [row] = await t.sql<{ body: Scenario }[]>`SELECT body FROM scenario_versions WHERE code = 'TS-003' AND version = 1`;
    ts003 = row.body;
  });

  it('shows the template as a form: kind, matrix code, one row per field, the rule with its departments ticked', async () => {
    const html = await (await owner.get('/knowledge/scenarios/TS-003')).text();
    expect(html).toMatch(/<option value="complaint" selected="">投诉 · 默认 144 小时<\/option>/);
    expect(html).toMatch(/<option value="C02-03" selected="">C02-03 /);
    expect((html.match(/data-testid="tpl-field-row"/g) ?? []).length).toBe(7);
    expect(html).toMatch(/id="tpl_f6_name"[^>]*value="issue"/);
    expect(html).toContain('issue = 索要费用</textarea>');
    expect(html).toMatch(/name="tpl_d0_departments" value="D-CSC" checked=""/);
    expect(html).toMatch(/name="tpl_d0_departments" value="D-STN" checked=""/);
    expect(html).not.toMatch(/name="tpl_d0_departments" value="D-OPS" checked=""/);
  });

  it('adds a row with the add button and re-shows everything typed, saving nothing', async () => {
    const res = await post(ts003Body(ts003, { title: '改过的标题', tpl_op: 'addField' }));
    expect(res.status).toBe(200);
    const html = await res.text();
    expect((html.match(/data-testid="tpl-field-row"/g) ?? []).length).toBe(8);
    expect(html).toContain('name="tpl_fields" value="8"');
    expect(html).toContain('value="改过的标题"');
    expect(await t.sql`SELECT 1 FROM scenarios WHERE code = 'TS-003' AND draft IS NOT NULL`).toHaveLength(0);
  });

  it('puts errors beside the row inputs (422), readable and in Chinese, and keeps the rows as typed', async () => {
    const res = await post(ts003Body(ts003, { tpl_f4_type: 'select', tpl_f2_name: '户 号', tpl_timeLimitHours: '两天', tpl_description: '客户{who}投诉', tpl_d0_when: 'issue = 没给钱' }));
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toMatch(/id="tpl_f4_options-error"><p class="error">下拉字段至少需要一个选项。</);
    expect(html).toMatch(/id="tpl_f2_name-error"><p class="error">字段名只能用英文字母、数字和下划线，且不能以数字开头。</);
    expect(html).toMatch(/id="tpl_timeLimitHours-error"><p class="error">请填写小时数，如 72。</);
    expect(html).toMatch(/id="tpl_description-error"><p class="error">占位符 \{who\} 没有对应的字段。</);
    expect(html).toMatch(/id="tpl_d0_when-error"><p class="error">“没给钱”不是字段 issue 的选项（态度恶劣, 推诿不处理, 索要费用, 违反作业规范, 其他）。</);
    expect(html).toMatch(/id="tpl_f2_name"[^>]*value="户 号"/);
    expect(html).toMatch(/<select id="tpl_f4_type"[^>]*>[\s\S]*?<option value="select" selected="">/);
    expect(await t.sql`SELECT 1 FROM scenarios WHERE code = 'TS-003' AND draft IS NOT NULL`).toHaveLength(0);
  });

  it('saves the form as the draft’s template: a field moved, a rule’s departments changed, a time limit set', async () => {
    const body = ts003Body(ts003, { tpl_timeLimitHours: '72', tpl_d0_departments: ['D-CSC'] });
    // move 问题 (row 6) above 时间 (row 5) as the ↑ button would, then save
    const moved = await post({ ...body, tpl_op: 'upField:6' });
    expect(await moved.text()).toMatch(/id="tpl_f5_name"[^>]*value="issue"/);
    const swap = (i: number, j: number) => {
      for (const key of ['name', 'label', 'type', 'options', 'pattern', 'patternMessage', 'help', 'required', 'requiredSet']) {
        const a = body[`tpl_f${i}_${key}`];
        const b = body[`tpl_f${j}_${key}`];
        delete body[`tpl_f${i}_${key}`];
        delete body[`tpl_f${j}_${key}`];
        if (b !== undefined) body[`tpl_f${i}_${key}`] = b;
        if (a !== undefined) body[`tpl_f${j}_${key}`] = a;
      }
    };
    swap(5, 6);
    const res = await post(body);
    expect(res.status).toBe(303);
    const [row] = await t.sql<{ draft: Scenario }[]>`SELECT draft FROM scenarios WHERE code = 'TS-003'`;
    const template = row.draft.template!;
    expect(template.fields.map((f) => f.name)).toEqual(['name', 'phone', 'account', 'address', 'staffInfo', 'issue', 'visitTime']);
    expect(template.timeLimitHours).toBe(72);
    expect(template.dispatch).toEqual([{ when: { issue: '索要费用' }, departments: ['D-CSC'], note: '涉及索要费用，同步按行风问题核查' }]);
    // everything else is as published (account keeps its explicit required: false)
    expect(template.fields.find((f) => f.name === 'account')).toEqual(ts003.template!.fields.find((f) => f.name === 'account'));
  });
});
