/**
 * A server of a spec's own, on a copy of the fixture, for tests that change state other specs read
 * (settings, the warehouse): they cannot disturb the shared server.
 */
import type { ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { E2E_DIR, FIXTURE } from './paths';
import { startServer, stopServer, waitForServer } from './server';

export interface IsolatedServer {
  port: number;
  baseURL: string;
  dir: string;
  warehouse: string;
  users: string;
  settings: string;
  stop(): Promise<void>;
}

export async function isolatedServer(name: string, port: number, options: { withWarehouse?: boolean; warehouseFrom?: string; env?: Record<string, string> } = {}): Promise<IsolatedServer> {
  const dir = join(E2E_DIR, '..', `e2e-${name}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const paths = { warehouse: join(dir, 'warehouse.duckdb'), users: join(dir, 'users.json'), settings: join(dir, 'settings.json') };
  if (options.withWarehouse ?? true) copyFileSync(options.warehouseFrom ?? FIXTURE.warehouse, paths.warehouse);
  // Another server already on the port would answer in this one's place and the spec would test it.
  if (await fetch(`http://localhost:${port}/robots.txt`).then(() => true, () => false)) {
    throw new Error(`port ${port} is already in use: stop whatever listens there before running this spec`);
  }
  copyFileSync(FIXTURE.users, paths.users);
  const child: ChildProcess = startServer(
    port,
    { KABA_WAREHOUSE: paths.warehouse, KABA_USERS: paths.users, KABA_SETTINGS: paths.settings, SESSION_SECRET: `isolated-${name}-secret-0123456789abcdef`, ...options.env },
    'ignore',
  );
  await waitForServer(port);
  return { port, baseURL: `http://localhost:${port}`, dir, ...paths, stop: () => stopServer(child) };
}
