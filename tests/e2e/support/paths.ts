/** Where the browser tests' fixture lives (ignored by git) and the port its server listens on. */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(new URL('../../../', import.meta.url)));
export const E2E_PORT = Number(process.env.KABA_E2E_PORT ?? 3111);
export const E2E_DIR = join(ROOT, '.tmp', 'e2e');

export const FIXTURE = {
  dir: E2E_DIR,
  demo: join(E2E_DIR, 'demo'),
  warehouse: join(E2E_DIR, 'warehouse.duckdb'),
  users: join(E2E_DIR, 'users.json'),
  settings: join(E2E_DIR, 'settings.json'),
} as const;

/** The demo utility the fixture generates: small, and the same every run. */
export const DEMO_ARGS = ['--customers', '400', '--from', '2023-01', '--to', '2025-06', '--seed', '7'] as const;
