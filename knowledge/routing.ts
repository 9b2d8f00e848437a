// Responsibility-matrix validation and work-order routing: dispatch rules first, then the matrix entry of the template.
import type { MatrixEntry, ResponsibilityMatrix } from './matrix.ts';
import type { DispatchRule, WorkOrderTemplate } from './scenario.ts';

/** What can be wrong with a responsibility matrix. */
export type MatrixProblem =
  | 'duplicate-department'
  | 'duplicate-entry'
  | 'bad-role'
  | 'owner-count'
  | 'owner-not-owning'
  | 'no-responsible'
  | 'unknown-department'
  | 'missing-level';

/** One defect of a matrix; `entry` or `department` names where it is. */
export interface MatrixError {
  problem: MatrixProblem;
  entry?: string;
  department?: string;
  message: string;
}

/**
 * Which defects does this matrix have? Empty means it is usable: codes are unique, every
 * third-level entry has exactly one owner that is an owning (归口) department, at least one
 * responsible (责任) department, and names only known departments. Data read from JSON is
 * checked defensively (an `owner` that is a list or blank counts as the wrong number of owners).
 * @example validateMatrix({ departments: [], entries: [{ code: 'C1', level1: 'a', level2: 'b', level3: 'c', owner: 'D-X', responsible: [] }] })
 * // [{ problem: 'unknown-department', entry: 'C1', department: 'D-X', ... }, { problem: 'no-responsible', entry: 'C1', ... }]
 */
export function validateMatrix(matrix: ResponsibilityMatrix): MatrixError[] {
  const errors: MatrixError[] = [];
  const roles = new Map<string, string>();
  for (const department of matrix.departments) {
    if (roles.has(department.code)) {
      errors.push({ problem: 'duplicate-department', department: department.code, message: `department code ${department.code} is used more than once` });
      continue;
    }
    roles.set(department.code, department.role);
    if (department.role !== 'owning' && department.role !== 'responsible') {
      errors.push({ problem: 'bad-role', department: department.code, message: `department ${department.code} has role ${String(department.role)}; expected owning or responsible` });
    }
  }
  const seen = new Set<string>();
  for (const entry of matrix.entries) {
    if (seen.has(entry.code)) {
      errors.push({ problem: 'duplicate-entry', entry: entry.code, message: `entry code ${entry.code} is used more than once` });
      continue;
    }
    seen.add(entry.code);
    errors.push(...entryErrors(entry, roles));
  }
  return errors;
}

/** The defects of one third-level entry, given department roles by code. */
function entryErrors(entry: MatrixEntry, roles: ReadonlyMap<string, string>): MatrixError[] {
  const errors: MatrixError[] = [];
  const at = entry.code;
  for (const level of ['level1', 'level2', 'level3'] as const) {
    if (typeof entry[level] !== 'string' || entry[level].trim() === '') {
      errors.push({ problem: 'missing-level', entry: at, message: `entry ${at} has no ${level}` });
    }
  }
  const owner: unknown = entry.owner;
  const owners = Array.isArray(owner) ? owner : typeof owner === 'string' && owner.trim() !== '' ? [owner] : [];
  if (owners.length !== 1) {
    errors.push({ problem: 'owner-count', entry: at, message: `entry ${at} has ${owners.length} owning departments; exactly one is required` });
  } else if (!roles.has(String(owners[0]))) {
    errors.push({ problem: 'unknown-department', entry: at, department: String(owners[0]), message: `entry ${at} names unknown department ${String(owners[0])}` });
  } else if (roles.get(String(owners[0])) !== 'owning') {
    errors.push({ problem: 'owner-not-owning', entry: at, department: String(owners[0]), message: `entry ${at} is owned by ${String(owners[0])}, which is not an owning department` });
  }
  const responsible: unknown[] = Array.isArray(entry.responsible) ? entry.responsible : [];
  if (responsible.length === 0) {
    errors.push({ problem: 'no-responsible', entry: at, message: `entry ${at} has no responsible department` });
  }
  for (const code of responsible) {
    if (!roles.has(String(code))) {
      errors.push({ problem: 'unknown-department', entry: at, department: String(code), message: `entry ${at} names unknown department ${String(code)}` });
    }
  }
  return errors;
}

