// The work-order template editor of a scenario: kind, time limit, matrix code, description, field rows
// (add / remove / reorder with buttons that work without JavaScript) and dispatch rules, with a JSON
// view for power users. Errors sit beside the input they concern.
import type { ViewContext } from '../context.ts';
import type { ResponsibilityMatrix } from '../../knowledge/matrix.ts';
import { DEFAULT_TIME_LIMIT_HOURS, ORDER_KINDS } from '../../knowledge/scenario.ts';
import type { FormErrors, ScenarioFormValues, TemplateFieldRow, TemplateRuleRow } from '../../server/knowledge/owner-form.ts';
import { FieldErrors } from './owner-common.tsx';

const FIELD_TYPES = ['text', 'textarea', 'select', 'phone', 'account', 'date', 'datetime', 'number', 'yesno'] as const;

/** Known validator messages (after the path) → dictionary key; groups become {a} and {b}. */
const MESSAGES: Array<[RegExp, string]> = [
  [/^a select field needs at least one option$/, 'owner.tpl.err.noOptions'],
  [/^only a select field has options/, 'owner.tpl.err.optionsNotSelect'],
  [/^must not repeat an option$/, 'owner.tpl.err.repeatedOption'],
  [/^must be an identifier/, 'owner.tpl.err.identifier'],
  [/^duplicate field name "(.*)"$/, 'owner.tpl.err.duplicate'],
  [/^must not be empty$|^is required$/, 'owner.tpl.err.empty'],
  [/^must be one of consultation/, 'owner.tpl.err.kind'],
  [/^must be one of text/, 'owner.tpl.err.type'],
  [/^placeholder \{(\w+)\} names no field$/, 'owner.tpl.err.placeholder'],
  [/^is not a valid regular expression/, 'owner.tpl.err.pattern'],
  [/^(.+) is not in the responsibility matrix$/, 'owner.tpl.err.matrixCode'],
  [/^must be a number of hours above 0 and at most (\d+)/, 'owner.tpl.err.hoursRange'],
  [/^write a number of hours/, 'owner.tpl.err.hours'],
  [/^line (\d+): write "field = value"/, 'owner.tpl.err.condition'],
  [/^must be an object with at least one condition$/, 'owner.tpl.err.noCondition'],
  [/^names no field of the template$/, 'owner.tpl.err.conditionField'],
  [/^"(.*)" is not an option of the field \((.*)\)$/, 'owner.tpl.err.conditionValue'],
  [/^must name at least one department$/, 'owner.tpl.err.noDepartment'],
  [/^unknown department (.+)$/, 'owner.tpl.err.department'],
];

/**
 * A template error as the owner reads it beside the input: the path (`template.fields[1].options: `)
 * is dropped, since the message already sits beside that input, and known messages are translated.
 * Example: `templateMessage(ctx, 'template.fields[1].options: a select field needs at least one option')` → '下拉字段至少需要一个选项。'
 */
export function templateMessage(ctx: ViewContext, message: string): string {
  const bare = message.replace(/^(?:template(?:\.[\w]+|\[\d+\])*|timeLimitHours): /, '');
  // a condition names its field in the path: template.dispatch[0].when.station
  const conditionField = /^template\.dispatch\[\d+\]\.when\.(\w+): /.exec(message)?.[1] ?? '';
  for (const [pattern, key] of MESSAGES) {
    const match = pattern.exec(bare);
    if (match) return ctx.t(key, { a: match[1] ?? '', b: match[2] ?? '', field: conditionField });
  }
  return bare;
}

/** Attributes of a row button: a plain submit without JavaScript, an in-place htmx swap of the editor with it. */
function opButton(action: string, op: string) {
  return { type: 'submit' as const, name: 'tpl_op', value: op, formnovalidate: true, 'hx-post': action, 'hx-target': '#tpl-editor', 'hx-select': '#tpl-editor', 'hx-swap': 'outerHTML' };
}

function invalid(errors: FormErrors, name: string) {
  return errors[name]?.length ? { 'aria-invalid': 'true', 'aria-describedby': `${name}-error` } : {};
}

