// The incentive catalogue as data: points earned per emergency contribution, and the rewards (常白班, 优选排次, 节日连休) they buy.

/** Emergency contributions that earn points. */
export type ContributionKind = 'callIn' | 'coverProject' | 'peakOvertime';

/** Points for one kind of contribution: a fixed part per event plus a part per hour worked. */
export interface ContributionRule {
  kind: ContributionKind;
  name: string;
  nameEn: string;
  pointsPerEvent: number;
  pointsPerHour: number;
}

/** What a reward entitles its holder to, before it is tied to an agent and a month. */
export type EntitlementGrant =
  /** Only these shift codes for a whole month (a regular day-shift pattern). */
  | { kind: 'dayShiftsOnly'; shiftCodes: string[] }
  /** First pick of a shift type for a month; the agent names the shift when redeeming. */
  | { kind: 'firstPick' }
  /** Consecutive days off, at most `maxDays`; the agent names the dates when redeeming. */
  | { kind: 'daysOff'; maxDays: number };

/** A reward staff can buy with points. */
export interface IncentiveReward {
  id: string;
  name: string;
  nameEn: string;
  points: number;
  grants: EntitlementGrant;
  /** Whether the monthly solver must honour it (hard) or only weigh it heavily. */
  hard: boolean;
  /** Withdrawn rewards stay in the catalogue for history but cannot be redeemed. */
  offered: boolean;
}

/** The whole configurable catalogue. */
export interface IncentiveCatalogue {
  contributions: ContributionRule[];
  rewards: IncentiveReward[];
}

/**
 * The seed centre's incentives: call-ins, cross-project cover and peak overtime earn points; points buy a regular
 * day-shift month (常白班, 120), first pick of shifts (优选排次, 60) or consecutive holiday rest (节日连休, 100, up to 3 days).
 * @example DEMO_INCENTIVE_CATALOGUE.rewards.map((r) => r.id) // ['regular-day-shift', 'first-pick', 'holiday-rest']
 */
export const DEMO_INCENTIVE_CATALOGUE: IncentiveCatalogue = {
  contributions: [
    { kind: 'callIn', name: '响应应急召回', nameEn: 'Answered an emergency call-in', pointsPerEvent: 20, pointsPerHour: 5 },
    { kind: 'coverProject', name: '跨项目应急支援', nameEn: 'Covered another project', pointsPerEvent: 0, pointsPerHour: 4 },
    { kind: 'peakOvertime', name: '高峰加班', nameEn: 'Overtime at a peak', pointsPerEvent: 0, pointsPerHour: 6 },
  ],
  rewards: [
    { id: 'regular-day-shift', name: '常白班', nameEn: 'Regular day-shift pattern for a month', points: 120, grants: { kind: 'dayShiftsOnly', shiftCodes: ['D'] }, hard: true, offered: true },
    { id: 'first-pick', name: '优选排次', nameEn: 'First pick of shifts for a month', points: 60, grants: { kind: 'firstPick' }, hard: false, offered: true },
    { id: 'holiday-rest', name: '节日连休', nameEn: 'Consecutive rest over a holiday', points: 100, grants: { kind: 'daysOff', maxDays: 3 }, hard: true, offered: true },
  ],
};
