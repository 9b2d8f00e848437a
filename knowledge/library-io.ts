// Scenario library import and export as JSON Lines: strict, line-numbered validation on the way in, a stable canonical form on the way out.
import type { ResponsibilityMatrix } from './matrix.ts';
import {
  ORDER_KINDS,
  type DispatchRule,
  type ForbiddenPhrase,
  type OrderKind,
  type Scenario,
  type Sensitivity,
  type TemplateField,
  type WorkOrderTemplate,
} from './scenario.ts';
import { placeholdersIn } from './script.ts';
import { wholeValuePattern } from './workorder.ts';

/** One import error; `line` is 1-based in the file as given. */
export interface LineError {
  line: number;
  message: string;
}

/** Every scenario of the file, or every error; never a partial import. */
export type LibraryParseResult = { ok: true; scenarios: Scenario[] } | { ok: false; errors: LineError[] };

/** Keys in export order; import rejects any other key. */
const SCENARIO_KEYS = ['code', 'title', 'category', 'phrasings', 'keywords', 'script', 'inquiry', 'forbidden', 'sensitivity', 'escalation', 'template'] as const;
const TEMPLATE_KEYS = ['kind', 'matrixCode', 'fields', 'description', 'dispatch', 'timeLimitHours'] as const;
const FIELD_KEYS = ['name', 'label', 'type', 'required', 'options', 'pattern', 'patternMessage', 'help'] as const;
const RULE_KEYS = ['when', 'departments', 'note'] as const;
const FORBIDDEN_KEYS = ['phrase', 'instead'] as const;
const FIELD_TYPES: readonly TemplateField['type'][] = ['text', 'textarea', 'select', 'phone', 'account', 'date', 'datetime', 'number', 'yesno'];
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Longest time limit accepted: one leap year, in hours. */
const MAX_TIME_LIMIT_HOURS = 8784;
const MAX_CODE_LENGTH = 64;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value as it appears in a message: numbers as numbers (1e400 reads Infinity), the rest as JSON, or `missing`. */
function show(value: unknown): string {
  if (value === undefined) return 'missing';
  return typeof value === 'number' ? String(value) : JSON.stringify(value);
}

/** The JSON type of a value for messages: `a string`, `an array`, `null`, `missing`. */
function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** Collects messages for one line; each checker returns the typed value or undefined. */
class Checker {
  readonly errors: string[] = [];

  fail(path: string, message: string): undefined {
    this.errors.push(path === '' ? message : `${path}: ${message}`);
    return undefined;
  }

  onlyKeys(value: Json, allowed: readonly string[], path: string): void {
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) this.errors.push(`${path === '' ? '' : `${path}: `}unknown field "${key}"`);
    }
  }

  string(value: unknown, path: string, nonEmpty: boolean): string | undefined {
    if (value === undefined) return this.fail(path, 'is required');
    if (typeof value !== 'string') return this.fail(path, `must be a string, not ${describe(value)}`);
    if (nonEmpty && value.trim() === '') return this.fail(path, 'must not be empty');
    return value;
  }

  strings(value: unknown, path: string): string[] | undefined {
    if (!Array.isArray(value)) return this.fail(path, `must be an array of strings, not ${describe(value)}`);
    let good = true;
    value.forEach((item, index) => {
      if (this.string(item, `${path}[${index}]`, true) === undefined) good = false;
    });
    return good ? (value as string[]) : undefined;
  }

  /** An array of strings, or one string split into its non-blank lines (a plain FAQ answer). */
  linesOrStrings(value: unknown, path: string): string[] | undefined {
    if (typeof value === 'string') {
      return value
        .split(/\r\n|\n|\r/)
        .map((line) => line.trim())
        .filter((line) => line !== '');
    }
    if (!Array.isArray(value)) return this.fail(path, `must be a string or an array of strings, not ${describe(value)}`);
    return this.strings(value, path);
  }
}

