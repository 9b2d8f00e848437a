// Parses interval call history (CSV or JSONL) all-or-nothing, listing every bad line with its number.

/** One project's traffic in one interval. */
export interface HistoryRow {
  /** Project (queue) code, e.g. '95598'. */
  project: string;
  /** Interval start as an ISO 8601 instant in UTC, e.g. '2026-03-02T00:30:00.000Z'. */
  intervalStart: string;
  callsOffered: number;
  callsHandled: number;
  /** Average handling time of the handled calls, in seconds. */
  ahtSeconds: number;
}

/** A problem on one line of the input (1-based; for CSV the header is line 1). */
export interface HistoryError {
  line: number;
  message: string;
}

/** Either every row, or every error: never a partial import. */
export type HistoryParseResult = { ok: true; rows: HistoryRow[] } | { ok: false; errors: HistoryError[] };

/** Options of {@link parseHistory}. */
export interface HistoryParseOptions {
  /** Input format; guessed from the first non-blank character when omitted ('{' means JSONL). */
  format?: 'csv' | 'jsonl';
  /** Interval length the starts must align to (default 30). */
  intervalMinutes?: number;
}

/** The columns (CSV) or fields (JSONL) every record carries. */
export const HISTORY_FIELDS = ['project', 'interval_start', 'calls_offered', 'calls_handled', 'aht_seconds'] as const;
type Field = (typeof HISTORY_FIELDS)[number];

const ISO_WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:?\d{2})$/;

/** A record split into named raw values, with the line it starts on. */
interface RawRecord {
  line: number;
  values: Partial<Record<Field, unknown>>;
}

/**
 * Parse interval history; all-or-nothing with line-numbered English errors.
 * @example parseHistory('project,interval_start,calls_offered,calls_handled,aht_seconds\n95598,2026-03-02T08:30:00+08:00,100,95,240\n')
 *   // { ok: true, rows: [{ project: '95598', intervalStart: '2026-03-02T00:30:00.000Z', callsOffered: 100, callsHandled: 95, ahtSeconds: 240 }] }
 */
export function parseHistory(text: string, options: HistoryParseOptions = {}): HistoryParseResult {
  const body = text.replace(/^\uFEFF/, '');
  const format = options.format ?? (body.trimStart().startsWith('{') ? 'jsonl' : 'csv');
  const split = format === 'jsonl' ? splitJsonl(body) : splitCsv(body);
  const errors: HistoryError[] = [...split.errors];
  const rows: HistoryRow[] = [];
  const firstLineOf = new Map<string, number>();
  for (const record of split.records) {
    const checked = validateRecord(record, options.intervalMinutes ?? 30);
    if ('messages' in checked) {
      for (const message of checked.messages) errors.push({ line: record.line, message: `line ${record.line}: ${message}` });
      continue;
    }
    const key = `${checked.row.project}\u0000${checked.row.intervalStart}`;
    const first = firstLineOf.get(key);
    if (first !== undefined) {
      errors.push({
        line: record.line,
        message: `line ${record.line}: duplicate of line ${first} (project ${checked.row.project}, interval ${checked.row.intervalStart})`,
      });
      continue;
    }
    firstLineOf.set(key, record.line);
    rows.push(checked.row);
  }
  if (errors.length === 0 && rows.length === 0) errors.push({ line: 1, message: 'line 1: no data rows found' });
  if (errors.length > 0) return { ok: false, errors: errors.sort((a, b) => a.line - b.line) };
  return { ok: true, rows };
}

