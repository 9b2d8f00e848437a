// Seeded generator of further instances in the style of Curtois & Qu instances 1–5.
import { mulberry32, randomInt } from './random.ts';
import type { CurtoisInstance, CurtoisRequest } from './types.ts';

/** Size of a generated instance: whole weeks, staff count and 1–3 shift types. */
export interface GenerateOptions {
  seed: number;
  weeks: number;
  employees: number;
  shiftTypes: 1 | 2 | 3;
}

const SHIFT_IDS = ['E', 'D', 'L'] as const;
const STAFF_IDS = Array.from({ length: 26 * 27 }, (_, i) => (i < 26 ? String.fromCharCode(65 + i) : String.fromCharCode(64 + Math.floor(i / 26)) + String.fromCharCode(65 + (i % 26))));

/**
 * Builds an instance like the published ones: 480-minute shifts where a later shift may not be
 * followed by an earlier one, contracts of 7–9 shifts per fortnight (one allowed type unlimited), 2–5 day blocks, one working
 * weekend per fortnight, a day off per fortnight each, request blocks weighted 1–3, and cover near
 * what the staff can supply (under 100, over 1 per person).
 * @example generateCurtois({ seed: 1, weeks: 2, employees: 8, shiftTypes: 1 }).employees.length // 8
 */
export function generateCurtois(options: GenerateOptions): CurtoisInstance {
  const rand = mulberry32(options.seed);
  const days = options.weeks * 7, fortnights = days / 14;
  const shiftIds = SHIFT_IDS.slice(0, options.shiftTypes);
  const shifts = shiftIds.map((id, i) => ({ id, lengthMinutes: 480, cannotFollow: shiftIds.slice(0, i) }));
  const employees = Array.from({ length: options.employees }, (_, i) => {
    const maxShifts: Record<string, number> = {};
    const allowed = shiftIds.filter(() => rand() < 0.8);
    if (allowed.length === 0) allowed.push(shiftIds[randomInt(rand, shiftIds.length)]!);
    for (const id of shiftIds) maxShifts[id] = allowed.includes(id) ? (rand() < 0.25 ? Math.ceil(days * 0.2) : days) : 0;
    // At least one allowed type is unlimited, so the minimum hours can always be reached.
    if (!allowed.some((id) => maxShifts[id] === days)) maxShifts[allowed[0]!] = days;
    const dayOffCount = Math.max(1, Math.round(fortnights));
    const daysOff = new Set<number>();
    while (daysOff.size < dayOffCount) daysOff.add(randomInt(rand, days));
    return {
      id: STAFF_IDS[i]!, maxShifts,
      maxTotalMinutes: Math.round(9 * 480 * fortnights), minTotalMinutes: Math.round(7 * 480 * fortnights),
      maxConsecutiveShifts: 5, minConsecutiveShifts: 2, minConsecutiveDaysOff: 2,
      maxWeekends: Math.max(1, Math.round(fortnights)),
      daysOff: [...daysOff].sort((a, b) => a - b),
    };
  });
  const requests = (kind: 'on' | 'off'): CurtoisRequest[] => {
    const out: CurtoisRequest[] = [];
    for (const e of employees) {
      if (rand() < 0.4) continue;
      const length = 1 + randomInt(rand, kind === 'on' ? 5 : 3), start = randomInt(rand, days - length + 1);
      const usable = shiftIds.filter((id) => (e.maxShifts[id] ?? 0) > 0);
      const shiftId = usable[randomInt(rand, usable.length)]!, weight = 1 + randomInt(rand, 3);
      for (let d = start; d < start + length; d++) if (!e.daysOff.includes(d)) out.push({ employeeId: e.id, day: d, shiftId, weight });
    }
    return out;
  };
  const shiftOnRequests = requests('on');
  const shiftOffRequests = requests('off').filter((r) => !shiftOnRequests.some((o) => o.employeeId === r.employeeId && o.day === r.day));
  // Average supply per day and shift type if everybody works 8 shifts a fortnight.
  const perCell = (options.employees * 8 * fortnights) / days / shiftIds.length;
  const cover = Array.from({ length: days }, (_, day) => shiftIds.map((shiftId) => ({
    day, shiftId, requirement: Math.max(0, Math.round(perCell * (0.6 + rand() * 0.8))), weightUnder: 100, weightOver: 1,
  }))).flat();
  return { horizonDays: days, shifts, employees, shiftOnRequests, shiftOffRequests, cover };
}
