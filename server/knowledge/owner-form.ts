// The scenario editor's form: raw text as typed (kept on every error) to a validated scenario, and back.
import type { ResponsibilityMatrix } from '../../knowledge/matrix.ts';
import type { Scenario, WorkOrderTemplate } from '../../knowledge/scenario.ts';
import { parseLibraryJsonl } from '../../knowledge/library-io.ts';

/** One row of the template's field list, as typed. */
export interface TemplateFieldRow {
  name: string;
  label: string;
  type: string;
  required: boolean;
  /** Whether the stored field said `required` explicitly (so an unticked box writes `false`, not nothing). */
  requiredSet: boolean;
  /** Select options, one per line. */
  options: string;
  pattern: string;
  patternMessage: string;
  help: string;
}

/** One dispatch rule, as typed. */
export interface TemplateRuleRow {
  /** Conditions, one per line: `field = value` or `field = value1 | value2`. */
  when: string;
  departments: string[];
  note: string;
}

/** The template editor's form, as typed. */
export interface TemplateFormValues {
  /** '' for no template. */
  kind: string;
  matrixCode: string;
  timeLimitHours: string;
  description: string;
  fields: TemplateFieldRow[];
  dispatch: TemplateRuleRow[];
}

/** Which editor holds the template the owner means: the form (default on the page) or the JSON text. */
export type TemplateMode = 'form' | 'json';

/** Most field rows and rule rows a form may hold. */
export const MAX_FIELD_ROWS = 60;
export const MAX_RULE_ROWS = 30;

/** What the editor's fields hold, exactly as typed: lists are one item per line. */
export interface ScenarioFormValues {
  code: string;
  title: string;
  category: string;
  phrasings: string;
  keywords: string;
  script: string;
  inquiry: string;
  /** One `phrase => alternative` per line. */
  forbidden: string;
  sensitivity: string;
  escalation: string;
  /** The work-order template as JSON; blank means none. */
  template: string;
  /** Which of `template` (JSON) and `tpl` (the form) is read; bodies without `tpl_mode` are JSON. */
  templateMode: TemplateMode;
  /** The work-order template as a form. */
  tpl: TemplateFormValues;
  /** The draft version the form was loaded at (optimistic concurrency). */
  version: string;
}

/**
 * Field name → messages; `form` holds problems not tied to one field. Template form inputs use
 * their input names: `tpl_kind`, `tpl_f2_options`, `tpl_d0_when`, …
 */
export type FormErrors = Partial<Record<string, string[]>>;

export type ScenarioFormResult = { ok: true; scenario: Scenario } | { ok: false; errors: FormErrors };

const TEXT_FIELDS = ['code', 'title', 'category', 'phrasings', 'keywords', 'script', 'inquiry', 'forbidden', 'sensitivity', 'escalation', 'template', 'version'] as const;
type TextField = (typeof TEXT_FIELDS)[number];

/** A forbidden phrase and its alternative, split at the first `=>`, `→` or `⇒` (later ones belong to the alternative). */
const FORBIDDEN_LINE = /^(.*?)(?:=>|→|⇒)(.*)$/;

/**
 * What did the user type? Every editor field as a string (missing ones empty), from a parsed
 * form body.
 * @example formValuesFrom({ title: '停电' }).title // '停电'
 */
export function formValuesFrom(body: Record<string, unknown>): ScenarioFormValues {
  const values = {} as Record<TextField, string>;
  for (const name of TEXT_FIELDS) values[name] = text(body[name]);
  const modes = ([] as unknown[]).concat(body.tpl_mode ?? []);
  const templateMode: TemplateMode = modes.length === 0 || modes.includes('json') ? 'json' : 'form';
  return { ...values, templateMode, tpl: templateFormFrom(body) };
}

/** The first value of a form entry as text ('' when missing or a file). */
function text(raw: unknown): string {
  const first = Array.isArray(raw) ? raw[0] : raw;
  return typeof first === 'string' ? first : '';
}

/** A whole number from a form count field, within 0…max. */
function count(raw: unknown, max: number): number {
  const n = Number(text(raw));
  return Number.isInteger(n) && n > 0 ? Math.min(n, max) : 0;
}

/**
 * What did the owner type into the template form? Rows `tpl_f0_…` to `tpl_f{n-1}_…` where n is
 * `tpl_fields`, rules `tpl_d0_…` likewise with `tpl_rules`; department check boxes may repeat.
 * @example templateFormFrom({ tpl_kind: 'repair', tpl_fields: '1', tpl_f0_name: 'addr' }).fields[0].name // 'addr'
 */
