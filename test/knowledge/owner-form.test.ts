// The scenario editor form: what the owner types becomes the same scenario an import line would, with errors filed beside the right field.
import { describe, it, expect } from 'vitest';
import { formValuesFrom, scenarioFromForm, scenarioToForm, type ScenarioFormValues } from '../../server/knowledge/owner-form.ts';
import type { Scenario } from '../../knowledge/scenario.ts';
import type { ResponsibilityMatrix } from '../../knowledge/matrix.ts';
import { parseLibraryJsonl } from '../../knowledge/library-io.ts';
import { readFileSync } from 'node:fs';

const blank: ScenarioFormValues = formValuesFrom({});

const full: Scenario = {
  code: 'TD-900',
  title: '计划停电咨询',
  category: '停送电/计划停电',
  phrasings: ['明天为什么停电', '停电通知'],
  keywords: ['计划停电'],
  script: ['您好{name}，', '该区域计划停电。'],
  inquiry: ['停电地址'],
  forbidden: [{ phrase: '不知道', instead: '我帮您查询一下' }],
  sensitivity: 1,
  escalation: '值班长',
  template: { kind: 'consultation', fields: [{ name: 'name', label: '姓名', type: 'text', required: true }], description: '客户{name}咨询停电' },
};

describe('scenario editor form', () => {
  it('round-trips a full scenario through the form unchanged', () => {
    const result = scenarioFromForm(scenarioToForm(full, 4));
    expect(result).toEqual({ ok: true, scenario: full });
    expect(scenarioToForm(full, 4).forbidden).toBe('不知道 => 我帮您查询一下');
    expect(scenarioToForm(full, 4).version).toBe('4');
  });

  it('reads one list item per non-blank line and accepts → as the forbidden separator', () => {
    const result = scenarioFromForm({ ...blank, code: 'FAQ-1', title: ' 交费渠道 ', phrasings: '怎么交电费\r\n\n  在哪交钱 \n', forbidden: '你自己查→我为您查询' });
    expect(result).toEqual({ ok: true, scenario: { code: 'FAQ-1', title: '交费渠道', phrasings: ['怎么交电费', '在哪交钱'], forbidden: [{ phrase: '你自己查', instead: '我为您查询' }] } });
  });

  it('files each problem under its field, all at once', () => {
    const result = scenarioFromForm({ ...blank, code: 'A B', title: '', forbidden: '不知道\n好的 => 好的', sensitivity: '7', template: '{"kind":"nonsense","fields":[],"description":""}' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.code).toEqual(['code: must not contain spaces or control characters: "A B"']);
    expect(result.errors.title).toEqual(['title: must not be empty']);
    expect(result.errors.forbidden).toEqual(['line 1: write "phrase => alternative"']);
    expect(result.errors.sensitivity).toEqual(['sensitivity: must be 0, 1, 2 or 3, not "7"']);
    expect(result.errors.template?.[0]).toMatch(/^template\.kind: must be one of consultation/);
  });

  it('round-trips every scenario of the demo library through the editor unchanged, matrix checks included', () => {
    const matrix = JSON.parse(readFileSync(new URL('../../knowledge/demo/matrix.json', import.meta.url), 'utf8')) as ResponsibilityMatrix;
    const parsed = parseLibraryJsonl(readFileSync(new URL('../../knowledge/demo/scenarios.jsonl', import.meta.url), 'utf8'), { matrix });
    if (!parsed.ok) throw new Error('demo library does not parse');
    expect(parsed.scenarios.length).toBeGreaterThanOrEqual(80);
    for (const scenario of parsed.scenarios) expect(scenarioFromForm(scenarioToForm(scenario, 1), matrix)).toEqual({ ok: true, scenario });
  });

  describe('edge cases', () => {
    it('reports template JSON that does not parse', () => {
      const result = scenarioFromForm({ ...blank, code: 'X-1', title: 't', template: '{kind:' });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.errors.template?.[0]).toMatch(/^not valid JSON: /);
    });
    it('splits a forbidden line at its first arrow only', () => {
      const result = scenarioFromForm({ ...blank, code: 'X-1', title: 't', forbidden: '你去找物业 => 我帮您联系 → 物业与供电所' });
      expect(result).toEqual({ ok: true, scenario: { code: 'X-1', title: 't', forbidden: [{ phrase: '你去找物业', instead: '我帮您联系 → 物业与供电所' }] } });
    });
    it('leaves out blank optional fields', () => {
      expect(scenarioFromForm({ ...blank, code: 'X-1', title: 't' })).toEqual({ ok: true, scenario: { code: 'X-1', title: 't' } });
    });
    it('takes the first of repeated form values and ignores files', () => {
      expect(formValuesFrom({ title: ['a', 'b'], code: 3 }).title).toBe('a');
      expect(formValuesFrom({ title: ['a', 'b'], code: 3 }).code).toBe('');
    });
  });
});
