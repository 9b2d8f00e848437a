// The knowledge owners' library: the scenario list, a scenario's page (published version, draft editor, history), review and diff pages.
import type { ViewContext } from '../context.ts';
import { Flash, PostForm, formatInstant } from '../components.tsx';
import type { Scenario } from '../../knowledge/scenario.ts';
import type { ScenarioChange } from '../../knowledge/diff.ts';
import type { FormErrors, ScenarioFormValues } from '../../server/knowledge/owner-form.ts';
import { DiffView, FieldErrors, OwnerTabs, TextField } from './owner-common.tsx';
import { TemplateEditor } from './owner-template.tsx';
import type { ResponsibilityMatrix } from '../../knowledge/matrix.ts';

export interface LibraryItem {
  code: string;
  title: string;
  category: string | null;
  publishedVersion: number | null;
  hasDraft: boolean;
  openFlags: number;
}

/** The owners' home: every scenario with its state, filtered by text and category. */
export function LibraryPage(props: { ctx: ViewContext; items: LibraryItem[]; categories: string[]; q: string; category: string; total: number }) {
  const { ctx, items } = props;
  const { t } = ctx;
  return (
    <section class="panel">
      <OwnerTabs ctx={ctx} active="library" />
      <div class="titlebar">
        <h1>{t('home.knowledge.title')}</h1>
        <a class="button primary" href="/knowledge/scenarios/new">
          {t('owner.new.title')}
        </a>
      </div>
      <p class="lead">{t('home.knowledge.lead')}</p>
      <form method="get" action="/knowledge" class="row-form" role="search" hx-get="/knowledge" hx-target="#library-results" hx-trigger="submit, input changed delay:300ms from:#f-q, change from:#f-category" hx-push-url="true">
        <div class="field">
          <label for="f-q">{t('owner.list.search')}</label>
          <input id="f-q" name="q" type="search" value={props.q} />
        </div>
        <div class="field">
          <label for="f-category">{t('owner.field.category')}</label>
          <select id="f-category" name="category">
            <option value="">{t('owner.list.allCategories')}</option>
            {props.categories.map((c) => (
              <option value={c} selected={c === props.category}>
                {c}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t('owner.list.filter')}</button>
      </form>
      <LibraryResults ctx={ctx} items={items} total={props.total} />
    </section>
  );
}

/** The filtered list; the page includes it and a filter request from htmx gets only it. */
export function LibraryResults({ ctx, items, total }: { ctx: ViewContext; items: LibraryItem[]; total: number }) {
  const { t } = ctx;
  return (
    <div id="library-results">
      <p class="muted" data-testid="library-count">
        {t('owner.list.count', { shown: items.length, total })}
      </p>
      {items.length === 0 ? (
        <p class="empty">{total === 0 ? t('home.knowledge.empty') : t('owner.list.noMatch')}</p>
      ) : (
        <table class="grid" data-testid="library">
          <thead>
            <tr>
              <th>{t('owner.field.code')}</th>
              <th>{t('owner.field.title')}</th>
              <th>{t('owner.field.category')}</th>
              <th>{t('owner.list.published')}</th>
              <th>{t('owner.list.draft')}</th>
              <th>{t('owner.list.flags')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((s) => (
              <tr>
                <td class="nowrap">
                  <a href={`/knowledge/scenarios/${encodeURIComponent(s.code)}`}>{s.code}</a>
                </td>
                <td>{s.title}</td>
                <td>{s.category ?? ''}</td>
                <td>{s.publishedVersion ? `v${s.publishedVersion}` : <span class="muted">{t('owner.list.unpublished')}</span>}</td>
                <td>{s.hasDraft ? <span class="badge">{t('owner.list.draftPending')}</span> : ''}</td>
                <td>{s.openFlags ? <a href="/knowledge/flags">{s.openFlags}</a> : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** The editor's fields (the same for a new scenario and a draft); `code` is editable only when new. */
function EditorFields({ ctx, v, errors, isNew, matrix, action }: { ctx: ViewContext; v: ScenarioFormValues; errors: FormErrors; isNew: boolean; matrix: ResponsibilityMatrix; action: string }) {
  const { t } = ctx;
  return (
    <>
      {/* the form's default button (Enter in a text box), ahead of the template's row buttons */}
      <button type="submit" class="visually-hidden" tabindex={-1} aria-hidden="true">
        {t('owner.draft.save')}
      </button>
      <input type="hidden" name="version" value={v.version} />
      {isNew ? <TextField name="code" label={t('owner.field.code')} value={v.code} errors={errors.code} multiline={false} required hint={t('owner.hint.code')} /> : null}
      <TextField name="title" label={t('owner.field.title')} value={v.title} errors={errors.title} multiline={false} required />
      <TextField name="category" label={t('owner.field.category')} value={v.category} errors={errors.category} multiline={false} hint={t('owner.hint.category')} />
      <TextField name="phrasings" label={t('owner.field.phrasings')} value={v.phrasings} errors={errors.phrasings} rows={5} hint={t('owner.hint.lines')} />
      <TextField name="keywords" label={t('owner.field.keywords')} value={v.keywords} errors={errors.keywords} rows={3} hint={t('owner.hint.lines')} />
      <TextField name="script" label={t('owner.field.script')} value={v.script} errors={errors.script} rows={6} hint={t('owner.hint.script')} />
      <TextField name="inquiry" label={t('owner.field.inquiry')} value={v.inquiry} errors={errors.inquiry} rows={4} hint={t('owner.hint.lines')} />
      <TextField name="forbidden" label={t('owner.field.forbidden')} value={v.forbidden} errors={errors.forbidden} rows={4} hint={t('owner.hint.forbidden')} />
      <div class={errors.sensitivity ? 'field has-error' : 'field'}>
        <label for="f-sensitivity">{t('owner.field.sensitivity')}</label>
        <select id="f-sensitivity" name="sensitivity">
          <option value="" selected={!['0', '1', '2', '3'].includes(v.sensitivity)}>
            {t('owner.sensitivity.unset')}
          </option>
          {['0', '1', '2', '3'].map((level) => (
            <option value={level} selected={v.sensitivity === level}>
              {t(`owner.sensitivity.${level}`)}
            </option>
          ))}
        </select>
        <FieldErrors id="f-sensitivity-error" errors={errors.sensitivity} />
      </div>
      <TextField name="escalation" label={t('owner.field.escalation')} value={v.escalation} errors={errors.escalation} rows={2} />
      <TemplateEditor ctx={ctx} v={v} errors={errors} matrix={matrix} action={action} />
    </>
  );
}

/** A published scenario as the agent sees it, compactly. */
function PublishedView({ ctx, s }: { ctx: ViewContext; s: Scenario }) {
  const { t } = ctx;
  const list = (items: readonly string[] | undefined) => (items?.length ? <ul>{items.map((x) => <li>{x}</li>)}</ul> : <span class="muted">—</span>);
  return (
    <dl class="facts" data-testid="published">
      <dt>{t('owner.field.title')}</dt>
      <dd>{s.title}</dd>
      <dt>{t('owner.field.category')}</dt>
      <dd>{s.category ?? '—'}</dd>
      <dt>{t('owner.field.phrasings')}</dt>
      <dd>{list(s.phrasings)}</dd>
      <dt>{t('owner.field.script')}</dt>
      <dd>{s.script?.length ? <ol>{s.script.map((x) => <li>{x}</li>)}</ol> : '—'}</dd>
      <dt>{t('owner.field.inquiry')}</dt>
      <dd>{list(s.inquiry)}</dd>
      <dt>{t('owner.field.forbidden')}</dt>
      <dd>{list(s.forbidden?.map((f) => `${f.phrase} → ${f.instead}`))}</dd>
      <dt>{t('owner.field.sensitivity')}</dt>
      <dd>
        {s.sensitivity === undefined ? t('owner.sensitivity.unset') : t(`owner.sensitivity.${s.sensitivity}`)}
        {s.escalation ? ` · ${s.escalation}` : ''}
      </dd>
      <dt>{t('owner.field.template')}</dt>
      <dd>{s.template ? `${t(`owner.kind.${s.template.kind}`)} · ${t('owner.template.fields', { count: s.template.fields.length })}${s.template.matrixCode ? ` · ${s.template.matrixCode}` : ''}` : '—'}</dd>
    </dl>
  );
}

export interface VersionItem {
  version: number;
  publishedAt: Date;
  publishedBy: string | null;
  note: string | null;
}

export interface ScenarioPageProps {
  ctx: ViewContext;
  code: string;
  ownerName: string | null;
  published: Scenario | null;
  publishedVersion: number | null;
  hasDraft: boolean;
  draftBy: string | null;
  draftAt: Date | null;
  values: ScenarioFormValues;
  errors: FormErrors;
  versions: VersionItem[];
  /** Open flags agents raised on this scenario. */
  flags: { id: number; kind: string; comment: string; version: number; raisedBy: string | null; raisedAt: Date }[];
  notice?: string;
  conflict?: boolean;
  /** Departments and matrix entries the template editor offers. */
  matrix: ResponsibilityMatrix;
}

/** A scenario's page: state, the draft editor, the published version and its history with a compare form. */
export function ScenarioPage(p: ScenarioPageProps) {
  const { ctx } = p;
  const { t } = ctx;
  const base = `/knowledge/scenarios/${encodeURIComponent(p.code)}`;
  const hasErrors = Object.keys(p.errors).length > 0;
  return (
    <section class="panel">
      <OwnerTabs ctx={ctx} active="library" />
      <h1>
        <code>{p.code}</code> · {p.published?.title ?? p.values.title}
      </h1>
      {p.notice ? <Flash kind="ok">{p.notice}</Flash> : null}
      {p.conflict ? <Flash kind="error">{t('owner.draft.conflict')}</Flash> : null}
      {hasErrors ? <Flash kind="error">{t('form.errors')}</Flash> : null}
      <dl class="facts">
        <dt>{t('owner.list.published')}</dt>
        <dd data-testid="published-version">{p.publishedVersion ? `v${p.publishedVersion}` : t('owner.list.unpublished')}</dd>
        <dt>{t('owner.scenario.owner')}</dt>
        <dd>{p.ownerName ?? '—'}</dd>
        <dt>{t('owner.list.draft')}</dt>
        <dd data-testid="draft-state">
          {p.hasDraft ? t('owner.draft.pending', { who: p.draftBy ?? '—', at: formatInstant(p.draftAt, ctx.locale) }) : t('owner.draft.none')}
        </dd>
      </dl>
      {p.flags.length ? (
        <div class="flash flash-info" role="status" data-testid="scenario-flags">
          <p>
            {t('owner.scenario.openFlags', { count: p.flags.length })} <a href="/knowledge/flags">{t('owner.tab.flags')}</a>
          </p>
          <ul>
            {p.flags.map((f) => (
              <li>
                <span class="badge">{t(`owner.flagKind.${f.kind}`)}</span> {f.comment} <span class="muted">— {f.raisedBy ?? '—'}, v{f.version}, {formatInstant(f.raisedAt, ctx.locale)}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {p.hasDraft ? (
        <p>
          <a class="button primary" href={`${base}/review`}>
            {t('owner.review.open')}
          </a>
        </p>
      ) : null}
      <h2>{t('owner.history.title')}</h2>
      <HistoryTable ctx={ctx} base={base} versions={p.versions} />
      <h2>{p.hasDraft ? t('owner.editor.draft') : t('owner.editor.startDraft')}</h2>
      <PostForm ctx={ctx} action={`${base}/draft`} id="editor">
        <EditorFields ctx={ctx} v={p.values} errors={p.errors} isNew={false} matrix={p.matrix} action={`${base}/draft`} />
        <button type="submit" class="primary">
          {t('owner.draft.save')}
        </button>
      </PostForm>
      {p.hasDraft && p.publishedVersion ? (
        <PostForm ctx={ctx} action={`${base}/discard`} class="inline">
          <input type="hidden" name="version" value={p.values.version} />
          <button type="submit" class="danger">
            {t('owner.draft.discard')}
          </button>
        </PostForm>
      ) : null}
      {p.published ? (
        <>
          <h2>{t('owner.scenario.publishedTitle', { version: p.publishedVersion ?? 0 })}</h2>
          <PublishedView ctx={ctx} s={p.published} />
        </>
      ) : null}
    </section>
  );
}

function HistoryTable({ ctx, base, versions }: { ctx: ViewContext; base: string; versions: VersionItem[] }) {
  const { t } = ctx;
  if (!versions.length) return <p class="empty">{t('owner.history.none')}</p>;
  return (
    <>
      <table class="grid" data-testid="history">
        <thead>
          <tr>
            <th>{t('owner.history.version')}</th>
            <th>{t('owner.history.when')}</th>
            <th>{t('owner.history.who')}</th>
            <th>{t('owner.history.note')}</th>
            <th>{t('form.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr>
              <td>v{v.version}</td>
              <td class="nowrap">{formatInstant(v.publishedAt, ctx.locale)}</td>
              <td>{v.publishedBy ?? '—'}</td>
              <td>{v.note ?? ''}</td>
              <td>{v.version > 1 ? <a href={`${base}/diff?a=${v.version - 1}&b=${v.version}`}>{t('owner.history.compareWithPrevious')}</a> : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {versions.length > 1 ? <CompareForm ctx={ctx} base={base} versions={versions.map((v) => v.version)} a={versions[1].version} b={versions[0].version} /> : null}
    </>
  );
}

function CompareForm({ ctx, base, versions, a, b }: { ctx: ViewContext; base: string; versions: number[]; a: number; b: number }) {
  const { t } = ctx;
  const select = (name: 'a' | 'b', chosen: number, label: string) => (
    <div class="field">
      <label for={`f-${name}`}>{label}</label>
      <select id={`f-${name}`} name={name}>
        {versions.map((v) => (
          <option value={String(v)} selected={v === chosen}>
            v{v}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <form method="get" action={`${base}/diff`} class="row-form">
      {select('a', a, t('owner.diff.from'))}
      {select('b', b, t('owner.diff.to'))}
      <button type="submit">{t('owner.diff.compare')}</button>
    </form>
  );
}

/** The new-scenario form (the scenario starts as a draft). */
export function NewScenarioPage({ ctx, values, errors, matrix }: { ctx: ViewContext; values: ScenarioFormValues; errors: FormErrors; matrix: ResponsibilityMatrix }) {
  const { t } = ctx;
  return (
    <section class="panel">
      <OwnerTabs ctx={ctx} active="library" />
      <h1>{t('owner.new.title')}</h1>
      <p class="lead">{t('owner.new.lead')}</p>
      {errors.form ? <Flash kind="error">{errors.form.join(' ')}</Flash> : Object.keys(errors).length ? <Flash kind="error">{t('form.errors')}</Flash> : null}
      <PostForm ctx={ctx} action="/knowledge/scenarios" id="editor">
        <EditorFields ctx={ctx} v={values} errors={errors} isNew matrix={matrix} action="/knowledge/scenarios" />
        <button type="submit" class="primary">
          {t('owner.new.create')}
        </button>
      </PostForm>
    </section>
  );
}

/** Review before publishing: what the draft changes against the published version, and the publish form with its note. */
export function ReviewPage(p: { ctx: ViewContext; code: string; title: string; publishedVersion: number | null; draftVersion: number; changes: ScenarioChange[]; note: string; errors: Record<string, string>; conflict?: boolean }) {
  const { ctx } = p;
  const { t } = ctx;
  const base = `/knowledge/scenarios/${encodeURIComponent(p.code)}`;
  return (
    <section class="panel">
      <OwnerTabs ctx={ctx} active="library" />
      <h1>
        {t('owner.review.title')} · <code>{p.code}</code> · {p.title}
      </h1>
      {p.conflict ? <Flash kind="error">{t('owner.draft.conflict')}</Flash> : null}
      <p class="lead">{p.publishedVersion ? t('owner.review.lead', { version: p.publishedVersion }) : t('owner.review.leadFirst')}</p>
      <DiffView ctx={ctx} changes={p.changes} empty={t('owner.review.noChanges')} />
      <h2>{t('owner.publish.title', { version: (p.publishedVersion ?? 0) + 1 })}</h2>
      <PostForm ctx={ctx} action={`${base}/publish`}>
        <input type="hidden" name="version" value={String(p.draftVersion)} />
        <TextField name="note" label={t('owner.publish.note')} value={p.note} errors={p.errors.note ? [p.errors.note] : undefined} rows={2} required hint={t('owner.publish.noteHint')} />
        <button type="submit" class="primary">
          {t('owner.publish.submit')}
        </button>{' '}
        <a href={base}>{t('owner.review.back')}</a>
      </PostForm>
    </section>
  );
}

/** The difference between two published versions. */
export function DiffPage(p: { ctx: ViewContext; code: string; title: string; a: number; b: number; versions: number[]; changes: ScenarioChange[] }) {
  const { ctx } = p;
  const { t } = ctx;
  const base = `/knowledge/scenarios/${encodeURIComponent(p.code)}`;
  return (
    <section class="panel">
      <OwnerTabs ctx={ctx} active="library" />
      <h1>
        <code>{p.code}</code> · {t('owner.diff.title', { a: p.a, b: p.b })}
      </h1>
      <p>
        <a href={base}>← {p.title}</a>
      </p>
      <CompareForm ctx={ctx} base={base} versions={p.versions} a={p.a} b={p.b} />
      <DiffView ctx={ctx} changes={p.changes} />
    </section>
  );
}
