// Filing a work order from a scenario's template: validate, look up the customer's recent
// complaints, prepare (route, deadline, repeat flag), store and audit. Shared by the page and the API.
import type { Deps } from '../http/env.ts';
import { audit } from '../queries/audit.ts';
import { prepareWorkOrder, validateOrderFields, type FieldError, type OrderProblem } from '../../knowledge/workorder.ts';
import type { Scenario } from '../../knowledge/scenario.ts';
import { complaintsOfAccount, insertWorkOrder, loadMatrix, publishedScenario, type WorkOrderRow } from './queries.ts';

/** Days within which a complaint with the same account and third-level situation is a repeat (重复投诉), unless the settings say otherwise. */
export const REPEAT_WINDOW_DAYS = 30;

/** The settings key that overrides the repeat window (a whole number of days, 1–366). */
export const REPEAT_WINDOW_SETTING = 'knowledge.repeat_window_days';

/**
 * How many days back does a complaint count towards a repeat? The `knowledge.repeat_window_days`
 * setting when it holds a whole number from 1 to 366, else 30.
 * @example await repeatWindowDays(sql) // 30
 */
export async function repeatWindowDays(sql: Deps['sql']): Promise<number> {
  const [row] = await sql<{ value: string }[]>`SELECT value FROM settings WHERE key = ${REPEAT_WINDOW_SETTING}`;
  const days = row && /^\d{1,3}$/.test(row.value.trim()) ? Number(row.value.trim()) : NaN;
  return days >= 1 && days <= 366 ? days : REPEAT_WINDOW_DAYS;
}

/** The repeat window as stored (its raw text), or undefined when the default applies. */
export async function storedRepeatWindow(sql: Deps['sql']): Promise<string | undefined> {
  const [row] = await sql<{ value: string }[]>`SELECT value FROM settings WHERE key = ${REPEAT_WINDOW_SETTING}`;
  return row?.value;
}

/**
 * Is this text a valid repeat window (a whole number of days from 1 to 366, full-width digits
 * allowed)? Returns the days or undefined.
 * @example parseRepeatWindow(' ６０ ') // 60
 * @example parseRepeatWindow('0') // undefined
 */
export function parseRepeatWindow(text: string): number | undefined {
  const trimmed = text.normalize('NFKC').trim();
  if (!/^\d{1,3}$/.test(trimmed)) return undefined;
  const days = Number(trimmed);
  return days >= 1 && days <= 366 ? days : undefined;
}

/**
 * Sets the repeat window to `days` if the stored value is still `expected` (undefined: not set),
 * so two people saving at once do not silently overwrite each other. Returns false on a conflict.
 */
export async function saveRepeatWindow(sql: Deps['sql'], days: number, expected: string | undefined): Promise<boolean> {
  return sql.begin(async (tx) => {
    const [row] = await tx<{ value: string }[]>`SELECT value FROM settings WHERE key = ${REPEAT_WINDOW_SETTING} FOR UPDATE`;
    if (row?.value !== expected) return false;
    await tx`INSERT INTO settings (key, value) VALUES (${REPEAT_WINDOW_SETTING}, ${String(days)}) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`;
    return true;
  }) as Promise<boolean>;
}

export type FileResult =
  | { ok: true; order: WorkOrderRow }
  | { ok: false; reason: 'unknown-scenario' }
  | { ok: false; reason: 'invalid'; scenario: Scenario; version: number; values: Record<string, string>; errors: Record<string, FieldError>; problems: OrderProblem[] };

export interface FileInput {
  code: string;
  channel: string;
  values: Readonly<Record<string, unknown>>;
  agent: { id: number; username: string };
  requestId?: string;
}

/**
 * Files an order for the published version of scenario `code`; unknown scenarios and invalid
 * forms come back as reasons, never thrown.
 * @example await fileWorkOrder(deps, { code: 'TS-001', channel: '95598', values: { … }, agent }) // { ok: true, order: { number: 'GD20261125-000001', … } }
 */
export async function fileWorkOrder(deps: Deps, input: FileInput): Promise<FileResult> {
  const { sql, now, config } = deps;
  const published = await publishedScenario(sql, input.code);
  if (!published) return { ok: false, reason: 'unknown-scenario' };
  const { scenario, version } = published;
  const at = now();
  const template = scenario.template;
  let recentOrders: Awaited<ReturnType<typeof complaintsOfAccount>> = [];
  const windowDays = template?.kind === 'complaint' ? await repeatWindowDays(sql) : REPEAT_WINDOW_DAYS;
  if (template?.kind === 'complaint') {
    const checked = validateOrderFields(template, input.values);
    const accountField = template.fields.find((f) => f.type === 'account' && checked.values[f.name] !== '' && !checked.errors[f.name]);
    if (accountField) {
      const since = new Date(at.getTime() - windowDays * 24 * 3_600_000);
      recentOrders = await complaintsOfAccount(sql, checked.values[accountField.name], since);
    }
  }
  const prepared = prepareWorkOrder({
    scenario,
    values: input.values,
    channel: input.channel,
    now: at,
    matrix: await loadMatrix(sql),
    recentOrders,
    repeatWindowDays: windowDays,
  });
  if (!prepared.ok) {
    return { ok: false, reason: 'invalid', scenario, version, values: prepared.values, errors: prepared.errors, problems: prepared.problems };
  }
  const order = await insertWorkOrder(sql, { order: prepared.order, scenarioVersion: version, agentId: input.agent.id, timeZone: config.timeZone });
  await audit(sql, {
    at,
    actorId: input.agent.id,
    actorName: input.agent.username,
    action: 'work_order.create',
    target: `work_order:${order.id}`,
    detail: { number: order.number, scenario: scenario.code, version, owner: order.owner_dept, responsible: order.responsible_depts, repeat: order.repeat },
    requestId: input.requestId,
  });
  return { ok: true, order };
}
