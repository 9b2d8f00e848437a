// Work-order rules at filing time: validate and normalise the template's fields, fill, classify, route, set the deadline, flag repeat complaints, mask for lists.
import type { ResponsibilityMatrix } from './matrix.ts';
import { routeOrder, type Route } from './routing.ts';
import { DEFAULT_TIME_LIMIT_HOURS, type OrderKind, type Scenario, type TemplateField, type WorkOrderTemplate } from './scenario.ts';
import { fillDescription } from './script.ts';

/** Where an order came in: a 95598 call, online, or transferred from the 12345 / 12398 hotlines. */
export const CHANNELS = ['95598', 'online', '12345', '12398'] as const;
/** One of CHANNELS, e.g. `12345` for an order transferred from the city hotline. */
export type Channel = (typeof CHANNELS)[number];

/** A field error as a message key and parameters, so the UI can translate it. `params.label` is always the field label. */
export interface FieldError {
  key: 'required' | 'pattern' | 'option' | 'phone' | 'account' | 'number' | 'date';
  params: Record<string, string | string[]>;
}

/** The outcome of validating a form: normalised values (every template field, '' when empty) and errors by field name. */
export interface FieldValidation {
  ok: boolean;
  values: Record<string, string>;
  errors: Record<string, FieldError>;
}

const MOBILE = /^1[3-9]\d{9}$/;
/** Area code 010 or 02x with 8 digits, or a 4-digit area code 0xxx with 7 or 8 digits. */
const LANDLINE = /^(?:0(?:10|2\d)\d{8}|0[3-9]\d{2}\d{7,8})$/;
const ACCOUNT = /^\d{10}$/;
const NUMBER = /^[+-]?(?:\d+(?:\.\d+)?|\.\d+)$/;
const YES = ['是', 'yes', 'y', 'true', '1', '有', 'on'];
const NO = ['否', 'no', 'n', 'false', '0', '无'];

/** The submitted value as text: NFKC (full-width forms folded), trimmed; anything not a string, number or boolean is empty. */
function normaliseText(raw: unknown): string {
  if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
  if (typeof raw !== 'string') return '';
  return raw.normalize('NFKC').trim();
}

/**
 * What are the digits of this phone number, if it is a mainland mobile (1[3-9] and 9 digits) or a
 * landline with its area code? Spaces, dashes, dots and brackets are ignored, a +86/0086 prefix is dropped.
 * @example phoneDigits('+86 138-1234-5678') // '13812345678'
 * @example phoneDigits('(0571) 8765 4321') // '057187654321'
 * @example phoneDigits('12345') // undefined
 */
export function phoneDigits(text: string): string | undefined {
  let digits = text.normalize('NFKC').replace(/[\s\-.()]/g, '');
  digits = digits.replace(/^(?:\+86|0086)/, '');
  if (!/^\d+$/.test(digits)) return undefined;
  return MOBILE.test(digits) || LANDLINE.test(digits) ? digits : undefined;
}

/** Is this y-m-d a real calendar date? */
function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * What ISO date (`YYYY-MM-DD`) is written here? Accepts `2026-11-05`, `2026/11/5`, `2026.11.5` and `2026年11月5日`.
 * @example isoDate('2026年2月3日') // '2026-02-03'
 * @example isoDate('2026-02-30') // undefined
 */
