// Specification of work-order filing: field validation and normalisation, preparation (route, deadline, repeat flag) and masking.
import { describe, it, expect } from 'vitest';
import type { ResponsibilityMatrix } from './matrix.ts';
import type { Scenario, TemplateField, WorkOrderTemplate } from './scenario.ts';
import {
  CHANNELS,
  isoDate,
  isoDateTime,
  maskAccount,
  maskPhone,
  phoneDigits,
  prepareWorkOrder,
  repeatsOf,
  validateOrderFields,
  descriptionValues,
  wholeValuePattern,
  type PastOrder,
} from './workorder.ts';

/** A one-field template for checking one field type. */
function one(field: Omit<TemplateField, 'name' | 'label'>): Pick<WorkOrderTemplate, 'fields'> {
  return { fields: [{ name: 'f', label: '字段', ...field }] };
}

describe('validateOrderFields', () => {
  it('reports each missing required field with its label and keeps every field in values', () => {
    const template = one({ type: 'text', required: true });
    template.fields.push({ name: 'g', label: '备注', type: 'text' });
    expect(validateOrderFields(template, {})).toEqual({ ok: false, values: { f: '', g: '' }, errors: { f: { key: 'required', params: { label: '字段' } } } });
  });

  it('trims and NFKC-normalises text (full-width letters, digits and punctuation fold)', () => {
    expect(validateOrderFields(one({ type: 'text' }), { f: '  ＡＢＣ１２３，人民路  ' })).toEqual({ ok: true, values: { f: 'ABC123,人民路' }, errors: {} });
  });

  it('treats whitespace-only input as empty', () => {
    expect(validateOrderFields(one({ type: 'text', required: true }), { f: ' \u3000\t' }).errors).toEqual({ f: { key: 'required', params: { label: '字段' } } });
  });

  it('accepts a select value among the options and rejects any other with the options as params', () => {
    const template = one({ type: 'select', options: ['国网电动汽车公司', '社会运营商'] });
    expect(validateOrderFields(template, { f: '社会运营商' })).toEqual({ ok: true, values: { f: '社会运营商' }, errors: {} });
    expect(validateOrderFields(template, { f: '其他' }).errors).toEqual({ f: { key: 'option', params: { label: '字段', options: ['国网电动汽车公司', '社会运营商'] } } });
  });

  it('matches a select value to its option after NFKC on both sides and stores the option as written', () => {
    const template = one({ type: 'select', options: ['其他（请说明）', '社会运营商'] });
    expect(validateOrderFields(template, { f: '其他(请说明)' }).values.f).toBe('其他（请说明）');
    expect(validateOrderFields(template, { f: ' 其他（请说明） ' }).values.f).toBe('其他（请说明）');
  });

  it('normalises yes/no answers to 是/否', () => {
    const template = one({ type: 'yesno' });
    expect(['是', 'YES', 'y', 'true', '1', '有', 'on'].map((f) => validateOrderFields(template, { f }).values.f)).toEqual(['是', '是', '是', '是', '是', '是', '是']);
    expect(['否', 'No', 'n', 'false', '0', '无'].map((f) => validateOrderFields(template, { f }).values.f)).toEqual(['否', '否', '否', '否', '否', '否']);
    expect(validateOrderFields(template, { f: true }).values.f).toBe('是');
    expect(validateOrderFields(template, { f: '也许' }).errors).toEqual({ f: { key: 'option', params: { label: '字段', options: ['是', '否'] } } });
  });

  it('normalises phones to digits and rejects what is neither a mobile nor a landline with area code', () => {
    const template = one({ type: 'phone' });
    expect(validateOrderFields(template, { f: '１３８-1234-5678' }).values.f).toBe('13812345678');
    expect(validateOrderFields(template, { f: '010-8765 4321' }).values.f).toBe('01087654321');
    expect(validateOrderFields(template, { f: '87654321' }).errors).toEqual({ f: { key: 'phone', params: { label: '字段' } } });
  });

  it('normalises accounts to 10 digits and rejects other lengths', () => {
    const template = one({ type: 'account' });
    expect(validateOrderFields(template, { f: '3100 012 345' }).values.f).toBe('3100012345');
    expect(validateOrderFields(template, { f: '310001234' }).errors).toEqual({ f: { key: 'account', params: { label: '字段' } } });
    expect(validateOrderFields(template, { f: '310001234X' }).errors.f?.key).toBe('account');
  });

  it('accepts numbers with sign, decimals and thousands separators and rejects words', () => {
    const template = one({ type: 'number' });
    expect(['12', '-3.5', '+7', '.5', '1,234.5', '１２'].map((f) => validateOrderFields(template, { f }).values.f)).toEqual(['12', '-3.5', '+7', '.5', '1234.5', '12']);
    expect(validateOrderFields(template, { f: 42 }).values.f).toBe('42');
    for (const f of ['12a', '1e5', 'NaN', '3.', '--1']) {
      expect(validateOrderFields(template, { f }).errors).toEqual({ f: { key: 'number', params: { label: '字段' } } });
    }
  });

  it('normalises dates to ISO and rejects impossible ones with the expected format as a param', () => {
    const template = one({ type: 'date' });
    expect(validateOrderFields(template, { f: '2026年11月5日' }).values.f).toBe('2026-11-05');
    expect(validateOrderFields(template, { f: '2026-02-30' }).errors).toEqual({ f: { key: 'date', params: { label: '字段', format: 'YYYY-MM-DD' } } });
  });

  it('normalises date-times to local ISO minutes', () => {
    const template = one({ type: 'datetime' });
    expect(validateOrderFields(template, { f: '2026/11/5 8:05' }).values.f).toBe('2026-11-05T08:05');
    expect(validateOrderFields(template, { f: '2026-11-05 24:00' }).errors).toEqual({ f: { key: 'date', params: { label: '字段', format: 'YYYY-MM-DD HH:mm' } } });
  });

  it('checks a pattern against the whole normalised value and passes its message', () => {
    const template = one({ type: 'text', pattern: '\\d{6}', patternMessage: '请输入6位邮编' });
    expect(validateOrderFields(template, { f: '１０００８３' })).toEqual({ ok: true, values: { f: '100083' }, errors: {} });
    expect(validateOrderFields(template, { f: '1000834' }).errors).toEqual({ f: { key: 'pattern', params: { label: '字段', message: '请输入6位邮编' } } });
    expect(validateOrderFields(one({ type: 'text', pattern: 'a+' }), { f: 'b' }).errors).toEqual({ f: { key: 'pattern', params: { label: '字段' } } });
  });

  it('checks a pattern after type normalisation (phone digits)', () => {
    const template = one({ type: 'phone', pattern: '1[3-9]\\d{9}', patternMessage: '仅限手机号' });
    expect(validateOrderFields(template, { f: '138 1234 5678' }).ok).toBe(true);
    expect(validateOrderFields(template, { f: '0571-87654321' }).errors.f?.key).toBe('pattern');
  });

  it('reports all invalid fields at once and keeps what was typed', () => {
    const template: Pick<WorkOrderTemplate, 'fields'> = {
      fields: [
        { name: 'name', label: '姓名', type: 'text', required: true },
        { name: 'tel', label: '电话', type: 'phone', required: true },
        { name: 'account', label: '户号', type: 'account' },
      ],
    };
    expect(validateOrderFields(template, { name: '', tel: '123', account: '31000' })).toEqual({
      ok: false,
      values: { name: '', tel: '123', account: '31000' },
      errors: { name: { key: 'required', params: { label: '姓名' } }, tel: { key: 'phone', params: { label: '电话' } }, account: { key: 'account', params: { label: '户号' } } },
    });
  });

  describe('edge cases', () => {
    it('drops values for names the template does not have, including __proto__', () => {
      const values = JSON.parse('{"f":"x","extra":"y","__proto__":"z"}') as Record<string, unknown>;
      expect(validateOrderFields(one({ type: 'text' }), values)).toEqual({ ok: true, values: { f: 'x' }, errors: {} });
    });

    it('treats objects, arrays and null as empty', () => {
      expect(validateOrderFields(one({ type: 'text', required: true }), { f: ['a'] }).errors.f?.key).toBe('required');
      expect(validateOrderFields(one({ type: 'text' }), { f: null }).values.f).toBe('');
    });

    it('does not enforce a pattern that does not compile', () => {
      expect(validateOrderFields(one({ type: 'text', pattern: '(' }), { f: 'x' }).ok).toBe(true);
    });

    it('accepts a template without fields', () => {
      expect(validateOrderFields({ fields: [] }, { a: '1' })).toEqual({ ok: true, values: {}, errors: {} });
    });
  });
});

