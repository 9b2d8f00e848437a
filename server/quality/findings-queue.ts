// Quality findings in the knowledge owners' queue (/knowledge/flags): open script-fix proposals for
// the owner's scenarios (or scenarios nobody owns), each with the recording excerpt around the moment.
import type { Sql } from '../db/index.ts';
import type { TranscriptSegment } from '../../knowledge/quality/transcript.ts';
import type { OwnerFinding } from '../../views/quality/findings-queue.tsx';

/** Seconds of recording shown before and after a finding's moment. */
export const EXCERPT_BEFORE = 3;
export const EXCERPT_AFTER = 12;

/** The transcript lines that overlap [from, to]. */
export function excerptOf(transcript: TranscriptSegment[] | null, from: number, to: number): TranscriptSegment[] {
  return (transcript ?? []).filter((s) => s.endSeconds >= from && s.startSeconds <= to);
}

/** Open findings for one owner (null: every open finding), oldest first. */
export async function ownerFindings(sql: Sql, ownerId: number | null): Promise<OwnerFinding[]> {
  const rows = await sql<{
    id: number;
    call_id: string | null;
    scenario_code: string | null;
    item_id: string | null;
    start_seconds: number | null;
    proposal: string;
    by: string | null;
    created_at: Date;
    recording_url: string | null;
    transcript: TranscriptSegment[] | null;
    duration_seconds: number | null;
    evaluation_id: number | null;
    item_label: string | null;
  }[]>`
    SELECT f.id, f.call_id, f.scenario_code, f.item_id, f.start_seconds, f.proposal, u.display_name AS by, f.created_at, c.recording_url, c.transcript, c.duration_seconds,
      f.evaluation_id,
      (SELECT i->>'label' FROM evaluations e JOIN scorecard_versions v ON v.id = e.scorecard_version_id, jsonb_array_elements(v.body->'sections') sec, jsonb_array_elements(sec->'items') i
        WHERE e.id = f.evaluation_id AND i->>'id' = f.item_id LIMIT 1) AS item_label
    FROM findings f LEFT JOIN users u ON u.id = f.created_by LEFT JOIN calls c ON c.id = f.call_id LEFT JOIN scenarios s ON s.code = f.scenario_code
    WHERE f.status = 'open' AND (${ownerId}::int IS NULL OR s.owner_id = ${ownerId}::int OR s.owner_id IS NULL)
    ORDER BY f.created_at, f.id LIMIT 200`;
  return rows.map((f) => {
    const at = f.start_seconds;
    const from = at === null ? 0 : Math.max(0, at - EXCERPT_BEFORE);
    const to = at === null ? EXCERPT_AFTER : Math.min(f.duration_seconds ?? at + EXCERPT_AFTER, at + EXCERPT_AFTER);
    return {
      id: f.id,
      callId: f.call_id,
      scenarioCode: f.scenario_code,
      item: f.item_label ?? f.item_id,
      proposal: f.proposal,
      by: f.by,
      createdAt: f.created_at,
      audio: f.recording_url ? `${f.recording_url}#t=${from.toFixed(1)},${to.toFixed(1)}` : null,
      from,
      to,
      lines: excerptOf(f.transcript, from, to).map((s) => ({ at: s.startSeconds, speaker: s.speaker, text: s.text })),
    };
  });
}
