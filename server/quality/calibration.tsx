// Calibration sessions (质检标准校准会): create, blind scoring by each participant, the owner's
// reference, and the report (deviation from reference, per-item agreement, Krippendorff's alpha).
// Calibration scores are evaluations with a session and no sample, so they never count for agents.
import { HTTPException } from 'hono/http-exception';
import type { SecureRouter } from '../http/access.ts';
import { type Ctx, viewContext } from '../http/env.ts';
import { render } from '../http/render.tsx';
import { audit } from '../queries/audit.ts';
import type { Sql } from '../db/index.ts';
import { krippendorffAlpha, type Rating } from '../../knowledge/quality/agreement.ts';
import { calibrationItemAgreement, inspectorDeviations, type CalibrationScore } from '../../knowledge/quality/report.ts';
import { scoreEvaluation, type Answers } from '../../knowledge/quality/scorecard.ts';
import { checkTranscript } from '../../knowledge/quality/transcript.ts';
import { CalibrationListPage, CalibrationScorePage, CalibrationSessionPage, type CalibrationReport, type SessionFormValues } from '../../views/quality/calibration.tsx';
import * as q from './queries.ts';
import { answerProblems, readScoringForm } from './service.ts';

interface SessionRow {
  id: number;
  name: string;
  scorecard_version_id: number;
  call_ids: string[];
  created_by: number | null;
  created_at: Date;
}

function idParam(c: Ctx): number {
  const raw = c.req.param('id') ?? '';
  if (!/^\d{1,9}$/.test(raw)) throw new HTTPException(404);
  return Number(raw);
}

async function findSession(sql: Sql, id: number): Promise<SessionRow | undefined> {
  const [row] = await sql<SessionRow[]>`SELECT id, name, scorecard_version_id, call_ids, created_by, created_at FROM calibration_sessions WHERE id = ${id}`;
  return row;
}

async function participantsOf(sql: Sql, id: number): Promise<{ id: number; name: string }[]> {
  return sql`SELECT u.id, u.display_name AS name FROM calibration_participants p JOIN users u ON u.id = p.user_id WHERE p.session_id = ${id} ORDER BY u.id`;
}

async function scoresOf(sql: Sql, id: number): Promise<{ evaluator_id: number; call_id: string; answers: Answers; score: number | null }[]> {
  return sql`SELECT evaluator_id, call_id, answers, score FROM evaluations WHERE calibration_session_id = ${id} AND status = 'submitted' ORDER BY id`;
}

/**
 * The calibration report: Krippendorff's alpha of total percents (interval), per-item agreement
 * (nominal for yes/no, interval for numbers) with raw percent agreement, and each participant's
 * deviation from the reference.
 */
export function calibrationReport(
  card: q.ScorecardVersionRow['body'],
  scores: { inspectorId: string; callId: string; percent: number | null; answers: Answers }[],
  reference: { callId: string; percent: number | null; answers: Answers }[],
  names: Map<string, string>,
): CalibrationReport {
  const inspectors = [...new Set(scores.map((s) => s.inspectorId))].sort();
  const calls = [...new Set(scores.map((s) => s.callId))].sort();
  const table: Rating[][] = inspectors.map((i) => calls.map((c) => scores.find((s) => s.inspectorId === i && s.callId === c)?.percent ?? null));
  const items = card.sections.flatMap((s) => s.items);
  const cs: CalibrationScore[] = scores;
  return {
    totalAlpha: krippendorffAlpha(table, 'interval'),
    items: calibrationItemAgreement(cs, items.map((i) => i.id)).map((a) => ({ ...a, label: items.find((i) => i.id === a.itemId)!.label })),
    deviations: inspectorDeviations(cs, reference).map((d) => ({
      name: names.get(d.inspectorId) ?? d.inspectorId,
      calls: d.calls,
      meanSigned: d.meanSignedDeviation,
      meanAbsolute: d.meanAbsoluteDeviation,
      itemAgreement: d.itemAgreement,
    })),
  };
}

