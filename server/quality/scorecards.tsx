// The scorecard page and editor: a change to scoring (points, weights, flags, items) makes a new
// version; wording-only changes keep it. Evaluations keep the version they were scored with.
import { HTTPException } from 'hono/http-exception';
import type { SecureRouter } from '../http/access.ts';
import { type Ctx, viewContext } from '../http/env.ts';
import { render } from '../http/render.tsx';
import { audit } from '../queries/audit.ts';
import { validateScorecard } from '../../knowledge/quality/scorecard.ts';
import { ScorecardPage } from '../../views/quality/scorecards.tsx';
import type { ScorecardBody } from './demo.ts';
import * as q from './queries.ts';
import { saveScorecard } from './service.ts';

function idParam(c: Ctx): number {
  const raw = c.req.param('id') ?? '';
  if (!/^\d{1,9}$/.test(raw)) throw new HTTPException(404);
  return Number(raw);
}

/** Problems with an edited scorecard body (JSON shape and `validateScorecard`). */
export function scorecardProblems(data: unknown, code: string): string[] {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return ['body must be a JSON object'];
  const body = data as Partial<ScorecardBody>;
  const errors: string[] = [];
  if (body.id !== code) errors.push(`id must stay "${code}"`);
  if (typeof body.name !== 'string' || !body.name.trim()) errors.push('name: required');
  if (!Array.isArray(body.sections) || body.sections.length === 0) return [...errors, 'sections: at least one'];
  for (const s of body.sections) {
    if (!s || typeof s.id !== 'string' || typeof s.label !== 'string' || typeof s.weight !== 'number' || !Array.isArray(s.items)) {
      errors.push('each section needs id, label, weight and items');
      continue;
    }
    for (const i of s.items) {
      const kind = i?.answer?.kind;
      if (!i || typeof i.id !== 'string' || typeof i.label !== 'string' || typeof i.points !== 'number' || !['yesNo', 'points', 'scale'].includes(kind)) {
        errors.push(`section ${s.id}: each item needs id, label, points and answer.kind yesNo|points|scale`);
      }
      if (i?.flag !== undefined && i.flag !== 'failAll' && i.flag !== 'failSection') errors.push(`item ${i.id}: flag must be failAll or failSection`);
    }
  }
  return errors.length ? errors : validateScorecard(body as ScorecardBody);
}

export function registerScorecardRoutes(r: SecureRouter): void {
  async function page(c: Ctx, id: number, extra: { source?: string; errors?: string[]; notice?: string; conflict?: boolean; status?: 200 | 409 | 422 } = {}) {
    const { sql } = c.get('deps');
    const latest = await q.latestScorecardVersion(sql, id);
    if (!latest) throw new HTTPException(404);
    const versions = await sql<{ version: number; fingerprint: string; created_at: Date; evaluations: number }[]>`
      SELECT v.version, v.fingerprint, v.created_at, (SELECT count(*)::int FROM evaluations e WHERE e.scorecard_version_id = v.id) AS evaluations
      FROM scorecard_versions v WHERE v.scorecard_id = ${id} ORDER BY v.version DESC`;
    return render(c, {
      title: latest.name,
      status: extra.status,
      body: (
        <ScorecardPage
          ctx={viewContext(c)}
          id={id}
          card={latest.body}
          version={latest.version}
          versions={versions.map((v) => ({ version: v.version, fingerprint: v.fingerprint, createdAt: v.created_at, evaluations: v.evaluations }))}
          source={extra.source ?? JSON.stringify(latest.body, null, 2)}
          errors={extra.errors ?? []}
          notice={extra.notice}
          conflict={extra.conflict}
        />
      ),
    });
  }

  r.get('/quality/scorecards', ['inspector'], async (c) => {
    const [first] = await q.listScorecards(c.get('deps').sql);
    if (!first) throw new HTTPException(404);
    return c.redirect(`/quality/scorecards/${first.id}`, 303);
  });

  r.get('/quality/scorecards/:id', ['inspector'], (c) => {
    const t = c.get('t');
    const v = c.req.query('saved');
    return page(c, idParam(c), { notice: v ? t('quality.card.saved', { version: v }) : undefined });
  });

  r.post('/quality/scorecards/:id', ['inspector'], async (c) => {
    const { sql, now } = c.get('deps');
    const id = idParam(c);
    const latest = await q.latestScorecardVersion(sql, id);
    if (!latest) throw new HTTPException(404);
    const form = await c.req.parseBody();
    const source = String(form.body ?? '');
    if (Number(form.version) !== latest.version) return page(c, id, { source, conflict: true, status: 409 });
    let data: unknown;
    try {
      data = JSON.parse(source);
    } catch {
      return page(c, id, { source, errors: ['body is not valid JSON'], status: 422 });
    }
    const errors = scorecardProblems(data, latest.code);
    if (errors.length) return page(c, id, { source, errors, status: 422 });
    const parsed = data as ScorecardBody;
    const body: ScorecardBody = { ...parsed, phrases: parsed.phrases ?? latest.body.phrases };
    const saved = await saveScorecard(sql, body, c.get('user')!.id);
    const u = c.get('user')!;
    await audit(sql, { actorId: u.id, actorName: u.username, requestId: c.get('requestId'), at: now(), action: 'scorecard.save', target: `scorecard:${id}`, detail: { version: saved.version, newVersion: saved.version !== latest.version } });
    return c.redirect(`/quality/scorecards/${id}?saved=${saved.version}`, 303);
  });
}