/** The scenario on one line, type-checked, in canonical key order. */
function readScenario(value: unknown, check: Checker, matrix?: ResponsibilityMatrix): Scenario | undefined {
  if (!isObject(value)) return check.fail('', `must be a JSON object, not ${describe(value)}`);
  check.onlyKeys(value, SCENARIO_KEYS, '');
  const code = readCode(value.code, check);
  const title = Object.hasOwn(value, 'title') ? check.string(value.title, 'title', true) : check.fail('title', 'is required');
  const scenario: Partial<Scenario> = { code, title };
  if (Object.hasOwn(value, 'category')) scenario.category = check.string(value.category, 'category', false);
  if (Object.hasOwn(value, 'phrasings')) scenario.phrasings = check.linesOrStrings(value.phrasings, 'phrasings');
  if (Object.hasOwn(value, 'keywords')) scenario.keywords = check.strings(value.keywords, 'keywords');
  if (Object.hasOwn(value, 'script')) scenario.script = check.linesOrStrings(value.script, 'script');
  if (Object.hasOwn(value, 'inquiry')) scenario.inquiry = check.strings(value.inquiry, 'inquiry');
  if (Object.hasOwn(value, 'forbidden')) scenario.forbidden = readForbidden(value.forbidden, check);
  if (Object.hasOwn(value, 'sensitivity')) scenario.sensitivity = readSensitivity(value.sensitivity, check);
  if (Object.hasOwn(value, 'escalation')) scenario.escalation = check.string(value.escalation, 'escalation', false);
  if (Object.hasOwn(value, 'template')) scenario.template = readTemplate(value.template, check, 'template', matrix);
  return check.errors.length === 0 ? canonicalScenario(scenario as Scenario) : undefined;
}

function readCode(value: unknown, check: Checker): string | undefined {
  if (value === undefined) return check.fail('code', 'is required');
  const code = check.string(value, 'code', true);
  if (code === undefined) return undefined;
  if (/[\s\p{Cc}]/u.test(code)) return check.fail('code', `must not contain spaces or control characters: ${JSON.stringify(code)}`);
  if (code.length > MAX_CODE_LENGTH) return check.fail('code', `must be at most ${MAX_CODE_LENGTH} characters`);
  return code;
}

function readSensitivity(value: unknown, check: Checker): Sensitivity | undefined {
  if (value === 0 || value === 1 || value === 2 || value === 3) return value;
  return check.fail('sensitivity', `must be 0, 1, 2 or 3, not ${show(value)}`);
}

function readForbidden(value: unknown, check: Checker): ForbiddenPhrase[] | undefined {
  if (!Array.isArray(value)) return check.fail('forbidden', `must be an array of {phrase, instead} objects, not ${describe(value)}`);
  const before = check.errors.length;
  const phrases = value.map((item, index): ForbiddenPhrase | undefined => {
    const path = `forbidden[${index}]`;
    if (!isObject(item)) return check.fail(path, `must be an object with phrase and instead, not ${describe(item)}`);
    check.onlyKeys(item, FORBIDDEN_KEYS, path);
    const phrase = check.string(item.phrase, `${path}.phrase`, true);
    const instead = check.string(item.instead, `${path}.instead`, true);
    return phrase === undefined || instead === undefined ? undefined : { phrase, instead };
  });
  return check.errors.length === before ? (phrases as ForbiddenPhrase[]) : undefined;
}

/**
 * What template does this JSON describe, or what is wrong with it? Checks the kind, field names
 * (identifier-like, unique), types, select options, that patterns compile, that description
 * placeholders and dispatch conditions name fields and, when a matrix is given, that the matrix
 * code and dispatch departments exist. Messages are prefixed with `path`.
 * @example validateTemplate({ kind: 'repair', fields: [], description: '{addr}' }).errors
 * // ['template.description: placeholder {addr} names no field']
 */
export function validateTemplate(value: unknown, matrix?: ResponsibilityMatrix, path = 'template'): { template?: WorkOrderTemplate; errors: string[] } {
  const check = new Checker();
  const template = readTemplate(value, check, path, matrix);
  return check.errors.length === 0 && template ? { template, errors: [] } : { errors: check.errors };
}

