// The roles of the console and where each one lands after signing in.

/** Roles in priority order: a user's home page is that of their first role in this list. */
export const ROLES = ['agent', 'inspector', 'scheduler', 'knowledge', 'admin', 'client'] as const;
export type Role = (typeof ROLES)[number];

/** Home path per role (agent → search, inspector and client reviewer → work queue, scheduler → rosters, admin → users). */
export const HOME_BY_ROLE: Record<Role, string> = {
  agent: '/agent',
  inspector: '/quality',
  scheduler: '/rosters',
  knowledge: '/knowledge',
  admin: '/admin/users',
  // a client's reviewer (联合质检): only their project's samples, bound by users.client_project_id
  client: '/quality',
};

/** Keeps known roles, in canonical order, without duplicates. */
export function normaliseRoles(input: readonly string[]): Role[] {
  return ROLES.filter((r) => input.includes(r));
}

/** The path a user with these roles starts on; `/me` when they hold none. */
export function homeFor(roles: readonly Role[]): string {
  const first = ROLES.find((r) => roles.includes(r));
  return first ? HOME_BY_ROLE[first] : '/me';
}
