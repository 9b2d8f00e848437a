// Shared view components: form fields with errors beside them, flash messages, the CSRF field.
import type { Child } from 'hono/jsx';
import type { ViewContext } from './context.ts';

/** The hidden CSRF field every state-changing form carries. */
export function CsrfField({ ctx }: { ctx: ViewContext }) {
  return <input type="hidden" name="_csrf" value={ctx.csrf} />;
}

/** A POST form with its CSRF field. */
export function PostForm(props: { ctx: ViewContext; action: string; class?: string; children?: Child; id?: string }) {
  return (
    <form method="post" action={props.action} class={props.class} id={props.id}>
      <CsrfField ctx={props.ctx} />
      {props.children}
    </form>
  );
}

export interface FieldProps {
  name: string;
  label: string;
  value?: string;
  error?: string;
  type?: string;
  required?: boolean;
  autocomplete?: string;
  hint?: string;
  autofocus?: boolean;
}

/** A labelled select with its error message beside it (aria-linked); `id` defaults to `f-<name>`. */
export function Select(p: { name: string; id?: string; label: string; value: string; options: [string, string][]; error?: string }) {
  const id = p.id ?? `f-${p.name}`;
  return (
    <div class={p.error ? 'field has-error' : 'field'}>
      <label for={id}>{p.label}</label>
      <select id={id} name={p.name} aria-invalid={p.error ? 'true' : undefined} aria-describedby={p.error ? `${id}-error` : undefined}>
        {p.options.map(([v, label]) => (
          <option value={v} selected={v === p.value}>
            {label}
          </option>
        ))}
      </select>
      {p.error ? (
        <p class="error" id={`${id}-error`}>
          {p.error}
        </p>
      ) : null}
    </div>
  );
}

/** A labelled input with its error message beside it (aria-linked). */
export function Field(p: FieldProps) {
  const id = `f-${p.name}`;
  const errId = `${id}-error`;
  return (
    <div class={p.error ? 'field has-error' : 'field'}>
      <label for={id}>
        {p.label}
        {p.required ? <span class="req" aria-hidden="true">*</span> : null}
      </label>
      <input
        id={id}
        name={p.name}
        type={p.type ?? 'text'}
        value={p.value ?? ''}
        required={p.required}
        autocomplete={p.autocomplete}
        autofocus={p.autofocus}
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={p.error ? errId : undefined}
      />
      {p.error ? (
        <p class="error" id={errId}>
          {p.error}
        </p>
      ) : null}
      {p.hint ? <p class="hint">{p.hint}</p> : null}
    </div>
  );
}

/** A status message: `ok` confirmations and `error` problems. */
export function Flash({ kind, children }: { kind: 'ok' | 'error' | 'info'; children?: Child }) {
  return (
    <div class={`flash flash-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

/** Formats an instant for tables in the viewer's locale and the centre's zone. */
export function formatInstant(at: Date | string | null | undefined, locale: string, timeZone = 'Asia/Shanghai'): string {
  if (!at) return '';
  const d = typeof at === 'string' ? new Date(at) : at;
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(d);
}

/** One tab of an area's tab bar: its id, link and dictionary key. */
export type TabSpec<K extends string> = readonly [id: K, href: string, labelKey: string];

/**
 * An area's tab bar, marking the active tab for sight and for screen readers.
 * @example <Tabs ctx={ctx} label="nav.admin" active="users" tabs={[['users', '/admin/users', 'nav.users']]} />
 */
export function Tabs<K extends string>(props: { ctx: ViewContext; label: string; active: K; tabs: readonly TabSpec<K>[] }) {
  const { t } = props.ctx;
  return (
    <nav class="tabs" aria-label={t(props.label)}>
      {props.tabs.map(([k, href, key]) => (
        <a href={href} class={k === props.active ? 'active' : ''} aria-current={k === props.active ? 'page' : undefined}>
          {t(key)}
        </a>
      ))}
    </nav>
  );
}