/** One labelled input of the template form with its errors below it. */
function Input(p: { name: string; label: string; value: string; errors: FormErrors; class?: string; placeholder?: string; mono?: boolean; size?: number }) {
  return (
    <div class={`${p.class ?? ''} field${p.errors[p.name]?.length ? ' has-error' : ''}`}>
      <label for={p.name}>{p.label}</label>
      <input id={p.name} name={p.name} type="text" value={p.value} placeholder={p.placeholder} class={p.mono ? 'mono' : undefined} size={p.size} spellcheck={p.mono ? false : undefined} {...invalid(p.errors, p.name)} />
      <FieldErrors id={`${p.name}-error`} errors={p.errors[p.name]} />
    </div>
  );
}

function FieldRow({ ctx, row, i, last, errors, action }: { ctx: ViewContext; row: TemplateFieldRow; i: number; last: boolean; errors: FormErrors; action: string }) {
  const { t } = ctx;
  const p = `tpl_f${i}_`;
  return (
    <li class="tpl-row" data-testid="tpl-field-row">
      <div class="tpl-row-head">
        <span class="tpl-row-no">{i + 1}</span>
        <Input name={`${p}name`} label={t('owner.tpl.field.name')} value={row.name} errors={errors} mono size={12} class="tpl-name" />
        <Input name={`${p}label`} label={t('owner.tpl.field.label')} value={row.label} errors={errors} size={14} />
        <div class={`field${errors[`${p}type`]?.length ? ' has-error' : ''}`}>
          <label for={`${p}type`}>{t('owner.tpl.field.type')}</label>
          <select id={`${p}type`} name={`${p}type`} {...invalid(errors, `${p}type`)}>
            {FIELD_TYPES.map((type) => (
              <option value={type} selected={row.type === type}>
                {t(`owner.tpl.type.${type}`)}
              </option>
            ))}
            {(FIELD_TYPES as readonly string[]).includes(row.type) ? null : (
              <option value={row.type} selected>
                {row.type}
              </option>
            )}
          </select>
          <FieldErrors id={`${p}type-error`} errors={errors[`${p}type`]} />
        </div>
        <label class="check tpl-required">
          <input type="checkbox" name={`${p}required`} value="1" checked={row.required} /> {t('owner.tpl.field.required')}
        </label>
        {row.requiredSet ? <input type="hidden" name={`${p}requiredSet`} value="1" /> : null}
        <span class="tpl-row-ops">
          <button {...opButton(action, `upField:${i}`)} class="small" disabled={i === 0} title={t('owner.tpl.up')} aria-label={`${t('owner.tpl.up')} ${i + 1}`}>
            ↑
          </button>
          <button {...opButton(action, `downField:${i}`)} class="small" disabled={last} title={t('owner.tpl.down')} aria-label={`${t('owner.tpl.down')} ${i + 1}`}>
            ↓
          </button>
          <button {...opButton(action, `removeField:${i}`)} class="small danger" title={t('owner.tpl.remove')} aria-label={`${t('owner.tpl.remove')} ${i + 1}`}>
            ✕
          </button>
        </span>
      </div>
      <div class="tpl-row-more">
        <div class={`field${errors[`${p}options`]?.length ? ' has-error' : ''}`}>
          <label for={`${p}options`}>{t('owner.tpl.field.options')}</label>
          <textarea id={`${p}options`} name={`${p}options`} rows={Math.min(6, Math.max(1, row.options.split('\n').length))} {...invalid(errors, `${p}options`)}>
            {row.options}
          </textarea>
          <FieldErrors id={`${p}options-error`} errors={errors[`${p}options`]} />
        </div>
        <Input name={`${p}pattern`} label={t('owner.tpl.field.pattern')} value={row.pattern} errors={errors} mono />
        <Input name={`${p}patternMessage`} label={t('owner.tpl.field.patternMessage')} value={row.patternMessage} errors={errors} />
        <Input name={`${p}help`} label={t('owner.tpl.field.help')} value={row.help} errors={errors} />
      </div>
    </li>
  );
}

