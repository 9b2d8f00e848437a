// Background services and demo seed steps of the knowledge area.
import type { Deps } from '../http/env.ts';
import type { SeedStep } from '../demo/seed.ts';

/** Demo data of this area, seeded once into an empty database. */
export const knowledgeSeedSteps: SeedStep[] = [];

/** Starts this area's background services; returns a stop function. */
export async function startKnowledge(_deps: Deps): Promise<() => Promise<void>> {
  return async () => {};
}