function readTemplate(value: unknown, check: Checker, path: string, matrix?: ResponsibilityMatrix): WorkOrderTemplate | undefined {
  if (!isObject(value)) return check.fail(path, `must be an object, not ${describe(value)}`);
  const before = check.errors.length;
  check.onlyKeys(value, TEMPLATE_KEYS, path);
  const kind = ORDER_KINDS.includes(value.kind as OrderKind)
    ? (value.kind as OrderKind)
    : check.fail(`${path}.kind`, `must be one of ${ORDER_KINDS.join(', ')}, not ${show(value.kind)}`);
  const fields = readFields(value.fields, check, `${path}.fields`);
  const declared = declaredFields(value.fields);
  const description = Object.hasOwn(value, 'description') ? check.string(value.description, `${path}.description`, false) : check.fail(`${path}.description`, 'is required');
  for (const name of placeholdersIn(description ?? '')) {
    if (declared && !declared.has(name)) check.fail(`${path}.description`, `placeholder {${name}} names no field`);
  }
  const template: Partial<WorkOrderTemplate> = { kind, fields, description };
  if (Object.hasOwn(value, 'matrixCode')) {
    template.matrixCode = check.string(value.matrixCode, `${path}.matrixCode`, true);
    if (matrix && template.matrixCode !== undefined && !matrix.entries.some((entry) => entry.code === template.matrixCode)) {
      check.fail(`${path}.matrixCode`, `${template.matrixCode} is not in the responsibility matrix`);
    }
  }
  if (Object.hasOwn(value, 'dispatch')) template.dispatch = readDispatch(value.dispatch, check, `${path}.dispatch`, declared, matrix);
  if (Object.hasOwn(value, 'timeLimitHours')) {
    const hours = value.timeLimitHours;
    if (typeof hours === 'number' && Number.isFinite(hours) && hours > 0 && hours <= MAX_TIME_LIMIT_HOURS) template.timeLimitHours = hours;
    else check.fail(`${path}.timeLimitHours`, `must be a number of hours above 0 and at most ${MAX_TIME_LIMIT_HOURS}, not ${show(hours)}`);
  }
  return check.errors.length === before ? canonicalTemplate(template as WorkOrderTemplate) : undefined;
}

/** The fields as declared (first of each name, even when otherwise invalid), so later checks still run; undefined when `fields` is not an array. */
function declaredFields(value: unknown): Map<string, Partial<TemplateField>> | undefined {
  if (!Array.isArray(value)) return undefined;
  const declared = new Map<string, Partial<TemplateField>>();
  for (const item of value) {
    if (isObject(item) && typeof item.name === 'string' && !declared.has(item.name)) declared.set(item.name, item as Partial<TemplateField>);
  }
  return declared;
}

function readFields(value: unknown, check: Checker, path: string): TemplateField[] | undefined {
  if (value === undefined) return check.fail(path, 'is required (use [] for a template without fields)');
  if (!Array.isArray(value)) return check.fail(path, `must be an array, not ${describe(value)}`);
  const before = check.errors.length;
  const seen = new Set<unknown>();
  const fields = value.map((item, index) => {
    const field = readField(item, check, `${path}[${index}]`);
    const name = isObject(item) ? item.name : undefined;
    if (typeof name === 'string' && seen.has(name)) check.fail(`${path}[${index}].name`, `duplicate field name "${name}"`);
    seen.add(name);
    return field;
  });
  return check.errors.length === before ? (fields as TemplateField[]) : undefined;
}

