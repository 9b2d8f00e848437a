// Specification of the readable scenario diff shown on the version history page.
import { describe, it, expect } from 'vitest';
import { diffLines, diffScenarios } from './diff.ts';
import type { Scenario } from './scenario.ts';

const v1: Scenario = {
  code: 'TD-001',
  title: '计划停电时间查询',
  category: '停送电/计划停电',
  phrasings: ['明天是不是要停电', '停电通知停到几点', '检修停电是真的吗'],
  script: ['您好，请问是{name}吗？', '经查询，该区域安排了计划停电。', '请问还有其他可以帮您的吗？'],
  forbidden: [{ phrase: '你自己没看公告吗', instead: '我帮您再确认一遍' }],
  sensitivity: 0,
  template: {
    kind: 'consultation',
    matrixCode: 'C04-02',
    fields: [
      { name: 'name', label: '客户姓名', type: 'text', required: true },
      { name: 'address', label: '地址', type: 'text' },
      { name: 'channel', label: '获知渠道', type: 'select', options: ['公告', '短信'] },
    ],
    description: '客户{name}咨询{address}计划停电时间。',
  },
};

describe('diffScenarios', () => {
  it('gives no changes for identical versions', () => {
    expect(diffScenarios(v1, structuredClone(v1))).toEqual([]);
  });

  it('reports a changed title and a set category as values', () => {
    expect(diffScenarios({ code: 'A', title: '停电' }, { code: 'A', title: '停电咨询', category: '停送电' })).toEqual([
      { kind: 'value', path: 'title', before: '停电', after: '停电咨询' },
      { kind: 'value', path: 'category', before: null, after: '停送电' },
    ]);
  });

  it('shows list changes line by line with kept, removed and added lines in order', () => {
    const v2: Scenario = {
      ...v1,
      phrasings: ['明天是不是要停电', '我们村要停一天电吗', '检修停电是真的吗', '在哪查停电计划'],
      script: ['您好，请问是{name}吗？', '经查询，该区域因检修安排了计划停电。', '请问还有其他可以帮您的吗？'],
    };
    expect(diffScenarios(v1, v2)).toEqual([
      {
        kind: 'list',
        path: 'phrasings',
        lines: [
          { op: 'kept', text: '明天是不是要停电' },
          { op: 'removed', text: '停电通知停到几点' },
          { op: 'added', text: '我们村要停一天电吗' },
          { op: 'kept', text: '检修停电是真的吗' },
          { op: 'added', text: '在哪查停电计划' },
        ],
      },
      {
        kind: 'list',
        path: 'script',
        lines: [
          { op: 'kept', text: '您好，请问是{name}吗？' },
          { op: 'removed', text: '经查询，该区域安排了计划停电。' },
          { op: 'added', text: '经查询，该区域因检修安排了计划停电。' },
          { op: 'kept', text: '请问还有其他可以帮您的吗？' },
        ],
      },
    ]);
  });

  it('shows forbidden phrases as "phrase → instead" lines and sensitivity and escalation as values', () => {
    const v2: Scenario = { ...v1, forbidden: [{ phrase: '你自己没看公告吗', instead: '我帮您把停电时间再确认一遍' }], sensitivity: 2, escalation: '转值班长' };
    expect(diffScenarios(v1, v2)).toEqual([
      {
        kind: 'list',
        path: 'forbidden',
        lines: [
          { op: 'removed', text: '你自己没看公告吗 → 我帮您再确认一遍' },
          { op: 'added', text: '你自己没看公告吗 → 我帮您把停电时间再确认一遍' },
        ],
      },
      { kind: 'value', path: 'sensitivity', before: '0', after: '2' },
      { kind: 'value', path: 'escalation', before: null, after: '转值班长' },
    ]);
  });

  it('reports template scalars, fields added, removed and changed by name, and option lists', () => {
    const v2: Scenario = {
      ...v1,
      template: {
        kind: 'complaint',
        matrixCode: 'C04-02',
        fields: [
          { name: 'name', label: '客户姓名', type: 'text', required: false },
          { name: 'channel', label: '获知渠道', type: 'select', options: ['公告', '短信', '网上国网'] },
          { name: 'tel', label: '联系电话', type: 'phone', required: true },
        ],
        description: '客户{name}咨询计划停电时间。',
        timeLimitHours: 12,
      },
    };
    expect(diffScenarios(v1, v2)).toEqual([
      { kind: 'value', path: 'template.kind', before: 'consultation', after: 'complaint' },
      { kind: 'value', path: 'template.timeLimitHours', before: null, after: '12' },
      { kind: 'value', path: 'template.description', before: '客户{name}咨询{address}计划停电时间。', after: '客户{name}咨询计划停电时间。' },
      { kind: 'value', path: 'template.fields[address]', before: '地址 (text)', after: null },
      { kind: 'value', path: 'template.fields[name].required', before: 'true', after: 'false' },
      {
        kind: 'list',
        path: 'template.fields[channel].options',
        lines: [
          { op: 'kept', text: '公告' },
          { op: 'kept', text: '短信' },
          { op: 'added', text: '网上国网' },
        ],
      },
      { kind: 'value', path: 'template.fields[tel]', before: null, after: '联系电话 (phone, required)' },
    ]);
  });

  it('reports reordered fields and changed dispatch rules as lines', () => {
    const base = v1.template!;
    const v2: Scenario = {
      ...v1,
      template: {
        ...base,
        fields: [base.fields[2], base.fields[0], base.fields[1]],
        dispatch: [{ when: { channel: ['公告', '短信'] }, departments: ['D-STN', 'D-DIS'], note: '现场核实' }],
      },
    };
    expect(diffScenarios(v1, v2)).toEqual([
      {
        kind: 'list',
        path: 'template.fields (order)',
        lines: [
          { op: 'added', text: 'channel' },
          { op: 'kept', text: 'name' },
          { op: 'kept', text: 'address' },
          { op: 'removed', text: 'channel' },
        ],
      },
      { kind: 'list', path: 'template.dispatch', lines: [{ op: 'added', text: 'channel=公告|短信 → D-STN, D-DIS（现场核实）' }] },
    ]);
  });

  describe('edge cases', () => {
    it('reports a template added to a scenario that had none', () => {
      const before: Scenario = { code: 'FAQ-1', title: '如何交电费' };
      const after: Scenario = { ...before, template: { kind: 'consultation', fields: [{ name: 'q', label: '问题', type: 'textarea' }], description: '{q}' } };
      expect(diffScenarios(before, after)).toEqual([
        { kind: 'value', path: 'template.kind', before: null, after: 'consultation' },
        { kind: 'value', path: 'template.description', before: null, after: '{q}' },
        { kind: 'value', path: 'template.fields[q]', before: null, after: '问题 (textarea)' },
      ]);
    });

    it('treats an absent list and an empty list as the same', () => {
      expect(diffScenarios({ code: 'A', title: 't' }, { code: 'A', title: 't', phrasings: [], keywords: [] })).toEqual([]);
    });

    it('reports a changed code', () => {
      expect(diffScenarios({ code: 'A', title: 't' }, { code: 'B', title: 't' })).toEqual([{ kind: 'value', path: 'code', before: 'A', after: 'B' }]);
    });

    it('reports a removed sensitivity 0 as a change (0 is a value, not absence)', () => {
      expect(diffScenarios({ code: 'A', title: 't', sensitivity: 0 }, { code: 'A', title: 't' })).toEqual([{ kind: 'value', path: 'sensitivity', before: '0', after: null }]);
    });
  });
});

