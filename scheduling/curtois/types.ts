// Plain data shapes of a Curtois & Qu shift-scheduling instance and of a roster for it.

/** A shift type: its id, length and the shifts that may not be worked on the next day. */
export interface CurtoisShift {
  id: string;
  lengthMinutes: number;
  /** Shift ids that may not be worked the day after this one. */
  cannotFollow: string[];
}

/** One employee's contract limits and fixed days off. */
export interface CurtoisEmployee {
  id: string;
  /** Maximum number of each shift type; a missing id or 0 means the person may not work it. */
  maxShifts: Record<string, number>;
  maxTotalMinutes: number;
  minTotalMinutes: number;
  maxConsecutiveShifts: number;
  minConsecutiveShifts: number;
  minConsecutiveDaysOff: number;
  maxWeekends: number;
  /** Days (0-based) the person must not work. */
  daysOff: number[];
}

/** A soft request to work (on) or not work (off) a shift on a day, with its weight. */
export interface CurtoisRequest {
  employeeId: string;
  day: number;
  shiftId: string;
  weight: number;
}

/** Cover wanted for one shift on one day, with the cost of each person short or extra. */
export interface CurtoisCover {
  day: number;
  shiftId: string;
  requirement: number;
  weightUnder: number;
  weightOver: number;
}

/** A whole instance; day 0 is a Monday. */
export interface CurtoisInstance {
  horizonDays: number;
  shifts: CurtoisShift[];
  employees: CurtoisEmployee[];
  shiftOnRequests: CurtoisRequest[];
  shiftOffRequests: CurtoisRequest[];
  cover: CurtoisCover[];
}

/** Employee id → one entry per day: a shift id, or '' for a day off. */
export type CurtoisAssignments = Record<string, string[]>;
