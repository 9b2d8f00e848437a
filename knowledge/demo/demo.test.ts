// Checks the demo knowledge library (matrix, scenarios, gold set) against the shapes and the rules of issue 3.
import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { ORDER_KINDS, type Scenario, type WorkOrderTemplate } from '../scenario.ts';
import type { ResponsibilityMatrix } from '../matrix.ts';
import { fillDescription } from '../script.ts';

const readText = (relative: string): string => readFileSync(new URL(relative, import.meta.url), 'utf8');

/** Parses JSON Lines, naming the 1-based line of the first bad line; blank lines are skipped. */
function parseJsonLines<T>(text: string): T[] {
  return text.split('\n').flatMap((line, i) => {
    if (line.trim() === '') return [];
    try {
      return [JSON.parse(line) as T];
    } catch {
      throw new Error(`line ${i + 1} is not valid JSON`);
    }
  });
}

/** Placeholder names in a text: `placeholdersOf('客户{name}，户号{account}')` → ['name', 'account']. */
function placeholdersOf(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
}

/** Placeholders of a scenario (script, description, forbidden alternatives) that name no template field. */
function unknownPlaceholders(scenario: Scenario): string[] {
  const names = new Set((scenario.template?.fields ?? []).map((f) => f.name));
  const texts = [
    ...(scenario.script ?? []),
    scenario.template?.description ?? '',
    ...(scenario.forbidden ?? []).map((f) => f.instead),
  ];
  return texts.flatMap(placeholdersOf).filter((p) => !names.has(p));
}

/** Dispatch conditions that do not name a select field of the template or use a value it does not offer. */
function badDispatchConditions(template: WorkOrderTemplate): string[] {
  const problems: string[] = [];
  for (const rule of template.dispatch ?? []) {
    for (const [fieldName, expected] of Object.entries(rule.when)) {
      const field = template.fields.find((f) => f.name === fieldName);
      const values = Array.isArray(expected) ? expected : [expected];
      if (!field || field.type !== 'select') problems.push(`${fieldName}: not a select field`);
      else for (const v of values) if (!field.options?.includes(v)) problems.push(`${fieldName}=${v}: not an option`);
    }
  }
  return problems;
}

/** NFKC with whitespace and punctuation removed, to compare utterances loosely. */
const loose = (s: string): string => s.normalize('NFKC').replace(/[\s\p{P}]/gu, '');

const matrix = JSON.parse(readText('./matrix.json')) as ResponsibilityMatrix;
const scenarios = parseJsonLines<Scenario>(readText('./scenarios.jsonl'));
const gold = parseJsonLines<{ query: string; target: string }>(readText('../../test/fixtures/gold.jsonl'));
const departmentByCode = new Map(matrix.departments.map((d) => [d.code, d]));
const entryByCode = new Map(matrix.entries.map((e) => [e.code, e]));
const scenarioCodes = new Set(scenarios.map((s) => s.code));

describe('demo responsibility matrix', () => {
  it('has 13 departments with unique codes: 7 owning and 6 responsible', () => {
    expect(matrix.departments).toHaveLength(13);
    expect(departmentByCode.size).toBe(13);
    expect(matrix.departments.filter((d) => d.role === 'owning')).toHaveLength(7);
    expect(matrix.departments.filter((d) => d.role === 'responsible')).toHaveLength(6);
    for (const d of matrix.departments) expect(d.code).toMatch(/^D-[A-Z]{2,4}$/);
  });

  it('has 7 level-1 business classes and at least 54 third-level entries with unique codes', () => {
    expect(new Set(matrix.entries.map((e) => e.level1)).size).toBe(7);
    expect(matrix.entries.length).toBeGreaterThanOrEqual(54);
    expect(entryByCode.size).toBe(matrix.entries.length);
    for (const e of matrix.entries) expect(e.code).toMatch(/^C\d{2}-\d{2}$/);
  });

  it('covers the five complaint classes 电网建设, 服务, 供电质量, 停送电 and 营业', () => {
    const classes = new Set(matrix.entries.map((e) => e.level1));
    for (const c of ['电网建设', '服务', '供电质量', '停送电', '营业']) expect(classes).toContain(c);
  });

  it('gives every entry exactly one owner, and that owner is an owning department', () => {
    for (const e of matrix.entries) {
      expect(typeof e.owner, e.code).toBe('string');
      expect(departmentByCode.get(e.owner)?.role, e.code).toBe('owning');
    }
  });

  it('gives every entry one or more distinct responsible departments that exist with the responsible role', () => {
    for (const e of matrix.entries) {
      expect(e.responsible.length, e.code).toBeGreaterThanOrEqual(1);
      expect(new Set(e.responsible).size, e.code).toBe(e.responsible.length);
      for (const r of e.responsible) expect(departmentByCode.get(r)?.role, `${e.code} → ${r}`).toBe('responsible');
    }
  });

  it('routes some situation to every department', () => {
    const used = new Set(matrix.entries.flatMap((e) => [e.owner, ...e.responsible]));
    expect([...departmentByCode.keys()].filter((c) => !used.has(c))).toEqual([]);
  });
});