function readField(value: unknown, check: Checker, path: string): TemplateField | undefined {
  if (!isObject(value)) return check.fail(path, `must be an object, not ${describe(value)}`);
  const before = check.errors.length;
  check.onlyKeys(value, FIELD_KEYS, path);
  const name = check.string(value.name, `${path}.name`, true);
  if (name !== undefined && (!IDENTIFIER.test(name) || name === '__proto__')) check.fail(`${path}.name`, `must be an identifier (ASCII letters, digits, _; not starting with a digit), not ${JSON.stringify(name)}`);
  const label = check.string(value.label, `${path}.label`, true);
  const type = FIELD_TYPES.includes(value.type as TemplateField['type'])
    ? (value.type as TemplateField['type'])
    : check.fail(`${path}.type`, `must be one of ${FIELD_TYPES.join(', ')}, not ${show(value.type)}`);
  const field: Partial<TemplateField> = { name, label, type };
  if (Object.hasOwn(value, 'required')) {
    if (typeof value.required === 'boolean') field.required = value.required;
    else check.fail(`${path}.required`, `must be true or false, not ${describe(value.required)}`);
  }
  if (Object.hasOwn(value, 'options')) {
    field.options = check.strings(value.options, `${path}.options`);
    if (field.options && new Set(field.options).size !== field.options.length) check.fail(`${path}.options`, 'must not repeat an option');
    if (type !== undefined && type !== 'select') check.fail(`${path}.options`, `only a select field has options, this one is ${type}`);
  }
  if (type === 'select' && (field.options === undefined || field.options.length === 0) && !check.errors.some((error) => error.startsWith(`${path}.options`))) {
    check.fail(`${path}.options`, 'a select field needs at least one option');
  }
  if (Object.hasOwn(value, 'pattern')) {
    field.pattern = check.string(value.pattern, `${path}.pattern`, true);
    if (field.pattern !== undefined && !wholeValuePattern(field.pattern)) check.fail(`${path}.pattern`, `is not a valid regular expression: ${field.pattern}`);
  }
  if (Object.hasOwn(value, 'patternMessage')) field.patternMessage = check.string(value.patternMessage, `${path}.patternMessage`, false);
  if (Object.hasOwn(value, 'help')) field.help = check.string(value.help, `${path}.help`, false);
  return check.errors.length === before ? canonicalField(field as TemplateField) : undefined;
}

function readDispatch(value: unknown, check: Checker, path: string, fields: ReadonlyMap<string, Partial<TemplateField>> | undefined, matrix?: ResponsibilityMatrix): DispatchRule[] | undefined {
  if (!Array.isArray(value)) return check.fail(path, `must be an array of rules, not ${describe(value)}`);
  const before = check.errors.length;
  const rules = value.map((item, index) => readRule(item, check, `${path}[${index}]`, fields, matrix));
  return check.errors.length === before ? (rules as DispatchRule[]) : undefined;
}

function readRule(value: unknown, check: Checker, path: string, fields: ReadonlyMap<string, Partial<TemplateField>> | undefined, matrix?: ResponsibilityMatrix): DispatchRule | undefined {
  if (!isObject(value)) return check.fail(path, `must be an object, not ${describe(value)}`);
  check.onlyKeys(value, RULE_KEYS, path);
  const rule: Partial<DispatchRule> = {};
  if (!isObject(value.when) || Object.keys(value.when).length === 0) {
    check.fail(`${path}.when`, 'must be an object with at least one condition');
  } else {
    rule.when = {};
    for (const [name, accepted] of Object.entries(value.when)) {
      const at = `${path}.when.${name}`;
      if (name === '__proto__') {
        check.fail(at, 'is not a usable field name');
        continue;
      }
      const field = fields?.get(name);
      if (fields && !field) check.fail(at, 'names no field of the template');
      const values = typeof accepted === 'string' ? [accepted] : Array.isArray(accepted) && accepted.length > 0 && accepted.every((item) => typeof item === 'string') ? (accepted as string[]) : undefined;
      if (values === undefined) {
        check.fail(at, 'must be a string or a non-empty array of strings');
        continue;
      }
      const options = field?.type === 'select' && Array.isArray(field.options) ? field.options : field?.type === 'yesno' ? ['是', '否'] : undefined;
      for (const item of options ? values : []) {
        if (!options!.includes(item)) check.fail(at, `"${item}" is not an option of the field (${options!.join(', ')})`);
      }
      rule.when[name] = typeof accepted === 'string' ? accepted : [...values];
    }
  }
  const departments = check.strings(value.departments, `${path}.departments`);
  if (departments && departments.length === 0) check.fail(`${path}.departments`, 'must name at least one department');
  for (const code of matrix ? (departments ?? []) : []) {
    if (!matrix!.departments.some((department) => department.code === code)) check.fail(`${path}.departments`, `unknown department ${code}`);
  }
  rule.departments = departments;
  if (Object.hasOwn(value, 'note')) rule.note = check.string(value.note, `${path}.note`, false);
  return rule as DispatchRule;
}

