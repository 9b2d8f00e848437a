import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { CurtoisParseError, parseCurtois } from './parse.ts';

const vectors = new URL('../../../shared/vectors/curtois/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, vectors), 'utf8');
const bestKnown = read('best_known.csv').trim().split(/\r?\n/).slice(1).map((line) => {
  const [instance, days, employees, shiftTypes] = line.split(',');
  return { instance: instance!, days: Number(days), employees: Number(employees), shiftTypes: Number(shiftTypes) };
});

const tiny = [
  'SECTION_HORIZON', '7', '',
  'SECTION_SHIFTS', 'D,480,', 'N,600,D', '',
  'SECTION_STAFF', 'A,D=5|N=2,2400,960,4,2,2,1', '',
  'SECTION_DAYS_OFF', 'A,3,5', '',
  'SECTION_SHIFT_ON_REQUESTS', 'A,0,D,2', '',
  'SECTION_SHIFT_OFF_REQUESTS', 'A,1,N,3', '',
  'SECTION_COVER', '0,D,1,100,1',
].join('\r\n');

function errorOf(text: string): CurtoisParseError {
  try {
    parseCurtois(text);
  } catch (e) {
    if (e instanceof CurtoisParseError) return e;
    throw e;
  }
  throw new Error('expected a CurtoisParseError');
}

describe('parseCurtois', () => {
  it('reads Instance1: 14 days, 8 staff, one 480-minute shift, its days off, requests and cover', () => {
    const inst = parseCurtois(read('Instance1.txt'));
    expect(inst.horizonDays).toBe(14);
    expect(inst.shifts).toEqual([{ id: 'D', lengthMinutes: 480, cannotFollow: [] }]);
    expect(inst.employees[0]).toEqual({
      id: 'A', maxShifts: { D: 14 }, maxTotalMinutes: 4320, minTotalMinutes: 3360,
      maxConsecutiveShifts: 5, minConsecutiveShifts: 2, minConsecutiveDaysOff: 2, maxWeekends: 1, daysOff: [0],
    });
    expect(inst.shiftOnRequests).toHaveLength(21);
    expect(inst.shiftOnRequests[0]).toEqual({ employeeId: 'A', day: 2, shiftId: 'D', weight: 2 });
    expect(inst.shiftOffRequests).toHaveLength(5);
    expect(inst.shiftOffRequests[2]).toEqual({ employeeId: 'F', day: 8, shiftId: 'D', weight: 3 });
    expect(inst.cover).toHaveLength(14);
    expect(inst.cover[1]).toEqual({ day: 1, shiftId: 'D', requirement: 7, weightUnder: 100, weightOver: 1 });
  });

  it('reads rotation lists and zero maxima of Instance3 (L may not be followed by E or D)', () => {
    const inst = parseCurtois(read('Instance3.txt'));
    expect(inst.shifts.map((s) => [s.id, s.cannotFollow])).toEqual([['E', []], ['D', ['E']], ['L', ['E', 'D']]]);
    expect(inst.employees[0]!.maxShifts).toEqual({ E: 14, D: 14, L: 0 });
  });

  it.each(bestKnown)('matches the published size of $instance', ({ instance, days, employees, shiftTypes }) => {
    const inst = parseCurtois(read(`${instance}.txt`));
    expect([inst.horizonDays, inst.employees.length, inst.shifts.length]).toEqual([days, employees, shiftTypes]);
    expect(inst.cover).toHaveLength(days * shiftTypes);
  });

  it('reads LF line ends and trailing comments the same as CRLF', () => {
    const lf = tiny.replace(/\r\n/g, '\n').replace('A,3,5', 'A,3,5 # two days off');
    expect(parseCurtois(lf)).toEqual(parseCurtois(tiny));
  });

  it('collects several days off on one row, sorted', () => {
    expect(parseCurtois(tiny).employees[0]!.daysOff).toEqual([3, 5]);
  });

  describe('edge cases', () => {
    it.each([
      ['an unknown section', tiny.replace('SECTION_COVER', 'SECTION_COVERS'), 20, 'unknown section'],
      ['data before any section', `7\r\n${tiny}`, 1, 'before the first'],
      ['a staff row with too few fields', tiny.replace('A,D=5|N=2,2400,960,4,2,2,1', 'A,D=5,2400'), 9, 'expected 8 fields'],
      ['a non-integer length', tiny.replace('N,600,D', 'N,6h,D'), 6, 'must be an integer'],
      ['an unknown shift in cover', tiny.replace('0,D,1,100,1', '0,X,1,100,1'), 21, 'unknown shift X'],
      ['a day outside the horizon', tiny.replace('A,0,D,2', 'A,7,D,2'), 15, 'outside the horizon'],
      ['an unknown employee in days off', tiny.replace('A,3,5', 'Z,3'), 12, 'unknown employee Z'],
      ['an unknown shift in CannotFollow', tiny.replace('N,600,D', 'N,600,Q'), 6, 'unknown shift Q'],
      ['sections out of order', tiny.replace('SECTION_HORIZON\r\n7\r\n\r\n', '') + '\r\nSECTION_HORIZON\r\n7', 19, 'out of order'],
      ['a missing staff section', 'SECTION_HORIZON\r\n7\r\nSECTION_SHIFTS\r\nD,480,\r\n', 5, 'missing section SECTION_STAFF'],
    ])('rejects %s with its line number', (_label, text, line, message) => {
      const err = errorOf(text);
      expect(err.line).toBe(line);
      expect(err.message).toContain(message);
      expect(err.message.startsWith(`line ${line}: `)).toBe(true);
    });

    it('rejects a duplicate employee id', () => {
      expect(errorOf(tiny.replace('A,D=5|N=2,2400,960,4,2,2,1', 'A,D=5,2400,960,4,2,2,1\r\nA,D=5,2400,960,4,2,2,1')).message).toContain('duplicate employee id A');
    });

    it('accepts a file without optional sections and with an empty CannotFollow', () => {
      const inst = parseCurtois('SECTION_HORIZON\r\n3\r\nSECTION_SHIFTS\r\nD,480,\r\nSECTION_STAFF\r\nA,D=3,1440,0,3,1,1,1\r\n');
      expect(inst.cover).toEqual([]);
      expect(inst.shifts[0]!.cannotFollow).toEqual([]);
    });
  });
});