/** Where an order goes: one owning department and the departments that do the work. */
export interface Route {
  ok: true;
  owner: string;
  responsible: string[];
  /** The dispatch rule that decided the route, when one matched. */
  matchedRule?: DispatchRule;
  /** Why, in a line an agent can read. */
  reason: string;
}

/** Why an order could not be routed (a library or matrix defect, not the agent's). */
export interface RouteFailure {
  ok: false;
  error: 'no-matrix-code' | 'unknown-matrix-code' | 'unknown-department' | 'no-owner';
  reason: string;
}

/**
 * Does this dispatch rule hold for these field values? Every condition must hold: a string
 * condition is equality, a list is one-of. A missing field never matches.
 * @example ruleMatches({ when: { operator: ['国网', '南网'] }, departments: ['D-EV'] }, { operator: '国网' }) // true
 */
export function ruleMatches(rule: DispatchRule, fields: Readonly<Record<string, string | undefined>>): boolean {
  return Object.entries(rule.when).every(([name, accepted]) => {
    const value = Object.hasOwn(fields, name) ? fields[name] : undefined;
    if (value === undefined) return false;
    return Array.isArray(accepted) ? accepted.includes(value) : accepted === value;
  });
}

/**
 * Where does this order go? The template's dispatch rules are tried in order and the first match
 * wins: an owning department it names becomes the owner, the other named departments do the
 * work; whatever the rule leaves out (owner, responsible) comes from the matrix entry of the
 * template's `matrixCode`. Without a matching rule the matrix entry decides alone.
 * @example routeOrder({ kind: 'repair', matrixCode: 'C04-01', fields: [], description: '' }, {}, matrix)
 * // { ok: true, owner: 'D-OPS', responsible: ['D-DIS'], reason: '责任矩阵 C04-01 …' }
 */
export function routeOrder(
  template: Pick<WorkOrderTemplate, 'matrixCode' | 'dispatch'>,
  fields: Readonly<Record<string, string | undefined>>,
  matrix: ResponsibilityMatrix,
): Route | RouteFailure {
  const roles = new Map(matrix.departments.map((department) => [department.code, department.role]));
  const entry = template.matrixCode === undefined ? undefined : matrix.entries.find((candidate) => candidate.code === template.matrixCode);
  if (template.matrixCode !== undefined && !entry) {
    return { ok: false, error: 'unknown-matrix-code', reason: `matrix code ${template.matrixCode} is not in the responsibility matrix` };
  }
  const rule = (template.dispatch ?? []).find((candidate) => ruleMatches(candidate, fields));
  if (rule) return routeByRule(rule, entry, roles);
  if (!entry) return { ok: false, error: 'no-matrix-code', reason: 'the template has no matrix code and no dispatch rule matched' };
  return { ok: true, owner: entry.owner, responsible: [...entry.responsible], reason: `责任矩阵 ${entry.code} ${entry.level1}/${entry.level2}/${entry.level3}` };
}

/** The route a matched rule gives, completed from the matrix entry where the rule is silent. */
function routeByRule(rule: DispatchRule, entry: MatrixEntry | undefined, roles: ReadonlyMap<string, string>): Route | RouteFailure {
  const unknown = rule.departments.find((code) => !roles.has(code));
  if (unknown !== undefined) {
    return { ok: false, error: 'unknown-department', reason: `dispatch rule names unknown department ${unknown}` };
  }
  const owner = rule.departments.find((code) => roles.get(code) === 'owning') ?? entry?.owner;
  if (owner === undefined) {
    return { ok: false, error: 'no-owner', reason: 'the dispatch rule names no owning department and the template has no matrix code' };
  }
  const named = rule.departments.filter((code) => code !== owner);
  const responsible = named.length > 0 ? named : entry ? [...entry.responsible] : [owner];
  const conditions = Object.entries(rule.when)
    .map(([name, accepted]) => `${name}=${Array.isArray(accepted) ? accepted.join('|') : accepted}`)
    .join(', ');
  return { ok: true, owner, responsible, matchedRule: rule, reason: `派单规则 ${rule.note ?? conditions}` };
}
