// Specification of placeholder finding and filling in scripts and work-order descriptions.
import { describe, it, expect } from 'vitest';
import type { TemplateField } from './scenario.ts';
import { fillDescription, fillScript, fillText, placeholdersIn } from './script.ts';

const fields: TemplateField[] = [
  { name: 'name', label: '客户姓名', type: 'text', required: true },
  { name: 'address', label: '地址', type: 'text', required: true },
  { name: 'note', label: '补充说明', type: 'textarea' },
];

describe('placeholdersIn', () => {
  it('lists placeholder names in order of first appearance without repeats', () => {
    expect(placeholdersIn('客户{name}反映{address}停电，请{name}保持电话畅通')).toEqual(['name', 'address']);
  });

  it('accepts ASCII identifiers with digits and underscores', () => {
    expect(placeholdersIn('{a1}{_b}{pile_no2}')).toEqual(['a1', '_b', 'pile_no2']);
  });

  it('ignores braces that do not hold an identifier', () => {
    expect(placeholdersIn('{户号} {1x} { name } {} {a-b} {{x}}')).toEqual(['x']);
  });
});

describe('fillText and fillScript', () => {
  it('fills known values and keeps unknown or missing placeholders visible', () => {
    expect(fillText('您好，{name}，您的户号是{account}', { name: '张先生' })).toBe('您好，张先生，您的户号是{account}');
  });

  it('treats blank values as missing', () => {
    expect(fillText('您好，{name}', { name: '   ' })).toBe('您好，{name}');
  });

  it('fills every occurrence', () => {
    expect(fillText('{name}/{name}', { name: '李' })).toBe('李/李');
  });

  it('fills each step of a script', () => {
    expect(fillScript(['您好{name}', '请提供户号', '{address}已安排抢修'], { name: '王女士', address: '人民路1号' })).toEqual([
      '您好王女士',
      '请提供户号',
      '人民路1号已安排抢修',
    ]);
  });

  describe('edge cases', () => {
    it('does not re-scan inserted values for placeholders', () => {
      expect(fillText('{a}{b}', { a: '{b}', b: 'X' })).toBe('{b}X');
    });

    it('inserts values containing $ patterns literally', () => {
      expect(fillText('金额{amount}', { amount: "$&$1$'" })).toBe("金额$&$1$'");
    });

    it('does not take placeholder values from the prototype chain', () => {
      expect(fillText('{toString}{constructor}', {})).toBe('{toString}{constructor}');
    });

    it('returns an empty script for no steps and text without placeholders unchanged', () => {
      expect(fillScript([], { name: 'x' })).toEqual([]);
      expect(fillText('请稍候', { name: 'x' })).toBe('请稍候');
    });
  });
});

describe('fillDescription', () => {
  it('fills every field and reports nothing when all are given', () => {
    expect(fillDescription({ fields, description: '客户{name}反映{address}停电。{note}' }, { name: '张三', address: '人民路1号', note: '家中有老人' })).toEqual({
      text: '客户张三反映人民路1号停电。家中有老人',
      missingRequired: [],
      unknown: [],
    });
  });

  it('leaves an empty optional field out of the text', () => {
    expect(fillDescription({ fields, description: '客户{name}反映停电。{note}' }, { name: '张三', note: '' })).toEqual({
      text: '客户张三反映停电。',
      missingRequired: [],
      unknown: [],
    });
  });

  it('drops a bracket group whose fields are all empty and optional (TS-003’s empty brackets)', () => {
    const staff: TemplateField[] = [...fields, { name: 'staff', label: '人员信息', type: 'text' }, { name: 'account', label: '户号', type: 'account' }];
    expect(fillDescription({ fields: staff, description: '客户{name}投诉{address}抢修人员（{staff}）态度差。' }, { name: '王', address: '人民路1号' }).text).toBe('客户王投诉人民路1号抢修人员态度差。');
    expect(fillDescription({ fields: staff, description: '客户{name}（户号{account}）反映停电。' }, { name: '王', account: '' }).text).toBe('客户王反映停电。');
    expect(fillDescription({ fields: staff, description: '客户{name}（户号{account}）反映停电。' }, { name: '王', account: '3100012345' }).text).toBe('客户王（户号3100012345）反映停电。');
  });

  it('drops a clause about an empty optional field with one delimiter, keeping the sentence ends', () => {
    const text = (description: string, values: Record<string, string>) => fillDescription({ fields, description }, values).text;
    expect(text('客户{name}反映停电，补充：{note}，{address}附近。', { name: '王', address: '人民路' })).toBe('客户王反映停电，人民路附近。');
    expect(text('客户{name}反映停电，补充说明{note}。', { name: '王' })).toBe('客户王反映停电。');
    expect(text('{note}，客户{name}反映停电。', { name: '王' })).toBe('客户王反映停电。');
    expect(text('客户{name}反映停电。{note}，请尽快处理。', { name: '王' })).toBe('客户王反映停电。请尽快处理。');
  });

  it('blanks an empty optional field inside a clause that has values, and drops a colon left bare', () => {
    const text = (description: string, values: Record<string, string>) => fillDescription({ fields, description }, values).text;
    expect(text('客户{name}反映{note}停电', { name: '王' })).toBe('客户王反映停电');
    expect(text('客户{name}建议：{note}。', { name: '王' })).toBe('客户王建议。');
  });

  it('keeps a clause whose missing field is required (it stays visible and is reported)', () => {
    expect(fillDescription({ fields, description: '客户{name}，地址{address}，补充{note}。' }, { name: '王' })).toEqual({
      text: '客户王，地址{address}。',
      missingRequired: ['address'],
      unknown: [],
    });
  });

  it('reports a missing required field once and keeps it visible', () => {
    expect(fillDescription({ fields, description: '{address}停电，{address}附近' }, { name: '张三' })).toEqual({
      text: '{address}停电，{address}附近',
      missingRequired: ['address'],
      unknown: [],
    });
  });

  describe('edge cases', () => {
    it('keeps a placeholder that names no field visible and reports it as unknown', () => {
      expect(fillDescription({ fields, description: '{name}的{meter}' }, { name: '张三', meter: '123' })).toEqual({
        text: '张三的{meter}',
        missingRequired: [],
        unknown: ['meter'],
      });
    });

    it('handles an empty description', () => {
      expect(fillDescription({ fields: [], description: '' }, {})).toEqual({ text: '', missingRequired: [], unknown: [] });
    });
  });
});