/** Split CSV text into records (RFC 4180 quoting, CRLF or LF, blank lines skipped), checking the header. */
function splitCsv(text: string): { records: RawRecord[]; errors: HistoryError[] } {
  const errors: HistoryError[] = [];
  const parsed = csvRecords(text);
  if (parsed.unterminatedAt !== undefined) {
    errors.push({ line: parsed.unterminatedAt, message: `line ${parsed.unterminatedAt}: quoted field is never closed` });
  }
  const [header, ...data] = parsed.records;
  if (!header) return { records: [], errors: [...errors, { line: 1, message: 'line 1: the file is empty; expected a header ' + HISTORY_FIELDS.join(',') }] };
  const names = header.fields.map((f) => f.trim().toLowerCase());
  const missing = HISTORY_FIELDS.filter((f) => !names.includes(f));
  const unknown = names.filter((n) => !(HISTORY_FIELDS as readonly string[]).includes(n));
  const repeated = names.filter((n, i) => names.indexOf(n) !== i);
  if (missing.length || unknown.length || repeated.length) {
    const parts = [
      missing.length ? `missing column(s) ${missing.join(', ')}` : '',
      unknown.length ? `unknown column(s) ${unknown.join(', ')}` : '',
      repeated.length ? `repeated column(s) ${repeated.join(', ')}` : '',
    ].filter(Boolean);
    errors.push({ line: header.line, message: `line ${header.line}: header must be ${HISTORY_FIELDS.join(',')}; ${parts.join('; ')}` });
    return { records: [], errors };
  }
  const records: RawRecord[] = [];
  for (const rec of data) {
    if (rec.fields.length !== names.length) {
      errors.push({ line: rec.line, message: `line ${rec.line}: expected ${names.length} fields, found ${rec.fields.length}` });
      continue;
    }
    const values: RawRecord['values'] = {};
    names.forEach((n, i) => (values[n as Field] = rec.fields[i]));
    records.push({ line: rec.line, values });
  }
  return { records, errors };
}

/** Tokenise CSV into records of fields, each with the 1-based line it starts on; blank lines are skipped. */
function csvRecords(text: string): { records: { line: number; fields: string[] }[]; unterminatedAt?: number } {
  const records: { line: number; fields: string[] }[] = [];
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const startLine = line;
    const fields: string[] = [];
    let field = '';
    let quotedField = false;
    let endOfRecord = false;
    while (i < text.length && !endOfRecord) {
      const ch = text[i];
      if (ch === '"' && field.trim() === '' && !quotedField) {
        // Quoted field: read until the closing quote; "" is an escaped quote; newlines allowed.
        quotedField = true;
        field = '';
        i++;
        let closed = false;
        while (i < text.length) {
          if (text[i] === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            closed = true;
            break;
          }
          if (text[i] === '\n') line++;
          field += text[i++];
        }
        if (!closed) return { records, unterminatedAt: startLine };
      } else if (ch === ',') {
        fields.push(quotedField ? field : field.trim());
        field = '';
        quotedField = false;
        i++;
      } else if (ch === '\r' || ch === '\n') {
        i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
        line++;
        endOfRecord = true;
      } else {
        field += ch;
        i++;
      }
    }
    fields.push(quotedField ? field : field.trim());
    const blank = fields.length === 1 && fields[0] === '' && !quotedField;
    if (!blank) records.push({ line: startLine, fields });
  }
  return { records };
}

/** Split JSONL text into records, one JSON object per non-blank line. */
function splitJsonl(text: string): { records: RawRecord[]; errors: HistoryError[] } {
  const records: RawRecord[] = [];
  const errors: HistoryError[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      errors.push({ line, message: `line ${line}: not valid JSON` });
      return;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      errors.push({ line, message: `line ${line}: expected a JSON object with fields ${HISTORY_FIELDS.join(', ')}` });
      return;
    }
    const unknown = Object.keys(value).filter((k) => !(HISTORY_FIELDS as readonly string[]).includes(k));
    if (unknown.length) {
      errors.push({ line, message: `line ${line}: unknown field(s) ${unknown.join(', ')}` });
      return;
    }
    records.push({ line, values: value as RawRecord['values'] });
  });
  return { records, errors };
}

