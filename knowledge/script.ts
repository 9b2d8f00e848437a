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
  /** The description text; empty optional fields are left out, required or unknown ones stay as `{name}`. */
  text: string;
  /** Required fields the description names that have no value (each is a validation error). */
  missingRequired: string[];
  /** Placeholders that name no field of the template (a template defect; they stay visible). */
  unknown: string[];
}

/**
 * What is the work-order description for these values, and which required fields does it still lack?
 * An optional field left empty is filled with nothing; a required one is reported and stays visible.
 * @example fillDescription({ kind: 'repair', fields: [{ name: 'addr', label: '地址', type: 'text', required: true }], description: '{addr}停电' }, { addr: '人民路1号' })
 * // { text: '人民路1号停电', missingRequired: [], unknown: [] }
 */
export function fillDescription(template: Pick<WorkOrderTemplate, 'fields' | 'description'>, values: FieldValues): FilledDescription {
  const fields = new Map(template.fields.map((field) => [field.name, field]));
  const missingRequired: string[] = [];
  const unknown: string[] = [];
  const text = template.description.replace(PLACEHOLDER, (whole, name: string) => {
    const field = fields.get(name);
    if (!field) {
      if (!unknown.includes(name)) unknown.push(name);
      return whole;
    }
    const value = Object.hasOwn(values, name) ? values[name] : undefined;
    if (isFilled(value)) return value;
    if (field.required) {
      if (!missingRequired.includes(name)) missingRequired.push(name);
      return whole;
    }
    return '';
  });
  return { text, missingRequired, unknown };
}
