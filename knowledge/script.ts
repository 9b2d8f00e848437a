// Placeholders such as `{name}` in scenario scripts and work-order description templates: find them and fill them from field values.
import type { WorkOrderTemplate } from './scenario.ts';

/** Placeholder syntax: an identifier in braces. `{ 户号 }` or `{1}` are ordinary text. */
const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** Field values by field name; `undefined` or blank means "not filled". */
export type FieldValues = Readonly<Record<string, string | undefined>>;

/**
 * Which placeholders does this text use, in order of first appearance, without repeats?
 * @example placeholdersIn('客户{name}，户号{account}，{name}') // ['name', 'account']
 */
export function placeholdersIn(text: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(PLACEHOLDER)) {
    if (!names.includes(match[1])) names.push(match[1]);
  }
  return names;
}

/** Is this value filled in (not missing, not only whitespace)? */
function isFilled(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== '';
}

/**
 * What does this script line read like with the known values filled in? Placeholders without a
 * value stay visible as `{name}` so the agent sees what is still to ask. Values are inserted
 * verbatim, never re-scanned for placeholders.
 * @example fillText('您好，{name}先生', { name: '张' }) // '您好，张先生'
 * @example fillText('户号{account}', {}) // '户号{account}'
 */
export function fillText(text: string, values: FieldValues): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = Object.hasOwn(values, name) ? values[name] : undefined;
    return isFilled(value) ? value : whole;
  });
}

/**
 * What do the script steps read like with the known values filled in?
 * @example fillScript(['您好{name}', '请提供户号'], { name: '张先生' }) // ['您好张先生', '请提供户号']
 */
export function fillScript(steps: readonly string[], values: FieldValues): string[] {
  return steps.map((step) => fillText(step, values));
}

/** The result of filling a work-order description. */
export interface FilledDescription {
  /** The description text; the parts about empty optional fields are left out, required or unknown ones stay as `{name}`. */
  text: string;
  /** Required fields the description names that have no value (each is a validation error). */
  missingRequired: string[];
  /** Placeholders that name no field of the template (a template defect; they stay visible). */
  unknown: string[];
}

const OPENERS = '（(【[「';
const CLOSERS = '）)】]」';
/** Delimiters that join clauses within a sentence; dropping a clause takes one of them with it. */
const SOFT = '，、；,;';
/** Delimiters that end a sentence. */
const HARD = '。！？!?';

/**
 * What is the work-order description for these values, and which required fields does it still lack?
 * An optional field left empty takes its part of the text with it, so no empty brackets or dangling
 * labels remain: a bracket group whose every placeholder is an empty optional field goes
 * (`（户号{account}）`), then a clause (text between `，、；。` outside brackets) whose every
 * placeholder is an empty optional field goes with one delimiter (`，损失情况：{loss}`); an empty
 * optional field inside a clause that also holds a value is filled with nothing, and a colon left
 * with nothing after it goes. A required field without value is reported and stays visible.
 * @example fillDescription({ kind: 'repair', fields: [{ name: 'addr', label: '地址', type: 'text', required: true }], description: '{addr}停电' }, { addr: '人民路1号' })
 * // { text: '人民路1号停电', missingRequired: [], unknown: [] }
 * @example fillDescription(TS-003's template, { name: '王', address: '人民路1号', visitTime: '2026-11-05T08:05', issue: '态度恶劣' }).text
 * // '客户王投诉人民路1号抢修人员于2026-11-05T08:05态度恶劣。' (no '（）' for the empty staffInfo)
 */
export function fillDescription(template: Pick<WorkOrderTemplate, 'fields' | 'description'>, values: FieldValues): FilledDescription {
  const fields = new Map(template.fields.map((field) => [field.name, field]));
  const missingRequired: string[] = [];
  const unknown: string[] = [];
  const valueOf = (name: string) => (Object.hasOwn(values, name) ? values[name] : undefined);
  /** Placeholders of an optional field without value. */
  const isEmptyOptional = (name: string) => {
    const field = fields.get(name);
    return field !== undefined && !field.required && !isFilled(valueOf(name));
  };
  const onlyEmpty = (part: string) => {
    const names = placeholdersIn(part);
    return names.length > 0 && names.every(isEmptyOptional);
  };
  const kept = dropClauses(dropBracketGroups(template.description, onlyEmpty), onlyEmpty);
  const filled = kept.replace(PLACEHOLDER, (whole, name: string) => {
    const field = fields.get(name);
    if (!field) {
      if (!unknown.includes(name)) unknown.push(name);
      return whole;
    }
    const value = valueOf(name);
    if (isFilled(value)) return value;
    if (field.required) {
      if (!missingRequired.includes(name)) missingRequired.push(name);
      return whole;
    }
    return '';
  });
  // placeholders in dropped parts are empty optional fields, so nothing above was missed
  const text = filled.replace(/[：:]\s*(?=[，、；。！？,;!?）)】\]」]|$)/g, '');
  return { text, missingRequired, unknown };
}

/** The text without the bracket groups (no nesting) for which `drop` says yes. */
function dropBracketGroups(text: string, drop: (inner: string) => boolean): string {
  return text.replace(/[（(【[「]([^（）()【】[\]「」]*)[）)】\]」]/g, (group: string, inner: string) => (drop(inner) ? '' : group));
}

/** The text without the clauses (split at delimiters outside brackets) for which `drop` says yes, each with one delimiter. */
function dropClauses(text: string, drop: (clause: string) => boolean): string {
  const parts: string[] = ['']; // even: clause, odd: delimiter
  let depth = 0;
  for (const ch of text) {
    if (OPENERS.includes(ch)) depth++;
    else if (CLOSERS.includes(ch)) depth = Math.max(0, depth - 1);
    if (depth === 0 && (SOFT.includes(ch) || HARD.includes(ch))) parts.push(ch, '');
    else parts[parts.length - 1] += ch;
  }
  for (let i = 0; i < parts.length; i += 2) {
    if (!drop(parts[i])) continue;
    parts[i] = '';
    if (i > 0 && SOFT.includes(parts[i - 1]) && parts[i - 1] !== '') parts[i - 1] = '';
    else if (i + 1 < parts.length) parts[i + 1] = '';
  }
  return parts.join('');
}
