// The call screen of one scenario: script with placeholders filled from the form, inquiry checklist,
// forbidden phrases, escalation path, the work-order template form beside it, and the flag form.
import type { ViewContext } from '../context.ts';
import type { Scenario, TemplateField } from '../../knowledge/scenario.ts';
import { CHANNELS } from '../../knowledge/workorder.ts';
import { fillText } from '../../knowledge/script.ts';
import { CsrfField, Flash, PostForm } from '../components.tsx';
import { SensitivityBadge } from './agent-search.tsx';

export interface FlagFormState {
  kind: string;
  comment: string;
  errors: Record<string, string>;
}

export interface ScenarioPageProps {
  ctx: ViewContext;
  scenario: Scenario;
  version: number;
  /** What the agent typed (kept on errors). */
  values: Record<string, string>;
  channel: string;
  /** Translated field errors by field name. */
  errors: Record<string, string>;
  /** Problems not the agent's to fix (translated). */
  problems: string[];
  flag: FlagFormState;
  notice?: string;
}

/** A piece of script text with the unfilled `{placeholders}` marked, so the agent sees what is still to ask. */
function ScriptText({ text }: { text: string }) {
  const parts = text.split(/(\{[A-Za-z_][A-Za-z0-9_]*\})/);
  return <>{parts.map((p, i) => (i % 2 === 1 ? <span class="placeholder">{p}</span> : p))}</>;
}

/** The script panel; re-fetched (hx-post, so no personal data in URLs) with the form's values as the agent types. */
export function ScriptPanel({ ctx, scenario, values }: { ctx: ViewContext; scenario: Scenario; values: Record<string, string> }) {
  const { t } = ctx;
  return (
    <section
      id="script"
      class="panel script"
      hx-post={`/agent/scenarios/${encodeURIComponent(scenario.code)}/script`}
      hx-trigger="input delay:200ms from:#order-form, change from:#order-form"
      hx-include="#order-form"
      hx-target="this"
      hx-swap="outerHTML"
      hx-sync="this:replace"
    >
      <h2>{t('agent.scenario.script')}</h2>
      <p class="hint">{t('agent.scenario.scriptHint')}</p>
      <ol class="script-steps" data-testid="script">
        {(scenario.script ?? []).map((step) => (
          <li>
            <ScriptText text={fillText(step, values)} />
          </li>
        ))}
      </ol>
    </section>
  );
}

/** One template field as a form control, with its error beside it (ids as in `Field`). */
function TemplateInput({ ctx, field, value, error }: { ctx: ViewContext; field: TemplateField; value: string; error?: string }) {
  const { t } = ctx;
  const id = `f-${field.name}`;
  const errId = `${id}-error`;
  const common = {
    id,
    name: field.name,
    required: field.required,
    'aria-invalid': error ? 'true' : undefined,
    'aria-describedby': error ? errId : field.help ? `${id}-help` : undefined,
  };
  let control;
  switch (field.type) {
    case 'textarea':
      control = (
        <textarea {...common} rows={3}>
          {value}
        </textarea>
      );
      break;
    case 'select':
      control = (
        <select {...common}>
          <option value="">{t('order.choose')}</option>
          {(field.options ?? []).map((o) => (
            <option value={o} selected={o === value}>
              {o}
            </option>
          ))}
        </select>
      );
      break;
    case 'yesno':
      control = (
        <select {...common}>
          <option value="">{t('order.choose')}</option>
          <option value="是" selected={value === '是'}>
            {t('order.yes')}
          </option>
          <option value="否" selected={value === '否'}>
            {t('order.no')}
          </option>
        </select>
      );
      break;
    default: {
      const type = field.type === 'phone' ? 'tel' : field.type === 'number' ? 'text' : 'text';
      const inputmode = field.type === 'phone' || field.type === 'account' ? 'numeric' : field.type === 'number' ? 'decimal' : undefined;
      const placeholder = field.type === 'date' ? 'YYYY-MM-DD' : field.type === 'datetime' ? 'YYYY-MM-DD HH:mm' : undefined;
      control = <input {...common} type={type} value={value} inputmode={inputmode} placeholder={placeholder} autocomplete="off" />;
    }
  }
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={id}>
        {field.label}
        {field.required ? <span class="req" aria-hidden="true">*</span> : null}
      </label>
      {control}
      {error ? (
        <p class="error" id={errId}>
          {error}
        </p>
      ) : null}
      {field.help ? (
        <p class="hint" id={`${id}-help`}>
          {field.help}
        </p>
      ) : null}
    </div>
  );
}

