/** Rebuilds every derived table in one transaction: readers see the old figures or the new, never a mix. */
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
  return wh.transaction(async () => {
    const steps: { table: string; seconds: number }[] = [];
    let t = performance.now();
    const { customers, allocations } = await allocateAll(wh);
    steps.push({ table: 'allocation', seconds: (performance.now() - t) / 1000 });
    for (const step of DERIVED_STATEMENTS) {
      t = performance.now();
      await wh.run(step.sql);
      steps.push({ table: step.table, seconds: (performance.now() - t) / 1000 });
    }
    await wh.run(`DELETE FROM warehouse_meta WHERE key = 'derived_at'`);
    await wh.run(`INSERT INTO warehouse_meta VALUES ('derived_at', $at)`, { at: jakartaNow() });
    return { customers, allocations, steps, seconds: (performance.now() - started) / 1000 };
  });
}
