// The agent's side (released evaluations, disputes within the window) and the inspector's dispute
// resolution: upheld, changed or overturned; a change keeps the original as a retracted version.
import { HTTPException } from 'hono/http-exception';
import type { SecureRouter } from '../http/access.ts';
import { type Ctx, viewContext } from '../http/env.ts';
import { render } from '../http/render.tsx';
import { audit } from '../queries/audit.ts';
import type { Sql } from '../db/index.ts';
import { scoreEvaluation, validateAnswers, type Answer, type EvaluationScore, type ScorecardItem } from '../../knowledge/quality/scorecard.ts';
import { MinePage } from '../../views/quality/mine.tsx';
import { DisputePage, DisputesPage, type DisputeView } from '../../views/quality/disputes.tsx';
import * as q from './queries.ts';
import { categoriesOfMissed } from './service.ts';

/** Days after release during which an agent may dispute (settings key `quality.disputeWindowDays`). */
export const DEFAULT_DISPUTE_WINDOW_DAYS = 7;

async function disputeWindowDays(sql: Sql): Promise<number> {
  const [row] = await sql<{ value: string }[]>`SELECT value FROM settings WHERE key = 'quality.disputeWindowDays'`;
  const n = Number(row?.value);
  return Number.isInteger(n) && n > 0 ? n : DEFAULT_DISPUTE_WINDOW_DAYS;
}

/** The centre's arbitrator (settings key `quality.arbitratorId`), if set to an active inspector. */
async function centreArbitrator(sql: Sql): Promise<number | null> {
  const [row] = await sql<{ id: number }[]>`SELECT u.id FROM settings s JOIN users u ON u.id::text = s.value
    WHERE s.key = 'quality.arbitratorId' AND u.active AND 'inspector' = ANY(u.roles)`;
  return row?.id ?? null;
}

/**
 * Who arbitrates a dispute of this evaluation: the arbitrator named by its plan, else the centre's
 * arbitrator, else the inspector who scored it.
 */
export async function arbitratorFor(sql: Sql, ev: { sample_id: number | null; evaluator_id: number }): Promise<number> {
  if (ev.sample_id !== null) {
    const [row] = await sql<{ arbitrator_id: number | null }[]>`SELECT pl.arbitrator_id FROM samples s JOIN plans pl ON pl.id = s.plan_id
      JOIN users u ON u.id = pl.arbitrator_id WHERE s.id = ${ev.sample_id} AND u.active`;
    if (row?.arbitrator_id) return row.arbitrator_id;
  }
  return (await centreArbitrator(sql)) ?? ev.evaluator_id;
}

function idParam(c: Ctx): number {
  const raw = c.req.param('id') ?? '';
  if (!/^\d{1,9}$/.test(raw)) throw new HTTPException(404);
  return Number(raw);
}

function actor(c: Ctx) {
  const u = c.get('user')!;
  return { actorId: u.id, actorName: u.username, requestId: c.get('requestId'), at: c.get('deps').now() };
}

interface DisputeRow {
  id: number;
  evaluation_id: number;
  item_id: string;
  agent_id: number;
  agent_name: string;
  comment: string;
  status: string;
  resolution_comment: string | null;
  arbitrator_id: number | null;
  arbitrator_name: string | null;
  created_at: Date;
  call_id: string;
  scorecard_version_id: number;
}

const DISPUTE_SELECT = `SELECT d.id, d.evaluation_id, d.item_id, d.agent_id, a.display_name AS agent_name, d.comment, d.status, d.resolution_comment,
    d.arbitrator_id, r.display_name AS arbitrator_name, d.created_at, e.call_id, e.scorecard_version_id
  FROM disputes d JOIN evaluations e ON e.id = d.evaluation_id JOIN users a ON a.id = d.agent_id LEFT JOIN users r ON r.id = d.arbitrator_id`;

function itemOf(card: q.ScorecardVersionRow['body'], itemId: string): ScorecardItem | undefined {
  return card.sections.flatMap((s) => s.items).find((i) => i.id === itemId);
}

function answerText(c: Ctx, a: Answer | undefined): string {
  const t = c.get('t');
  return a === 'yes' ? t('quality.answer.yes') : a === 'no' ? t('quality.answer.no') : a === 'na' ? t('quality.answer.na') : a === undefined ? '' : String(a);
}