/** The scenario's call screen. */
export function ScenarioPage(p: ScenarioPageProps) {
  const { ctx, scenario } = p;
  const { t } = ctx;
  const template = scenario.template;
  const code = encodeURIComponent(scenario.code);
  const sensitivity = scenario.sensitivity ?? 0;
  return (
    <div class="agent-scenario">
      <header class="scenario-head">
        <p>
          <a href="/agent">← {t('agent.scenario.back')}</a>
        </p>
        <h1>
          {scenario.title} <code>{scenario.code}</code> <SensitivityBadge ctx={ctx} level={sensitivity} />
        </h1>
        <p class="muted">
          {scenario.category ?? ''} · {t('agent.scenario.version', { version: p.version })}
        </p>
        {p.notice ? <Flash kind="ok">{p.notice}</Flash> : null}
      </header>
      <div class="scenario-cols">
        <div class="scenario-main">
          <ScriptPanel ctx={ctx} scenario={scenario} values={p.values} />
          {sensitivity >= 2 && scenario.escalation ? (
            <section class="panel escalation" data-testid="escalation">
              <h2>{t('agent.scenario.escalation')}</h2>
              <p>{scenario.escalation}</p>
            </section>
          ) : null}
          {(scenario.inquiry ?? []).length ? (
            <section class="panel inquiry">
              <h2>{t('agent.scenario.inquiry')}</h2>
              <ul class="checklist">
                {(scenario.inquiry ?? []).map((item) => (
                  <li>
                    <label>
                      <input type="checkbox" /> {item}
                    </label>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {(scenario.forbidden ?? []).length ? (
            <section class="panel forbidden">
              <h2>{t('agent.scenario.forbidden')}</h2>
              <table class="grid">
                <thead>
                  <tr>
                    <th>{t('agent.scenario.never')}</th>
                    <th>{t('agent.scenario.instead')}</th>
                  </tr>
                </thead>
                <tbody>
                  {(scenario.forbidden ?? []).map((f) => (
                    <tr>
                      <td class="never">{f.phrase}</td>
                      <td class="instead">{f.instead}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ) : null}
        </div>
        <div class="scenario-side">
          <section class="panel order-form">
            {template ? (
              <>
                <h2>{t('order.form.title', { kind: t(`order.kind.${template.kind}`) })}</h2>
                {Object.keys(p.errors).length ? <Flash kind="error">{t('order.form.fix')}</Flash> : null}
                {p.problems.map((m) => (
                  <Flash kind="error">{t('order.form.problem', { message: m })}</Flash>
                ))}
                {/* novalidate: the server checks every field and answers with its errors beside them.
                    Not boosted: htmx's settle copies the style="" Chrome's autofill leaves on inputs,
                    which the CSP reports; a plain post re-renders the page just as well. */}
                <form method="post" action={`/agent/scenarios/${code}/orders`} id="order-form" novalidate hx-boost="false">
                  <CsrfField ctx={ctx} />
                  <div class="field">
                    <label for="f-channel">{t('order.form.channel')}</label>
                    <select id="f-channel" name="channel">
                      {CHANNELS.map((ch) => (
                        <option value={ch} selected={ch === p.channel}>
                          {t(`order.channel.${ch}`)}
                        </option>
                      ))}
                    </select>
                  </div>
                  {template.fields.map((field) => (
                    <TemplateInput ctx={ctx} field={field} value={p.values[field.name] ?? ''} error={p.errors[field.name]} />
                  ))}
                  <button type="submit" class="primary">
                    {t('order.form.submit')}
                  </button>
                </form>
              </>
            ) : (
              <p class="empty">{t('agent.scenario.noTemplate')}</p>
            )}
          </section>
          <details class="panel flag-form" open={Object.keys(p.flag.errors).length > 0}>
            <summary>{t('agent.flag.title')}</summary>
            <PostForm ctx={ctx} action={`/agent/scenarios/${code}/flags`} id="flag-form">
              <fieldset class={p.flag.errors.kind ? 'field has-error' : 'field'}>
                <legend>{t('agent.flag.kind')}</legend>
                {(['outdated', 'unclear', 'missing'] as const).map((k) => (
                  <label class="inline-choice">
                    <input type="radio" name="kind" value={k} checked={p.flag.kind === k} /> {t(`agent.flag.kind.${k}`)}
                  </label>
                ))}
                {p.flag.errors.kind ? (
                  <p class="error" id="f-kind-error">
                    {p.flag.errors.kind}
                  </p>
                ) : null}
              </fieldset>
              <div class={p.flag.errors.comment ? 'field has-error' : 'field'}>
                <label for="f-flag-comment">{t('agent.flag.comment')}</label>
                <textarea id="f-flag-comment" name="comment" rows={2} aria-invalid={p.flag.errors.comment ? 'true' : undefined}>
                  {p.flag.comment}
                </textarea>
                {p.flag.errors.comment ? (
                  <p class="error" id="f-comment-error">
                    {p.flag.errors.comment}
                  </p>
                ) : null}
              </div>
              <button type="submit">{t('agent.flag.submit')}</button>
            </PostForm>
          </details>
        </div>
      </div>
    </div>
  );
}
