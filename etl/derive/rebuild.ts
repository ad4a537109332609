/**
 * Rebuilds every derived table, each in a transaction of its own: a transaction holding every new
 * table at once ran out of memory at a million customers at the default 2 GB, while each table alone
 * fits. Readers still never see a mix: loads rebuild on a copy of the warehouse that replaces the
 * file only once everything is committed (etl/warehouse/swap.ts); a rebuild that fails leaves the copy
 * unused. derived_at is written last, so a copy that stopped halfway says so.
 */
import { jakartaNow } from '../domain/period';
import type { Warehouse } from '../warehouse/duckdb';
import { allocateAll } from './allocate';
import { DERIVED_STATEMENTS } from './derived-sql';

export interface RebuildReport {
  customers: number;
  allocations: number;
  seconds: number;
  steps: { table: string; seconds: number }[];
}

export async function rebuildDerived(wh: Warehouse): Promise<RebuildReport> {
  const started = performance.now();
  const steps: { table: string; seconds: number }[] = [];
  let t = performance.now();
  await wh.run(`DELETE FROM warehouse_meta WHERE key = 'derived_at'`);
  const { customers, allocations } = await wh.transaction(() => allocateAll(wh));
  steps.push({ table: 'allocation', seconds: (performance.now() - t) / 1000 });
  for (const step of DERIVED_STATEMENTS) {
    t = performance.now();
    await wh.transaction(() => wh.run(step.sql));
    steps.push({ table: step.table, seconds: (performance.now() - t) / 1000 });
  }
  await wh.run(`INSERT INTO warehouse_meta VALUES ('derived_at', $at)`, { at: jakartaNow() });
  return { customers, allocations, steps, seconds: (performance.now() - started) / 1000 };
}
