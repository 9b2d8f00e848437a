// Weekly adjustment (周调整): re-plan a week against the published roster, change lists, versions, swaps, leave.
import type { SecureRouter } from '../http/access.ts';
import type { SeedStep } from '../demo/seed.ts';

/** Demo data of this part, seeded after the scheduling area's own steps. */
export const weeklySeedSteps: SeedStep[] = [];

export function registerWeeklyRoutes(_r: SecureRouter): void {}