/** A copy with keys in the given order and undefined values left out. */
function ordered<T extends object>(value: T, keys: readonly string[]): T {
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const item = (value as Record<string, unknown>)[key];
    if (item !== undefined) out[key] = item;
  }
  return out as T;
}

function canonicalField(field: TemplateField): TemplateField {
  return ordered({ ...field, options: field.options && [...field.options] }, FIELD_KEYS);
}

function canonicalTemplate(template: WorkOrderTemplate): WorkOrderTemplate {
  return ordered(
    {
      ...template,
      fields: template.fields.map(canonicalField),
      dispatch: template.dispatch?.map((rule) => ordered({ ...rule, when: { ...rule.when }, departments: [...rule.departments] }, RULE_KEYS)),
    },
    TEMPLATE_KEYS,
  );
}

function canonicalScenario(scenario: Scenario): Scenario {
  return ordered(
    {
      ...scenario,
      forbidden: scenario.forbidden?.map((item) => ordered(item, FORBIDDEN_KEYS)),
      template: scenario.template && canonicalTemplate(scenario.template),
    },
    SCENARIO_KEYS,
  );
}

/**
 * What scenarios does this JSON Lines text hold, or what is wrong with it? One object per line;
 * blank lines, a leading BOM and CRLF line ends are accepted; only `code` and `title` are
 * required; unknown keys and repeated codes are rejected; every error of every line is reported
 * with its 1-based line number. A string `script` or `phrasings` becomes its non-blank lines.
 * Pass the matrix to also check template matrix codes and dispatch departments.
 * @example parseLibraryJsonl('{"code":"FAQ-1","title":"如何交电费","script":"可通过网上国网缴费"}\n')
 * // { ok: true, scenarios: [{ code: 'FAQ-1', title: '如何交电费', script: ['可通过网上国网缴费'] }] }
 */
export function parseLibraryJsonl(text: string, options: { matrix?: ResponsibilityMatrix } = {}): LibraryParseResult {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const errors: LineError[] = [];
  const scenarios: Scenario[] = [];
  const firstLineOf = new Map<string, number>();
  lines.forEach((source, index) => {
    const line = index + 1;
    if (source.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(source);
    } catch (error) {
      errors.push({ line, message: `not valid JSON: ${(error as Error).message}` });
      return;
    }
    const check = new Checker();
    const scenario = readScenario(value, check, options.matrix);
    for (const message of check.errors) errors.push({ line, message });
    const code = isObject(value) && typeof value.code === 'string' ? value.code : undefined;
    if (code !== undefined) {
      const first = firstLineOf.get(code);
      if (first !== undefined) errors.push({ line, message: `code: duplicate code ${code} (first on line ${first})` });
      else firstLineOf.set(code, line);
    }
    if (scenario) scenarios.push(scenario);
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, scenarios };
}

/**
 * What is the JSON Lines text of these scenarios? One object per line with keys in a fixed order
 * (`code`, `title`, `category`, … `template`), absent fields left out, a newline after each line;
 * `parseLibraryJsonl` reads it back to equal scenarios.
 * @example serializeLibraryJsonl([{ title: '停电', code: 'TD-1' }]) // '{"code":"TD-1","title":"停电"}\n'
 */
export function serializeLibraryJsonl(scenarios: readonly Scenario[]): string {
  return scenarios.map((scenario) => `${JSON.stringify(canonicalScenario(scenario))}\n`).join('');
}
