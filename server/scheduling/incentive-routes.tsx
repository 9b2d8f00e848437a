// Emergency resources, the incentive ledger and catalogue, peak plans (可应急资源, 应急激励).
import type { SecureRouter } from '../http/access.ts';
import type { SeedStep } from '../demo/seed.ts';
import { DEMO_INCENTIVE_CATALOGUE } from '../../scheduling/incentives/catalogue.ts';
import { ensureCatalogue } from './incentive-store.ts';

/** Demo data of this part, seeded after the scheduling area's own steps. */
export const incentiveSeedSteps: SeedStep[] = [{ id: 'incentive-catalogue', run: (sql) => ensureCatalogue(sql, DEMO_INCENTIVE_CATALOGUE) }];

export function registerIncentiveRoutes(_r: SecureRouter): void {}