export function templateFormFrom(body: Record<string, unknown>): TemplateFormValues {
  const fields: TemplateFieldRow[] = [];
  for (let i = 0; i < count(body.tpl_fields, MAX_FIELD_ROWS); i++) {
    const at = (key: string) => text(body[`tpl_f${i}_${key}`]);
    fields.push({
      name: at('name'),
      label: at('label'),
      type: at('type') || 'text',
      required: at('required') !== '',
      requiredSet: at('requiredSet') === '1',
      options: at('options'),
      pattern: at('pattern'),
      patternMessage: at('patternMessage'),
      help: at('help'),
    });
  }
  const dispatch: TemplateRuleRow[] = [];
  for (let i = 0; i < count(body.tpl_rules, MAX_RULE_ROWS); i++) {
    const departments = ([] as unknown[]).concat(body[`tpl_d${i}_departments`] ?? []).filter((x): x is string => typeof x === 'string' && x.trim() !== '');
    dispatch.push({ when: text(body[`tpl_d${i}_when`]), departments: [...new Set(departments)], note: text(body[`tpl_d${i}_note`]) });
  }
  return {
    kind: text(body.tpl_kind),
    matrixCode: text(body.tpl_matrixCode),
    timeLimitHours: text(body.tpl_timeLimitHours),
    description: text(body.tpl_description),
    fields,
    dispatch,
  };
}

/**
 * What does the template form show for this template (none: an empty form)?
 * @example templateToForm({ kind: 'repair', fields: [], description: '停电', timeLimitHours: 4 }).timeLimitHours // '4'
 */
export function templateToForm(template: WorkOrderTemplate | undefined): TemplateFormValues {
  if (!template) return { kind: '', matrixCode: '', timeLimitHours: '', description: '', fields: [], dispatch: [] };
  return {
    kind: template.kind,
    matrixCode: template.matrixCode ?? '',
    timeLimitHours: template.timeLimitHours === undefined ? '' : String(template.timeLimitHours),
    description: template.description,
    fields: template.fields.map((field) => ({
      name: field.name,
      label: field.label,
      type: field.type,
      required: field.required === true,
      requiredSet: field.required !== undefined,
      options: (field.options ?? []).join('\n'),
      pattern: field.pattern ?? '',
      patternMessage: field.patternMessage ?? '',
      help: field.help ?? '',
    })),
    dispatch: (template.dispatch ?? []).map((rule) => ({
      when: Object.entries(rule.when)
        .map(([name, accepted]) => `${name} = ${Array.isArray(accepted) ? accepted.join(' | ') : accepted}`)
        .join('\n'),
      departments: [...rule.departments],
      note: rule.note ?? '',
    })),
  };
}

/** Is this field row untouched (a row added and left empty)? */
function blankRow(row: TemplateFieldRow): boolean {
  return !row.name.trim() && !row.label.trim() && !row.options.trim() && !row.pattern.trim() && !row.patternMessage.trim() && !row.help.trim();
}

/** Is this rule row untouched? */
function blankRule(rule: TemplateRuleRow): boolean {
  return !rule.when.trim() && rule.departments.length === 0 && !rule.note.trim();
}

/** A condition line: `field = value`, `field = a | b` (`＝` and `｜` too). */
const CONDITION_LINE = /^([^=＝]+)[=＝](.*)$/;

/** The template JSON the form describes (undefined: no template), form-level errors, and which row each built item came from. */
export function templateFromForm(tpl: TemplateFormValues): { value: unknown; errors: FormErrors; fieldRows: number[]; ruleRows: number[] } {
  const errors: FormErrors = {};
  const fieldRows = tpl.fields.flatMap((row, index) => (blankRow(row) ? [] : [index]));
  const ruleRows = tpl.dispatch.flatMap((rule, index) => (blankRule(rule) ? [] : [index]));
  if (!tpl.kind && fieldRows.length === 0 && ruleRows.length === 0 && !tpl.description.trim() && !tpl.matrixCode.trim() && !tpl.timeLimitHours.trim()) {
    return { value: undefined, errors, fieldRows, ruleRows };
  }
  const template: Record<string, unknown> = { kind: tpl.kind };
  if (tpl.matrixCode.trim()) template.matrixCode = tpl.matrixCode.trim();
  template.fields = fieldRows.map((index) => {
    const row = tpl.fields[index];
    const field: Record<string, unknown> = { name: row.name.trim(), label: row.label.trim(), type: row.type };
    if (row.required) field.required = true;
    else if (row.requiredSet) field.required = false;
    const options = nonBlankLines(row.options);
    if (options.length) field.options = options;
    if (row.pattern.trim()) field.pattern = row.pattern.trim();
    if (row.patternMessage.trim()) field.patternMessage = row.patternMessage.trim();
    if (row.help.trim()) field.help = row.help.trim();
    return field;
  });
  template.description = tpl.description.trim();
  if (ruleRows.length) {
    template.dispatch = ruleRows.map((index) => {
      const rule = tpl.dispatch[index];
      const when: Record<string, string | string[]> = {};
      nonBlankLines(rule.when).forEach((line, n) => {
        const match = CONDITION_LINE.exec(line);
        const name = match?.[1].trim() ?? '';
        const accepted = (match?.[2] ?? '').split(/[|｜]/).map((v) => v.trim()).filter(Boolean);
        if (!name || accepted.length === 0) push(errors, `tpl_d${index}_when`, `line ${n + 1}: write "field = value" or "field = value1 | value2"`);
        else when[name] = accepted.length === 1 ? accepted[0] : accepted;
      });
      const out: Record<string, unknown> = { when, departments: rule.departments };
      if (rule.note.trim()) out.note = rule.note.trim();
      return out;
    });
  }
  const hours = tpl.timeLimitHours.normalize('NFKC').trim();
  if (hours) {
    if (/^\d+(?:\.\d+)?$/.test(hours)) template.timeLimitHours = Number(hours);
    else push(errors, 'tpl_timeLimitHours', `timeLimitHours: write a number of hours, not "${tpl.timeLimitHours}"`);
  }
  return { value: template, errors, fieldRows, ruleRows };
}