export function registerCalibrationRoutes(r: SecureRouter): void {
  async function listPage(c: Ctx, values: SessionFormValues, errors: Record<string, string>, status: 200 | 422 = 200) {
    const { sql } = c.get('deps');
    const sessions = await sql<{ id: number; name: string; calls: number; participants: number; scored: number; created_at: Date }[]>`
      SELECT s.id, s.name, cardinality(s.call_ids) AS calls,
        (SELECT count(*)::int FROM calibration_participants p WHERE p.session_id = s.id) AS participants,
        (SELECT count(*)::int FROM evaluations e WHERE e.calibration_session_id = s.id AND e.status = 'submitted') AS scored, s.created_at
      FROM calibration_sessions s ORDER BY s.id DESC`;
    const calls = await sql<{ id: string; agent: string; queue: string }[]>`
      SELECT c.id, u.display_name AS agent, c.queue FROM calls c JOIN users u ON u.id = c.agent_id WHERE c.recording_url IS NOT NULL ORDER BY c.id LIMIT 50`;
    const inspectors = await q.reviewers(sql, 'inspector');
    return render(c, {
      title: c.get('t')('quality.cal.title'),
      status,
      body: (
        <CalibrationListPage
          ctx={viewContext(c)}
          sessions={sessions.map((s) => ({ id: s.id, name: s.name, calls: s.calls, participants: s.participants, scored: s.scored, createdAt: s.created_at }))}
          values={values}
          errors={errors}
          calls={calls.map((x) => ({ id: x.id, label: `${x.id} · ${x.agent} · ${x.queue}` }))}
          inspectors={inspectors.map((i) => ({ id: i.id, name: i.display_name }))}
        />
      ),
    });
  }

  r.get('/quality/calibration', ['inspector'], (c) => listPage(c, { name: '', callIds: [], participantIds: [String(c.get('user')!.id)] }, {}));

  r.post('/quality/calibration', ['inspector'], async (c) => {
    const { sql } = c.get('deps');
    const t = c.get('t');
    const body = await c.req.parseBody({ all: true });
    const list = (v: unknown) => (Array.isArray(v) ? v : v === undefined ? [] : [v]).map(String);
    const values: SessionFormValues = { name: String(body.name ?? '').trim().slice(0, 120), callIds: list(body.callIds), participantIds: list(body.participantIds) };
    const errors: Record<string, string> = {};
    if (!values.name) errors.name = t('form.required');
    const callIds = values.callIds.length ? (await sql<{ id: string }[]>`SELECT id FROM calls WHERE id = ANY(${values.callIds}::text[]) ORDER BY id`).map((x) => x.id) : [];
    if (!callIds.length) errors.callIds = t('quality.cal.pickCalls');
    const inspectorIds = new Set((await q.reviewers(sql, 'inspector')).map((i) => i.id));
    const participantIds = values.participantIds.map(Number).filter((id) => inspectorIds.has(id));
    if (participantIds.length < 2) errors.participantIds = t('quality.cal.pickParticipants');
    const [card] = await q.listScorecards(sql);
    const version = card ? await q.latestScorecardVersion(sql, card.id) : undefined;
    if (!version) errors.name = t('quality.cal.noScorecard');
    if (Object.keys(errors).length) return listPage(c, values, errors, 422);
    const u = c.get('user')!;
    const id = await sql.begin(async (txRaw) => {
      const tx = txRaw as unknown as Sql;
      const [row] = await tx<{ id: number }[]>`INSERT INTO calibration_sessions (name, scorecard_version_id, call_ids, created_by, created_at)
        VALUES (${values.name}, ${version!.id}, ${tx.array(callIds)}::text[], ${u.id}, ${c.get('deps').now()}) RETURNING id`;
      for (const p of participantIds) await tx`INSERT INTO calibration_participants (session_id, user_id) VALUES (${row.id}, ${p})`;
      return row.id;
    });
    await audit(sql, { actorId: u.id, actorName: u.username, requestId: c.get('requestId'), at: c.get('deps').now(), action: 'calibration.create', target: `calibration:${id}`, detail: { calls: callIds, participants: participantIds } });
    return c.redirect(`/quality/calibration/${id}`, 303);
  });

  r.get('/quality/calibration/:id', ['inspector'], async (c) => {
    const { sql } = c.get('deps');
    const t = c.get('t');
    const session = await findSession(sql, idParam(c));
    if (!session) throw new HTTPException(404);
    const me = c.get('user')!.id;
    const participants = await participantsOf(sql, session.id);
    const scores = await scoresOf(sql, session.id);
    const refs = await sql<{ call_id: string; answers: Answers }[]>`SELECT call_id, answers FROM calibration_reference WHERE session_id = ${session.id}`;
    const version = (await q.scorecardVersion(sql, session.scorecard_version_id))!;
    const isOwner = session.created_by === me;
    const mineAll = session.call_ids.every((id) => scores.some((s) => s.evaluator_id === me && s.call_id === id));
    const raters = new Set(scores.map((s) => s.evaluator_id));
    // blind: the report shows to the owner, or to a participant who has scored every call
    const report =
      (isOwner || mineAll) && raters.size >= 2
        ? calibrationReport(
            version.body,
            scores.map((s) => ({ inspectorId: String(s.evaluator_id), callId: s.call_id, percent: s.score, answers: s.answers })),
            refs.map((x) => ({ callId: x.call_id, answers: x.answers, percent: scoreEvaluation(version.body, x.answers).percent })),
            new Map(participants.map((p) => [String(p.id), p.name])),
          )
        : null;
    return render(c, {
      title: session.name,
      wide: true,
      body: (
        <CalibrationSessionPage
          ctx={viewContext(c)}
          id={session.id}
          name={session.name}
          scorecard={`${version.name} v${version.version}`}
          isOwner={isOwner}
          calls={session.call_ids.map((id) => ({
            id,
            label: id,
            mine: scores.some((s) => s.evaluator_id === me && s.call_id === id),
            reference: refs.some((x) => x.call_id === id),
            scoredBy: scores.filter((s) => s.call_id === id).length,
          }))}
          participants={participants.map((p) => p.name)}
          report={report}
          notice={c.req.query('scored') ? t('quality.scoring.submitted') : undefined}
        />
      ),
    });
  });

  async function scorePage(c: Ctx, status: 200 | 409 | 422, answers: Record<string, string>, errors: Record<string, string>) {
    const { sql } = c.get('deps');
    const session = await findSession(sql, idParam(c));
    const callId = c.req.param('callId') ?? '';
    if (!session || !session.call_ids.includes(callId)) throw new HTTPException(404);
    const reference = c.req.query('reference') === '1';
    const me = c.get('user')!.id;
    if (reference ? session.created_by !== me : !(await participantsOf(sql, session.id)).some((p) => p.id === me)) throw new HTTPException(403);
    const call = (await q.findCall(sql, callId))!;
    const version = (await q.scorecardVersion(sql, session.scorecard_version_id))!;
    const forbidden = call.transcript ? checkTranscript(call.transcript, version.body.phrases ?? { forbidden: [], required: [] }).forbidden : [];
    return {
      session,
      version,
      call,
      reference,
      me,
      page: () =>
        render(c, {
          title: session.name,
          status,
          wide: true,
          body: (
            <CalibrationScorePage
              ctx={viewContext(c)}
              sessionId={session.id}
              sessionName={session.name}
              reference={reference}
              call={{ id: call.id, recordingUrl: call.recording_url, transcript: call.transcript }}
              forbidden={forbidden}
              card={version.body}
              answers={answers}
              errors={errors}
            />
          ),
        }),
    };
  }

  r.get('/quality/calibration/:id/calls/:callId', ['inspector'], async (c) => (await scorePage(c, 200, {}, {})).page());

  r.post('/quality/calibration/:id/calls/:callId', ['inspector'], async (c) => {
    const { sql, now } = c.get('deps');
    const t = c.get('t');
    const body = await c.req.parseBody();
    const probe = await scorePage(c, 200, {}, {});
    const { answers, raw } = readScoringForm(body, probe.version.body);
    const problems = answerProblems(probe.version.body, answers);
    if (Object.keys(problems).length) {
      const errors: Record<string, string> = {};
      for (const id of Object.keys(problems)) errors[id] = answers[id] === undefined ? t('quality.answer.required') : t('quality.answer.invalid');
      return (await scorePage(c, 422, raw, errors)).page();
    }
    const score = scoreEvaluation(probe.version.body, answers);
    const u = c.get('user')!;
    if (probe.reference) {
      await sql`INSERT INTO calibration_reference (session_id, call_id, answers, recorded_by, recorded_at)
        VALUES (${probe.session.id}, ${probe.call.id}, ${sql.json(answers as never)}, ${u.id}, ${now()})
        ON CONFLICT (session_id, call_id) DO UPDATE SET answers = EXCLUDED.answers, recorded_by = EXCLUDED.recorded_by, recorded_at = EXCLUDED.recorded_at`;
    } else {
      const [done] = await sql`SELECT 1 FROM evaluations WHERE calibration_session_id = ${probe.session.id} AND evaluator_id = ${u.id} AND call_id = ${probe.call.id}`;
      if (done) return (await scorePage(c, 409, raw, {})).page();
      await sql`INSERT INTO evaluations (calibration_session_id, call_id, scorecard_version_id, evaluator_id, answers, status, score, result, submitted_at, created_at, updated_at)
        VALUES (${probe.session.id}, ${probe.call.id}, ${probe.version.id}, ${u.id}, ${sql.json(answers as never)}, 'submitted', ${score.percent}, ${sql.json(score as never)}, ${now()}, ${now()}, ${now()})`;
    }
    await audit(sql, { actorId: u.id, actorName: u.username, requestId: c.get('requestId'), at: now(), action: probe.reference ? 'calibration.reference' : 'calibration.score', target: `calibration:${probe.session.id}`, detail: { call: probe.call.id, score: score.percent } });
    return c.redirect(`/quality/calibration/${probe.session.id}?scored=1`, 303);
  });
}