/** Read a count or a duration from a CSV string or a JSON number. */
function readNumber(raw: unknown, field: Field, integer: boolean, problems: string[]): number | undefined {
  if (raw === undefined || raw === null || raw === '') {
    problems.push(`${field} is missing`);
    return undefined;
  }
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^[+]?\d+(\.\d+)?$/.test(raw.trim()) ? Number(raw) : NaN;
  if (!Number.isFinite(n)) {
    problems.push(`${field} must be a number ≥ 0, got ${JSON.stringify(raw)}`);
    return undefined;
  }
  if (n < 0) {
    problems.push(`${field} must be ≥ 0, got ${n}`);
    return undefined;
  }
  if (integer && !Number.isInteger(n)) {
    problems.push(`${field} must be a whole number, got ${n}`);
    return undefined;
  }
  return n;
}

/** Read an ISO 8601 instant with an explicit offset, aligned to the interval grid of its written wall time. */
function readIntervalStart(raw: unknown, intervalMinutes: number, problems: string[]): string | undefined {
  if (typeof raw !== 'string' || raw.trim() === '') {
    problems.push('interval_start is missing');
    return undefined;
  }
  const text = raw.trim();
  const m = ISO_WITH_OFFSET.exec(text);
  const ms = m ? Date.parse(text) : NaN;
  if (!m || Number.isNaN(ms)) {
    problems.push(`interval_start (${JSON.stringify(raw)}) must be ISO 8601 with an offset, e.g. 2026-03-02T08:30:00+08:00`);
    return undefined;
  }
  const [, , month, day, hour, minute, second = '00', fraction = '0'] = m;
  const d = new Date(Date.UTC(Number(m[1]), Number(month) - 1, Number(day)));
  if (d.getUTCMonth() !== Number(month) - 1 || d.getUTCDate() !== Number(day) || Number(hour) > 23 || Number(minute) > 59) {
    problems.push(`interval_start (${text}) is not a real date and time`);
    return undefined;
  }
  if (Number(minute) % intervalMinutes !== 0 || Number(second) !== 0 || Number(fraction) !== 0) {
    problems.push(`interval_start (${text}) is not on a ${intervalMinutes}-minute boundary`);
    return undefined;
  }
  return new Date(ms).toISOString();
}

/** Check one record's values and build the row, or list what is wrong with it. */
function validateRecord(record: RawRecord, intervalMinutes: number): { row: HistoryRow } | { messages: string[] } {
  const problems: string[] = [];
  const v = record.values;
  const project = typeof v.project === 'string' ? v.project.trim() : typeof v.project === 'number' ? String(v.project) : '';
  if (project === '') problems.push('project is missing');
  const intervalStart = readIntervalStart(v.interval_start, intervalMinutes, problems);
  const callsOffered = readNumber(v.calls_offered, 'calls_offered', true, problems);
  const callsHandled = readNumber(v.calls_handled, 'calls_handled', true, problems);
  const ahtSeconds = readNumber(v.aht_seconds, 'aht_seconds', false, problems);
  if (callsOffered !== undefined && callsHandled !== undefined && callsHandled > callsOffered) {
    problems.push(`calls_handled (${callsHandled}) exceeds calls_offered (${callsOffered})`);
  }
  if (callsHandled !== undefined && callsHandled > 0 && ahtSeconds === 0) {
    problems.push(`aht_seconds must be > 0 when calls were handled (calls_handled ${callsHandled})`);
  }
  if (problems.length > 0 || intervalStart === undefined) return { messages: problems };
  return { row: { project, intervalStart, callsOffered: callsOffered!, callsHandled: callsHandled!, ahtSeconds: ahtSeconds! } };
}

/**
 * Write history rows back as CSV with the standard header (round-trips through parseHistory).
 * @example formatHistoryCsv([]) // 'project,interval_start,calls_offered,calls_handled,aht_seconds\n'
 */
export function formatHistoryCsv(rows: readonly HistoryRow[]): string {
  const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = rows.map((r) => [quote(r.project), r.intervalStart, r.callsOffered, r.callsHandled, r.ahtSeconds].join(','));
  return [HISTORY_FIELDS.join(','), ...lines].join('\n') + '\n';
}