describe('demo scenario library', () => {
  it('holds at least 100 scenarios with unique codes like TD-001', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(100);
    expect(scenarioCodes.size).toBe(scenarios.length);
    for (const s of scenarios) expect(s.code).toMatch(/^[A-Z]{2}-\d{3}$/);
  });

  it('uses all eight order kinds and no other', () => {
    const kinds = new Set(scenarios.map((s) => s.template?.kind));
    expect([...kinds].sort()).toEqual([...ORDER_KINDS].sort());
  });

  it('gives each scenario a title, category, 4–8 phrasings, keywords, a 3–6 step script and 3–6 inquiry points', () => {
    for (const s of scenarios) {
      expect(s.title, s.code).toBeTruthy();
      expect(s.category, s.code).toBeTruthy();
      expect(s.phrasings?.length ?? 0, s.code).toBeGreaterThanOrEqual(4);
      expect(s.phrasings?.length ?? 0, s.code).toBeLessThanOrEqual(8);
      expect(s.keywords?.length ?? 0, s.code).toBeGreaterThanOrEqual(1);
      expect(s.script?.length ?? 0, s.code).toBeGreaterThanOrEqual(3);
      expect(s.script?.length ?? 0, s.code).toBeLessThanOrEqual(6);
      expect(s.inquiry?.length ?? 0, s.code).toBeGreaterThanOrEqual(3);
      expect(s.inquiry?.length ?? 0, s.code).toBeLessThanOrEqual(6);
    }
  });

  it('gives each scenario 1–4 forbidden phrases, each with a different, non-empty alternative', () => {
    for (const s of scenarios) {
      const forbidden = s.forbidden ?? [];
      expect(forbidden.length, s.code).toBeGreaterThanOrEqual(1);
      expect(forbidden.length, s.code).toBeLessThanOrEqual(4);
      for (const f of forbidden) {
        expect(f.phrase.trim(), s.code).not.toBe('');
        expect(f.instead.trim(), s.code).not.toBe('');
        expect(f.instead, s.code).not.toBe(f.phrase);
      }
    }
  });

  it('gives sensitivity 0–3 and an escalation path to every scenario of sensitivity 2 or 3', () => {
    for (const s of scenarios) {
      expect([0, 1, 2, 3], s.code).toContain(s.sensitivity);
      if ((s.sensitivity ?? 0) >= 2) expect(s.escalation?.trim(), s.code).toBeTruthy();
    }
    expect(scenarios.filter((s) => s.sensitivity === 3).length).toBeGreaterThanOrEqual(3);
  });

  it('gives each scenario a template with a description and uniquely named fields', () => {
    for (const s of scenarios) {
      expect(s.template, s.code).toBeDefined();
      expect(s.template?.description.trim(), s.code).toBeTruthy();
      const names = s.template!.fields.map((f) => f.name);
      expect(new Set(names).size, s.code).toBe(names.length);
      for (const f of s.template!.fields) {
        if (f.type === 'select') expect(f.options?.length ?? 0, `${s.code}.${f.name}`).toBeGreaterThanOrEqual(2);
        if (f.pattern) expect(() => new RegExp(f.pattern!), `${s.code}.${f.name}`).not.toThrow();
      }
    }
  });

  it('names a template field in every placeholder of script, description and alternatives', () => {
    const problems = scenarios.flatMap((s) => unknownPlaceholders(s).map((p) => `${s.code}: {${p}}`));
    expect(problems).toEqual([]);
  });

  it('validates phone numbers as mainland mobile or landline and 户号 as 10 digits', () => {
    for (const s of scenarios) {
      const phone = s.template!.fields.find((f) => f.name === 'phone');
      expect(phone?.type, s.code).toBe('phone');
      const phoneRe = new RegExp(phone!.pattern!);
      expect(phoneRe.test('13812345678'), s.code).toBe(true);
      expect(phoneRe.test('0571-88886666'), s.code).toBe(true);
      expect(phoneRe.test('12345'), s.code).toBe(false);
      expect(phoneRe.test('23812345678'), s.code).toBe(false);
      const account = s.template!.fields.find((f) => f.name === 'account');
      if (account) {
        const accountRe = new RegExp(account.pattern!);
        expect(accountRe.test('3100012345'), s.code).toBe(true);
        expect(accountRe.test('310001234'), s.code).toBe(false);
        expect(accountRe.test('31000123456'), s.code).toBe(false);
      }
    }
  });

  it('points every matrixCode at an existing entry, and every complaint and opinion has one', () => {
    for (const s of scenarios) {
      const t = s.template!;
      if (t.matrixCode !== undefined) expect(entryByCode.has(t.matrixCode), `${s.code} → ${t.matrixCode}`).toBe(true);
      if (t.kind === 'complaint' || t.kind === 'opinion') expect(t.matrixCode, s.code).toBeDefined();
    }
  });

  it('files complaints in each of the five complaint classes', () => {
    const classes = new Set(
      scenarios.filter((s) => s.template?.kind === 'complaint').map((s) => entryByCode.get(s.template!.matrixCode!)?.level1),
    );
    for (const c of ['电网建设', '服务', '供电质量', '停送电', '营业']) expect(classes, c).toContain(c);
  });

  it('writes dispatch rules on select fields with offered values, routed to existing departments', () => {
    for (const s of scenarios) {
      expect(badDispatchConditions(s.template!), s.code).toEqual([]);
      for (const rule of s.template!.dispatch ?? []) {
        expect(rule.departments.length, s.code).toBeGreaterThanOrEqual(1);
        for (const d of rule.departments) expect(departmentByCode.has(d), `${s.code} → ${d}`).toBe(true);
      }
    }
  });

  it('decides the charging-pile operator (充电桩运维主体判定) and routes each operator differently', () => {
    const pile = scenarios.find((s) => s.title === '充电桩无法充电');
    const field = pile?.template?.fields.find((f) => f.name === 'pileOperator');
    expect(field?.options).toEqual(['国网电动汽车公司运营', '第三方运营商', '私人桩（个人）', '公交或园区专用']);
    const routes = field!.options!.map((op) =>
      pile!.template!.dispatch!.find((r) => r.when.pileOperator === op)?.departments.join(','),
    );
    expect(routes.every((r) => r !== undefined)).toBe(true);
    expect(new Set(routes).size).toBe(4);
    expect(routes[0]).toBe('D-EV');
  });

  it('sets a positive whole-hour time limit wherever a template overrides the default', () => {
    for (const s of scenarios) {
      const hours = s.template!.timeLimitHours;
      if (hours !== undefined) expect(Number.isInteger(hours) && hours > 0, s.code).toBe(true);
    }
  });

  it('reads cleanly with every optional field left empty: no empty brackets, dangling labels or bare units', () => {
    const problems: string[] = [];
    for (const s of scenarios) {
      const template = s.template!;
      const values = Object.fromEntries(template.fields.filter((f) => f.required).map((f) => [f.name, '甲']));
      const { text } = fillDescription(template, values);
      const bad = [/[（(【[「]\s*[）)】\]」]/, /[：:](?=[，、；。）]|$)/, /[，、；]{2}/, /^[，、；。]/, /[^甲\d](?:元|千瓦|千伏安|分钟|公里|个)(?=[，。；、）]|$)/, /于(?=向|在|通过)/];
      if (bad.some((pattern) => pattern.test(text))) problems.push(`${s.code}: ${text}`);
    }
    expect(problems).toEqual([]);
  });

  it('keeps the parts about optional fields when they are filled (TS-003 names the staff in brackets)', () => {
    const ts003 = scenarios.find((s) => s.code === 'TS-003')!.template!;
    const required = { name: '王女士', address: '人民路1号', visitTime: '2026-11-05T08:05', issue: '态度恶劣' };
    expect(fillDescription(ts003, required).text).toBe('客户王女士投诉人民路1号抢修人员于2026-11-05T08:05态度恶劣。');
    expect(fillDescription(ts003, { ...required, staffInfo: '工号1024' }).text).toBe('客户王女士投诉人民路1号抢修人员（工号1024）于2026-11-05T08:05态度恶劣。');
  });
});

