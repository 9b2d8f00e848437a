// Daily fine-tuning (日微调): today's floor per project, actuals, suggestions.
import type { SecureRouter } from '../http/access.ts';
import type { SeedStep } from '../demo/seed.ts';

/** Demo data of this part, seeded after the scheduling area's own steps. */
export const intradaySeedSteps: SeedStep[] = [];

export function registerIntradayRoutes(_r: SecureRouter): void {}
