// Specification of responsibility-matrix validation and work-order routing.
import { describe, it, expect } from 'vitest';
import type { ResponsibilityMatrix } from './matrix.ts';
import { routeOrder, ruleMatches, validateMatrix } from './routing.ts';
import type { DispatchRule, WorkOrderTemplate } from './scenario.ts';

const matrix: ResponsibilityMatrix = {
  departments: [
    { code: 'D-MKT', name: '市场营销部', role: 'owning' },
    { code: 'D-OPS', name: '运维检修部', role: 'owning' },
    { code: 'D-BIL', name: '电费核算中心', role: 'responsible' },
    { code: 'D-DIS', name: '配电运检室', role: 'responsible' },
    { code: 'D-EV', name: '电动汽车服务公司', role: 'responsible' },
    { code: 'D-STN', name: '各供电所', role: 'responsible' },
  ],
  entries: [
    { code: 'C05-01', level1: '营业投诉', level2: '电费电价', level3: '电费计算差错', owner: 'D-MKT', responsible: ['D-BIL'] },
    { code: 'C04-01', level1: '停送电', level2: '故障停电', level3: '抢修不及时', owner: 'D-OPS', responsible: ['D-DIS', 'D-STN'] },
    { code: 'C06-01', level1: '充电服务', level2: '充电设施', level3: '充电桩故障', owner: 'D-MKT', responsible: ['D-STN'] },
  ],
};

/** A copy of the fixture with some entries or departments replaced. */
function withMatrix(change: Partial<ResponsibilityMatrix>): ResponsibilityMatrix {
  return { departments: change.departments ?? matrix.departments, entries: change.entries ?? matrix.entries };
}

const base = { code: 'X1', level1: '一级', level2: '二级', level3: '三级' };

describe('validateMatrix', () => {
  it('accepts a matrix where every entry has one owning and known responsible departments', () => {
    expect(validateMatrix(matrix)).toEqual([]);
  });

  it('rejects an owner that is not an owning department', () => {
    expect(validateMatrix(withMatrix({ entries: [{ ...base, owner: 'D-BIL', responsible: ['D-DIS'] }] }))).toEqual([
      { problem: 'owner-not-owning', entry: 'X1', department: 'D-BIL', message: 'entry X1 is owned by D-BIL, which is not an owning department' },
    ]);
  });

  it('rejects an entry without responsible departments', () => {
    expect(validateMatrix(withMatrix({ entries: [{ ...base, owner: 'D-MKT', responsible: [] }] }))).toEqual([
      { problem: 'no-responsible', entry: 'X1', message: 'entry X1 has no responsible department' },
    ]);
  });

  it('rejects unknown owner and responsible department codes', () => {
    expect(validateMatrix(withMatrix({ entries: [{ ...base, owner: 'D-XXX', responsible: ['D-DIS', 'D-YYY'] }] }))).toEqual([
      { problem: 'unknown-department', entry: 'X1', department: 'D-XXX', message: 'entry X1 names unknown department D-XXX' },
      { problem: 'unknown-department', entry: 'X1', department: 'D-YYY', message: 'entry X1 names unknown department D-YYY' },
    ]);
  });

  it('rejects duplicate entry and department codes, reporting each repeat', () => {
    const errors = validateMatrix({
      departments: [...matrix.departments, { code: 'D-MKT', name: '重复', role: 'owning' }],
      entries: [...matrix.entries, { ...matrix.entries[0] }],
    });
    expect(errors).toEqual([
      { problem: 'duplicate-department', department: 'D-MKT', message: 'department code D-MKT is used more than once' },
      { problem: 'duplicate-entry', entry: 'C05-01', message: 'entry code C05-01 is used more than once' },
    ]);
  });

  describe('edge cases', () => {
    it('accepts an empty matrix', () => {
      expect(validateMatrix({ departments: [], entries: [] })).toEqual([]);
    });

    it('counts an owner list of two, an empty list or a blank string as the wrong number of owners', () => {
      const entries = [
        { ...base, code: 'A', owner: ['D-MKT', 'D-OPS'] as unknown as string, responsible: ['D-DIS'] },
        { ...base, code: 'B', owner: [] as unknown as string, responsible: ['D-DIS'] },
        { ...base, code: 'C', owner: '  ', responsible: ['D-DIS'] },
      ];
      expect(validateMatrix(withMatrix({ entries })).map((error) => [error.problem, error.entry, error.message])).toEqual([
        ['owner-count', 'A', 'entry A has 2 owning departments; exactly one is required'],
        ['owner-count', 'B', 'entry B has 0 owning departments; exactly one is required'],
        ['owner-count', 'C', 'entry C has 0 owning departments; exactly one is required'],
      ]);
    });

    it('accepts an owner given as a list of exactly one owning department', () => {
      expect(validateMatrix(withMatrix({ entries: [{ ...base, owner: ['D-MKT'] as unknown as string, responsible: ['D-DIS'] }] }))).toEqual([]);
    });

    it('rejects a missing responsible list, blank levels and unknown roles', () => {
      const errors = validateMatrix({
        departments: [{ code: 'D-A', name: 'A', role: 'boss' as 'owning' }],
        entries: [{ code: 'Y', level1: '', level2: '二级', level3: ' ', owner: 'D-A' } as never],
      });
      expect(errors.map((error) => error.problem)).toEqual(['bad-role', 'missing-level', 'missing-level', 'owner-not-owning', 'no-responsible']);
    });
  });
});