function RuleRow({ ctx, rule, i, errors, action, matrix }: { ctx: ViewContext; rule: TemplateRuleRow; i: number; errors: FormErrors; action: string; matrix: ResponsibilityMatrix }) {
  const { t } = ctx;
  const p = `tpl_d${i}_`;
  return (
    <li class="tpl-row" data-testid="tpl-rule-row">
      <div class="tpl-rule">
        <div class={`field${errors[`${p}when`]?.length ? ' has-error' : ''}`}>
          <label for={`${p}when`}>{t('owner.tpl.rule.when')}</label>
          <textarea id={`${p}when`} name={`${p}when`} rows={2} class="mono" spellcheck={false} {...invalid(errors, `${p}when`)}>
            {rule.when}
          </textarea>
          <FieldErrors id={`${p}when-error`} errors={errors[`${p}when`]} />
          <p class="hint">{t('owner.tpl.rule.whenHint')}</p>
        </div>
        <fieldset class={`field${errors[`${p}departments`]?.length ? ' has-error' : ''}`}>
          <legend>{t('owner.tpl.rule.departments')}</legend>
          <div class="checks">
            {matrix.departments.map((d) => (
              <label class="check">
                <input type="checkbox" name={`${p}departments`} value={d.code} checked={rule.departments.includes(d.code)} /> {d.name}
              </label>
            ))}
            {rule.departments
              .filter((code) => !matrix.departments.some((d) => d.code === code))
              .map((code) => (
                <label class="check">
                  <input type="checkbox" name={`${p}departments`} value={code} checked /> {code}
                </label>
              ))}
          </div>
          <FieldErrors id={`${p}departments-error`} errors={errors[`${p}departments`]} />
        </fieldset>
        <Input name={`${p}note`} label={t('owner.tpl.rule.note')} value={rule.note} errors={errors} />
        <span class="tpl-row-ops">
          <button {...opButton(action, `removeRule:${i}`)} class="small danger" aria-label={`${t('owner.tpl.removeRule')} ${i + 1}`}>
            ✕ {t('owner.tpl.removeRule')}
          </button>
        </span>
      </div>
    </li>
  );
}

