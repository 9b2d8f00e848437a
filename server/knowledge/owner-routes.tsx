// Routes of the knowledge owners: library, scenario drafts and publishing, versions and diffs, flags, import/export, analytics, matrix.
import { HTTPException } from 'hono/http-exception';
import type { SecureRouter } from '../http/access.ts';
import { type Ctx, viewContext } from '../http/env.ts';
import { render } from '../http/render.tsx';
import { audit } from '../queries/audit.ts';
import { diffScenarios } from '../../knowledge/diff.ts';
import { parseLibraryJsonl, serializeLibraryJsonl } from '../../knowledge/library-io.ts';
import type { Department, MatrixEntry } from '../../knowledge/matrix.ts';
import { validateMatrix } from '../../knowledge/routing.ts';
import type { Scenario } from '../../knowledge/scenario.ts';
import { applyTemplateOp, formValuesFrom, parseTemplateOp, redisplayValues, scenarioFromForm, scenarioToForm, type FormErrors, type ScenarioFormValues } from './owner-form.ts';
import { analyticsPeriod } from './owner-period.ts';
import * as q from './owner-queries.ts';
import { knowledgeSearch } from './search-service.ts';
import { registerKnowledgeSettingsRoutes } from './settings-routes.tsx';
import { DiffPage, LibraryPage, LibraryResults, NewScenarioPage, ReviewPage, ScenarioPage } from '../../views/knowledge/owner-library.tsx';
import { FlagsPage } from '../../views/knowledge/owner-flags.tsx';
import { ownerFindings } from '../quality/findings-queue.ts';
import { ImportPage } from '../../views/knowledge/owner-io.tsx';
import { AnalyticsPage } from '../../views/knowledge/owner-analytics.tsx';
import { MatrixEntryPage, MatrixPage, type MatrixFormErrors, type MatrixFormValues } from '../../views/knowledge/owner-matrix.tsx';

const OWNER = ['knowledge'] as const;
const MATRIX_READERS = ['knowledge', 'admin'] as const;
const MATRIX_EDITORS = ['admin'] as const;
const MATRIX_CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/;

function actor(c: Ctx) {
  const u = c.get('user')!;
  return { actorId: u.id, actorName: u.username, requestId: c.get('requestId'), at: c.get('deps').now() };
}

/** The scenario a `:code` route names, or 404. */
async function scenarioOr404(c: Ctx): Promise<q.ScenarioRow> {
  const row = await q.findScenario(c.get('deps').sql, c.req.param('code') ?? '');
  if (!row) throw new HTTPException(404);
  return row;
}

function versionNumber(text: string | undefined): number | undefined {
  return text && /^\d{1,9}$/.test(text) ? Number(text) : undefined;
}

async function scenarioPage(c: Ctx, row: q.ScenarioRow, extra: { values?: ScenarioFormValues; errors?: FormErrors; status?: 200 | 409 | 422; conflict?: boolean; notice?: string } = {}) {
  const { sql } = c.get('deps');
  const [versions, flags, matrix] = await Promise.all([q.listVersions(sql, row.code), q.listScenarioOpenFlags(sql, row.code), q.responsibilityMatrix(sql)]);
  const start = row.draft ?? row.published ?? { code: row.code, title: '' };
  return render(c, {
    title: `${row.code} · ${row.published?.title ?? row.draft?.title ?? ''}`,
    status: extra.status,
    body: (
      <ScenarioPage
        ctx={viewContext(c)}
        code={row.code}
        ownerName={row.owner_name}
        published={row.published}
        publishedVersion={row.published_version}
        hasDraft={row.draft !== null}
        draftBy={row.draft_updated_by_name}
        draftAt={row.draft_updated_at}
        values={extra.values ?? scenarioToForm(start, row.draft_version)}
        errors={extra.errors ?? {}}
        versions={versions.map((v) => ({ version: v.version, publishedAt: v.published_at, publishedBy: v.published_by_name, note: v.note }))}
        flags={flags.map((f) => ({ id: f.id, kind: f.kind, comment: f.comment, version: f.version, raisedBy: f.raised_by_name, raisedAt: f.raised_at }))}
        notice={extra.notice}
        conflict={extra.conflict}
        matrix={matrix}
      />
    ),
  });
}

