// Readable differences between two versions of a scenario, field by field, for the version history page.
import type { DispatchRule, Scenario, TemplateField, WorkOrderTemplate } from './scenario.ts';

/** A single value that was set, removed or changed (`null` = absent). */
export interface ValueChange {
  kind: 'value';
  /** Where, e.g. `title`, `template.kind`, `template.fields[account].required`. */
  path: string;
  before: string | null;
  after: string | null;
}

/** One line of a list diff: kept, added or removed. */
export interface DiffLine {
  op: 'kept' | 'added' | 'removed';
  text: string;
}

/** A list (phrasings, script steps, …) whose lines changed; all lines are listed in order with their op. */
export interface ListChange {
  kind: 'list';
  path: string;
  lines: DiffLine[];
}

/** One entry of the change list, e.g. `{ kind: 'value', path: 'title', before: '停电', after: '停电咨询' }`. */
export type ScenarioChange = ValueChange | ListChange;

/** Above this many cells the list diff gives up on alignment and shows the middle as removed then added. */
const MAX_LCS_CELLS = 1_000_000;

/**
 * How do two lists of lines differ? A longest-common-subsequence alignment: removed lines come
 * before added ones at each change.
 * @example diffLines(['a', 'b'], ['a', 'c']) // [{ op: 'kept', text: 'a' }, { op: 'removed', text: 'b' }, { op: 'added', text: 'c' }]
 */
export function diffLines(before: readonly string[], after: readonly string[]): DiffLine[] {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--;
    endAfter--;
  }
  const head = before.slice(0, start).map((text): DiffLine => ({ op: 'kept', text }));
  const tail = before.slice(endBefore).map((text): DiffLine => ({ op: 'kept', text }));
  return [...head, ...alignMiddle(before.slice(start, endBefore), after.slice(start, endAfter)), ...tail];
}

/** LCS alignment of the differing middle parts. */
function alignMiddle(a: readonly string[], b: readonly string[]): DiffLine[] {
  if ((a.length + 1) * (b.length + 1) > MAX_LCS_CELLS) {
    return [...a.map((text): DiffLine => ({ op: 'removed', text })), ...b.map((text): DiffLine => ({ op: 'added', text }))];
  }
  const width = b.length + 1;
  const common = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      common[i * width + j] = a[i] === b[j] ? common[(i + 1) * width + j + 1] + 1 : Math.max(common[(i + 1) * width + j], common[i * width + j + 1]);
    }
  }
  const lines: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      lines.push({ op: 'kept', text: a[i++] });
      j++;
    } else if (j >= b.length || (i < a.length && common[(i + 1) * width + j] >= common[i * width + j + 1])) {
      lines.push({ op: 'removed', text: a[i++] });
    } else {
      lines.push({ op: 'added', text: b[j++] });
    }
  }
  return lines;
}

/** Push a value change when the two renderings differ. */
function compareValue(changes: ScenarioChange[], path: string, before: string | null, after: string | null): void {
  if (before !== after) changes.push({ kind: 'value', path, before, after });
}

/** Push a list change when the two lists differ. */
function compareList(changes: ScenarioChange[], path: string, before: readonly string[] | undefined, after: readonly string[] | undefined): void {
  const a = before ?? [];
  const b = after ?? [];
  if (a.length === b.length && a.every((line, index) => line === b[index])) return;
  changes.push({ kind: 'list', path, lines: diffLines(a, b) });
}

function text(value: string | number | boolean | undefined): string | null {
  return value === undefined ? null : String(value);
}

/** A dispatch rule as one readable line: `pileOperator=国网电动汽车公司 → D-EV（note）`. */
function ruleLine(rule: DispatchRule): string {
  const conditions = Object.entries(rule.when)
    .map(([name, accepted]) => `${name}=${Array.isArray(accepted) ? accepted.join('|') : accepted}`)
    .join(', ');
  return `${conditions} → ${rule.departments.join(', ')}${rule.note ? `（${rule.note}）` : ''}`;
}

