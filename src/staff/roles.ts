// Staff roles and what each may do. Each role includes everything the one before it may do.

/** agent: conversations; supervisor: also the audit log and every agent's work; admin: also accounts and partner keys. */
export const ROLES = ['agent', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** True when `value` names a role. */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** True when `role` is `needed` or above it. An unknown role (a hand-edited row) may do nothing. */
export function atLeast(role: string, needed: Role): boolean {
  const have = ROLES.indexOf(role as Role);
  return have >= 0 && have >= ROLES.indexOf(needed);
}