async function reviewPage(c: Ctx, row: q.ScenarioRow, extra: { note?: string; errors?: Record<string, string>; status?: 409 | 422; conflict?: boolean } = {}) {
  const draft = row.draft!;
  const changes = diffScenarios(row.published ?? { code: row.code, title: '' }, draft);
  return render(c, {
    title: `${c.get('t')('owner.review.title')} · ${row.code}`,
    status: extra.status,
    body: <ReviewPage ctx={viewContext(c)} code={row.code} title={draft.title} publishedVersion={row.published_version} draftVersion={row.draft_version} changes={changes} note={extra.note ?? ''} errors={extra.errors ?? {}} conflict={extra.conflict} />,
  });
}

export function registerKnowledgeOwnerRoutes(r: SecureRouter): void {
  registerKnowledgeSettingsRoutes(r);
  r.get('/knowledge', OWNER, async (c) => {
    const { sql } = c.get('deps');
    const query = (c.req.query('q') ?? '').slice(0, 200);
    const category = (c.req.query('category') ?? '').slice(0, 200);
    const [rows, all, categories] = await Promise.all([q.listScenarios(sql, { q: query, category }), q.listScenarios(sql), q.listCategories(sql)]);
    const items = rows.map((s) => ({ code: s.code, title: s.title, category: s.category, publishedVersion: s.published_version, hasDraft: s.has_draft, openFlags: s.open_flags }));
    return render(c, { title: c.get('t')('home.knowledge.title'), body: <LibraryPage ctx={viewContext(c)} items={items} categories={categories} q={query} category={category} total={all.length} />, fragment: <LibraryResults ctx={viewContext(c)} items={items} total={all.length} /> });
  });

  // ---- scenarios: create, draft, review, publish, history ----

  r.get('/knowledge/scenarios/new', OWNER, async (c) => {
    const matrix = await q.responsibilityMatrix(c.get('deps').sql);
    return render(c, { title: c.get('t')('owner.new.title'), body: <NewScenarioPage ctx={viewContext(c)} values={{ ...formValuesFrom({ tpl_mode: 'form' }), version: '0' }} errors={{}} matrix={matrix} /> });
  });

  r.post('/knowledge/scenarios', OWNER, async (c) => {
    const { sql, now } = c.get('deps');
    const t = c.get('t');
    const body = await c.req.parseBody({ all: true });
    const matrix = await q.responsibilityMatrix(sql);
    const op = parseTemplateOp(body.tpl_op);
    if (op) {
      // a row button of the template form: show the form again with the row added, moved or removed
      const values = formValuesFrom(body);
      const changed = redisplayValues({ ...values, templateMode: 'form', tpl: applyTemplateOp(values.tpl, op) });
      return render(c, { title: t('owner.new.title'), body: <NewScenarioPage ctx={viewContext(c)} values={changed} errors={{}} matrix={matrix} /> });
    }
    const values = formValuesFrom(body);
    const result = scenarioFromForm(values, matrix);
    let errors: FormErrors = result.ok ? {} : result.errors;
    if (result.ok) {
      const created = await q.insertDraftScenario(sql, result.scenario, c.get('user')!.id, now());
      if (created) {
        await audit(sql, { ...actor(c), action: 'scenario.create', target: `scenario:${created.code}`, detail: { title: result.scenario.title } });
        return c.redirect(`/knowledge/scenarios/${encodeURIComponent(created.code)}?created=1`, 303);
      }
      errors = { code: [t('owner.new.taken')] };
    }
    return render(c, { title: t('owner.new.title'), status: 422, body: <NewScenarioPage ctx={viewContext(c)} values={redisplayValues(values)} errors={errors} matrix={matrix} /> });
  });

  r.get('/knowledge/scenarios/:code', OWNER, async (c) => {
    const row = await scenarioOr404(c);
    const t = c.get('t');
    const published = versionNumber(c.req.query('published'));
    const notice = c.req.query('created') ? t('owner.new.created') : c.req.query('saved') ? t('owner.draft.saved') : published ? t('owner.publish.done', { version: published }) : c.req.query('discarded') ? t('owner.draft.discarded') : undefined;
    return scenarioPage(c, row, { notice });
  });

  r.post('/knowledge/scenarios/:code/draft', OWNER, async (c) => {
    const { sql, now } = c.get('deps');
    const row = await scenarioOr404(c);
    const body = await c.req.parseBody({ all: true });
    const values = { ...formValuesFrom(body), code: row.code };
    const op = parseTemplateOp(body.tpl_op);
    // a row button of the template form: show the form again with the row added, moved or removed
    if (op) return scenarioPage(c, row, { values: redisplayValues({ ...values, templateMode: 'form', tpl: applyTemplateOp(values.tpl, op) }) });
    const result = scenarioFromForm(values, await q.responsibilityMatrix(sql));
    if (!result.ok) return scenarioPage(c, row, { values: redisplayValues(values), errors: result.errors, status: 422 });
    const expected = versionNumber(values.version) ?? -1;
    const saved = await q.saveDraft(sql, row.code, expected, result.scenario, c.get('user')!.id, now());
    if (saved === undefined) {
      // someone saved or published in between: keep what this user typed, at the current version, and say so
      const fresh = (await q.findScenario(sql, row.code))!;
      return scenarioPage(c, fresh, { values: { ...redisplayValues(values), version: String(fresh.draft_version) }, status: 409, conflict: true });
    }
    const base = row.draft ?? row.published;
    await audit(sql, { ...actor(c), action: 'scenario.draft.save', target: `scenario:${row.code}`, detail: { draftVersion: saved, changes: base ? diffScenarios(base, result.scenario).map((ch) => ch.path) : [] } });
    return c.redirect(`/knowledge/scenarios/${encodeURIComponent(row.code)}?saved=1`, 303);
  });

  r.post('/knowledge/scenarios/:code/discard', OWNER, async (c) => {
    const { sql, now } = c.get('deps');
    const row = await scenarioOr404(c);
    const body = await c.req.parseBody();
    const ok = await q.discardDraft(sql, row.code, versionNumber(String(body.version ?? '')) ?? -1, c.get('user')!.id, now());
    if (!ok) return scenarioPage(c, row, { status: 409, conflict: true });
    await audit(sql, { ...actor(c), action: 'scenario.draft.discard', target: `scenario:${row.code}` });
    return c.redirect(`/knowledge/scenarios/${encodeURIComponent(row.code)}?discarded=1`, 303);
  });

  r.get('/knowledge/scenarios/:code/review', OWNER, async (c) => {
    const row = await scenarioOr404(c);
    if (!row.draft) return c.redirect(`/knowledge/scenarios/${encodeURIComponent(row.code)}`, 303);
    return reviewPage(c, row);
  });

  r.post('/knowledge/scenarios/:code/publish', OWNER, async (c) => {
    const { sql, now } = c.get('deps');
    const t = c.get('t');
    const row = await scenarioOr404(c);
    const body = await c.req.parseBody();
    const note = String(body.note ?? '').trim().slice(0, 500);
    if (!row.draft) return scenarioPage(c, row, { status: 409, conflict: true });
    if (!note) return reviewPage(c, row, { note, errors: { note: t('form.required') }, status: 422 });
    const result = await q.publishDraft(sql, row.code, versionNumber(String(body.version ?? '')) ?? -1, note, c.get('user')!.id, now());
    if (!result.ok) {
      const fresh = (await q.findScenario(sql, row.code))!;
      return fresh.draft ? reviewPage(c, fresh, { note, status: 409, conflict: true }) : scenarioPage(c, fresh, { status: 409, conflict: true });
    }
    // this process rebuilds at once; the others follow the generation bump when they poll
    knowledgeSearch(c.get('deps')).notifyPublished();
    await audit(sql, { ...actor(c), action: 'scenario.publish', target: `scenario:${row.code}`, detail: { version: result.version, generation: result.generation, note } });
    return c.redirect(`/knowledge/scenarios/${encodeURIComponent(row.code)}?published=${result.version}`, 303);
  });

  r.get('/knowledge/scenarios/:code/diff', OWNER, async (c) => {
    const { sql } = c.get('deps');
    const row = await scenarioOr404(c);
    const versions = (await q.listVersions(sql, row.code)).map((v) => v.version);
    const latest = row.published_version ?? 0;
    const a = versionNumber(c.req.query('a')) ?? Math.max(latest - 1, 1);
    const b = versionNumber(c.req.query('b')) ?? latest;
    const [before, after] = await Promise.all([q.findVersionBody(sql, row.code, a), q.findVersionBody(sql, row.code, b)]);
    if (!before || !after) throw new HTTPException(404);
    return render(c, {
      title: `${row.code} · v${a} → v${b}`,
      body: <DiffPage ctx={viewContext(c)} code={row.code} title={row.published?.title ?? row.code} a={a} b={b} versions={versions} changes={diffScenarios(before, after)} />,
    });
  });

  // ---- flags ----

  async function flagsPage(c: Ctx, extra: { notice?: string; errorFor?: { id: number; reply: string; message: string }; status?: 422 } = {}) {
    const { sql } = c.get('deps');
    const all = c.req.query('all') === '1';
    const [open, closed] = await Promise.all([q.listOpenFlags(sql, all ? null : c.get('user')!.id), q.listClosedFlags(sql)]);
    const item = (f: q.FlagRow) => ({ id: f.id, code: f.scenario_code, title: f.title, version: f.version, kind: f.kind, comment: f.comment, raisedBy: f.raised_by_name, raisedAt: f.raised_at, reply: f.reply, repliedBy: f.replied_by_name, repliedAt: f.replied_at });
    // quality findings (script-fix proposals from inspectors) queue here too, same mine/all scope
    const findings = await ownerFindings(sql, all ? null : c.get('user')!.id);
    return render(c, {
      title: c.get('t')('owner.flags.title'),
      status: extra.status,
      body: <FlagsPage ctx={viewContext(c)} open={open.map(item)} closed={closed.map(item)} all={all} notice={extra.notice} errorFor={extra.errorFor} findings={findings} />,
    });
  }

  r.get('/knowledge/flags', OWNER, (c) =>
    flagsPage(c, { notice: c.req.query('closed') ? c.get('t')('owner.flags.closed') : c.req.query('finding') ? c.get('t')('quality.finding.resolved') : undefined }),
  );

  r.post('/knowledge/flags/:id/close', OWNER, async (c) => {
    const { sql, now } = c.get('deps');
    const t = c.get('t');
    const id = versionNumber(c.req.param('id'));
    const flag = id === undefined ? undefined : await q.findFlag(sql, id);
    if (!flag) throw new HTTPException(404);
    const reply = String((await c.req.parseBody()).reply ?? '').trim().slice(0, 2000);
    if (!reply) return flagsPage(c, { errorFor: { id: flag.id, reply, message: t('form.required') }, status: 422 });
    const closed = await q.closeFlag(sql, flag.id, reply, c.get('user')!.id, now());
    if (closed) await audit(sql, { ...actor(c), action: 'flag.close', target: `flag:${flag.id}`, detail: { scenario: flag.scenario_code, kind: flag.kind } });
    return c.redirect('/knowledge/flags?closed=1', 303);
  });

  // ---- import / export ----

  async function importPage(c: Ctx, extra: Omit<Parameters<typeof ImportPage>[0], 'ctx' | 'publishedCount' | 'publish'> & { publish?: boolean; status?: 200 | 422 }) {
    const publishedCount = (await q.listPublishedBodies(c.get('deps').sql)).length;
    const { status, ...rest } = extra;
    return render(c, { title: c.get('t')('owner.import.title'), status, body: <ImportPage ctx={viewContext(c)} publishedCount={publishedCount} publish={extra.publish ?? false} {...rest} /> });
  }

  r.get('/knowledge/import', OWNER, (c) => importPage(c, {}));

  r.post('/knowledge/import', OWNER, async (c) => {
    const { sql, now } = c.get('deps');
    const t = c.get('t');
    const body = await c.req.parseBody();
    const publish = String(body.publish ?? '') === '1';
    const file = body.file;
    if (!(file instanceof File) || file.size === 0) return importPage(c, { publish, fileError: t('owner.import.noFile'), status: 422 });
    const parsed = parseLibraryJsonl(await file.text(), { matrix: await q.responsibilityMatrix(sql) });
    if (!parsed.ok) return importPage(c, { publish, fileName: file.name, lineErrors: parsed.errors, status: 422 });
    if (parsed.scenarios.length === 0) return importPage(c, { publish, fileError: t('owner.import.empty'), status: 422 });
    const outcome = await q.importScenarios(sql, parsed.scenarios, { publish, userId: c.get('user')!.id, note: t('owner.import.note', { file: file.name }), now: now() });
    if (outcome.generation !== null) knowledgeSearch(c.get('deps')).notifyPublished();
    await audit(sql, { ...actor(c), action: 'library.import', target: `file:${file.name}`, detail: { publish, created: outcome.created.length, updated: outcome.updated.length, unchanged: outcome.unchanged.length, generation: outcome.generation } });
    return importPage(c, { publish, result: { ...outcome, published: publish } });
  });

  r.get('/knowledge/export', OWNER, async (c) => {
    const { sql, now } = c.get('deps');
    const scenarios: Scenario[] = await q.listPublishedBodies(sql);
    const date = now().toISOString().slice(0, 10);
    c.header('Content-Type', 'application/x-ndjson; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="peakline-library-${date}.jsonl"`);
    c.header('Cache-Control', 'no-store');
    return c.body(serializeLibraryJsonl(scenarios));
  });

  // ---- analytics ----

  r.get('/knowledge/analytics', OWNER, async (c) => {
    const { sql, now, config } = c.get('deps');
    const period = analyticsPeriod({ from: c.req.query('from'), to: c.req.query('to') }, now(), config.timeZone);
    const data = await q.analytics(sql, period.from, period.to);
    return render(c, { title: c.get('t')('owner.analytics.title'), body: <AnalyticsPage ctx={viewContext(c)} fromDate={period.fromDate} toDate={period.toDate} errors={period.errors} data={data} /> });
  });

  // ---- responsibility matrix ----

  r.get('/knowledge/matrix', MATRIX_READERS, async (c) => {
    const { departments, entries } = await q.loadMatrix(c.get('deps').sql);
    const notice = c.req.query('saved') ? c.get('t')('owner.matrix.saved', { code: c.req.query('saved')! }) : undefined;
    return render(c, { title: c.get('t')('owner.matrix.title'), body: <MatrixPage ctx={viewContext(c)} departments={departments} entries={entries} canEdit={c.get('user')!.roles.includes('admin')} notice={notice} /> });
  });

  r.get('/knowledge/matrix/new', MATRIX_EDITORS, async (c) => {
    const { departments } = await q.loadMatrix(c.get('deps').sql);
    const values: MatrixFormValues = { code: '', level1: '', level2: '', level3: '', specifics: '', owner: [], responsible: [], version: '0' };
    return render(c, { title: c.get('t')('owner.matrix.add'), body: <MatrixEntryPage ctx={viewContext(c)} departments={departments} values={values} errors={{}} isNew /> });
  });

  r.post('/knowledge/matrix', MATRIX_EDITORS, (c) => saveMatrixEntry(c, undefined));

  r.get('/knowledge/matrix/:code', MATRIX_EDITORS, async (c) => {
    const { departments, entries } = await q.loadMatrix(c.get('deps').sql);
    const entry = entries.find((e) => e.code === c.req.param('code'));
    if (!entry) throw new HTTPException(404);
    return render(c, { title: entry.code, body: <MatrixEntryPage ctx={viewContext(c)} departments={departments} values={matrixValues(entry)} errors={{}} isNew={false} /> });
  });

  r.post('/knowledge/matrix/:code', MATRIX_EDITORS, (c) => saveMatrixEntry(c, c.req.param('code')));
}

function matrixValues(entry: q.MatrixEntryRow): MatrixFormValues {
  return { code: entry.code, level1: entry.level1, level2: entry.level2, level3: entry.level3, specifics: (entry.specifics ?? []).join('\n'), owner: [entry.owner], responsible: entry.responsible, version: String(entry.version) };
}

/** The form's problems, from `validateMatrix` on the whole matrix with this entry in place, filed beside the fields. */
function matrixFormErrors(c: Ctx, values: MatrixFormValues, matrix: { departments: Department[]; entries: MatrixEntry[] }, isNew: boolean): MatrixFormErrors {
  const t = c.get('t');
  const errors: MatrixFormErrors = {};
  const add = (field: keyof MatrixFormErrors, message: string) => (errors[field] ??= []).push(message);
  if (isNew && !MATRIX_CODE.test(values.code)) add('code', t('owner.matrix.badCode'));
  if (isNew && matrix.entries.some((e) => e.code === values.code)) add('code', t('owner.matrix.taken'));
  const candidate = {
    code: values.code,
    level1: values.level1,
    level2: values.level2,
    level3: values.level3,
    owner: (values.owner.length === 1 ? values.owner[0] : values.owner) as unknown as string,
    responsible: values.responsible,
  };
  const others = matrix.entries.filter((e) => e.code !== values.code);
  for (const problem of validateMatrix({ departments: matrix.departments, entries: [...others, candidate] })) {
    if (problem.entry !== values.code) continue;
    if (problem.problem === 'owner-count') add('owner', t('owner.matrix.oneOwner'));
    else if (problem.problem === 'owner-not-owning') add('owner', t('owner.matrix.notOwning'));
    else if (problem.problem === 'no-responsible') add('responsible', t('owner.matrix.noResponsible'));
    else if (problem.problem === 'unknown-department') add(problem.department && values.owner.includes(problem.department) ? 'owner' : 'responsible', t('owner.matrix.unknownDepartment', { code: problem.department ?? '' }));
    else if (problem.problem === 'missing-level') {
      for (const level of ['level1', 'level2', 'level3'] as const) if (!values[level].trim()) errors[level] = [t('form.required')];
    }
  }
  return errors;
}

async function saveMatrixEntry(c: Ctx, code: string | undefined) {
  const { sql, now } = c.get('deps');
  const t = c.get('t');
  const matrix = await q.loadMatrix(sql);
  const existing = code === undefined ? undefined : matrix.entries.find((e) => e.code === code);
  if (code !== undefined && !existing) throw new HTTPException(404);
  const body = await c.req.parseBody({ all: true });
  const list = (v: unknown) => (Array.isArray(v) ? v : v === undefined ? [] : [v]).map(String).filter((x) => x.trim() !== '');
  const one = (v: unknown) => String(Array.isArray(v) ? v[0] : (v ?? '')).trim().slice(0, 200);
  const values: MatrixFormValues = {
    code: code ?? one(body.code),
    level1: one(body.level1),
    level2: one(body.level2),
    level3: one(body.level3),
    specifics: String(Array.isArray(body.specifics) ? body.specifics[0] : (body.specifics ?? '')).slice(0, 4000),
    owner: list(body.owner),
    responsible: [...new Set(list(body.responsible))],
    version: one(body.version),
  };
  const errors = matrixFormErrors(c, values, matrix, code === undefined);
  const page = (status: 409 | 422, extra: { conflict?: boolean; values?: MatrixFormValues } = {}) =>
    render(c, { title: t('owner.matrix.title'), status, body: <MatrixEntryPage ctx={viewContext(c)} departments={matrix.departments} values={extra.values ?? values} errors={status === 422 ? errors : {}} isNew={code === undefined} conflict={extra.conflict} /> });
  if (Object.keys(errors).length) return page(422);
  const entry: MatrixEntry = {
    code: values.code,
    level1: values.level1,
    level2: values.level2,
    level3: values.level3,
    specifics: values.specifics.split(/\r\n|\n|\r/).map((s) => s.trim()).filter(Boolean),
    owner: values.owner[0],
    responsible: values.responsible,
  };
  if (existing) {
    const saved = await q.updateMatrixEntry(sql, entry, versionNumber(values.version) ?? -1, now());
    if (saved === undefined) {
      const fresh = (await q.loadMatrix(sql)).entries.find((e) => e.code === entry.code);
      return page(409, { conflict: true, values: { ...values, version: String(fresh?.version ?? 0) } });
    }
    await audit(sql, { ...actor(c), action: 'matrix.update', target: `matrix:${entry.code}`, detail: { before: { owner: existing.owner, responsible: existing.responsible }, after: { owner: entry.owner, responsible: entry.responsible } } });
  } else {
    if (!(await q.insertMatrixEntry(sql, entry, now()))) return render(c, { title: t('owner.matrix.title'), status: 422, body: <MatrixEntryPage ctx={viewContext(c)} departments={matrix.departments} values={values} errors={{ code: [t('owner.matrix.taken')] }} isNew /> });
    await audit(sql, { ...actor(c), action: 'matrix.create', target: `matrix:${entry.code}`, detail: { owner: entry.owner, responsible: entry.responsible } });
  }
  return c.redirect(`/knowledge/matrix?saved=${encodeURIComponent(entry.code)}`, 303);
}
