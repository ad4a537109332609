/**
 * Loads never write the warehouse file the dashboard is reading. A load works on a copy
 * (`<warehouse>.next`) and, once every file and the derived tables are committed and checkpointed,
 * renames the copy over the warehouse in one atomic step. The server notices the new file and moves
 * to it; a load that dies leaves the warehouse exactly as it was, and its half-done copy is discarded
 * by the next load.
 */
import { copyFile, rename, rm, stat } from 'node:fs/promises';
import type { Warehouse } from './duckdb';
import { openWarehouseForLoad } from './open';

export function nextPath(path: string): string {
  return `${path}.next`;
}

async function exists(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null)) !== null;
}

export async function withWarehouseCopy<T>(
  path: string,
  work: (wh: Warehouse) => Promise<{ result: T; changed: boolean }>,
): Promise<T> {
  const next = nextPath(path);
  await rm(next, { force: true });
  await rm(`${next}.wal`, { force: true });
  if (await exists(path)) await copyFile(path, next);
  const wh = await openWarehouseForLoad(next);
  let outcome: { result: T; changed: boolean };
  try {
    outcome = await work(wh);
    await wh.run('CHECKPOINT');
  } finally {
    wh.close();
  }
  if (outcome.changed || !(await exists(path))) await rename(next, path);
  else await rm(next, { force: true });
  return outcome.result;
}
