// Call records from CSV or JSONL files and API bodies: parsed and validated all-or-nothing, with line-numbered errors.
import type { TranscriptSegment } from './transcript.ts';

/** A call record as imported; agent and project are named (username, project code), the server resolves them. */
export interface CallInput {
  id: string;
  agent: string;
  project: string;
  queue: string;
  /** ISO-8601 instant with a zone (`2026-11-20T09:15:00+08:00` or `…Z`). */
  startedAt: string;
  durationSeconds: number;
  direction: 'in' | 'out';
  callerAccount: string | null;
  scenarioCode: string | null;
  workOrderId: string | null;
  /** Work-order kind, e.g. `complaint` (targeted sampling reads it). */
  orderKind: string | null;
  recordingUrl: string | null;
  transcript: TranscriptSegment[] | null;
}

/** A problem with one record: its 1-based line in the file (for API arrays: 1-based position). */
export interface CallIoError {
  line: number;
  message: string;
}

/** A parsed call with the line it came from. */
export interface ParsedCall {
  line: number;
  call: CallInput;
}

export interface ParseResult {
  calls: ParsedCall[];
  errors: CallIoError[];
}

/** The CSV columns, in the order the export writes them; `id`…`direction` are required. */
export const CALL_CSV_COLUMNS = [
  'id',
  'agent',
  'project',
  'queue',
  'startedAt',
  'durationSeconds',
  'direction',
  'callerAccount',
  'scenarioCode',
  'workOrderId',
  'orderKind',
  'recordingUrl',
  'transcript',
] as const;

const REQUIRED = ['id', 'agent', 'project', 'queue', 'startedAt', 'durationSeconds', 'direction'] as const;
const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;
const RECORDING = /^(\/[^\s]*|https?:\/\/[^\s]+)$/;

/** Trimmed string or null for empty/missing values. */
function optionalText(value: unknown, field: string, problems: string[], max = 200): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string') {
    problems.push(`${field}: must be text`);
    return null;
  }
  const v = value.trim();
  if (v.length > max) problems.push(`${field}: longer than ${max} characters`);
  return v === '' ? null : v;
}

function transcriptOf(value: unknown, problems: string[]): TranscriptSegment[] | null {
  if (value === undefined || value === null || value === '') return null;
  let data = value;
  if (typeof value === 'string') {
    try {
      data = JSON.parse(value);
    } catch {
      problems.push('transcript: not valid JSON');
      return null;
    }
  }
  if (!Array.isArray(data)) {
    problems.push('transcript: must be a list of segments');
    return null;
  }
  const segments: TranscriptSegment[] = [];
  data.forEach((s: unknown, i) => {
    const seg = s as Record<string, unknown>;
    const ok =
      seg &&
      typeof seg === 'object' &&
      typeof seg.startSeconds === 'number' &&
      typeof seg.endSeconds === 'number' &&
      seg.startSeconds >= 0 &&
      seg.endSeconds >= seg.startSeconds &&
      (seg.speaker === 'agent' || seg.speaker === 'customer') &&
      typeof seg.text === 'string';
    if (!ok) problems.push(`transcript[${i}]: needs startSeconds ≤ endSeconds, speaker agent|customer and text`);
    else segments.push({ startSeconds: seg.startSeconds as number, endSeconds: seg.endSeconds as number, speaker: seg.speaker as 'agent' | 'customer', text: seg.text as string });
  });
  return segments;
}

/**
 * Is this object a valid call record? Returns the call or the problems (field: message).
 *
 * @example validateCall({ id: 'C1', agent: 'agent', project: '95598', queue: 'general', startedAt: '2026-11-20T09:00:00+08:00', durationSeconds: 120, direction: 'in' }).problems // []
 */
export function validateCall(raw: unknown): { call: CallInput | null; problems: string[] } {
  const problems: string[] = [];
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { call: null, problems: ['record must be an object'] };
  const r = raw as Record<string, unknown>;
  for (const f of REQUIRED) if (r[f] === undefined || r[f] === null || r[f] === '') problems.push(`${f}: required`);
  if (problems.length) return { call: null, problems };
  const id = String(r.id).trim();
  if (!ID.test(id)) problems.push('id: letters, digits and . _ : - only, at most 64');
  const agent = String(r.agent).trim().toLowerCase();
  const project = String(r.project).trim();
  const queue = String(r.queue).trim().slice(0, 80);
  const startedAt = String(r.startedAt).trim();
  if (!INSTANT.test(startedAt) || Number.isNaN(Date.parse(startedAt))) problems.push('startedAt: ISO-8601 instant with a zone, e.g. 2026-11-20T09:15:00+08:00');
  const duration = typeof r.durationSeconds === 'number' ? r.durationSeconds : /^\d+$/.test(String(r.durationSeconds).trim()) ? Number(String(r.durationSeconds).trim()) : NaN;
  if (!(Number.isInteger(duration) && duration >= 0 && duration <= 86_400)) problems.push('durationSeconds: whole seconds from 0 to 86400');
  const direction = String(r.direction).trim();
  if (direction !== 'in' && direction !== 'out') problems.push('direction: in or out');
  const callerAccount = optionalText(r.callerAccount, 'callerAccount', problems, 40);
  const scenarioCode = optionalText(r.scenarioCode, 'scenarioCode', problems, 40);
  const workOrderId = optionalText(r.workOrderId, 'workOrderId', problems, 64);
  const orderKind = optionalText(r.orderKind, 'orderKind', problems, 40);
  const recordingUrl = optionalText(r.recordingUrl, 'recordingUrl', problems, 500);
  if (recordingUrl && !RECORDING.test(recordingUrl)) problems.push('recordingUrl: a path starting with / or an http(s) URL');
  const transcript = transcriptOf(r.transcript, problems);
  if (problems.length) return { call: null, problems };
  return {
    call: { id, agent, project, queue, startedAt, durationSeconds: duration, direction: direction as 'in' | 'out', callerAccount, scenarioCode, workOrderId, orderKind, recordingUrl, transcript },
    problems,
  };
}

