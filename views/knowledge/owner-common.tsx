// Pieces shared by the knowledge owners' pages: the area tabs, multi-line fields with their errors, and the readable version diff.
import type { Child } from 'hono/jsx';
import type { ViewContext } from '../context.ts';
import { Tabs, type TabSpec } from '../components.tsx';
import type { ScenarioChange } from '../../knowledge/diff.ts';

export type OwnerTab = 'library' | 'flags' | 'import' | 'analytics' | 'matrix' | 'orders' | 'settings';

/** The knowledge owners' tabs; admins see the ones they may open (matrix, department orders, settings). */
export function OwnerTabs({ ctx, active }: { ctx: ViewContext; active: OwnerTab }) {
  const owner = ctx.user?.roles.includes('knowledge') ?? false;
  const tabs: TabSpec<OwnerTab>[] = [
    ['library', '/knowledge', 'owner.tab.library'],
    ['flags', '/knowledge/flags', 'owner.tab.flags'],
    ['import', '/knowledge/import', 'owner.tab.import'],
    ['analytics', '/knowledge/analytics', 'owner.tab.analytics'],
    ['matrix', '/knowledge/matrix', 'owner.tab.matrix'],
    ['orders', '/orders/departments', 'owner.tab.orders'],
    ['settings', '/knowledge/settings', 'owner.tab.settings'],
  ];
  return <Tabs ctx={ctx} label="nav.knowledge" active={active} tabs={tabs.filter(([k]) => owner || k === 'matrix' || k === 'orders' || k === 'settings')} />;
}

/** Error messages of one field, beside it. */
export function FieldErrors({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <div id={id}>
      {errors.map((message) => (
        <p class="error">{message}</p>
      ))}
    </div>
  );
}

/** A labelled textarea (or single-line input) with its errors beside it and an optional hint. */
export function TextField(p: { name: string; label: string; value: string; errors?: string[]; hint?: string; rows?: number; required?: boolean; multiline?: boolean; mono?: boolean }) {
  const id = `f-${p.name}`;
  const errId = `${id}-error`;
  const invalid = p.errors?.length ? 'true' : undefined;
  return (
    <div class={p.errors?.length ? 'field has-error' : 'field'}>
      <label for={id}>
        {p.label}
        {p.required ? <span class="req" aria-hidden="true">*</span> : null}
      </label>
      {p.multiline === false ? (
        <input id={id} name={p.name} type="text" value={p.value} required={p.required} aria-invalid={invalid} aria-describedby={invalid ? errId : undefined} />
      ) : (
        <textarea id={id} name={p.name} rows={p.rows ?? 4} class={p.mono ? 'mono' : undefined} aria-invalid={invalid} aria-describedby={invalid ? errId : undefined} spellcheck={p.mono ? false : undefined}>
          {p.value}
        </textarea>
      )}
      <FieldErrors id={errId} errors={p.errors} />
      {p.hint ? <p class="hint">{p.hint}</p> : null}
    </div>
  );
}

const FIELD_LABELS: Record<string, string> = {
  code: 'owner.field.code',
  title: 'owner.field.title',
  category: 'owner.field.category',
  phrasings: 'owner.field.phrasings',
  keywords: 'owner.field.keywords',
  script: 'owner.field.script',
  inquiry: 'owner.field.inquiry',
  forbidden: 'owner.field.forbidden',
  sensitivity: 'owner.field.sensitivity',
  escalation: 'owner.field.escalation',
};

/** A change path in words: `phrasings` → 客户说法; template paths stay as written. */
function pathLabel(ctx: ViewContext, path: string): string {
  const key = FIELD_LABELS[path];
  return key ? ctx.t(key) : path.startsWith('template') ? `${ctx.t('owner.field.template')} · ${path.slice('template'.length).replace(/^\./, '')}` : path;
}

/** The changes between two versions, value by value and line by line (removed lines struck, added underlined). */
export function DiffView({ ctx, changes, empty }: { ctx: ViewContext; changes: ScenarioChange[]; empty?: Child }) {
  const { t } = ctx;
  if (!changes.length) return <p class="empty">{empty ?? t('owner.diff.none')}</p>;
  return (
    <table class="grid diff" data-testid="diff">
      <thead>
        <tr>
          <th>{t('owner.diff.what')}</th>
          <th>{t('owner.diff.change')}</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((change) => (
          <tr>
            <th scope="row">{pathLabel(ctx, change.path)}</th>
            <td>
              {change.kind === 'value' ? (
                <p>
                  {change.before !== null ? <del>{change.before}</del> : <span class="muted">{t('owner.diff.absent')}</span>} →{' '}
                  {change.after !== null ? <ins>{change.after}</ins> : <span class="muted">{t('owner.diff.absent')}</span>}
                </p>
              ) : (
                <ul class="diff-lines">
                  {change.lines.map((line) =>
                    line.op === 'added' ? (
                      <li class="added">
                        <ins>+ {line.text}</ins>
                      </li>
                    ) : line.op === 'removed' ? (
                      <li class="removed">
                        <del>− {line.text}</del>
                      </li>
                    ) : (
                      <li class="kept muted">{line.text}</li>
                    ),
                  )}
                </ul>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
