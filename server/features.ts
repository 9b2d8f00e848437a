// Feature areas plug in here: their routes and their background services (index rebuilds, jobs).
import type { RouteModule } from './app.tsx';
import type { Deps } from './http/env.ts';

/** Route groups of the feature areas, registered after the shell's own. */
export const featureRoutes: RouteModule[] = [];

/** Starts the feature services; returns a function that stops them. */
export async function startFeatures(_deps: Deps): Promise<() => Promise<void>> {
  return async () => {};
}