/** Field attributes compared one by one, in this order. */
const FIELD_ATTRIBUTES = ['label', 'type', 'required', 'pattern', 'patternMessage', 'help'] as const;

/** A field as one readable line, for fields added or removed whole. */
function fieldLine(field: TemplateField): string {
  return `${field.label} (${field.type}${field.required ? ', required' : ''})`;
}

function compareFields(changes: ScenarioChange[], before: readonly TemplateField[], after: readonly TemplateField[]): void {
  const names = (fields: readonly TemplateField[]) => fields.map((field) => field.name);
  const oldByName = new Map(before.map((field) => [field.name, field]));
  const newByName = new Map(after.map((field) => [field.name, field]));
  const kept = names(before).filter((name) => newByName.has(name));
  const keptAfter = names(after).filter((name) => oldByName.has(name));
  if (kept.join('\n') !== keptAfter.join('\n')) compareList(changes, 'template.fields (order)', kept, keptAfter);
  for (const field of before) {
    if (!newByName.has(field.name)) compareValue(changes, `template.fields[${field.name}]`, fieldLine(field), null);
  }
  for (const field of after) {
    const old = oldByName.get(field.name);
    if (!old) {
      compareValue(changes, `template.fields[${field.name}]`, null, fieldLine(field));
      continue;
    }
    for (const attribute of FIELD_ATTRIBUTES) {
      compareValue(changes, `template.fields[${field.name}].${attribute}`, text(old[attribute]), text(field[attribute]));
    }
    compareList(changes, `template.fields[${field.name}].options`, old.options, field.options);
  }
}

function compareTemplates(changes: ScenarioChange[], before: WorkOrderTemplate | undefined, after: WorkOrderTemplate | undefined): void {
  if (!before && !after) return;
  compareValue(changes, 'template.kind', text(before?.kind), text(after?.kind));
  compareValue(changes, 'template.matrixCode', text(before?.matrixCode), text(after?.matrixCode));
  compareValue(changes, 'template.timeLimitHours', text(before?.timeLimitHours), text(after?.timeLimitHours));
  compareValue(changes, 'template.description', text(before?.description), text(after?.description));
  compareFields(changes, before?.fields ?? [], after?.fields ?? []);
  compareList(changes, 'template.dispatch', before?.dispatch?.map(ruleLine), after?.dispatch?.map(ruleLine));
}

/**
 * What changed from version `a` to version `b` of a scenario? Scalars as before/after values,
 * lists (phrasings, keywords, script, inquiry, forbidden, dispatch rules, select options) as
 * line diffs, template fields by name (added, removed, attribute changed, reordered). Unchanged
 * fields produce nothing; identical versions give `[]`.
 * @example diffScenarios({ code: 'TD-1', title: '停电' }, { code: 'TD-1', title: '停电咨询' })
 * // [{ kind: 'value', path: 'title', before: '停电', after: '停电咨询' }]
 */
export function diffScenarios(a: Scenario, b: Scenario): ScenarioChange[] {
  const changes: ScenarioChange[] = [];
  compareValue(changes, 'code', a.code, b.code);
  compareValue(changes, 'title', a.title, b.title);
  compareValue(changes, 'category', text(a.category), text(b.category));
  compareList(changes, 'phrasings', a.phrasings, b.phrasings);
  compareList(changes, 'keywords', a.keywords, b.keywords);
  compareList(changes, 'script', a.script, b.script);
  compareList(changes, 'inquiry', a.inquiry, b.inquiry);
  const forbiddenLines = (scenario: Scenario) => scenario.forbidden?.map((item) => `${item.phrase} → ${item.instead}`);
  compareList(changes, 'forbidden', forbiddenLines(a), forbiddenLines(b));
  compareValue(changes, 'sensitivity', text(a.sensitivity), text(b.sensitivity));
  compareValue(changes, 'escalation', text(a.escalation), text(b.escalation));
  compareTemplates(changes, a.template, b.template);
  return changes;
}