describe('gold set of caller utterances', () => {
  it('has at least 200 lines, each a non-empty query and a target', () => {
    expect(gold.length).toBeGreaterThanOrEqual(200);
    for (const g of gold) {
      expect(typeof g.query).toBe('string');
      expect(g.query.trim()).not.toBe('');
      expect(typeof g.target).toBe('string');
    }
  });

  it('targets only existing scenarios and every scenario at least once', () => {
    expect(gold.filter((g) => !scenarioCodes.has(g.target)).map((g) => g.target)).toEqual([]);
    const targeted = new Set(gold.map((g) => g.target));
    expect(scenarios.filter((s) => !targeted.has(s.code)).map((s) => s.code)).toEqual([]);
  });

  it('never repeats a query and never copies a scenario phrasing', () => {
    const queries = gold.map((g) => loose(g.query));
    expect(new Set(queries).size).toBe(queries.length);
    const phrasings = new Set(scenarios.flatMap((s) => s.phrasings ?? []).map(loose));
    expect(gold.filter((g) => phrasings.has(loose(g.query))).map((g) => g.query)).toEqual([]);
  });

  it('includes account numbers, full-width characters and query-syntax characters callers type', () => {
    expect(gold.some((g) => /3100\d{6}/.test(g.query))).toBe(true);
    expect(gold.some((g) => /[\uFF01-\uFF5E]/.test(g.query))).toBe(true);
    expect(gold.some((g) => /[:^~+]/.test(g.query))).toBe(true);
  });
});

