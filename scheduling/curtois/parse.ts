// Reads the Curtois & Qu shift-scheduling text format into a CurtoisInstance (plain data).
import type { CurtoisCover, CurtoisEmployee, CurtoisInstance, CurtoisRequest, CurtoisShift } from './types.ts';

/** A malformed instance file: `line` is 1-based, and the message starts with it. */
export class CurtoisParseError extends Error {
  readonly line: number;
  constructor(line: number, message: string) {
    super(`line ${line}: ${message}`);
    this.name = 'CurtoisParseError';
    this.line = line;
  }
}

/** Section names in the order the format requires them. */
export const CURTOIS_SECTIONS = [
  'SECTION_HORIZON',
  'SECTION_SHIFTS',
  'SECTION_STAFF',
  'SECTION_DAYS_OFF',
  'SECTION_SHIFT_ON_REQUESTS',
  'SECTION_SHIFT_OFF_REQUESTS',
  'SECTION_COVER',
] as const;
type SectionName = (typeof CURTOIS_SECTIONS)[number];
const REQUIRED: SectionName[] = ['SECTION_HORIZON', 'SECTION_SHIFTS', 'SECTION_STAFF'];

interface Row {
  line: number;
  fields: string[];
}

/** Splits text into sections of comma-separated rows, dropping comments and blank lines. */
function splitSections(text: string): Map<SectionName, Row[]> {
  const sections = new Map<SectionName, Row[]>();
  let current: Row[] | undefined;
  let lastIndex = -1;
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    const hash = raw.indexOf('#');
    const content = (hash >= 0 ? raw.slice(0, hash) : raw).trim();
    if (content === '') return;
    if (content.startsWith('SECTION_')) {
      const index = (CURTOIS_SECTIONS as readonly string[]).indexOf(content);
      if (index < 0) throw new CurtoisParseError(line, `unknown section ${content}`);
      if (index <= lastIndex) throw new CurtoisParseError(line, `section ${content} is repeated or out of order`);
      lastIndex = index;
      current = [];
      sections.set(content as SectionName, current);
      return;
    }
    if (!current) throw new CurtoisParseError(line, 'data before the first SECTION_ heading');
    current.push({ line, fields: content.split(',').map((f) => f.trim()) });
  });
  for (const name of REQUIRED) {
    if (!sections.has(name)) throw new CurtoisParseError(lines.length, `missing section ${name}`);
  }
  return sections;
}

function int(row: Row, index: number, what: string, min = 0): number {
  const raw = row.fields[index] ?? '';
  if (!/^-?\d+$/.test(raw)) throw new CurtoisParseError(row.line, `${what} must be an integer, got "${raw}"`);
  const value = Number(raw);
  if (value < min) throw new CurtoisParseError(row.line, `${what} must be at least ${min}, got ${value}`);
  return value;
}

function expectFields(row: Row, count: number, layout: string, allowMore = false): void {
  const n = row.fields.length;
  if (n < count || (!allowMore && n > count)) {
    throw new CurtoisParseError(row.line, `expected ${count} fields (${layout}), got ${n}`);
  }
}

function parseHorizon(rows: Row[]): number {
  if (rows.length !== 1) {
    throw new CurtoisParseError(rows[1]?.line ?? 1, `SECTION_HORIZON needs exactly one row, got ${rows.length}`);
  }
  const row = rows[0]!;
  expectFields(row, 1, 'days');
  return int(row, 0, 'horizon length', 1);
}

function parseShifts(rows: Row[]): CurtoisShift[] {
  const shifts = rows.map((row) => {
    expectFields(row, 3, 'ShiftID,LengthMins,CannotFollow');
    const id = row.fields[0]!;
    if (id === '') throw new CurtoisParseError(row.line, 'empty shift id');
    const cannotFollow = row.fields[2] === '' ? [] : row.fields[2]!.split('|').map((s) => s.trim());
    return { id, lengthMinutes: int(row, 1, 'shift length'), cannotFollow, line: row.line };
  });
  const ids = new Set<string>();
  for (const s of shifts) {
    if (ids.has(s.id)) throw new CurtoisParseError(s.line, `duplicate shift id ${s.id}`);
    ids.add(s.id);
  }
  for (const s of shifts) {
    for (const f of s.cannotFollow) {
      if (!ids.has(f)) throw new CurtoisParseError(s.line, `unknown shift ${f} in CannotFollow of ${s.id}`);
    }
  }
  return shifts.map(({ id, lengthMinutes, cannotFollow }) => ({ id, lengthMinutes, cannotFollow }));
}

