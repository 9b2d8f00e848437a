// Feature areas plug in here: their routes, their background services (index rebuilds, jobs) and
// their demo-data seed steps.
import type { RouteModule } from './app.tsx';
import type { Deps } from './http/env.ts';
import type { SeedStep } from './demo/seed.ts';
import { registerKnowledgeRoutes } from './knowledge/routes.tsx';
import { registerQualityRoutes } from './quality/routes.tsx';
import { registerSchedulingRoutes } from './scheduling/routes.tsx';
import { registerRosterRoutes } from './scheduling/roster-routes.tsx';
import { registerSetupRoutes } from './scheduling/setup-routes.tsx';
import { demoRosterSeedSteps } from './scheduling/demo-roster.ts';
import { registerIntradayRoutes, intradaySeedSteps } from './scheduling/intraday-routes.tsx';
import { registerWeeklyRoutes, weeklySeedSteps } from './scheduling/weekly-routes.tsx';
import { registerIncentiveRoutes, incentiveSeedSteps } from './scheduling/incentive-routes.tsx';
import { knowledgeSeedSteps, startKnowledge } from './knowledge/service.ts';
import { qualitySeedSteps, startQuality } from './quality/service.ts';
import { schedulingSeedSteps, startScheduling } from './scheduling/service.ts';

/**
 * Route groups of the feature areas, registered after the shell's own. Fixed /rosters/<word> paths register before
 * the roster routes, whose /rosters/:month would otherwise answer them.
 */
export const featureRoutes: RouteModule[] = [
  registerKnowledgeRoutes,
  registerQualityRoutes,
  registerSchedulingRoutes,
  registerIntradayRoutes,
  registerWeeklyRoutes,
  registerIncentiveRoutes,
  registerSetupRoutes,
  registerRosterRoutes,
];

/** Demo-data steps of the feature areas, run after the shell's organisation and users. */
export const featureSeedSteps: SeedStep[] = [
  ...knowledgeSeedSteps,
  ...qualitySeedSteps,
  ...schedulingSeedSteps,
  // The published roster of the current month first: today's floor, re-plans and the ledger build on it.
  ...demoRosterSeedSteps,
  ...intradaySeedSteps,
  ...weeklySeedSteps,
  ...incentiveSeedSteps,
];

/** Starts the feature services; returns a function that stops them all. */
export async function startFeatures(deps: Deps): Promise<() => Promise<void>> {
  const stops = [await startKnowledge(deps), await startQuality(deps), await startScheduling(deps)];
  return async () => {
    for (const stop of stops.reverse()) await stop();
  };
}