describe('diffLines', () => {
  it('keeps the longest common subsequence and lists removals before additions', () => {
    expect(diffLines(['a', 'b', 'c', 'd'], ['a', 'x', 'c', 'y'])).toEqual([
      { op: 'kept', text: 'a' },
      { op: 'removed', text: 'b' },
      { op: 'added', text: 'x' },
      { op: 'kept', text: 'c' },
      { op: 'removed', text: 'd' },
      { op: 'added', text: 'y' },
    ]);
  });

  it('aligns a moved line as one removal and one addition', () => {
    expect(diffLines(['a', 'b', 'c'], ['b', 'c', 'a'])).toEqual([
      { op: 'removed', text: 'a' },
      { op: 'kept', text: 'b' },
      { op: 'kept', text: 'c' },
      { op: 'added', text: 'a' },
    ]);
  });

  describe('edge cases', () => {
    it('handles empty lists on either side', () => {
      expect(diffLines([], [])).toEqual([]);
      expect(diffLines([], ['a'])).toEqual([{ op: 'added', text: 'a' }]);
      expect(diffLines(['a'], [])).toEqual([{ op: 'removed', text: 'a' }]);
    });

    it('keeps repeated lines apart', () => {
      expect(diffLines(['a', 'a'], ['a', 'a', 'a'])).toEqual([
        { op: 'kept', text: 'a' },
        { op: 'kept', text: 'a' },
        { op: 'added', text: 'a' },
      ]);
    });

    it('gives up alignment for very long differing lists but stays complete and in order', () => {
      const before = Array.from({ length: 1500 }, (_, i) => `old ${i}`);
      const after = Array.from({ length: 1500 }, (_, i) => (i === 700 ? 'old 3' : `new ${i}`));
      const lines = diffLines(['head', ...before, 'tail'], ['head', ...after, 'tail']);
      expect(lines).toHaveLength(3002);
      expect(lines[0]).toEqual({ op: 'kept', text: 'head' });
      expect(lines[1]).toEqual({ op: 'removed', text: 'old 0' });
      expect(lines[1501]).toEqual({ op: 'added', text: 'new 0' });
      expect(lines[3001]).toEqual({ op: 'kept', text: 'tail' });
      expect(lines.filter((line) => line.op === 'kept')).toHaveLength(2);
    });
  });
});