export function isoDate(text: string): string | undefined {
  const match = /^(\d{4})(?:[-/.](\d{1,2})[-/.](\d{1,2})|年(\d{1,2})月(\d{1,2})日?)$/.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2] ?? match[4]);
  const day = Number(match[3] ?? match[5]);
  if (!isCalendarDate(year, month, day)) return undefined;
  return `${match[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * What local date-time (`YYYY-MM-DDTHH:mm`, no zone) is written here? A date as for `isoDate`, then a space or `T`, then `H:mm` with optional seconds (dropped).
 * @example isoDateTime('2026/11/5 8:05') // '2026-11-05T08:05'
 */
export function isoDateTime(text: string): string | undefined {
  const match = /^(.+?)[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (!match) return undefined;
  const date = isoDate(match[1]);
  const hour = Number(match[2]);
  const minute = Number(match[3]);
  const second = Number(match[4] ?? 0);
  if (!date || hour > 23 || minute > 59 || second > 59) return undefined;
  return `${date}T${String(hour).padStart(2, '0')}:${match[3]}`;
}

/**
 * What regular expression checks a field's `pattern` against the whole value? Undefined when the
 * pattern does not compile (import rejects such templates; at filing time it is not enforced).
 * @example wholeValuePattern('\\d{6}')?.test('123456') // true; '1234567' fails
 */
export function wholeValuePattern(pattern: string): RegExp | undefined {
  try {
    return new RegExp(`^(?:${pattern})$`);
  } catch {
    return undefined;
  }
}

/** The normalised value of one non-empty field, or the error it raises. */
function checkField(field: TemplateField, text: string): { value: string } | { error: FieldError } {
  const label = field.label;
  let value = text;
  switch (field.type) {
    case 'select': {
      const option = (field.options ?? []).find((candidate) => candidate.normalize('NFKC').trim() === text);
      if (option === undefined) return { error: { key: 'option', params: { label, options: [...(field.options ?? [])] } } };
      value = option;
      break;
    }
    case 'yesno':
      if (YES.includes(text.toLowerCase())) value = '是';
      else if (NO.includes(text.toLowerCase())) value = '否';
      else return { error: { key: 'option', params: { label, options: ['是', '否'] } } };
      break;
    case 'phone': {
      const digits = phoneDigits(text);
      if (digits === undefined) return { error: { key: 'phone', params: { label } } };
      value = digits;
      break;
    }
    case 'account': {
      const digits = text.replace(/[\s-]/g, '');
      if (!ACCOUNT.test(digits)) return { error: { key: 'account', params: { label } } };
      value = digits;
      break;
    }
    case 'number':
      if (!NUMBER.test(text.replace(/,/g, ''))) return { error: { key: 'number', params: { label } } };
      value = text.replace(/,/g, '');
      break;
    case 'date': {
      const date = isoDate(text);
      if (date === undefined) return { error: { key: 'date', params: { label, format: 'YYYY-MM-DD' } } };
      value = date;
      break;
    }
    case 'datetime': {
      const dateTime = isoDateTime(text);
      if (dateTime === undefined) return { error: { key: 'date', params: { label, format: 'YYYY-MM-DD HH:mm' } } };
      value = dateTime;
      break;
    }
    default:
      break;
  }
  const pattern = field.pattern === undefined ? undefined : wholeValuePattern(field.pattern);
  if (pattern && !pattern.test(value)) {
    const params: Record<string, string> = { label };
    if (field.patternMessage) params.message = field.patternMessage;
    return { error: { key: 'pattern', params } };
  }
  return { value };
}

/**
 * Are these submitted values valid for the template, and what are they once normalised? Values are
 * NFKC-normalised and trimmed; phones and accounts become digits, dates ISO, yes/no `是`/`否`
 * (a checkbox's `on` is yes), a select value the option as written in the template. A
 * `pattern` must match the whole normalised value. Values for names the template lacks are dropped.
 * @example validateOrderFields({ kind: 'repair', description: '', fields: [{ name: 'tel', label: '电话', type: 'phone', required: true }] }, { tel: '１３８ 1234 5678' })
 * // { ok: true, values: { tel: '13812345678' }, errors: {} }
 */
export function validateOrderFields(template: Pick<WorkOrderTemplate, 'fields'>, values: Readonly<Record<string, unknown>>): FieldValidation {
  const normalised: Record<string, string> = {};
  const errors: Record<string, FieldError> = {};
  for (const field of template.fields) {
    const text = normaliseText(Object.hasOwn(values, field.name) ? values[field.name] : undefined);
    normalised[field.name] = text;
    if (text === '') {
      if (field.required) errors[field.name] = { key: 'required', params: { label: field.label } };
      continue;
    }
    const checked = checkField(field, text);
    if ('error' in checked) errors[field.name] = checked.error;
    else normalised[field.name] = checked.value;
  }
  return { ok: Object.keys(errors).length === 0, values: normalised, errors };
}

/** An order filed earlier, as much as repeat detection needs. */
export interface PastOrder {
  id: string;
  kind: OrderKind;
  /** Customer account (10 digits), if the order had one. */
  account?: string;
  matrixCode?: string;
  createdAt: Date;
}

/** The order to store, as decided at filing time. */
export interface PreparedWorkOrder {
  scenarioCode: string;
  kind: OrderKind;
  channel: Channel;
  /** Normalised field values. */
  values: Record<string, string>;
  description: string;
  /** Matrix classification (levels 1–3), when the template names a matrix code. */
  classification?: { matrixCode: string; level1: string; level2: string; level3: string };
  /**
   * Where the order goes. Absent only for a consultation answered on the call: its template
   * names no matrix code and no dispatch rule matched, so nothing is dispatched.
   */
  route?: Route;
  /** The customer account and phone taken from the first `account` / `phone` field, if filled. */
  account?: string;
  phone?: string;
  createdAt: Date;
  timeLimitHours: number;
  deadline: Date;
  /** 重复投诉: a complaint with the same account and third-level code was filed within the window. */
  repeat: boolean;
  /** Ids of the earlier complaints that make this a repeat. */
  repeatOf: string[];
}

/** A problem with filing that is not a field error (the agent cannot fix it in the form). */
export interface OrderProblem {
  key: 'channel' | 'template' | 'route';
  message: string;
}

/** Everything prepareWorkOrder needs; `template` defaults to the scenario's template, the window to 30 days. */
export interface PrepareInput {
  scenario: Pick<Scenario, 'code' | 'template'>;
  template?: WorkOrderTemplate;
  values: Readonly<Record<string, unknown>>;
  channel: string;
  now: Date;
  matrix: ResponsibilityMatrix;
  recentOrders?: readonly PastOrder[];
  repeatWindowDays?: number;
}

/** The order to store, or the field errors (beside the fields) and problems (not the agent's to fix) that prevent it. */
export type PrepareResult =
  | { ok: true; order: PreparedWorkOrder }
  | { ok: false; values: Record<string, string>; errors: Record<string, FieldError>; problems: OrderProblem[] };

const HOUR_MS = 3_600_000;

/**
 * Which earlier complaints make this one a repeat (重复投诉)? Same account, same third-level
 * code, filed as a complaint within `windowDays` before `now` (inclusive).
 * @example repeatsOf([{ id: 'W1', kind: 'complaint', account: '3100012345', matrixCode: 'C02-01', createdAt: new Date('2026-11-01') }], '3100012345', 'C02-01', new Date('2026-11-20'), 30) // ['W1']
 */
export function repeatsOf(orders: readonly PastOrder[], account: string, matrixCode: string, now: Date, windowDays: number): string[] {
  const from = now.getTime() - windowDays * 24 * HOUR_MS;
  return orders
    .filter((order) => order.kind === 'complaint' && order.account === account && order.matrixCode === matrixCode)
    .filter((order) => order.createdAt.getTime() >= from && order.createdAt.getTime() <= now.getTime())
    .map((order) => order.id);
}

/**
 * What order should be stored for this submission? Validates the fields, fills the description,
 * classifies by the template's matrix code, routes (dispatch rules, then matrix; a consultation
 * with neither is answered on the call and left unrouted, any other kind is refused), sets
 * `deadline = now + timeLimitHours` (template's own, else the kind's default; calendar hours),
 * and flags a complaint as a repeat when an earlier complaint matches (see `repeatsOf`).
 * @example prepareWorkOrder({ scenario, values: { account: '3100012345' }, channel: '95598', now, matrix })
 * // { ok: true, order: { kind: 'complaint', deadline: now + 144 h, repeat: false, ... } }
 */
export function prepareWorkOrder(input: PrepareInput): PrepareResult {
  const template = input.template ?? input.scenario.template;
  if (!template) {
    return { ok: false, values: {}, errors: {}, problems: [{ key: 'template', message: `scenario ${input.scenario.code} has no work-order template` }] };
  }
  const checked = validateOrderFields(template, input.values);
  const problems: OrderProblem[] = [];
  if (!(CHANNELS as readonly string[]).includes(input.channel)) {
    problems.push({ key: 'channel', message: `unknown channel ${input.channel}; expected one of ${CHANNELS.join(', ')}` });
  }
  const routed = routeOrder(template, checked.values, input.matrix);
  const answeredOnCall = !routed.ok && routed.error === 'no-matrix-code' && template.kind === 'consultation';
  if (!routed.ok && !answeredOnCall) problems.push({ key: 'route', message: routed.reason });
  if (!checked.ok || problems.length > 0) {
    return { ok: false, values: checked.values, errors: checked.errors, problems };
  }
  const entry = input.matrix.entries.find((candidate) => candidate.code === template.matrixCode);
  const account = firstOfType(template, checked.values, 'account');
  const phone = firstOfType(template, checked.values, 'phone');
  const timeLimitHours = template.timeLimitHours ?? DEFAULT_TIME_LIMIT_HOURS[template.kind];
  const repeatOf =
    template.kind === 'complaint' && account !== undefined && entry
      ? repeatsOf(input.recentOrders ?? [], account, entry.code, input.now, input.repeatWindowDays ?? 30)
      : [];
  const order: PreparedWorkOrder = {
    scenarioCode: input.scenario.code,
    kind: template.kind,
    channel: input.channel as Channel,
    values: checked.values,
    description: fillDescription(template, descriptionValues(template, checked.values)).text,
    createdAt: new Date(input.now.getTime()),
    timeLimitHours,
    deadline: new Date(input.now.getTime() + timeLimitHours * HOUR_MS),
    repeat: repeatOf.length > 0,
    repeatOf,
  };
  if (routed.ok) order.route = routed;
  if (entry) order.classification = { matrixCode: entry.code, level1: entry.level1, level2: entry.level2, level3: entry.level3 };
  if (account !== undefined) order.account = account;
  if (phone !== undefined) order.phone = phone;
  return { ok: true, order };
}

/**
 * The values as the description reads them: a date-time as `2026-11-24 15:30` rather than the
 * stored ISO `2026-11-24T15:30`; everything else as stored.
 */
export function descriptionValues(template: Pick<WorkOrderTemplate, 'fields'>, values: Record<string, string>): Record<string, string> {
  const out = { ...values };
  for (const field of template.fields) {
    if (field.type === 'datetime' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(out[field.name] ?? '')) out[field.name] = out[field.name].replace('T', ' ');
  }
  return out;
}

/** The value of the first filled field of this type, if any. */
function firstOfType(template: Pick<WorkOrderTemplate, 'fields'>, values: Record<string, string>, type: TemplateField['type']): string | undefined {
  const field = template.fields.find((candidate) => candidate.type === type && values[candidate.name] !== '');
  return field ? values[field.name] : undefined;
}

/**
 * How is this phone number shown in lists? First 3 and last 4 digits, the rest as `****`; numbers under 10 digits are fully masked.
 * @example maskPhone('13812345678') // '138****5678'
 */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 10) return digits === '' ? '' : '****';
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

/**
 * How is this customer account shown in lists? First 4 and last 2 digits, the rest as `****`; accounts under 8 digits are fully masked.
 * @example maskAccount('3100012345') // '3100****45'
 */
export function maskAccount(account: string): string {
  const digits = account.replace(/\D/g, '');
  if (digits.length < 8) return digits === '' ? '' : '****';
  return `${digits.slice(0, 4)}****${digits.slice(-2)}`;
}
