/** Settings from the environment, read once, with the defaults the README documents. */
import { resolve } from 'node:path';

export const config = {
  /** the DuckDB warehouse file */
  warehouse: resolve(process.env.KABA_WAREHOUSE ?? 'data/warehouse.duckdb'),
  /** DuckDB's memory limit for loads; beyond it DuckDB spills to disk instead of growing */
  memoryLimit: process.env.KABA_MEMORY_LIMIT ?? '2GB',
};
