// Solve jobs of the monthly roster: run solveRoster in-process in the background, report progress to roster_jobs at
// most every ~500 ms, keep locked cells (pinned), store the result with an undo entry; a failure is recorded on the job.
import type { Deps } from '../http/env.ts';
import { solveRoster } from '../../scheduling/roster/solve.ts';
import { lowerBound } from '../../scheduling/roster/lowerBound.ts';
import { indexModel } from '../../scheduling/roster/context.ts';
import { monthModel } from './roster-model.ts';
import { diffRosters, findRoster, loadCells, recordEdit, rosterFromCells, writeCells, type JobRow } from './roster-store.ts';

/** Jobs running in this process, with their stop flag. */
const running = new Map<number, { stop: boolean; done: Promise<void> }>();

/** Whether a job runs in this process (a queued/running row without one was interrupted by a restart). */
export function isRunningHere(jobId: number): boolean {
  return running.has(jobId);
}

/** Asks a running job to stop; false when it does not run here. */
export function cancelJob(jobId: number): boolean {
  const job = running.get(jobId);
  if (!job) return false;
  job.stop = true;
  return true;
}

/** Resolves when the job has finished (for tests and shutdown). */
export async function jobSettled(jobId: number): Promise<void> {
  await running.get(jobId)?.done;
}

/**
 * Creates a job for the month's roster and starts it without waiting; returns the job id.
 * @example await startSolveJob(deps, { rosterId: 1, month: '2026-12', timeLimitMs: 2000, userId: 3 }) // 1
 */
export async function startSolveJob(deps: Deps, o: { rosterId: number; month: string; timeLimitMs: number; userId: number }): Promise<number> {
  const [row] = await deps.sql<{ id: number }[]>`
    INSERT INTO roster_jobs (roster_id, time_limit_ms, created_by, created_at) VALUES (${o.rosterId}, ${o.timeLimitMs}, ${o.userId}, ${deps.now()}) RETURNING id`;
  const id = row!.id;
  const entry = { stop: false, done: Promise.resolve() };
  running.set(id, entry);
  entry.done = runJob(deps, id, o, entry).finally(() => running.delete(id));
  return id;
}

async function runJob(deps: Deps, jobId: number, o: { rosterId: number; month: string; timeLimitMs: number; userId: number }, flag: { stop: boolean }): Promise<void> {
  const { sql, log } = deps;
  try {
    await sql`UPDATE roster_jobs SET status = 'running', started_at = ${deps.now()} WHERE id = ${jobId}`;
    const roster = await findRoster(sql, o.month);
    if (!roster || roster.status !== 'draft') throw new Error('roster is not a draft');
    const mm = await monthModel(sql, o.month, roster.requirement);
    const { roster: before, locked } = rosterFromCells(mm, await loadCells(sql, roster.id));
    const dayIndex = new Map(mm.model.days.map((d, i) => [d.date, i]));
    mm.model.pinned = [...locked].map((key) => {
      const [agentId, date] = key.split('|') as [string, string];
      const cell = before[agentId]![dayIndex.get(date)!]!;
      return { agentId, date, shift: cell.shift, project: cell.project };
    });
    let lastWrite = 0;
    let writing: Promise<unknown> = Promise.resolve();
    const result = await solveRoster(mm.model, {
      timeLimitMs: o.timeLimitMs,
      seed: jobId,
      shouldStop: () => flag.stop,
      onProgress: (p) => {
        const now = Date.now();
        if (now - lastWrite < 500) return;
        lastWrite = now;
        writing = writing.then(() =>
          sql`UPDATE roster_jobs SET progress = ${Math.min(1, Math.max(0, p.fraction))}, best_hard = ${p.bestHard}, best_soft = ${p.bestSoft} WHERE id = ${jobId} AND status = 'running'`.catch(() => undefined),
        );
      },
    });
    await writing;
    if (flag.stop || result.stats.stoppedBy === 'cancelled') {
      await sql`UPDATE roster_jobs SET status = 'cancelled', finished_at = ${deps.now()} WHERE id = ${jobId}`;
      return;
    }
    const bound = lowerBound(mm.model, indexModel(mm.model));
    const changes = diffRosters(mm, before, result.roster, locked);
    await sql.begin(async (tx) => {
      const ok = await recordEdit(tx as never, roster.id, roster.version, 'solve', changes, o.userId);
      if (!ok) throw new Error('the roster was edited or published during the solve');
      await writeCells(tx as never, roster.id, mm, changes.map((c) => ({ agent: c.agent, date: c.date, ...c.after })));
      await tx`UPDATE rosters SET lower_bound = ${bound.agentIntervalsShort}, score = ${tx.json({ hard: result.score.hard, soft: result.score.soft } as never)} WHERE id = ${roster.id}`;
      await tx`UPDATE roster_jobs SET status = 'done', progress = 1, best_hard = ${result.score.hard}, best_soft = ${result.score.soft}, finished_at = ${deps.now()} WHERE id = ${jobId}`;
      await tx`INSERT INTO audit_log (at, actor_id, actor_name, action, target, detail)
               SELECT ${deps.now()}, id, username, 'roster.solve', ${`roster:${o.month}`}, ${tx.json({ job: jobId, hard: result.score.hard, soft: result.score.soft, changed: changes.length } as never)}
               FROM users WHERE id = ${o.userId}`;
    });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    log.error('roster solve failed', { job: jobId, error: message });
    await sql`UPDATE roster_jobs SET status = 'failed', error = ${message.slice(0, 500)}, finished_at = ${deps.now()} WHERE id = ${jobId}`.catch(() => undefined);
  }
}

/** A job as stored, with a queued/running job that no process runs shown as failed (interrupted). */
export function effectiveJob(job: JobRow): JobRow {
  if ((job.status === 'queued' || job.status === 'running') && !isRunningHere(job.id)) return { ...job, status: 'failed', error: job.error ?? 'interrupted' };
  return job;
}