/** Splits CSV text into records (RFC 4180 quoting), each with the line it starts on. */
export function csvRecords(text: string): { line: number; fields: string[] }[] {
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let any = false;
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
      any = true;
    } else if (ch === ',') {
      fields.push(field);
      field = '';
      any = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      fields.push(field);
      if (any || fields.some((f) => f !== '')) records.push({ line: start, fields });
      fields = [];
      field = '';
      any = false;
      line++;
      start = line;
    } else {
      field += ch;
      any = true;
    }
  }
  if (any || field !== '') {
    fields.push(field);
    records.push({ line: start, fields });
  }
  return records;
}

/** Collects valid calls and errors, flagging ids repeated within the file. */
function collect(entries: { line: number; raw: unknown; error?: string }[]): ParseResult {
  const calls: ParsedCall[] = [];
  const errors: CallIoError[] = [];
  const seen = new Map<string, number>();
  for (const e of entries) {
    if (e.error) {
      errors.push({ line: e.line, message: e.error });
      continue;
    }
    const { call, problems } = validateCall(e.raw);
    for (const p of problems) errors.push({ line: e.line, message: p });
    if (!call) continue;
    const first = seen.get(call.id);
    if (first !== undefined) {
      errors.push({ line: e.line, message: `id: ${call.id} repeats line ${first}` });
      continue;
    }
    seen.set(call.id, e.line);
    calls.push({ line: e.line, call });
  }
  return { calls, errors };
}

/**
 * Which calls does this CSV hold? The first record is the header (column names from
 * `CALL_CSV_COLUMNS`, any order; unknown columns are errors). Errors carry the line each record
 * starts on; import nothing unless `errors` is empty.
 *
 * @example parseCallsCsv('id,agent,project,queue,startedAt,durationSeconds,direction\nC1,agent,95598,general,2026-11-20T09:00:00+08:00,120,in').calls.length // 1
 */
export function parseCallsCsv(text: string): ParseResult {
  const records = csvRecords(text);
  if (records.length === 0) return { calls: [], errors: [{ line: 1, message: 'file is empty' }] };
  const header = records[0].fields.map((h) => h.trim());
  const errors: CallIoError[] = [];
  for (const h of header) if (!(CALL_CSV_COLUMNS as readonly string[]).includes(h)) errors.push({ line: records[0].line, message: `unknown column "${h}"` });
  for (const r of REQUIRED) if (!header.includes(r)) errors.push({ line: records[0].line, message: `missing column "${r}"` });
  if (errors.length) return { calls: [], errors };
  const entries = records.slice(1).map(({ line, fields }) => {
    if (fields.length !== header.length) return { line, raw: null, error: `expected ${header.length} fields, found ${fields.length}` };
    const raw: Record<string, string> = {};
    header.forEach((h, i) => (raw[h] = fields[i]));
    return { line, raw };
  });
  const result = collect(entries);
  if (entries.length === 0) result.errors.push({ line: 1, message: 'no calls after the header' });
  return result;
}

/**
 * Which calls does this JSONL text hold? One JSON object per line; blank lines are skipped.
 *
 * @example parseCallsJsonl('{"id":"C1", …}\n').errors // []
 */
export function parseCallsJsonl(text: string): ParseResult {
  const lines = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split(/\r?\n/);
  const entries: { line: number; raw: unknown; error?: string }[] = [];
  lines.forEach((l, i) => {
    if (l.trim() === '') return;
    try {
      entries.push({ line: i + 1, raw: JSON.parse(l) });
    } catch {
      entries.push({ line: i + 1, raw: null, error: 'not valid JSON' });
    }
  });
  if (entries.length === 0) return { calls: [], errors: [{ line: 1, message: 'file is empty' }] };
  return collect(entries);
}

/**
 * Which format is this file? `.jsonl`/`.json` names or a first non-blank character `{` mean JSONL, else CSV.
 *
 * @example detectCallsFormat('calls.csv', 'id,agent') // 'csv'
 */
export function detectCallsFormat(fileName: string, text: string): 'csv' | 'jsonl' {
  if (/\.jsonl?$/i.test(fileName)) return 'jsonl';
  if (/\.csv$/i.test(fileName)) return 'csv';
  return text.trimStart().startsWith('{') ? 'jsonl' : 'csv';
}

/**
 * Which calls does this API body hold? One call object or an array of them; errors are
 * numbered by position (1-based).
 *
 * @example parseCallsBody([{ id: 'C1', … }]).calls[0].line // 1
 */
export function parseCallsBody(body: unknown): ParseResult {
  const list = Array.isArray(body) ? body : [body];
  if (list.length === 0) return { calls: [], errors: [{ line: 1, message: 'no calls' }] };
  return collect(list.map((raw, i) => ({ line: i + 1, raw })));
}