describe('phoneDigits', () => {
  it('accepts mainland mobiles 13x–19x', () => {
    expect(['13812345678', '19912345678', '+86 138 1234 5678', '0086-13812345678'].map(phoneDigits)).toEqual(['13812345678', '19912345678', '13812345678', '13812345678']);
  });

  it('accepts landlines with 3-digit (010, 02x) and 4-digit area codes', () => {
    expect(['010-12345678', '(021)87654321', '0571-87654321', '0571.8765432', '0898 6543210'].map(phoneDigits)).toEqual([
      '01012345678',
      '02187654321',
      '057187654321',
      '05718765432',
      '08986543210',
    ]);
  });

  describe('edge cases', () => {
    it('rejects mobiles starting 10–12, wrong lengths, landlines without area code and letters', () => {
      expect(['12812345678', '1381234567', '138123456789', '87654321', '010-1234567', '0571-876543', 'phone', '', '95598'].map(phoneDigits)).toEqual(
        Array(9).fill(undefined),
      );
    });
  });
});

describe('isoDate and isoDateTime', () => {
  it('reads dashes, slashes, dots and 年月日 with or without zero padding', () => {
    expect(['2026-11-05', '2026/11/5', '2026.1.5', '2026年1月5日', '2026年1月5'].map(isoDate)).toEqual(['2026-11-05', '2026-11-05', '2026-01-05', '2026-01-05', '2026-01-05']);
  });

  it('keeps minutes and drops seconds of a date-time', () => {
    expect(isoDateTime('2026-11-05T23:59:59')).toBe('2026-11-05T23:59');
  });

  describe('edge cases', () => {
    it('knows leap years and month lengths', () => {
      expect([isoDate('2024-02-29'), isoDate('2026-02-29'), isoDate('2026-04-31'), isoDate('2026-13-01'), isoDate('2026-00-10')]).toEqual([
        '2024-02-29',
        undefined,
        undefined,
        undefined,
        undefined,
      ]);
    });

    it('rejects two-digit years, trailing text and bad times', () => {
      expect([isoDate('26-11-05'), isoDate('2026-11-05x'), isoDateTime('2026-11-05 12:60'), isoDateTime('2026-11-05 12:00:60'), isoDateTime('2026-11-05')]).toEqual([
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
      ]);
    });
  });
});

