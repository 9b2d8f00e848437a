// The scenario editor's form: raw text as typed (kept on every error) to a validated scenario, and back.
import type { ResponsibilityMatrix } from '../../knowledge/matrix.ts';
import type { Scenario } from '../../knowledge/scenario.ts';
import { parseLibraryJsonl } from '../../knowledge/library-io.ts';

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
  /** The draft version the form was loaded at (optimistic concurrency). */
  version: string;
}

/** Field name → message; `form` holds problems not tied to one field. */
export type FormErrors = Partial<Record<keyof ScenarioFormValues | 'form', string[]>>;

export type ScenarioFormResult = { ok: true; scenario: Scenario } | { ok: false; errors: FormErrors };

const TEXT_FIELDS = ['code', 'title', 'category', 'phrasings', 'keywords', 'script', 'inquiry', 'forbidden', 'sensitivity', 'escalation', 'template', 'version'] as const;

/** A forbidden phrase and its alternative, split at the first `=>`, `→` or `⇒` (later ones belong to the alternative). */
const FORBIDDEN_LINE = /^(.*?)(?:=>|→|⇒)(.*)$/;

/**
 * What did the user type? Every editor field as a string (missing ones empty), from a parsed
 * form body.
 * @example formValuesFrom({ title: '停电' }).title // '停电'
 */
export function formValuesFrom(body: Record<string, unknown>): ScenarioFormValues {
  const values = {} as ScenarioFormValues;
  for (const name of TEXT_FIELDS) {
    const raw = body[name];
    const first = Array.isArray(raw) ? raw[0] : raw;
    values[name] = typeof first === 'string' ? first : '';
  }
  return values;
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
function fieldOf(path: string): keyof ScenarioFormValues | 'form' {
  const head = path.split(/[.:[\s]/, 1)[0];
  return (TEXT_FIELDS as readonly string[]).includes(head) ? (head as keyof ScenarioFormValues) : 'form';
}

function push(errors: FormErrors, field: keyof ScenarioFormValues | 'form', message: string) {
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
  if (values.template.trim()) {
    try {
      object.template = JSON.parse(values.template);
    } catch (error) {
      push(errors, 'template', `not valid JSON: ${(error as Error).message}`);
    }
  }
  // validate the rest even when a field above failed, so every problem shows at once
  const parsed = parseLibraryJsonl(JSON.stringify(object), { matrix });
  if (!parsed.ok) for (const error of parsed.errors) push(errors, fieldOf(error.message), error.message);
  if (Object.keys(errors).length || !parsed.ok) return { ok: false, errors };
  return { ok: true, scenario: parsed.scenarios[0] };
}