describe('edge cases', () => {
  it('parseJsonLines skips blank lines and names the line of invalid JSON', () => {
    expect(parseJsonLines('{"a":1}\n\n{"a":2}\n')).toEqual([{ a: 1 }, { a: 2 }]);
    expect(() => parseJsonLines('{"a":1}\n{oops}\n')).toThrow('line 2');
  });

  it('placeholdersOf finds none in plain text and every one in filled text', () => {
    expect(placeholdersOf('您好，请问有什么可以帮您？')).toEqual([]);
    expect(placeholdersOf('{name}您好，户号{account}')).toEqual(['name', 'account']);
  });

  it('unknownPlaceholders reports a placeholder without a field', () => {
    const s: Scenario = {
      code: 'XX-001',
      title: 't',
      script: ['{name}您好，{nickname}'],
      template: { kind: 'consultation', fields: [{ name: 'name', label: '姓名', type: 'text' }], description: '{name}' },
    };
    expect(unknownPlaceholders(s)).toEqual(['nickname']);
  });

  it('badDispatchConditions reports a missing field and a value the select does not offer', () => {
    const t: WorkOrderTemplate = {
      kind: 'repair',
      fields: [{ name: 'op', label: '主体', type: 'select', options: ['甲', '乙'] }],
      description: '',
      dispatch: [
        { when: { op: '丙' }, departments: ['D-EV'] },
        { when: { missing: '甲' }, departments: ['D-EV'] },
        { when: { op: ['甲', '乙'] }, departments: ['D-EV'] },
      ],
    };
    expect(badDispatchConditions(t)).toEqual(['op=丙: not an option', 'missing: not a select field']);
  });

  it('loose comparison ignores width, spaces and punctuation', () => {
    expect(loose('电费 太贵了！！')).toBe(loose('电费太贵了!!'));
    expect(loose('ｅ充电')).toBe('e充电');
  });
});
