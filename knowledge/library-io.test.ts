// Specification of library import (strict JSON Lines with line-numbered errors) and export (canonical, round-trips exactly).
import { describe, it, expect } from 'vitest';
import { parseLibraryJsonl, serializeLibraryJsonl, validateTemplate } from './library-io.ts';
import type { ResponsibilityMatrix } from './matrix.ts';
import type { Scenario } from './scenario.ts';

/** The errors of a text that must fail to parse. */
function errorsOf(text: string, matrix?: ResponsibilityMatrix): { line: number; message: string }[] {
  const result = parseLibraryJsonl(text, { matrix });
  if (result.ok) throw new Error(`expected errors, got ${result.scenarios.length} scenarios`);
  return result.errors;
}

/** The scenarios of a text that must parse. */
function scenariosOf(text: string, matrix?: ResponsibilityMatrix): Scenario[] {
  const result = parseLibraryJsonl(text, { matrix });
  if (!result.ok) throw new Error(`expected scenarios, got ${JSON.stringify(result.errors)}`);
  return result.scenarios;
}

const full: Scenario = {
  code: 'EV-003',
  title: '充电桩无法充电',
  category: '充电服务/充电设施',
  phrasings: ['充电桩充不进去电', '扫码了没反应'],
  keywords: ['充电桩', 'cdz'],
  script: ['您好{name}，请问充电桩编号是多少？', '已为您登记，{operatorNote}'],
  inquiry: ['充电桩编号', '故障现象'],
  forbidden: [{ phrase: '这不归我们管', instead: '我帮您确认充电桩的运维单位' }],
  sensitivity: 1,
  escalation: '涉及人身安全立即转抢修',
  template: {
    kind: 'repair',
    matrixCode: 'C06-01',
    fields: [
      { name: 'name', label: '客户姓名', type: 'text', required: true },
      { name: 'pileNo', label: '充电桩编号', type: 'text', required: true, pattern: '[A-Z0-9]{8}', patternMessage: '8位字母或数字', help: '桩体铭牌上' },
      { name: 'operator', label: '运维主体', type: 'select', options: ['国网电动汽车公司', '社会运营商'] },
      { name: 'operatorNote', label: '说明', type: 'textarea' },
      { name: 'danger', label: '是否有安全隐患', type: 'yesno' },
    ],
    description: '客户{name}反映充电桩{pileNo}无法充电，运维主体{operator}。',
    dispatch: [
      { when: { operator: '国网电动汽车公司' }, departments: ['D-EV'], note: '国网自营桩' },
      { when: { danger: '是', operator: ['社会运营商'] }, departments: ['D-OPS'] },
    ],
    timeLimitHours: 2,
  },
};

const matrix: ResponsibilityMatrix = {
  departments: [
    { code: 'D-MKT', name: '市场营销部', role: 'owning' },
    { code: 'D-OPS', name: '运维检修部', role: 'owning' },
    { code: 'D-EV', name: '电动汽车服务公司', role: 'responsible' },
  ],
  entries: [{ code: 'C06-01', level1: '充电服务', level2: '充电设施', level3: '充电桩故障', owner: 'D-MKT', responsible: ['D-EV'] }],
};

