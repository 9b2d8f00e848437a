// The scenario editor form: what the owner types becomes the same scenario an import line would, with errors filed beside the right field.
import { describe, it, expect } from 'vitest';
import { applyTemplateOp, formValuesFrom, parseTemplateOp, redisplayValues, scenarioFromForm, scenarioToForm, templateFormFrom, type ScenarioFormValues } from '../../server/knowledge/owner-form.ts';
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

describe('template editor form', () => {
  const body = {
    tpl_mode: 'form',
    code: 'CD-900',
    title: '充电桩故障',
    tpl_kind: 'repair',
    tpl_matrixCode: '',
    tpl_timeLimitHours: '８',
    tpl_description: '客户{name}反映{station}充电桩故障（{pileNo}）。',
    tpl_fields: '4',
    tpl_f0_name: 'name', tpl_f0_label: '客户姓名', tpl_f0_type: 'text', tpl_f0_required: '1',
    tpl_f1_name: '', tpl_f1_label: '', tpl_f1_type: 'text',
    tpl_f2_name: 'station', tpl_f2_label: '站点', tpl_f2_type: 'select', tpl_f2_options: '科技园站\r\n\n 人民路站 ', tpl_f2_required: '1',
    tpl_f3_name: 'pileNo', tpl_f3_label: '桩号', tpl_f3_type: 'text', tpl_f3_pattern: '[A-Z]-\\d{2}', tpl_f3_patternMessage: '如 A-03', tpl_f3_requiredSet: '1',
    tpl_rules: '2',
    tpl_d0_when: 'station = 科技园站 | 人民路站', tpl_d0_departments: ['D-EV', 'D-EV'], tpl_d0_note: '国网运营站点',
    tpl_d1_when: '', tpl_d1_note: '',
  };

  it('builds the template from the rows, skipping rows left empty, with options per line and full-width hours', () => {
    const result = scenarioFromForm(formValuesFrom(body));
    expect(result).toEqual({
      ok: true,
      scenario: {
        code: 'CD-900',
        title: '充电桩故障',
        template: {
          kind: 'repair',
          fields: [
            { name: 'name', label: '客户姓名', type: 'text', required: true },
            { name: 'station', label: '站点', type: 'select', required: true, options: ['科技园站', '人民路站'] },
            { name: 'pileNo', label: '桩号', type: 'text', required: false, pattern: '[A-Z]-\\d{2}', patternMessage: '如 A-03' },
          ],
          description: '客户{name}反映{station}充电桩故障（{pileNo}）。',
          dispatch: [{ when: { station: ['科技园站', '人民路站'] }, departments: ['D-EV'], note: '国网运营站点' }],
          timeLimitHours: 8,
        },
      },
    });
  });

  it('files template problems beside the row input they concern (row numbers as on screen)', () => {
    const result = scenarioFromForm(formValuesFrom({ ...body, tpl_kind: '', tpl_f2_options: '', tpl_f3_name: '桩号', tpl_timeLimitHours: '八小时', tpl_d0_when: 'station 科技园站', tpl_description: '{nobody}' }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.tpl_kind?.[0]).toMatch(/^template\.kind: must be one of consultation/);
    expect(result.errors.tpl_f2_options).toEqual(['template.fields[1].options: a select field needs at least one option']);
    expect(result.errors.tpl_f3_name?.[0]).toMatch(/^template\.fields\[2\]\.name: must be an identifier/);
    expect(result.errors.tpl_timeLimitHours).toEqual(['timeLimitHours: write a number of hours, not "八小时"']);
    expect(result.errors.tpl_d0_when).toEqual(['line 1: write "field = value" or "field = value1 | value2"']);
    expect(result.errors.tpl_description).toEqual(['template.description: placeholder {nobody} names no field']);
    expect(result.errors.template).toBeUndefined();
  });

  it('reads the JSON view instead when "use JSON" is ticked (the hidden form marker comes first)', () => {
    const json = JSON.stringify({ kind: 'consultation', fields: [], description: '咨询' });
    const result = scenarioFromForm(formValuesFrom({ ...body, tpl_mode: ['form', 'json'], template: json }));
    expect(result).toEqual({ ok: true, scenario: { code: 'CD-900', title: '充电桩故障', template: { kind: 'consultation', fields: [], description: '咨询' } } });
  });

  it('has no template when the kind is unset and nothing else is filled', () => {
    expect(scenarioFromForm(formValuesFrom({ tpl_mode: 'form', code: 'X-1', title: 't', tpl_fields: '1', tpl_f0_type: 'text', tpl_rules: '0' }))).toEqual({ ok: true, scenario: { code: 'X-1', title: 't' } });
  });

  it('adds, moves and removes rows without touching what was typed in the others', () => {
    const tpl = templateFormFrom(body);
    const up = applyTemplateOp(tpl, parseTemplateOp('upField:3')!);
    expect(up.fields.map((f) => f.name)).toEqual(['name', '', 'pileNo', 'station']);
    expect(up.fields[2]).toEqual(tpl.fields[3]);
    expect(applyTemplateOp(tpl, { op: 'downField', row: 3 }).fields).toEqual(tpl.fields);
    expect(applyTemplateOp(tpl, { op: 'upField', row: 0 }).fields).toEqual(tpl.fields);
    expect(applyTemplateOp(tpl, { op: 'removeField', row: 1 }).fields.map((f) => f.name)).toEqual(['name', 'station', 'pileNo']);
    const added = applyTemplateOp(tpl, { op: 'addField' });
    expect(added.fields).toHaveLength(5);
    expect(added.fields[4]).toEqual({ name: '', label: '', type: 'text', required: false, requiredSet: false, options: '', pattern: '', patternMessage: '', help: '' });
    expect(applyTemplateOp(tpl, { op: 'addRule' }).dispatch).toHaveLength(3);
    expect(applyTemplateOp(tpl, { op: 'removeRule', row: 0 }).dispatch).toEqual([tpl.dispatch[1]]);
    expect(parseTemplateOp('removeField:x')).toBeUndefined();
    expect(parseTemplateOp(['addRule'])).toEqual({ op: 'addRule' });
  });

  it('shows the JSON view mirroring the form when the form is in charge', () => {
    const shown = redisplayValues(formValuesFrom({ ...body, template: 'stale' }));
    expect(JSON.parse(shown.template).fields.map((f: { name: string }) => f.name)).toEqual(['name', 'station', 'pileNo']);
    const asJson = formValuesFrom({ ...body, tpl_mode: ['form', 'json'], template: '{"half' });
    expect(redisplayValues(asJson).template).toBe('{"half');
  });
});
