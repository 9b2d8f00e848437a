// JSON API of the scheduling area under /api/v1 (bearer tokens of scheduler users): the interval requirement and history import.
import type { SecureRouter } from '../http/access.ts';
import type { Ctx } from '../http/env.ts';
import { audit } from '../queries/audit.ts';
import { addLocalDays, isLocalDate } from '../../scheduling/time.ts';
import { listProjects } from './queries.ts';
import { planProject, staffingDefaults } from './service.ts';
import { importHistory } from './import.ts';

/** Longest range one requirement request may cover, in days. */
export const MAX_REQUIREMENT_DAYS = 62;

export function registerSchedulingApi(r: SecureRouter): void {
  /**
   * `GET /api/v1/scheduling/requirement?project=EV&from=2026-12-01&to=2026-12-31[&occ=&shrink=&patience=]` →
   * `{ project, from, to, params, rows: [{ date, interval, calls, ahtSeconds, productiveAgents, scheduledAgents, serviceLevel, occupancy, adjusted }] }`.
   */
  r.get('/api/v1/scheduling/requirement', ['scheduler'], async (c) => {
    const { sql, config } = c.get('deps');
    const project = (await listProjects(sql)).find((p) => p.code === c.req.query('project'));
    const from = c.req.query('from') ?? '';
    const to = c.req.query('to') || from;
    if (!project) return c.json({ error: 'unknown_project' }, 404);
    if (!isLocalDate(from) || !isLocalDate(to) || to < from || to > addLocalDays(from, MAX_REQUIREMENT_DAYS - 1)) {
      return c.json({ error: 'bad_range', message: `from and to are YYYY-MM-DD dates, from ≤ to, at most ${MAX_REQUIREMENT_DAYS} days` }, 422);
    }
    const defaults = await staffingDefaults(sql);
    const num = (k: string) => (c.req.query(k) === undefined ? NaN : Number(c.req.query(k)));
    const occ = num('occ');
    const shrink = num('shrink');
    const patience = num('patience');
    const params = {
      maxOccupancy: occ >= 0.5 && occ <= 1 ? occ : defaults.maxOccupancy,
      shrinkage: shrink >= 0 && shrink <= 0.8 ? shrink : defaults.shrinkage,
      ...(patience >= 10 && patience <= 3600 ? { patienceSeconds: patience } : {}),
    };
    const plan = await planProject(sql, project, from, to, params, config.timeZone);
    if (!plan) return c.json({ error: 'no_history' }, 404);
    return c.json({
      project: project.code,
      from,
      to,
      params: { ...params, slTarget: project.slTarget, slSeconds: project.slSeconds, intervalMinutes: 30 },
      rows: plan.rows.map((row) => ({
        date: row.date,
        interval: row.interval,
        calls: row.calls,
        ahtSeconds: row.ahtSeconds,
        productiveAgents: row.staffing.productiveAgents,
        scheduledAgents: row.staffing.scheduledAgents,
        serviceLevel: row.staffing.serviceLevel,
        occupancy: row.staffing.occupancy,
        adjusted: row.adjusted ?? null,
      })),
    });
  });

  /**
   * `POST /api/v1/scheduling/history` with a CSV (text/csv) or JSONL (application/x-ndjson) body:
   * `{ imported, byProject, from, to }`, or 422 `{ error: 'invalid', errors: [{ line, message }] }` and nothing stored.
   */
  r.post('/api/v1/scheduling/history', ['scheduler'], async (c: Ctx) => {
    const { sql, now } = c.get('deps');
    const type = (c.req.header('content-type') ?? '').toLowerCase();
    const format = type.includes('ndjson') || type.includes('jsonl') ? 'jsonl' : type.startsWith('text/csv') ? 'csv' : undefined;
    if (!format) return c.json({ error: 'unsupported_media_type', message: 'send text/csv or application/x-ndjson' }, 415);
    const text = await c.req.text();
    if (!text.trim()) return c.json({ error: 'invalid', errors: [{ line: 1, message: 'line 1: empty body' }] }, 422);
    const result = await importHistory(sql, text, { format });
    if (!result.ok) return c.json({ error: 'invalid', errors: result.errors }, 422);
    const u = c.get('user')!;
    await audit(sql, { at: now(), actorId: u.id, actorName: u.username, action: 'history.import', target: 'interval_history', detail: { via: 'api', imported: result.imported, byProject: result.byProject, from: result.from, to: result.to }, requestId: c.get('requestId') });
    return c.json({ imported: result.imported, byProject: result.byProject, from: result.from, to: result.to });
  });
}