describe('parseLibraryJsonl', () => {
  it('imports a plain FAQ list: only code and title required, a string script becomes its lines', () => {
    const text = ['{"code":"FAQ-1","title":"如何交电费","script":"可通过网上国网缴费。\\n也可到营业厅。"}', '{"code":"FAQ-2","title":"峰谷电价时段"}'].join('\n');
    expect(scenariosOf(text)).toEqual([
      { code: 'FAQ-1', title: '如何交电费', script: ['可通过网上国网缴费。', '也可到营业厅。'] },
      { code: 'FAQ-2', title: '峰谷电价时段' },
    ]);
  });

  it('turns a string of phrasings into its trimmed non-blank lines', () => {
    expect(scenariosOf('{"code":"A","title":"t","phrasings":" 没电了 \\r\\n\\n 家里停电 "}')).toEqual([{ code: 'A', title: 't', phrasings: ['没电了', '家里停电'] }]);
  });

  it('imports a full scenario with its template, checked against the matrix', () => {
    expect(scenariosOf(JSON.stringify(full), matrix)).toEqual([full]);
  });

  it('puts keys in canonical order whatever order the file uses', () => {
    const [scenario] = scenariosOf('{"title":"t","sensitivity":0,"code":"A","category":"c"}');
    expect(Object.keys(scenario)).toEqual(['code', 'title', 'category', 'sensitivity']);
  });

  it('reports the missing code and title', () => {
    expect(errorsOf('{"category":"x"}')).toEqual([
      { line: 1, message: 'code: is required' },
      { line: 1, message: 'title: is required' },
    ]);
  });

  it('names the field and the wrong type in each message', () => {
    const line = JSON.stringify({ code: 7, title: '', category: ['x'], phrasings: 3, keywords: 'a', script: [1, ''], inquiry: null, forbidden: {}, sensitivity: 4, escalation: false });
    expect(errorsOf(line).map((error) => error.message)).toEqual([
      'code: must be a string, not a number',
      'title: must not be empty',
      'category: must be a string, not an array',
      'phrasings: must be a string or an array of strings, not a number',
      'keywords: must be an array of strings, not a string',
      'script[0]: must be a string, not a number',
      'script[1]: must not be empty',
      'inquiry: must be an array of strings, not null',
      'forbidden: must be an array of {phrase, instead} objects, not an object',
      'sensitivity: must be 0, 1, 2 or 3, not 4',
      'escalation: must be a string, not a boolean',
    ]);
  });

  it('checks forbidden phrases entry by entry', () => {
    const line = JSON.stringify({ code: 'A', title: 't', forbidden: ['不知道', { phrase: '不归我管' }, { phrase: 'x', instead: 'y', why: 'z' }] });
    expect(errorsOf(line).map((error) => error.message)).toEqual([
      'forbidden[0]: must be an object with phrase and instead, not a string',
      'forbidden[1].instead: is required',
      'forbidden[2]: unknown field "why"',
    ]);
  });

  it('rejects unknown keys, each by name', () => {
    expect(errorsOf('{"code":"A","title":"t","answer":"x","tags":[]}')).toEqual([
      { line: 1, message: 'unknown field "answer"' },
      { line: 1, message: 'unknown field "tags"' },
    ]);
  });

  it('rejects a repeated code, naming the line of the first', () => {
    expect(errorsOf('{"code":"A","title":"t"}\n{"code":"B","title":"t"}\n{"code":"A","title":"again"}')).toEqual([
      { line: 3, message: 'code: duplicate code A (first on line 1)' },
    ]);
  });

  it('reports every error of every line with 1-based line numbers, blank lines counted', () => {
    const text = ['{"code":"A","title":"t"}', '', 'not json', '{"code":"B"}', '   ', '{"code":"C","title":"t","sensitivity":"high"}'].join('\n');
    expect(errorsOf(text)).toEqual([
      { line: 3, message: `not valid JSON: ${jsonError('not json')}` },
      { line: 4, message: 'title: is required' },
      { line: 6, message: 'sensitivity: must be 0, 1, 2 or 3, not "high"' },
    ]);
  });

  it('rejects codes with spaces or control characters and codes over 64 characters', () => {
    const lines = [{ code: 'TD 001', title: 't' }, { code: '\u3000TD', title: 't' }, { code: 'TD\u0000', title: 't' }, { code: 'X'.repeat(65), title: 't' }].map((item) => JSON.stringify(item));
    expect(errorsOf(lines.join('\n'))).toEqual([
      { line: 1, message: 'code: must not contain spaces or control characters: "TD 001"' },
      { line: 2, message: 'code: must not contain spaces or control characters: "\u3000TD"' },
      { line: 3, message: 'code: must not contain spaces or control characters: "TD\\u0000"' },
      { line: 4, message: 'code: must be at most 64 characters' },
    ]);
  });

  describe('templates', () => {
    it('checks kind, fields, description placeholders and time limit', () => {
      const template = {
        kind: 'inquiry',
        fields: [
          { name: '1st', label: '第一', type: 'text' },
          { name: 'tel', label: '电话', type: 'mobile' },
          { name: 'tel', label: '电话2', type: 'phone', required: 'yes' },
          { name: 'reason', label: '原因', type: 'select' },
          { name: 'kind2', label: '类别', type: 'select', options: ['a', 'a'] },
          { name: 'zip', label: '邮编', type: 'text', pattern: '(\\d{6}', options: ['x'] },
          { name: 'x', type: 'text', hint: '?' },
        ],
        description: '{tel}{missing}{missing}',
        timeLimitHours: 0,
      };
      expect(errorsOf(JSON.stringify({ code: 'A', title: 't', template })).map((error) => error.message)).toEqual([
        'template.kind: must be one of consultation, opinion, suggestion, complaint, report, praise, service, repair, not "inquiry"',
        'template.fields[0].name: must be an identifier (ASCII letters, digits, _; not starting with a digit), not "1st"',
        'template.fields[1].type: must be one of text, textarea, select, phone, account, date, datetime, number, yesno, not "mobile"',
        'template.fields[2].required: must be true or false, not a string',
        'template.fields[2].name: duplicate field name "tel"',
        'template.fields[3].options: a select field needs at least one option',
        'template.fields[4].options: must not repeat an option',
        'template.fields[5].options: only a select field has options, this one is text',
        'template.fields[5].pattern: is not a valid regular expression: (\\d{6}',
        'template.fields[6]: unknown field "hint"',
        'template.fields[6].label: is required',
        'template.description: placeholder {missing} names no field',
        'template.timeLimitHours: must be a number of hours above 0 and at most 8784, not 0',
      ]);
    });

    it('checks dispatch rules: conditions name fields and valid options, departments are given and known', () => {
      const template = {
        kind: 'repair',
        matrixCode: 'C99-01',
        fields: [
          { name: 'operator', label: '运维主体', type: 'select', options: ['国网', '社会'] },
          { name: 'danger', label: '隐患', type: 'yesno' },
        ],
        description: '',
        dispatch: [
          { when: { operator: '南网', nobody: 'x' }, departments: ['D-EV'] },
          { when: { danger: ['yes'] }, departments: [] },
          { when: {}, departments: ['D-NOPE'], note: 1 },
          { when: { operator: [] }, departments: ['D-EV'], priority: 1 },
          { when: { danger: '否' } },
          'always',
        ],
      };
      expect(errorsOf(JSON.stringify({ code: 'A', title: 't', template }), matrix).map((error) => error.message)).toEqual([
        'template.matrixCode: C99-01 is not in the responsibility matrix',
        'template.dispatch[0].when.operator: "南网" is not an option of the field (国网, 社会)',
        'template.dispatch[0].when.nobody: names no field of the template',
        'template.dispatch[1].when.danger: "yes" is not an option of the field (是, 否)',
        'template.dispatch[1].departments: must name at least one department',
        'template.dispatch[2].when: must be an object with at least one condition',
        'template.dispatch[2].departments: unknown department D-NOPE',
        'template.dispatch[2].note: must be a string, not a number',
        'template.dispatch[3]: unknown field "priority"',
        'template.dispatch[3].when.operator: must be a string or a non-empty array of strings',
        'template.dispatch[4].departments: must be an array of strings, not missing',
        'template.dispatch[5]: must be an object, not a string',
      ]);
    });

    it('does not check matrix codes and departments without a matrix', () => {
      const template = { kind: 'repair', matrixCode: 'C99-01', fields: [], description: '', dispatch: [{ when: { a: 'x' }, departments: ['D-NOPE'] }] };
      expect(errorsOf(JSON.stringify({ code: 'A', title: 't', template })).map((error) => error.message)).toEqual(['template.dispatch[0].when.a: names no field of the template']);
    });

    it('requires kind, fields and description', () => {
      expect(errorsOf('{"code":"A","title":"t","template":{}}').map((error) => error.message)).toEqual([
        'template.kind: must be one of consultation, opinion, suggestion, complaint, report, praise, service, repair, not missing',
        'template.fields: is required (use [] for a template without fields)',
        'template.description: is required',
      ]);
    });
  });

  describe('edge cases', () => {
    it('accepts an empty file and a file of blank lines as an empty library', () => {
      expect(parseLibraryJsonl('')).toEqual({ ok: true, scenarios: [] });
      expect(parseLibraryJsonl('\n  \r\n\t\n')).toEqual({ ok: true, scenarios: [] });
    });

    it('ignores a leading byte-order mark', () => {
      expect(scenariosOf('\uFEFF{"code":"A","title":"t"}\n')).toEqual([{ code: 'A', title: 't' }]);
    });

    it('reads CRLF and lone CR line ends and numbers lines the same way', () => {
      expect(scenariosOf('{"code":"A","title":"t"}\r\n{"code":"B","title":"u"}\r\n').map((scenario) => scenario.code)).toEqual(['A', 'B']);
      expect(errorsOf('{"code":"A","title":"t"}\r\r\n{"code":"B"}').map((error) => error.line)).toEqual([3]);
    });

    it('rejects lines that are JSON but not objects', () => {
      expect(errorsOf('[1]\n"text"\nnull\n42\ntrue')).toEqual([
        { line: 1, message: 'must be a JSON object, not an array' },
        { line: 2, message: 'must be a JSON object, not a string' },
        { line: 3, message: 'must be a JSON object, not null' },
        { line: 4, message: 'must be a JSON object, not a number' },
        { line: 5, message: 'must be a JSON object, not a boolean' },
      ]);
    });

    it('rejects huge numbers: an overflowing sensitivity or time limit, a numeric code', () => {
      const text = [
        '{"code":"A","title":"t","sensitivity":1e400}',
        '{"code":"B","title":"t","template":{"kind":"repair","fields":[],"description":"","timeLimitHours":1e400}}',
        '{"code":12345678901234567890,"title":"t"}',
        '{"code":"C","title":"t","sensitivity":1.0000000000000001}',
      ].join('\n');
      expect(errorsOf(text)).toEqual([
        { line: 1, message: 'sensitivity: must be 0, 1, 2 or 3, not Infinity' },
        { line: 2, message: 'template.timeLimitHours: must be a number of hours above 0 and at most 8784, not Infinity' },
        { line: 3, message: 'code: must be a string, not a number' },
      ]);
    });

    it('keeps unicode exactly: CJK, emoji, U+2028 inside strings, full-width forms unchanged', () => {
      const scenario: Scenario = { code: '停电-001', title: '停电了😡\u2028怎么办', phrasings: ['ＡＢＣ全角', '\u{20BB7}字'] };
      const text = serializeLibraryJsonl([scenario]);
      expect(text.split('\n')).toHaveLength(2);
      expect(scenariosOf(text)).toEqual([scenario]);
    });

    it('reports an unknown __proto__ key instead of changing the prototype', () => {
      expect(errorsOf('{"code":"A","title":"t","__proto__":{"x":1}}')).toEqual([{ line: 1, message: 'unknown field "__proto__"' }]);
    });

    it('rejects a __proto__ field name and dispatch condition', () => {
      const template = { kind: 'repair', fields: [{ name: '__proto__', label: 'x', type: 'text' }], description: '' };
      expect(errorsOf(JSON.stringify({ code: 'A', title: 't', template })).map((error) => error.message)).toEqual([
        'template.fields[0].name: must be an identifier (ASCII letters, digits, _; not starting with a digit), not "__proto__"',
      ]);
      const rule = '{"code":"B","title":"t","template":{"kind":"repair","fields":[],"description":"","dispatch":[{"when":{"__proto__":"x"},"departments":["D"]}]}}';
      expect(errorsOf(rule).map((error) => error.message)).toEqual(['template.dispatch[0].when.__proto__: is not a usable field name']);
    });

    it('reports a truncated JSON line', () => {
      expect(errorsOf('{"code":"A","title":"t"').map((error) => [error.line, error.message.startsWith('not valid JSON: ')])).toEqual([[1, true]]);
    });
  });
});