/** The template editor (form first, JSON view below); `action` is the form's own URL (row buttons post there). */
export function TemplateEditor({ ctx, v, errors: raw, matrix, action }: { ctx: ViewContext; v: ScenarioFormValues; errors: FormErrors; matrix: ResponsibilityMatrix; action: string }) {
  const { t } = ctx;
  // the form's own inputs get readable messages; the JSON view keeps the validator's paths
  const errors: FormErrors = Object.fromEntries(Object.entries(raw).map(([name, list]) => [name, name.startsWith('tpl_') ? list?.map((m) => templateMessage(ctx, m)) : list]));
  const tpl = v.tpl;
  const json = v.templateMode === 'json';
  const names = tpl.fields.map((f) => f.name.trim()).filter(Boolean);
  const entries = [...matrix.entries].sort((a, b) => a.code.localeCompare(b.code));
  return (
    <fieldset class="tpl-editor" id="tpl-editor" data-testid="tpl-editor">
      <legend>{t('owner.field.template')}</legend>
      <input type="hidden" name="tpl_mode" value="form" />
      <input type="hidden" name="tpl_fields" value={String(tpl.fields.length)} />
      <input type="hidden" name="tpl_rules" value={String(tpl.dispatch.length)} />
      <FieldErrors id="template-form-error" errors={json ? undefined : errors.template} />
      <div class="tpl-top">
        <div class={`field${errors.tpl_kind?.length ? ' has-error' : ''}`}>
          <label for="tpl_kind">{t('owner.tpl.kind')}</label>
          <select id="tpl_kind" name="tpl_kind" {...invalid(errors, 'tpl_kind')}>
            <option value="" selected={tpl.kind === ''}>
              {t('owner.tpl.none')}
            </option>
            {ORDER_KINDS.map((kind) => (
              <option value={kind} selected={tpl.kind === kind}>
                {t(`owner.kind.${kind}`)} · {t('owner.tpl.defaultHours', { hours: DEFAULT_TIME_LIMIT_HOURS[kind] })}
              </option>
            ))}
          </select>
          <FieldErrors id="tpl_kind-error" errors={errors.tpl_kind} />
        </div>
        <div class={`field${errors.tpl_timeLimitHours?.length ? ' has-error' : ''}`}>
          <label for="tpl_timeLimitHours">{t('owner.tpl.timeLimit')}</label>
          <input id="tpl_timeLimitHours" name="tpl_timeLimitHours" type="text" inputmode="decimal" size={6} value={tpl.timeLimitHours} placeholder={tpl.kind && tpl.kind in DEFAULT_TIME_LIMIT_HOURS ? String(DEFAULT_TIME_LIMIT_HOURS[tpl.kind as keyof typeof DEFAULT_TIME_LIMIT_HOURS]) : ''} {...invalid(errors, 'tpl_timeLimitHours')} />
          <FieldErrors id="tpl_timeLimitHours-error" errors={errors.tpl_timeLimitHours} />
          <p class="hint">{t('owner.tpl.timeLimitHint')}</p>
        </div>
        <div class={`field${errors.tpl_matrixCode?.length ? ' has-error' : ''}`}>
          <label for="tpl_matrixCode">{t('owner.tpl.matrixCode')}</label>
          <select id="tpl_matrixCode" name="tpl_matrixCode" {...invalid(errors, 'tpl_matrixCode')}>
            <option value="" selected={tpl.matrixCode === ''}>
              {t('owner.tpl.noMatrixCode')}
            </option>
            {entries.map((e) => (
              <option value={e.code} selected={tpl.matrixCode === e.code}>
                {e.code} {e.level2}/{e.level3}
              </option>
            ))}
            {tpl.matrixCode && !entries.some((e) => e.code === tpl.matrixCode) ? (
              <option value={tpl.matrixCode} selected>
                {tpl.matrixCode}
              </option>
            ) : null}
          </select>
          <FieldErrors id="tpl_matrixCode-error" errors={errors.tpl_matrixCode} />
        </div>
      </div>
      <h3>{t('owner.tpl.fields')}</h3>
      <FieldErrors id="tpl_fields-error" errors={errors.tpl_fields} />
      {tpl.fields.length === 0 ? <p class="muted">{t('owner.tpl.noFields')}</p> : null}
      <ol class="tpl-rows">
        {tpl.fields.map((row, i) => (
          <FieldRow ctx={ctx} row={row} i={i} last={i === tpl.fields.length - 1} errors={errors} action={action} />
        ))}
      </ol>
      <p>
        <button {...opButton(action, 'addField')}>＋ {t('owner.tpl.addField')}</button>
      </p>
      <div class={`field${errors.tpl_description?.length ? ' has-error' : ''}`}>
        <label for="tpl_description">{t('owner.tpl.description')}</label>
        <textarea id="tpl_description" name="tpl_description" rows={3} {...invalid(errors, 'tpl_description')}>
          {tpl.description}
        </textarea>
        <FieldErrors id="tpl_description-error" errors={errors.tpl_description} />
        <p class="hint">
          {t('owner.tpl.descriptionHint')} {names.length ? names.map((n) => <code class="tpl-ph">{`{${n}}`}</code>) : null}
        </p>
      </div>
      <h3>{t('owner.tpl.dispatch')}</h3>
      <p class="hint">{t('owner.tpl.dispatchHint')}</p>
      <ol class="tpl-rows">
        {tpl.dispatch.map((rule, i) => (
          <RuleRow ctx={ctx} rule={rule} i={i} errors={errors} action={action} matrix={matrix} />
        ))}
      </ol>
      <p>
        <button {...opButton(action, 'addRule')}>＋ {t('owner.tpl.addRule')}</button>
      </p>
      <details class="tpl-json" open={json || undefined}>
        <summary>{t('owner.tpl.json')}</summary>
        <label class="check">
          <input type="checkbox" name="tpl_mode" value="json" id="tpl-use-json" checked={json} /> {t('owner.tpl.useJson')}
        </label>
        <div class={json && errors.template?.length ? 'field has-error' : 'field'}>
          <label for="f-template" class="visually-hidden">
            {t('owner.tpl.json')}
          </label>
          <textarea id="f-template" name="template" rows={14} class="mono" spellcheck={false} aria-invalid={json && errors.template?.length ? 'true' : undefined}>
            {v.template}
          </textarea>
          <FieldErrors id="f-template-error" errors={json ? errors.template : undefined} />
          <p class="hint">{t('owner.hint.template')}</p>
        </div>
      </details>
    </fieldset>
  );
}