function parseStaff(rows: Row[], shiftIds: Set<string>): CurtoisEmployee[] {
  const seen = new Set<string>();
  return rows.map((row) => {
    expectFields(row, 8, 'ID,MaxShifts,MaxTotalMinutes,MinTotalMinutes,MaxConsecutiveShifts,MinConsecutiveShifts,MinConsecutiveDaysOff,MaxWeekends');
    const id = row.fields[0]!;
    if (id === '') throw new CurtoisParseError(row.line, 'empty employee id');
    if (seen.has(id)) throw new CurtoisParseError(row.line, `duplicate employee id ${id}`);
    seen.add(id);
    const maxShifts: Record<string, number> = {};
    for (const part of row.fields[1] === '' ? [] : row.fields[1]!.split('|')) {
      const m = /^([^=]+)=(\d+)$/.exec(part.trim());
      if (!m) throw new CurtoisParseError(row.line, `MaxShifts entry must look like ShiftID=max, got "${part}"`);
      if (!shiftIds.has(m[1]!)) throw new CurtoisParseError(row.line, `unknown shift ${m[1]} in MaxShifts of ${id}`);
      maxShifts[m[1]!] = Number(m[2]);
    }
    return {
      id,
      maxShifts,
      maxTotalMinutes: int(row, 2, 'MaxTotalMinutes'),
      minTotalMinutes: int(row, 3, 'MinTotalMinutes'),
      maxConsecutiveShifts: int(row, 4, 'MaxConsecutiveShifts'),
      minConsecutiveShifts: int(row, 5, 'MinConsecutiveShifts'),
      minConsecutiveDaysOff: int(row, 6, 'MinConsecutiveDaysOff'),
      maxWeekends: int(row, 7, 'MaxWeekends'),
      daysOff: [],
    };
  });
}

function checkDay(row: Row, index: number, horizonDays: number): number {
  const day = int(row, index, 'day');
  if (day >= horizonDays) throw new CurtoisParseError(row.line, `day ${day} is outside the horizon of ${horizonDays} days`);
  return day;
}

function parseRequests(rows: Row[], ctx: Context): CurtoisRequest[] {
  return rows.map((row) => {
    expectFields(row, 4, 'EmployeeID,Day,ShiftID,Weight');
    const employeeId = row.fields[0]!;
    if (!ctx.employees.has(employeeId)) throw new CurtoisParseError(row.line, `unknown employee ${employeeId}`);
    const shiftId = row.fields[2]!;
    if (!ctx.shiftIds.has(shiftId)) throw new CurtoisParseError(row.line, `unknown shift ${shiftId}`);
    return { employeeId, day: checkDay(row, 1, ctx.horizonDays), shiftId, weight: int(row, 3, 'weight') };
  });
}

function parseCover(rows: Row[], ctx: Context): CurtoisCover[] {
  return rows.map((row) => {
    expectFields(row, 5, 'Day,ShiftID,Requirement,WeightUnder,WeightOver');
    const shiftId = row.fields[1]!;
    if (!ctx.shiftIds.has(shiftId)) throw new CurtoisParseError(row.line, `unknown shift ${shiftId}`);
    return {
      day: checkDay(row, 0, ctx.horizonDays),
      shiftId,
      requirement: int(row, 2, 'requirement'),
      weightUnder: int(row, 3, 'WeightUnder'),
      weightOver: int(row, 4, 'WeightOver'),
    };
  });
}

interface Context {
  horizonDays: number;
  shiftIds: Set<string>;
  employees: Map<string, CurtoisEmployee>;
}

/**
 * Parses Curtois & Qu instance text (CRLF or LF; `#` comments; sections in order).
 * Throws CurtoisParseError naming the line on malformed input.
 * @example parseCurtois(text).employees.length // 8 for Instance1.txt
 */
export function parseCurtois(text: string): CurtoisInstance {
  const sections = splitSections(text);
  const horizonDays = parseHorizon(sections.get('SECTION_HORIZON')!);
  const shifts = parseShifts(sections.get('SECTION_SHIFTS')!);
  const shiftIds = new Set(shifts.map((s) => s.id));
  const employees = parseStaff(sections.get('SECTION_STAFF')!, shiftIds);
  const ctx: Context = { horizonDays, shiftIds, employees: new Map(employees.map((e) => [e.id, e])) };
  for (const row of sections.get('SECTION_DAYS_OFF') ?? []) {
    expectFields(row, 2, 'EmployeeID,day[,day…]', true);
    const employee = ctx.employees.get(row.fields[0]!);
    if (!employee) throw new CurtoisParseError(row.line, `unknown employee ${row.fields[0]}`);
    for (let i = 1; i < row.fields.length; i++) {
      const day = checkDay(row, i, horizonDays);
      if (!employee.daysOff.includes(day)) employee.daysOff.push(day);
    }
  }
  for (const e of employees) e.daysOff.sort((a, b) => a - b);
  const cover = parseCover(sections.get('SECTION_COVER') ?? [], ctx);
  return {
    horizonDays,
    shifts,
    employees,
    shiftOnRequests: parseRequests(sections.get('SECTION_SHIFT_ON_REQUESTS') ?? [], ctx),
    shiftOffRequests: parseRequests(sections.get('SECTION_SHIFT_OFF_REQUESTS') ?? [], ctx),
    cover,
  };
}