/** The engine's own JSON.parse message for a text, so the test does not depend on the Node version's wording. */
function jsonError(text: string): string {
  try {
    JSON.parse(text);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected invalid JSON');
}

describe('serializeLibraryJsonl', () => {
  it('writes one object per line in canonical key order with a newline after each', () => {
    const unordered = { title: '停电', sensitivity: 2, code: 'TD-1', phrasings: ['没电了'] } as Scenario;
    expect(serializeLibraryJsonl([unordered, { code: 'TD-2', title: 'x' }])).toBe('{"code":"TD-1","title":"停电","phrasings":["没电了"],"sensitivity":2}\n{"code":"TD-2","title":"x"}\n');
  });

  it('orders template, field and rule keys canonically and leaves out undefined values', () => {
    const scenario = {
      code: 'A',
      title: 't',
      category: undefined,
      template: {
        timeLimitHours: 4,
        description: 'd',
        fields: [{ required: true, type: 'text', label: '地址', name: 'addr', help: undefined }],
        dispatch: [{ departments: ['D-OPS'], when: { addr: 'x' } }],
        kind: 'repair',
      },
    } as unknown as Scenario;
    expect(serializeLibraryJsonl([scenario])).toBe(
      '{"code":"A","title":"t","template":{"kind":"repair","fields":[{"name":"addr","label":"地址","type":"text","required":true}],"description":"d","dispatch":[{"when":{"addr":"x"},"departments":["D-OPS"]}],"timeLimitHours":4}}\n',
    );
  });

  it('round-trips: export, import and export again give the same text and equal scenarios', () => {
    const library = [full, { code: 'FAQ-1', title: '如何交电费', script: [] }, { code: 'B', title: 'b', sensitivity: 0 as const }];
    const text = serializeLibraryJsonl(library);
    const imported = scenariosOf(text, matrix);
    expect(imported).toEqual(library);
    expect(serializeLibraryJsonl(imported)).toBe(text);
  });

  describe('edge cases', () => {
    it('writes nothing for an empty library, which imports as empty', () => {
      expect(serializeLibraryJsonl([])).toBe('');
      expect(parseLibraryJsonl('')).toEqual({ ok: true, scenarios: [] });
    });

    it('escapes newlines inside values so each scenario stays on one line', () => {
      const text = serializeLibraryJsonl([{ code: 'A', title: '第一行\n第二行\r第三行' }]);
      expect(text).toBe('{"code":"A","title":"第一行\\n第二行\\r第三行"}\n');
      expect(scenariosOf(text)).toEqual([{ code: 'A', title: '第一行\n第二行\r第三行' }]);
    });
  });
});

describe('validateTemplate', () => {
  it('returns the canonical template when it is valid', () => {
    expect(validateTemplate({ description: '{a}', fields: [{ type: 'text', label: 'A', name: 'a' }], kind: 'praise' })).toEqual({
      template: { kind: 'praise', fields: [{ name: 'a', label: 'A', type: 'text' }], description: '{a}' },
      errors: [],
    });
  });

  describe('edge cases', () => {
    it('rejects a non-object and prefixes messages with the given path', () => {
      expect(validateTemplate(null)).toEqual({ errors: ['template: must be an object, not null'] });
      expect(validateTemplate({ kind: 'praise', fields: 'a', description: '' }, undefined, 'draft')).toEqual({ errors: ['draft.fields: must be an array, not a string'] });
    });
  });
});
