/**
 * npm run bench:derive -- --warehouse PATH [--memory 2GB] [--from TABLE]
 *
 * Rebuilds the derived tables of a loaded warehouse one statement at a time, each in its own
 * transaction, printing each step's time and DuckDB's memory at its end: which table costs what at a
 * million customers, and which one does not fit the memory limit. Changes the warehouse's derived
 * tables (as `npm run etl -- --rebuild` does); work on a copy.
 */
import { parseArgs } from 'node:util';
import { allocateAll } from '../../etl/derive/allocate';
import { DERIVED_STATEMENTS } from '../../etl/derive/derived-sql';
import { Warehouse } from '../../etl/warehouse/duckdb';
import { ensureSchema } from '../../etl/warehouse/schema';

const { values } = parseArgs({ options: { warehouse: { type: 'string' }, memory: { type: 'string', default: '2GB' }, from: { type: 'string' } } });
if (!values.warehouse) throw new Error('--warehouse PATH is required (a copy: its derived tables are rebuilt)');
const wh = await Warehouse.open(values.warehouse);
await wh.run(`SET memory_limit = '${values.memory.replace(/'/g, '')}'`);
await wh.run('SET preserve_insertion_order = false');
await ensureSchema(wh);

const memory = async () => (await wh.one<{ mb: number }>(`SELECT (sum(memory_usage_bytes) / 1048576)::BIGINT AS mb FROM duckdb_memory()`)).mb;
let started = values.from === undefined;
if (started) {
  const t = performance.now();
  await wh.transaction(() => allocateAll(wh));
  console.log(`${'allocation'.padEnd(30)} ${((performance.now() - t) / 1000).toFixed(1).padStart(7)} s  ${String(await memory()).padStart(6)} MB`);
}
for (const step of DERIVED_STATEMENTS) {
  started ||= step.table === values.from;
  if (!started) continue;
  const t = performance.now();
  try {
    await wh.transaction(() => wh.run(step.sql));
  } catch (error) {
    console.log(`${step.table.padEnd(30)} FAILED after ${((performance.now() - t) / 1000).toFixed(1)} s: ${(error as Error).message.split('\n')[0]}`);
    process.exit(1);
  }
  console.log(`${step.table.padEnd(30)} ${((performance.now() - t) / 1000).toFixed(1).padStart(7)} s  ${String(await memory()).padStart(6)} MB`);
}
wh.close();