describe('ruleMatches', () => {
  const rule: DispatchRule = { when: { pileOperator: ['国网电动汽车公司', '省电动汽车公司'], faultType: '无法充电' }, departments: ['D-EV'] };

  it('holds when every condition holds, lists being one-of', () => {
    expect(ruleMatches(rule, { pileOperator: '省电动汽车公司', faultType: '无法充电' })).toBe(true);
  });

  it('fails when one condition fails', () => {
    expect(ruleMatches(rule, { pileOperator: '省电动汽车公司', faultType: '扣费异常' })).toBe(false);
  });

  describe('edge cases', () => {
    it('never matches a missing field', () => {
      expect(ruleMatches({ when: { a: '' }, departments: [] }, {})).toBe(false);
    });

    it('matches an empty string only against an empty value', () => {
      expect(ruleMatches({ when: { a: '' }, departments: [] }, { a: '' })).toBe(true);
    });

    it('compares exactly, without trimming or case folding', () => {
      expect(ruleMatches({ when: { a: 'Yes' }, departments: [] }, { a: 'yes' })).toBe(false);
      expect(ruleMatches({ when: { a: 'x' }, departments: [] }, { a: 'x ' })).toBe(false);
    });

    it('does not read conditions through the prototype chain', () => {
      expect(ruleMatches({ when: { toString: 'x' }, departments: [] }, {})).toBe(false);
    });
  });
});

describe('routeOrder', () => {
  const evTemplate: Pick<WorkOrderTemplate, 'matrixCode' | 'dispatch'> = {
    matrixCode: 'C06-01',
    dispatch: [
      { when: { pileOperator: '国网电动汽车公司' }, departments: ['D-EV'], note: '国网自营桩由电动汽车公司处理' },
      { when: { pileOperator: ['国网电动汽车公司', '社会运营商'] }, departments: ['D-OPS', 'D-DIS'] },
      { when: { pileOperator: '小区自用桩', faultType: '漏电' }, departments: ['D-OPS'] },
    ],
  };

  it('routes by the matrix entry when no rule matches', () => {
    expect(routeOrder({ matrixCode: 'C04-01' }, {}, matrix)).toEqual({
      ok: true,
      owner: 'D-OPS',
      responsible: ['D-DIS', 'D-STN'],
      reason: '责任矩阵 C04-01 停送电/故障停电/抢修不及时',
    });
  });

  it('takes the first matching rule, keeping the matrix owner when the rule names only responsible departments', () => {
    expect(routeOrder(evTemplate, { pileOperator: '国网电动汽车公司' }, matrix)).toEqual({
      ok: true,
      owner: 'D-MKT',
      responsible: ['D-EV'],
      matchedRule: evTemplate.dispatch![0],
      reason: '派单规则 国网自营桩由电动汽车公司处理',
    });
  });

  it('makes an owning department named by the rule the owner and the others responsible', () => {
    expect(routeOrder(evTemplate, { pileOperator: '社会运营商' }, matrix)).toEqual({
      ok: true,
      owner: 'D-OPS',
      responsible: ['D-DIS'],
      matchedRule: evTemplate.dispatch![1],
      reason: '派单规则 pileOperator=国网电动汽车公司|社会运营商',
    });
  });

  it('keeps the matrix responsible departments when the rule names only an owner', () => {
    expect(routeOrder(evTemplate, { pileOperator: '小区自用桩', faultType: '漏电' }, matrix)).toMatchObject({
      ok: true,
      owner: 'D-OPS',
      responsible: ['D-STN'],
      reason: '派单规则 pileOperator=小区自用桩, faultType=漏电',
    });
  });

  it('falls back to the matrix when a rule matches only partly', () => {
    expect(routeOrder(evTemplate, { pileOperator: '小区自用桩', faultType: '无法充电' }, matrix)).toEqual({
      ok: true,
      owner: 'D-MKT',
      responsible: ['D-STN'],
      reason: '责任矩阵 C06-01 充电服务/充电设施/充电桩故障',
    });
  });

  it('returns a copy of the responsible list, never the matrix array itself', () => {
    const route = routeOrder({ matrixCode: 'C05-01' }, {}, matrix);
    expect(route.ok && route.responsible).toEqual(['D-BIL']);
    expect(route.ok && route.responsible).not.toBe(matrix.entries[0].responsible);
  });

  describe('edge cases', () => {
    it('fails for a template without matrix code and without a matching rule', () => {
      expect(routeOrder({}, {}, matrix)).toEqual({ ok: false, error: 'no-matrix-code', reason: 'the template has no matrix code and no dispatch rule matched' });
    });

    it('fails for a matrix code the matrix does not have, even when a rule would match', () => {
      expect(routeOrder({ ...evTemplate, matrixCode: 'C99-99' }, { pileOperator: '国网电动汽车公司' }, matrix)).toEqual({
        ok: false,
        error: 'unknown-matrix-code',
        reason: 'matrix code C99-99 is not in the responsibility matrix',
      });
    });

    it('fails for a rule naming an unknown department', () => {
      expect(routeOrder({ matrixCode: 'C04-01', dispatch: [{ when: { a: '1' }, departments: ['D-NOPE'] }] }, { a: '1' }, matrix)).toEqual({
        ok: false,
        error: 'unknown-department',
        reason: 'dispatch rule names unknown department D-NOPE',
      });
    });

    it('routes by a rule alone when the template has no matrix code but the rule names an owner', () => {
      expect(routeOrder({ dispatch: [{ when: { a: '1' }, departments: ['D-MKT'] }] }, { a: '1' }, matrix)).toMatchObject({ ok: true, owner: 'D-MKT', responsible: ['D-MKT'] });
    });

    it('fails when a rule names no owner and there is no matrix entry to supply one', () => {
      expect(routeOrder({ dispatch: [{ when: { a: '1' }, departments: ['D-EV'] }] }, { a: '1' }, matrix)).toEqual({
        ok: false,
        error: 'no-owner',
        reason: 'the dispatch rule names no owning department and the template has no matrix code',
      });
    });
  });
});