/** The template form input a library-io message concerns (`template.fields[1].options` → `tpl_f{row}_options`). */
function templateInputOf(message: string, fieldRows: readonly number[], ruleRows: readonly number[]): string {
  const field = /^template\.fields\[(\d+)\](?:\.(\w+))?/.exec(message);
  if (field) {
    const row = fieldRows[Number(field[1])] ?? Number(field[1]);
    const prop = field[2] && ['name', 'label', 'type', 'options', 'pattern', 'patternMessage', 'help'].includes(field[2]) ? field[2] : 'name';
    return `tpl_f${row}_${prop}`;
  }
  const rule = /^template\.dispatch\[(\d+)\](?:\.(\w+))?/.exec(message);
  if (rule) {
    const row = ruleRows[Number(rule[1])] ?? Number(rule[1]);
    return `tpl_d${row}_${rule[2] === 'departments' || rule[2] === 'note' ? rule[2] : 'when'}`;
  }
  const top = /^template\.(kind|matrixCode|timeLimitHours|description)/.exec(message);
  return top ? `tpl_${top[1]}` : 'template';
}

/**
 * What does the editor show for this scenario? Lists one item per line, forbidden phrases as
 * `phrase => alternative`, the template as indented JSON.
 * @example scenarioToForm({ code: 'A', title: 't', keywords: ['x', 'y'] }, 3).keywords // 'x\ny'
 */
export function scenarioToForm(scenario: Scenario, version: number): ScenarioFormValues {
  const lines = (list: readonly string[] | undefined) => (list ?? []).join('\n');
  return {
    code: scenario.code,
    title: scenario.title,
    category: scenario.category ?? '',
    phrasings: lines(scenario.phrasings),
    keywords: lines(scenario.keywords),
    script: lines(scenario.script),
    inquiry: lines(scenario.inquiry),
    forbidden: lines(scenario.forbidden?.map((item) => `${item.phrase} => ${item.instead}`)),
    sensitivity: scenario.sensitivity === undefined ? '' : String(scenario.sensitivity),
    escalation: scenario.escalation ?? '',
    template: scenario.template ? JSON.stringify(scenario.template, null, 2) : '',
    templateMode: 'form',
    tpl: templateToForm(scenario.template),
    version: String(version),
  };
}