describe('wholeValuePattern', () => {
  it('anchors the pattern to the whole value, including alternations', () => {
    const pattern = wholeValuePattern('a|b');
    expect(['a', 'b', 'ab', 'xa'].map((value) => pattern!.test(value))).toEqual([true, true, false, false]);
  });

  it('returns undefined for a pattern that does not compile', () => {
    expect(wholeValuePattern('[')).toBeUndefined();
  });
});

const matrix: ResponsibilityMatrix = {
  departments: [
    { code: 'D-MKT', name: '市场营销部', role: 'owning' },
    { code: 'D-OPS', name: '运维检修部', role: 'owning' },
    { code: 'D-BIL', name: '电费核算中心', role: 'responsible' },
    { code: 'D-DIS', name: '配电运检室', role: 'responsible' },
    { code: 'D-EV', name: '电动汽车服务公司', role: 'responsible' },
  ],
  entries: [
    { code: 'C05-01', level1: '营业投诉', level2: '电费电价', level3: '电费计算差错', owner: 'D-MKT', responsible: ['D-BIL'] },
    { code: 'C04-01', level1: '停送电', level2: '故障停电', level3: '抢修不及时', owner: 'D-OPS', responsible: ['D-DIS'] },
  ],
};

const complaint: Scenario = {
  code: 'DF-010',
  title: '电费计算有误投诉',
  template: {
    kind: 'complaint',
    matrixCode: 'C05-01',
    fields: [
      { name: 'name', label: '客户姓名', type: 'text', required: true },
      { name: 'account', label: '户号', type: 'account', required: true },
      { name: 'tel', label: '联系电话', type: 'phone', required: true },
      { name: 'month', label: '账单月份', type: 'text' },
    ],
    description: '客户{name}（户号{account}）反映{month}电费计算有误，要求核查。',
  },
};

