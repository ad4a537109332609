/**
 * Roles and what each may see. Safe for the browser (navigation) and used by the server to enforce:
 * a page's loader checks its roles with requireUser(request, { roles }) whatever the menu shows.
 */
export const ROLES = ['director', 'manager', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** A signed-in user as routes see it (never the password hash or tokens). */
export interface User {
  name: string;
  role: Role;
  /** the collection teams a supervisor answers for (team_id); empty for the other roles */
  teams: string[];
}

/**
 * Customer names, addresses and phones are personal data. Directors, supervisors (who send collectors
 * to the customers) and admins (who fix rejected files) see them; managers see aggregates only.
 */
export function canSeePersonalData(user: Pick<User, 'role'>): boolean {
  return user.role === 'director' || user.role === 'supervisor' || user.role === 'admin';
}

/** Who may open each section. The menu shows what the role may open; the loaders enforce the same lists. */
export const SECTION_ROLES = {
  overview: ROLES,
  arrears: ROLES,
  channels: ['director', 'manager', 'admin'],
  collections: ROLES,
  data: ['director', 'admin'],
  reports: ROLES,
} as const satisfies Record<string, readonly Role[]>;

export type Section = keyof typeof SECTION_ROLES;

export function canOpen(user: Pick<User, 'role'>, section: Section): boolean {
  return (SECTION_ROLES[section] as readonly Role[]).includes(user.role);
}

/**
 * The raw text of rejected lines (customers.csv rejects carry names, addresses, phones of any
 * customer, not only a team's) is for those who fix the files: the Data page's roles, directors and
 * admins. Everyone else gets the reasons and counts only, on the page and in GET /api/v1/loads alike.
 */
export function canSeeRawRejects(user: Pick<User, 'role'>): boolean {
  return canOpen(user, 'data') && canSeePersonalData(user);
}

/** Only admins change settings (the arrears reduction target). */
export function canChangeSettings(user: Pick<User, 'role'>): boolean {
  return user.role === 'admin';
}