/** The agent's page of released evaluations, with disputes; `form` re-shows one dispute form with errors. */
async function minePage(c: Ctx, form?: { evaluationId: number; errors: Record<string, string>; values: { itemId: string; comment: string } }, status: 200 | 409 | 422 = 200) {
  const { sql, now } = c.get('deps');
  const t = c.get('t');
  const me = c.get('user')!.id;
  const rows = await q.releasedForAgent(sql, me);
  const cards = new Map<number, q.ScorecardVersionRow>();
  for (const row of rows) if (!cards.has(row.scorecard_version_id)) cards.set(row.scorecard_version_id, (await q.scorecardVersion(sql, row.scorecard_version_id))!);
  const disputes = await sql<(DisputeRow & { new_evaluation_id: number | null })[]>`${sql.unsafe(DISPUTE_SELECT.replace('SELECT d.id,', 'SELECT d.new_evaluation_id, d.id,'))} WHERE d.agent_id = ${me} ORDER BY d.id`;
  const windowMs = (await disputeWindowDays(sql)) * 86_400_000;
  const evaluations = rows.map((row) => {
    const result = row.result as EvaluationScore | null;
    const card = cards.get(row.scorecard_version_id)!.body;
    const mine = disputes.filter((d) => d.evaluation_id === row.id || d.new_evaluation_id === row.id);
    return {
      id: row.id,
      callId: row.call_id,
      project: row.project_code,
      queue: row.queue,
      startedAt: row.started_at,
      releasedAt: row.released_at,
      evaluator: row.evaluator_name,
      score: row.score,
      failedAll: result?.failedAll ?? false,
      recordingUrl: row.recording_url,
      card,
      answers: row.answers,
      missed: result ? result.sections.flatMap((s) => s.items.filter((i) => i.missed).map((i) => i.itemId)) : [],
      comments: row.comments,
      disputes: mine.map((d) => ({ item: itemOf(card, d.item_id)?.label ?? d.item_id, status: d.status, comment: d.comment, resolution: d.resolution_comment })),
      canDispute: !!row.released_at && now().getTime() - new Date(row.released_at).getTime() <= windowMs,
      form: form?.evaluationId === row.id ? { errors: form.errors, values: form.values } : undefined,
    };
  });
  const notice = c.req.query('disputed') ? t('quality.dispute.sent') : undefined;
  const training = await sql<{ topic: string; reason: string | null; status: string; created_at: Date }[]>`
    SELECT topic, reason, status, created_at FROM training_assignments WHERE agent_id = ${me} AND status = 'assigned' ORDER BY id DESC`;
  const peerChecks = (await q.samplesAssignedTo(sql, me)).map((s) => ({ id: s.id, callId: s.call_id, plan: s.plan_name, status: s.status, dueDate: s.due_date }));
  return render(c, {
    title: t('quality.mine.title'),
    status,
    body: (
      <MinePage
        ctx={viewContext(c)}
        evaluations={evaluations}
        notice={notice}
        peerChecks={peerChecks}
        training={training.map((x) => ({ topic: x.topic, reason: x.reason, status: x.status, createdAt: x.created_at }))}
      />
    ),
  });
}