function nonBlankLines(text: string): string[] {
  return text
    .split(/\r\n|\n|\r/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** The editor field a library-io error path belongs to: `template.fields[0].name` → `template`. */
function fieldOf(path: string): string {
  const head = path.split(/[.:[\s]/, 1)[0];
  return (TEXT_FIELDS as readonly string[]).includes(head) ? head : 'form';
}

function push(errors: FormErrors, field: string, message: string) {
  (errors[field] ??= []).push(message);
}

/**
 * Is this form a valid scenario? Builds the same object an import line would hold and validates
 * it with the library's own reader (so the editor and import accept exactly the same things);
 * messages are filed under the field they concern. Blank optional fields are left out.
 * @example scenarioFromForm({ ...blank, code: 'TD-9', title: '停电', forbidden: '不知道' }).errors.forbidden
 * // ['line 1: write "phrase => alternative"']
 */
export function scenarioFromForm(values: ScenarioFormValues, matrix?: ResponsibilityMatrix): ScenarioFormResult {
  const errors: FormErrors = {};
  const object: Record<string, unknown> = { code: values.code.trim(), title: values.title.trim() };
  if (values.category.trim()) object.category = values.category.trim();
  for (const name of ['phrasings', 'keywords', 'script', 'inquiry'] as const) {
    const list = nonBlankLines(values[name]);
    if (list.length) object[name] = list;
  }
  const forbidden = nonBlankLines(values.forbidden).map((line, index) => {
    const match = FORBIDDEN_LINE.exec(line);
    const phrase = match?.[1].trim() ?? '';
    const instead = match?.[2].trim() ?? '';
    if (!phrase || !instead) push(errors, 'forbidden', `line ${index + 1}: write "phrase => alternative"`);
    return { phrase, instead };
  });
  if (forbidden.length && !errors.forbidden) object.forbidden = forbidden;
  const sensitivity = values.sensitivity.trim();
  if (sensitivity !== '') object.sensitivity = /^[0-3]$/.test(sensitivity) ? Number(sensitivity) : sensitivity;
  if (values.escalation.trim()) object.escalation = values.escalation.trim();
  let rows: { fieldRows: number[]; ruleRows: number[] } | undefined;
  const formErrors = new Set<string>();
  if (values.templateMode === 'form') {
    const built = templateFromForm(values.tpl);
    for (const [field, messages] of Object.entries(built.errors)) for (const message of messages ?? []) push(errors, field, message);
    for (const field of Object.keys(built.errors)) formErrors.add(field);
    if (built.value !== undefined) object.template = built.value;
    rows = built;
  } else if (values.template.trim()) {
    try {
      object.template = JSON.parse(values.template);
    } catch (error) {
      push(errors, 'template', `not valid JSON: ${(error as Error).message}`);
    }
  }
  // validate the rest even when a field above failed, so every problem shows at once
  const parsed = parseLibraryJsonl(JSON.stringify(object), { matrix });
  if (!parsed.ok) {
    for (const error of parsed.errors) {
      const field = fieldOf(error.message);
      const input = rows && field === 'template' ? templateInputOf(error.message, rows.fieldRows, rows.ruleRows) : field;
      // the form's own message about this input already says what is wrong (e.g. an unreadable condition line)
      if (rows && input !== 'template' && formErrors.has(input)) continue;
      push(errors, input, error.message);
    }
  }
  if (Object.keys(errors).length || !parsed.ok) return { ok: false, errors };
  return { ok: true, scenario: parsed.scenarios[0] };
}

/** A row operation of the template form (a button, so it works without JavaScript). */
export type TemplateOp = { op: 'addField' | 'addRule' } | { op: 'removeField' | 'upField' | 'downField' | 'removeRule'; row: number };

/**
 * Which row operation does this button value ask for? `addField`, `addRule`, `removeField:2`,
 * `upField:2`, `downField:2`, `removeRule:0`; anything else is none.
 * @example parseTemplateOp('upField:3') // { op: 'upField', row: 3 }
 */
export function parseTemplateOp(value: unknown): TemplateOp | undefined {
  const raw = text(value);
  if (raw === 'addField' || raw === 'addRule') return { op: raw };
  const match = /^(removeField|upField|downField|removeRule):(\d{1,3})$/.exec(raw);
  return match ? { op: match[1] as 'removeField' | 'upField' | 'downField' | 'removeRule', row: Number(match[2]) } : undefined;
}

/**
 * The template form after a row operation; everything typed in the other rows stays as it was.
 * @example applyTemplateOp(tpl, { op: 'upField', row: 1 }).fields // rows 0 and 1 swapped
 */
export function applyTemplateOp(tpl: TemplateFormValues, op: TemplateOp): TemplateFormValues {
  const fields = [...tpl.fields];
  const dispatch = [...tpl.dispatch];
  const emptyField: TemplateFieldRow = { name: '', label: '', type: 'text', required: false, requiredSet: false, options: '', pattern: '', patternMessage: '', help: '' };
  switch (op.op) {
    case 'addField':
      if (fields.length < MAX_FIELD_ROWS) fields.push(emptyField);
      break;
    case 'addRule':
      if (dispatch.length < MAX_RULE_ROWS) dispatch.push({ when: '', departments: [], note: '' });
      break;
    case 'removeField':
      fields.splice(op.row, 1);
      break;
    case 'removeRule':
      dispatch.splice(op.row, 1);
      break;
    case 'upField':
      if (op.row > 0 && op.row < fields.length) [fields[op.row - 1], fields[op.row]] = [fields[op.row], fields[op.row - 1]];
      break;
    case 'downField':
      if (op.row >= 0 && op.row + 1 < fields.length) [fields[op.row], fields[op.row + 1]] = [fields[op.row + 1], fields[op.row]];
      break;
  }
  return { ...tpl, fields, dispatch };
}

/**
 * The form values to show again after a failed save or a row operation: in form mode the JSON
 * view mirrors the form (when it builds a template object); in JSON mode both stay as typed.
 */
export function redisplayValues(values: ScenarioFormValues): ScenarioFormValues {
  if (values.templateMode !== 'form') return values;
  const built = templateFromForm(values.tpl);
  return { ...values, template: built.value === undefined ? '' : JSON.stringify(built.value, null, 2) };
}
