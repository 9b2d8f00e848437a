// Writes a CurtoisInstance back to the Curtois & Qu text format (CRLF, sections in order).
import type { CurtoisInstance } from './types.ts';

/**
 * Renders an instance as Curtois text that parseCurtois reads back to an equal instance.
 * @example formatCurtois(instance).startsWith('# ') // true
 */
export function formatCurtois(instance: CurtoisInstance, title = 'Generated instance'): string {
  const lines: string[] = [`# ${title}`, 'SECTION_HORIZON', '# All instances start on a Monday', String(instance.horizonDays), ''];
  lines.push('SECTION_SHIFTS', '# ShiftID, Length in mins, Shifts which cannot follow this shift | separated');
  for (const s of instance.shifts) lines.push(`${s.id},${s.lengthMinutes},${s.cannotFollow.join('|')}`);
  lines.push('', 'SECTION_STAFF', '# ID, MaxShifts, MaxTotalMinutes, MinTotalMinutes, MaxConsecutiveShifts, MinConsecutiveShifts, MinConsecutiveDaysOff, MaxWeekends');
  for (const e of instance.employees) {
    const max = instance.shifts.map((s) => `${s.id}=${e.maxShifts[s.id] ?? 0}`).join('|');
    lines.push([e.id, max, e.maxTotalMinutes, e.minTotalMinutes, e.maxConsecutiveShifts, e.minConsecutiveShifts, e.minConsecutiveDaysOff, e.maxWeekends].join(','));
  }
  lines.push('', 'SECTION_DAYS_OFF', '# EmployeeID, DayIndexes (start at zero)');
  for (const e of instance.employees) if (e.daysOff.length > 0) lines.push([e.id, ...e.daysOff].join(','));
  for (const [name, requests] of [['SECTION_SHIFT_ON_REQUESTS', instance.shiftOnRequests], ['SECTION_SHIFT_OFF_REQUESTS', instance.shiftOffRequests]] as const) {
    lines.push('', name, '# EmployeeID, Day, ShiftID, Weight');
    for (const r of requests) lines.push(`${r.employeeId},${r.day},${r.shiftId},${r.weight}`);
  }
  lines.push('', 'SECTION_COVER', '# Day, ShiftID, Requirement, Weight for under, Weight for over');
  for (const c of instance.cover) lines.push(`${c.day},${c.shiftId},${c.requirement},${c.weightUnder},${c.weightOver}`);
  return `${lines.join('\r\n')}\r\n`;
}