export function registerDisputeRoutes(r: SecureRouter): void {
  r.get('/quality/mine', ['agent'], (c) => minePage(c));

  r.post('/quality/evaluations/:id/disputes', ['agent'], async (c) => {
    const { sql, now } = c.get('deps');
    const t = c.get('t');
    const ev = await q.findEvaluation(sql, idParam(c));
    const call = ev ? await q.findCall(sql, ev.call_id) : undefined;
    if (!ev || !call || call.agent_id !== c.get('user')!.id || ev.status !== 'released' || ev.sample_id === null) throw new HTTPException(404);
    const body = await c.req.parseBody();
    const values = { itemId: String(body.itemId ?? ''), comment: String(body.comment ?? '').trim().slice(0, 2000) };
    const card = (await q.scorecardVersion(sql, ev.scorecard_version_id))!.body;
    const errors: Record<string, string> = {};
    if (!itemOf(card, values.itemId)) errors.itemId = t('form.required');
    if (!values.comment) errors.comment = t('form.required');
    const windowDays = await disputeWindowDays(sql);
    if (ev.released_at && now().getTime() - new Date(ev.released_at).getTime() > windowDays * 86_400_000) errors.comment = t('quality.dispute.windowClosed', { days: windowDays });
    if (!errors.itemId) {
      const [open] = await sql`SELECT 1 FROM disputes WHERE evaluation_id = ${ev.id} AND item_id = ${values.itemId} AND status = 'open'`;
      if (open) errors.itemId = t('quality.dispute.alreadyOpen');
    }
    if (Object.keys(errors).length) return minePage(c, { evaluationId: ev.id, errors, values }, 422);
    const [row] = await sql<{ id: number }[]>`INSERT INTO disputes (evaluation_id, item_id, agent_id, comment, arbitrator_id, created_at)
      VALUES (${ev.id}, ${values.itemId}, ${c.get('user')!.id}, ${values.comment}, ${await arbitratorFor(sql, ev)}, ${now()}) RETURNING id`;
    await audit(sql, { ...actor(c), action: 'dispute.open', target: `dispute:${row.id}`, detail: { evaluation: ev.id, item: values.itemId } });
    return c.redirect('/quality/mine?disputed=1', 303);
  });

  function view(c: Ctx, d: DisputeRow, card: q.ScorecardVersionRow['body']): DisputeView {
    return {
      id: d.id,
      evaluationId: d.evaluation_id,
      callId: d.call_id,
      itemId: d.item_id,
      itemLabel: itemOf(card, d.item_id)?.label ?? d.item_id,
      agent: d.agent_name,
      comment: d.comment,
      status: d.status,
      createdAt: d.created_at,
      resolution: d.resolution_comment,
      arbitrator: d.arbitrator_name,
      mine: d.arbitrator_id === c.get('user')!.id,
    };
  }

  r.get('/quality/disputes', ['inspector'], async (c) => {
    const { sql } = c.get('deps');
    const rows = await sql<DisputeRow[]>`${sql.unsafe(DISPUTE_SELECT)} ORDER BY (d.status = 'open') DESC, d.id DESC LIMIT 300`;
    const cards = new Map<number, q.ScorecardVersionRow['body']>();
    for (const d of rows) if (!cards.has(d.scorecard_version_id)) cards.set(d.scorecard_version_id, (await q.scorecardVersion(sql, d.scorecard_version_id))!.body);
    const inspectors = (await q.reviewers(sql, 'inspector')).map((u) => ({ id: u.id, name: u.display_name }));
    const current = await centreArbitrator(sql);
    return render(c, {
      title: c.get('t')('quality.dispute.title'),
      body: (
        <DisputesPage
          ctx={viewContext(c)}
          disputes={rows.map((d) => view(c, d, cards.get(d.scorecard_version_id)!))}
          centre={{ current: current ? String(current) : '', inspectors }}
          notice={c.req.query('arbitrator') ? c.get('t')('quality.dispute.centreSaved') : undefined}
        />
      ),
    });
  });

  /** Names the centre's arbitrator for disputes of plans that name none ('' = the original inspector). */
  r.post('/quality/disputes/arbitrator', ['inspector'], async (c) => {
    const { sql } = c.get('deps');
    const raw = String((await c.req.parseBody()).arbitratorId ?? '');
    const inspectors = await q.reviewers(sql, 'inspector');
    if (raw !== '' && !inspectors.some((i) => String(i.id) === raw)) return c.text(c.get('t')('quality.plan.arbitratorInspector'), 422);
    if (raw === '') await sql`DELETE FROM settings WHERE key = 'quality.arbitratorId'`;
    else await sql`INSERT INTO settings (key, value) VALUES ('quality.arbitratorId', ${raw}) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`;
    await audit(sql, { ...actor(c), action: 'dispute.arbitrator', target: 'settings:quality.arbitratorId', detail: { arbitratorId: raw === '' ? null : Number(raw) } });
    return c.redirect('/quality/disputes?arbitrator=1', 303);
  });

  async function disputePage(c: Ctx, status: 200 | 403 | 409 | 422, errors: Record<string, string>, values: { outcome: string; answer: string; resolution: string }) {
    const { sql } = c.get('deps');
    const [d] = await sql<DisputeRow[]>`${sql.unsafe(DISPUTE_SELECT)} WHERE d.id = ${idParam(c)}`;
    if (!d) throw new HTTPException(404);
    const ev = (await q.findEvaluation(sql, d.evaluation_id))!;
    const card = (await q.scorecardVersion(sql, d.scorecard_version_id))!.body;
    const item = itemOf(card, d.item_id)!;
    return {
      d,
      ev,
      card,
      item,
      page: () =>
        render(c, {
          title: c.get('t')('quality.dispute.one'),
          status,
          body: (
            <DisputePage
              ctx={viewContext(c)}
              dispute={view(c, d, card)}
              item={item}
              card={card}
              current={answerText(c, ev.answers[d.item_id] as Answer | undefined)}
              score={ev.score}
              sampleId={ev.sample_id}
              errors={errors}
              values={values}
              canResolve={d.arbitrator_id === null || d.arbitrator_id === c.get('user')!.id}
            />
          ),
        }),
    };
  }

  r.get('/quality/disputes/:id', ['inspector'], async (c) => (await disputePage(c, 200, {}, { outcome: '', answer: '', resolution: '' })).page());

  r.post('/quality/disputes/:id/resolve', ['inspector'], async (c) => {
    const { sql, now } = c.get('deps');
    const t = c.get('t');
    const body = await c.req.parseBody();
    const values = { outcome: String(body.outcome ?? ''), answer: '', resolution: String(body.resolution ?? '').trim().slice(0, 2000) };
    const probe = await disputePage(c, 200, {}, values);
    const { d, ev, card, item } = probe;
    values.answer = String(body[`a.${item.id}`] ?? '').trim();
    if (d.status !== 'open') return (await disputePage(c, 409, { outcome: t('quality.dispute.closed') }, values)).page();
    // only the named arbitrator resolves (the original inspector or the plan's / centre's arbitrator)
    if (d.arbitrator_id !== null && d.arbitrator_id !== c.get('user')!.id) return (await disputePage(c, 403, { outcome: t('quality.dispute.notArbitrator', { name: d.arbitrator_name ?? '—' }) }, values)).page();
    const errors: Record<string, string> = {};
    if (!['upheld', 'changed', 'overturned'].includes(values.outcome)) errors.outcome = t('form.required');
    if (!values.resolution) errors.resolution = t('form.required');
    const full: Answer = item.answer.kind === 'yesNo' ? 'yes' : item.answer.kind === 'scale' ? item.answer.max : item.points;
    let newAnswer: Answer | undefined;
    if (values.outcome === 'overturned') newAnswer = full;
    if (values.outcome === 'changed') {
      const v = values.answer;
      newAnswer = v === 'yes' || v === 'no' || v === 'na' ? v : v !== '' && Number.isFinite(Number(v)) ? Number(v) : undefined;
      if (newAnswer === undefined || validateAnswers(card, { ...ev.answers, [item.id]: newAnswer } as never).length) errors.answer = t('quality.answer.invalid');
    }
    if (Object.keys(errors).length) return (await disputePage(c, 422, errors, values)).page();
    const at = now();
    const u = c.get('user')!;
    let newId: number | null = null;
    let newScore: number | null = null;
    await sql.begin(async (txRaw) => {
      const tx = txRaw as unknown as Sql;
      if (newAnswer !== undefined) {
        const answers = { ...ev.answers, [item.id]: newAnswer };
        const score = scoreEvaluation(card, answers as never);
        newScore = score.percent;
        const [row] = await tx<{ id: number }[]>`
          INSERT INTO evaluations (sample_id, call_id, scorecard_version_id, evaluator_id, answers, comments, status, score, result, supersedes, created_at, updated_at, submitted_at, released_at, error_categories)
          VALUES (${ev.sample_id}, ${ev.call_id}, ${ev.scorecard_version_id}, ${ev.evaluator_id}, ${tx.json(answers as never)}, ${tx.json(ev.comments as never)}, 'released',
                  ${score.percent}, ${tx.json(score as never)}, ${ev.id}, ${at}, ${at}, ${at}, ${at}, ${tx.json(categoriesOfMissed(score, ev.error_categories ?? {}) as never)}) RETURNING id`;
        newId = row.id;
        await tx`UPDATE evaluations SET status = 'retracted', updated_at = ${at}, version = version + 1 WHERE id = ${ev.id}`;
      }
      await tx`UPDATE disputes SET status = ${values.outcome}, resolution_comment = ${values.resolution}, resolved_by = ${u.id}, resolved_at = ${at}, new_evaluation_id = ${newId} WHERE id = ${d.id}`;
    });
    await audit(sql, { ...actor(c), action: 'dispute.resolve', target: `dispute:${d.id}`, detail: { outcome: values.outcome, item: item.id, before: ev.score, after: newScore ?? ev.score, newEvaluation: newId } });
    return c.redirect(`/quality/disputes/${d.id}`, 303);
  });
}