const now = new Date('2026-11-25T02:00:00Z');
const goodValues = { name: ' 张三 ', account: '3100012345', tel: '138 1234 5678', month: '' };

describe('descriptionValues', () => {
  it('writes a date-time with a space for the description and leaves other values as stored', () => {
    const template = { fields: [{ name: 'at', label: '时间', type: 'datetime' as const }, { name: 'note', label: '说明', type: 'text' as const }] };
    expect(descriptionValues(template, { at: '2026-11-24T15:30', note: 'A T B' })).toEqual({ at: '2026-11-24 15:30', note: 'A T B' });
    expect(descriptionValues(template, { at: '', note: '' })).toEqual({ at: '', note: '' });
  });
});

describe('prepareWorkOrder', () => {
  it('prepares a complaint: normalised values, filled description, classification, route and a 144-hour deadline', () => {
    expect(prepareWorkOrder({ scenario: complaint, values: goodValues, channel: '95598', now, matrix, recentOrders: [], repeatWindowDays: 30 })).toEqual({
      ok: true,
      order: {
        scenarioCode: 'DF-010',
        kind: 'complaint',
        channel: '95598',
        values: { name: '张三', account: '3100012345', tel: '13812345678', month: '' },
        description: '客户张三（户号3100012345）反映电费计算有误，要求核查。',
        classification: { matrixCode: 'C05-01', level1: '营业投诉', level2: '电费电价', level3: '电费计算差错' },
        route: { ok: true, owner: 'D-MKT', responsible: ['D-BIL'], reason: '责任矩阵 C05-01 营业投诉/电费电价/电费计算差错' },
        account: '3100012345',
        phone: '13812345678',
        createdAt: now,
        timeLimitHours: 144,
        deadline: new Date('2026-12-01T02:00:00Z'),
        repeat: false,
        repeatOf: [],
      },
    });
  });

  it('uses the template time limit over the kind default (repair: 4 h by default, here 2 h)', () => {
    const repair: WorkOrderTemplate = { kind: 'repair', matrixCode: 'C04-01', fields: [], description: '故障报修', timeLimitHours: 2 };
    const withOwn = prepareWorkOrder({ scenario: { code: 'GZ-1' }, template: repair, values: {}, channel: 'online', now, matrix });
    const withDefault = prepareWorkOrder({ scenario: { code: 'GZ-1' }, template: { ...repair, timeLimitHours: undefined }, values: {}, channel: 'online', now, matrix });
    expect(withOwn.ok && withOwn.order.deadline).toEqual(new Date('2026-11-25T04:00:00Z'));
    expect(withDefault.ok && withDefault.order.deadline).toEqual(new Date('2026-11-25T06:00:00Z'));
  });

  it('routes by a matching dispatch rule', () => {
    const template: WorkOrderTemplate = {
      kind: 'repair',
      matrixCode: 'C04-01',
      fields: [{ name: 'operator', label: '运维主体', type: 'select', options: ['国网电动汽车公司', '其他'] }],
      description: '充电桩故障，运维主体{operator}',
      dispatch: [{ when: { operator: '国网电动汽车公司' }, departments: ['D-EV'] }],
    };
    const result = prepareWorkOrder({ scenario: { code: 'EV-1' }, template, values: { operator: '国网电动汽车公司' }, channel: '12345', now, matrix });
    expect(result.ok && result.order.route).toEqual({ ok: true, owner: 'D-OPS', responsible: ['D-EV'], matchedRule: template.dispatch![0], reason: '派单规则 operator=国网电动汽车公司' });
  });

  it('flags a repeat complaint with the ids of earlier complaints on the same account and situation within the window', () => {
    const recentOrders: PastOrder[] = [
      { id: 'W1', kind: 'complaint', account: '3100012345', matrixCode: 'C05-01', createdAt: new Date('2026-11-10T00:00:00Z') },
      { id: 'W2', kind: 'consultation', account: '3100012345', matrixCode: 'C05-01', createdAt: new Date('2026-11-20T00:00:00Z') },
      { id: 'W3', kind: 'complaint', account: '3100099999', matrixCode: 'C05-01', createdAt: new Date('2026-11-20T00:00:00Z') },
      { id: 'W4', kind: 'complaint', account: '3100012345', matrixCode: 'C04-01', createdAt: new Date('2026-11-20T00:00:00Z') },
      { id: 'W5', kind: 'complaint', account: '3100012345', matrixCode: 'C05-01', createdAt: new Date('2026-10-01T00:00:00Z') },
    ];
    const result = prepareWorkOrder({ scenario: complaint, values: goodValues, channel: '95598', now, matrix, recentOrders, repeatWindowDays: 30 });
    expect(result.ok && [result.order.repeat, result.order.repeatOf]).toEqual([true, ['W1']]);
  });

  it('does not flag non-complaints even with matching earlier complaints', () => {
    const recentOrders: PastOrder[] = [{ id: 'W1', kind: 'complaint', account: '3100012345', matrixCode: 'C05-01', createdAt: new Date('2026-11-20T00:00:00Z') }];
    const opinion: Scenario = { ...complaint, template: { ...complaint.template!, kind: 'opinion' } };
    const result = prepareWorkOrder({ scenario: opinion, values: goodValues, channel: '95598', now, matrix, recentOrders });
    expect(result.ok && [result.order.repeat, result.order.repeatOf]).toEqual([false, []]);
  });

  it('returns field errors and the typed values instead of an order when fields are invalid', () => {
    expect(prepareWorkOrder({ scenario: complaint, values: { ...goodValues, tel: '12345' }, channel: '95598', now, matrix })).toEqual({
      ok: false,
      values: { name: '张三', account: '3100012345', tel: '12345', month: '' },
      errors: { tel: { key: 'phone', params: { label: '联系电话' } } },
      problems: [],
    });
  });

  describe('edge cases', () => {
    it('accepts exactly the four channels', () => {
      expect(CHANNELS).toEqual(['95598', 'online', '12345', '12398']);
      for (const channel of CHANNELS) expect(prepareWorkOrder({ scenario: complaint, values: goodValues, channel, now, matrix }).ok).toBe(true);
    });

    it('rejects an unknown channel as a problem', () => {
      expect(prepareWorkOrder({ scenario: complaint, values: goodValues, channel: 'fax', now, matrix })).toMatchObject({
        ok: false,
        errors: {},
        problems: [{ key: 'channel', message: 'unknown channel fax; expected one of 95598, online, 12345, 12398' }],
      });
    });

    it('reports a scenario without template', () => {
      expect(prepareWorkOrder({ scenario: { code: 'FAQ-1' }, values: {}, channel: '95598', now, matrix })).toEqual({
        ok: false,
        values: {},
        errors: {},
        problems: [{ key: 'template', message: 'scenario FAQ-1 has no work-order template' }],
      });
    });

    it('leaves a consultation without matrix code or matching rule unrouted (answered on the call)', () => {
      const template: WorkOrderTemplate = { kind: 'consultation', fields: [], description: '咨询电价' };
      const result = prepareWorkOrder({ scenario: { code: 'DJ-1' }, template, values: {}, channel: '95598', now, matrix });
      expect(result.ok && [result.order.route, 'route' in result.order, result.order.classification, result.order.deadline]).toEqual([undefined, false, undefined, new Date('2026-11-26T02:00:00Z')]);
    });

    it('refuses any other kind without matrix code or matching rule', () => {
      const template: WorkOrderTemplate = { kind: 'opinion', fields: [], description: '意见' };
      expect(prepareWorkOrder({ scenario: { code: 'YJ-1' }, template, values: {}, channel: '95598', now, matrix })).toEqual({
        ok: false,
        values: {},
        errors: {},
        problems: [{ key: 'route', message: 'the template has no matrix code and no dispatch rule matched' }],
      });
    });

    it('reports a route failure as a problem (unknown matrix code)', () => {
      const broken: Scenario = { ...complaint, template: { ...complaint.template!, matrixCode: 'C99-01' } };
      expect(prepareWorkOrder({ scenario: broken, values: goodValues, channel: '95598', now, matrix })).toMatchObject({
        ok: false,
        problems: [{ key: 'route', message: 'matrix code C99-01 is not in the responsibility matrix' }],
      });
    });

    it('leaves account and phone out when the template has no such fields, and never flags a repeat then', () => {
      const template: WorkOrderTemplate = { kind: 'complaint', matrixCode: 'C05-01', fields: [], description: '投诉' };
      const recentOrders: PastOrder[] = [{ id: 'W1', kind: 'complaint', matrixCode: 'C05-01', createdAt: now }];
      const result = prepareWorkOrder({ scenario: { code: 'X' }, template, values: {}, channel: '95598', now, matrix, recentOrders });
      expect(result.ok && [result.order.account, result.order.phone, result.order.repeat]).toEqual([undefined, undefined, false]);
      expect(result.ok && 'account' in result.order).toBe(false);
    });

    it('does not share the now Date with the order', () => {
      const result = prepareWorkOrder({ scenario: complaint, values: goodValues, channel: '95598', now, matrix });
      expect(result.ok && result.order.createdAt).not.toBe(now);
    });
  });
});

