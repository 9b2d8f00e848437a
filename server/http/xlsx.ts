// XLSX downloads: plain rows of text and numbers as an Office Open XML workbook (write-excel-file does the OOXML and zip).
import writeXlsxFile, { type Cell, type Sheet } from 'write-excel-file/node';
import { inflateRawSync } from 'node:zlib';
import type { Ctx } from './env.ts';

/** A cell: text stays text (a leading "=" is never a formula), numbers are numbers, null is an empty cell. */
export type XlsxValue = string | number | null;

/** One worksheet. */
export interface XlsxSheet {
  /** The tab's name: 1–31 characters, none of \ / ? * [ ] : */
  name: string;
  rows: XlsxValue[][];
  /** Bold the first row and keep it in view while scrolling (default true). */
  header?: boolean;
  /** Columns kept in view while scrolling sideways (default 0). */
  stickyColumns?: number;
  /** Column widths in characters, by position; columns past the list keep the default width. */
  widths?: number[];
}

const BAD_SHEET_NAME = /[\\/?*[\]:]/;

function cellOf(value: XlsxValue, bold: boolean): Cell {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    return bold ? { value, type: Number, fontWeight: 'bold' } : { value, type: Number };
  }
  return bold ? { value, type: String, fontWeight: 'bold' } : { value, type: String };
}

/**
 * The workbook as bytes.
 * @example await xlsxBuffer([{ name: 'Roster', rows: [['agent', '2026-12-01'], ['A001', 'E/95598']] }]) // a Buffer starting 'PK'
 */
export async function xlsxBuffer(sheets: readonly XlsxSheet[]): Promise<Buffer> {
  if (!sheets.length) throw new Error('a workbook needs at least one sheet');
  const names = new Set<string>();
  const out: Sheet<Buffer>[] = sheets.map((s) => {
    if (!s.name || s.name.length > 31 || BAD_SHEET_NAME.test(s.name)) throw new Error(`bad sheet name: ${JSON.stringify(s.name)}`);
    if (names.has(s.name.toLowerCase())) throw new Error(`duplicate sheet name: ${s.name}`);
    names.add(s.name.toLowerCase());
    const header = s.header ?? true;
    const data = s.rows.length ? s.rows.map((row, i) => row.map((v) => cellOf(v, header && i === 0))) : [[null]];
    return {
      sheet: s.name,
      data,
      ...(header && s.rows.length ? { stickyRowsCount: 1 } : {}),
      ...(s.stickyColumns ? { stickyColumnsCount: s.stickyColumns } : {}),
      ...(s.widths ? { columns: s.widths.map((width) => ({ width })) } : {}),
    };
  });
  return writeXlsxFile(out).toBuffer();
}

/**
 * An XLSX download: attachment with the given file name (non-ASCII names get an RFC 5987 `filename*`), never cached.
 * @example return xlsxResponse(c, 'roster-2026-12.xlsx', [{ name: 'Roster', rows }]);
 */
export async function xlsxResponse(c: Ctx, filename: string, sheets: readonly XlsxSheet[]): Promise<Response> {
  const bytes = await xlsxBuffer(sheets);
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const disposition = ascii === filename ? `attachment; filename="${filename}"` : `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
  c.header('Content-Disposition', disposition);
  c.header('Cache-Control', 'no-store');
  return c.body(new Uint8Array(bytes), 200, { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}

/** The parts of a workbook (any zip archive of stored or deflated entries), by path. */
export function xlsxParts(buf: Buffer): Map<string, Buffer> {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip archive');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const files = new Map<string, Buffer>();
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error('bad zip central directory');
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    files.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return files;
}

function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-f]+);/gi, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' } as Record<string, string>)[e.toLowerCase()]!,
  );
}

function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref.replace(/\d+$/, '')) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/**
 * Reads back the values of a workbook such as `xlsxBuffer` writes (shared strings, inline strings, numbers):
 * each sheet's rows with null for empty cells. For tests and checks, not a general XLSX reader.
 * @example readXlsx(await xlsxBuffer([{ name: 'S', rows: [['a', 1]] }]))[0] // { name: 'S', rows: [['a', 1]] }
 */
export function readXlsx(buf: Buffer): { name: string; rows: XlsxValue[][] }[] {
  const files = xlsxParts(buf);
  const text = (path: string) => files.get(path)?.toString('utf8') ?? '';
  const shared = [...text('xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => unescapeXml([...m[1]!.matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join('')));
  const rels = new Map([...text('xl/_rels/workbook.xml.rels').matchAll(/<Relationship [^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"/g)].map((m) => [m[1]!, m[2]!]));
  return [...text('xl/workbook.xml').matchAll(/<sheet [^>]*?\/>/g)].map((m) => {
    const name = unescapeXml(/name="([^"]*)"/.exec(m[0])![1]!);
    const target = rels.get(/r:id="([^"]+)"/.exec(m[0])![1]!)!;
    const xml = text(target.startsWith('/') ? target.slice(1) : `xl/${target}`);
    const rows: XlsxValue[][] = [];
    for (const row of xml.matchAll(/<row [^>]*?r="(\d+)"[^>]*?(?:\/>|>([\s\S]*?)<\/row>)/g)) {
      const cells: XlsxValue[] = [];
      for (const cell of (row[2] ?? '').matchAll(/<c ([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
        const attrs = cell[1]!;
        const col = columnIndex(/r="([A-Z]+\d+)"/.exec(attrs)![1]!);
        const type = /t="([^"]+)"/.exec(attrs)?.[1];
        const v = /<v>([\s\S]*?)<\/v>/.exec(cell[2] ?? '')?.[1];
        const inline = /<is>[\s\S]*?<t[^>]*>([\s\S]*?)<\/t>/.exec(cell[2] ?? '')?.[1];
        while (cells.length < col) cells.push(null);
        cells[col] = type === 's' ? shared[Number(v)]! : type === 'inlineStr' ? unescapeXml(inline ?? '') : type === 'str' ? unescapeXml(v ?? '') : v === undefined ? null : Number(v);
      }
      rows[Number(row[1]) - 1] = cells;
    }
    for (let i = 0; i < rows.length; i++) rows[i] ??= [];
    return { name, rows };
  });
}
