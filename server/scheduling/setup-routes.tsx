// The rulebook setup (/rosters/setup): schedulers switch rules on or off, make them hard or soft, and set weights and
// parameters; every change is validated against the rule's parameter shape, checked for concurrent edits and audited.
import { HTTPException } from 'hono/http-exception';
import type { SecureRouter } from '../http/access.ts';
import { type Ctx, viewContext } from '../http/env.ts';
import { render } from '../http/render.tsx';
import { audit } from '../queries/audit.ts';
import type { Sql } from '../db/index.ts';
import { DEMO_RULEBOOK } from '../../scheduling/roster/rules.ts';
import { RulesSetupPage, type RuleSetupRow, type RulesSetupView } from '../../views/scheduling/setup-pages.tsx';

/** The rules in book order; `version` fingerprints the editable values (no version column needed). */
async function loadRules(sql: Sql): Promise<RuleSetupRow[]> {
  const rows = await sql<{ id: string; name: string; name_en: string; hard: boolean; weight: number; params: Record<string, unknown>; enabled: boolean; version: string }[]>`
    SELECT id, name, name_en, hard, weight, params, enabled, md5(concat_ws('|', enabled, hard, weight, params::text)) AS version
    FROM rules ORDER BY sort, id`;
  return rows.map((r) => ({ id: r.id, name: r.name, nameEn: r.name_en, hard: r.hard, weight: r.weight, params: JSON.stringify(r.params ?? {}), enabled: r.enabled, version: r.version }));
}

/**
 * Checks a rule's parameters against the shape of the rulebook's defaults: the same keys; numbers stay non-negative
 * numbers (whole for counts and minutes such as maxDays, minMinutes, leaveCreditMinutes); `pairs` are pairs of known shift codes; `shifts` known shift codes.
 * @example paramsProblem('min-rest', '{"minMinutes": -5}', ['E']) // { key: 'setup.params.number', vars: { key: 'minMinutes' } }
 */
export function paramsProblem(id: string, text: string, shiftCodes: readonly string[]): { key: string; vars?: Record<string, string> } | { value: Record<string, unknown> } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { key: 'setup.params.json' };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { key: 'setup.params.json' };
  const obj = value as Record<string, unknown>;
  const base = DEMO_RULEBOOK.find((r) => r.id === id)?.params ?? {};
  const want = Object.keys(base).sort();
  const have = Object.keys(obj).sort();
  if (want.join(',') !== have.join(',')) return { key: 'setup.params.keys', vars: { keys: want.length ? want.join(', ') : '—' } };
  const known = new Set(shiftCodes);
  for (const k of want) {
    const b = base[k];
    const x = obj[k];
    if (typeof b === 'number') {
      if (typeof x !== 'number' || !Number.isFinite(x) || x < 0 || (COUNT_PARAM.test(k) && !Number.isInteger(x)) || x > 1_000_000) return { key: 'setup.params.number', vars: { key: k } };
    } else if (k === 'pairs') {
      if (!Array.isArray(x) || !x.every((p) => Array.isArray(p) && p.length === 2 && p.every((s) => typeof s === 'string' && known.has(s)))) return { key: 'setup.params.pairs', vars: { key: k } };
    } else if (Array.isArray(b)) {
      if (!Array.isArray(x) || !x.length || !x.every((s) => typeof s === 'string' && known.has(s))) return { key: 'setup.params.shifts', vars: { key: k } };
    }
  }
  return { value: obj };
}

/** Parameters that count days, nights, weekends or minutes: whole numbers. */
const COUNT_PARAM = /^(min|max)[A-Z]|Minutes$/;

async function page(c: Ctx, extra: Omit<RulesSetupView, 'rules'> = {}, status: 200 | 409 | 422 = 200) {
  const v: RulesSetupView = { rules: await loadRules(c.get('deps').sql), ...extra };
  return render(c, { title: c.get('t')('setup.title'), body: <RulesSetupPage ctx={viewContext(c)} v={v} />, status });
}

export function registerSetupRoutes(r: SecureRouter): void {
  r.get('/rosters/setup', ['scheduler'], async (c) => {
    const rules = await loadRules(c.get('deps').sql);
    const saved = rules.find((x) => x.id === c.req.query('saved'));
    const v: RulesSetupView = { rules, notice: saved ? c.get('t')('setup.saved', { rule: c.get('locale') === 'en' ? saved.nameEn : saved.name }) : undefined };
    return render(c, { title: c.get('t')('setup.title'), body: <RulesSetupPage ctx={viewContext(c)} v={v} /> });
  });

  r.post('/rosters/setup/rules/:id', ['scheduler'], async (c) => {
    const { sql, now } = c.get('deps');
    const t = c.get('t');
    const id = c.req.param('id') ?? '';
    const [rule] = (await loadRules(sql)).filter((x) => x.id === id);
    if (!rule) throw new HTTPException(404);
    const body = await c.req.parseBody();
    const str = (k: string) => (typeof body[k] === 'string' ? (body[k] as string).trim() : '');
    const enabled = str('enabled') === '1';
    const hard = str('hard') === '1';
    const weightText = str('weight');
    const paramsText = str('params');
    const errors: Record<string, string> = {};
    const weight = Number(weightText);
    if (!/^\d{1,6}$/.test(weightText) || weight > 100_000) errors.weight = t('setup.badWeight');
    const codes = (await sql<{ code: string }[]>`SELECT code FROM shift_types`).map((x) => x.code);
    const checked = paramsProblem(id, paramsText, codes);
    if ('key' in checked) errors.params = t(checked.key, checked.vars);
    const typed = { enabled, hard, weight: Number.isFinite(weight) ? weight : rule.weight, params: paramsText };
    if (Object.keys(errors).length) return page(c, { failed: { id, errors, typed }, problem: t('setup.invalid', { rule: c.get('locale') === 'en' ? rule.nameEn : rule.name }) }, 422);
    const params = (checked as { value: Record<string, unknown> }).value;
    const updated = await sql`
      UPDATE rules SET enabled = ${enabled}, hard = ${hard}, weight = ${weight}, params = ${sql.json(params as never)}
      WHERE id = ${id} AND md5(concat_ws('|', enabled, hard, weight, params::text)) = ${str('version')}
      RETURNING id`;
    if (!updated.length) return page(c, { failed: { id, errors: {}, typed }, problem: t('setup.conflict', { rule: c.get('locale') === 'en' ? rule.nameEn : rule.name }) }, 409);
    const user = c.get('user')!;
    await audit(sql, {
      at: now(),
      actorId: user.id,
      actorName: user.username,
      action: 'roster.rule.update',
      target: `rule:${id}`,
      requestId: c.get('requestId'),
      detail: { before: { enabled: rule.enabled, hard: rule.hard, weight: rule.weight, params: JSON.parse(rule.params) }, after: { enabled, hard, weight, params } } as never,
    });
    return c.redirect(`/rosters/setup?saved=${encodeURIComponent(id)}#rule-${id}`, 303);
  });
}