describe('repeatsOf', () => {
  const at = (iso: string, id: string): PastOrder => ({ id, kind: 'complaint', account: '3100012345', matrixCode: 'C05-01', createdAt: new Date(iso) });

  it('counts complaints exactly at the window start and at now, not a millisecond earlier or later', () => {
    const orders = [at('2026-11-18T02:00:00.000Z', 'start'), at('2026-11-18T01:59:59.999Z', 'before'), at('2026-11-25T02:00:00.000Z', 'now'), at('2026-11-25T02:00:00.001Z', 'future')];
    expect(repeatsOf(orders, '3100012345', 'C05-01', now, 7)).toEqual(['start', 'now']);
  });

  describe('edge cases', () => {
    it('finds nothing with a zero-day window except orders filed at the same instant', () => {
      expect(repeatsOf([at('2026-11-25T01:00:00Z', 'a'), at('2026-11-25T02:00:00Z', 'b')], '3100012345', 'C05-01', now, 0)).toEqual(['b']);
    });

    it('finds nothing in an empty history', () => {
      expect(repeatsOf([], '3100012345', 'C05-01', now, 30)).toEqual([]);
    });
  });
});

describe('maskPhone and maskAccount', () => {
  it('shows 3 + 4 digits of a phone and 4 + 2 of an account', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskAccount('3100012345')).toBe('3100****45');
  });

  it('masks landlines the same way, ignoring separators', () => {
    expect(maskPhone('0571-87654321')).toBe('057****4321');
  });

  describe('edge cases', () => {
    it('masks short values completely and leaves empty ones empty', () => {
      expect([maskPhone('123456789'), maskPhone(''), maskAccount('3100123'), maskAccount('')]).toEqual(['****', '', '****', '']);
    });

    it('masks the shortest values that keep their ends', () => {
      expect([maskPhone('1234567890'), maskAccount('31001234')]).toEqual(['123****7890', '3100****34']);
    });
  });
});
