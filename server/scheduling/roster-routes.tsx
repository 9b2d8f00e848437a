// Routes of the monthly roster (solve job, grid, edits, locks, publish, exports, my schedule).
import type { SecureRouter } from '../http/access.ts';

export function registerRosterRoutes(_r: SecureRouter): void {}
