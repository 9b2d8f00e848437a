// The rulebook setup page: every rule of the centre's 排班管理实施细则 with its switch, kind, weight and parameters.
import type { ViewContext } from '../context.ts';
import { Flash, PostForm } from '../components.tsx';
import { SchedulingTabs } from './pages.tsx';

/** One rule as the setup page shows and edits it. */
export interface RuleSetupRow {
  id: string;
  name: string;
  nameEn: string;
  hard: boolean;
  weight: number;
  params: string;
  enabled: boolean;
  /** Fingerprint of the stored values; a save with another fingerprint is a concurrent edit. */
  version: string;
}

export interface RulesSetupView {
  rules: RuleSetupRow[];
  /** The rule whose form failed, with its field errors; its row shows what was typed. */
  failed?: { id: string; errors: Record<string, string>; typed: Partial<RuleSetupRow> };
  notice?: string;
  problem?: string;
}

function RuleForm({ ctx, rule, failed }: { ctx: ViewContext; rule: RuleSetupRow; failed?: RulesSetupView['failed'] }) {
  const { t } = ctx;
  const mine = failed?.id === rule.id ? failed : undefined;
  const v = { ...rule, ...(mine?.typed ?? {}) };
  const e = mine?.errors ?? {};
  const f = (name: string) => `rule-${rule.id}-${name}`;
  return (
    <PostForm ctx={ctx} action={`/rosters/setup/rules/${rule.id}`} class={`rule-row${mine ? ' has-error' : ''}${v.enabled ? '' : ' disabled'}`} id={`rule-${rule.id}`}>
      <input type="hidden" name="version" value={rule.version} />
      <div class="rule-name">
        <strong>{ctx.locale === 'en' ? rule.nameEn : rule.name}</strong>
        <small>{rule.id}</small>
      </div>
      <div class="rule-enabled">
        <input type="checkbox" id={f('enabled')} name="enabled" value="1" checked={v.enabled} />
        <label for={f('enabled')}>{t('setup.enabled')}</label>
      </div>
      <div class="rule-kind">
        <label for={f('hard')} class="visually-hidden">
          {t('setup.kind')}
        </label>
        <select id={f('hard')} name="hard">
          <option value="1" selected={v.hard}>
            {t('roster.hard')}
          </option>
          <option value="0" selected={!v.hard}>
            {t('roster.soft')}
          </option>
        </select>
      </div>
      <div class={e.weight ? 'rule-weight has-error' : 'rule-weight'}>
        <label for={f('weight')} class="visually-hidden">
          {t('setup.weight')}
        </label>
        <input id={f('weight')} name="weight" type="number" min="0" max="100000" step="1" value={String(v.weight)} aria-invalid={e.weight ? 'true' : undefined} aria-describedby={e.weight ? f('weight-error') : undefined} />
        {e.weight ? (
          <p class="error" id={f('weight-error')}>
            {e.weight}
          </p>
        ) : null}
      </div>
      <div class={e.params ? 'rule-params has-error' : 'rule-params'}>
        <label for={f('params')} class="visually-hidden">
          {t('setup.params')}
        </label>
        <input id={f('params')} name="params" type="text" value={v.params} spellcheck={false} aria-invalid={e.params ? 'true' : undefined} aria-describedby={e.params ? f('params-error') : undefined} />
        {e.params ? (
          <p class="error" id={f('params-error')}>
            {e.params}
          </p>
        ) : null}
      </div>
      <div class="rule-save">
        <button type="submit">{t('setup.save')}</button>
      </div>
    </PostForm>
  );
}

/** The rulebook setup page. */
export function RulesSetupPage({ ctx, v }: { ctx: ViewContext; v: RulesSetupView }) {
  const { t } = ctx;
  return (
    <section class="panel rules-setup">
      <SchedulingTabs ctx={ctx} active="setup" />
      <h1>{t('setup.title')}</h1>
      <p class="lead">{t('setup.lead')}</p>
      {v.notice ? <Flash kind="ok">{v.notice}</Flash> : null}
      {v.problem ? <Flash kind="error">{v.problem}</Flash> : null}
      <div class="rule-table" role="group" aria-label={t('setup.title')}>
        <div class="rule-head" aria-hidden="true">
          <span>{t('setup.rule')}</span>
          <span>{t('setup.enabled')}</span>
          <span>{t('setup.kind')}</span>
          <span>{t('setup.weight')}</span>
          <span>{t('setup.params')}</span>
          <span />
        </div>
        {v.rules.map((rule) => (
          <RuleForm ctx={ctx} rule={rule} failed={v.failed} />
        ))}
      </div>
      <p class="hint">{t('setup.note')}</p>
    </section>
  );
}
