/**
 * The demo accounts `npm run user -- demo` creates: one per role, with published passwords. For demos
 * and tests only; a production start warns while any of them exists.
 */
import type { Role } from '../lib/roles';

export interface DemoUser {
  name: string;
  role: Role;
  password: string;
}

export const DEMO_USERS: readonly DemoUser[] = [
  { name: 'direktur', role: 'director', password: 'direktur-demo' },
  { name: 'manajer', role: 'manager', password: 'manajer-demo' },
  { name: 'supervisor', role: 'supervisor', password: 'supervisor-demo' },
  { name: 'admin', role: 'admin', password: 'admin-demo' },
];

/** The team the demo supervisor answers for when the warehouse has none to offer. */
export const DEMO_FALLBACK_TEAM = 'T01';
