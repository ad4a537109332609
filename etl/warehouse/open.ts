/** Opens the configured warehouse for loading: schema ensured, memory bounded. */
import { config } from '../config';
import { Warehouse } from './duckdb';
import { ensureSchema } from './schema';

export async function openWarehouseForLoad(path = config.warehouse): Promise<Warehouse> {
  const wh = await Warehouse.open(path);
  await wh.run(`SET memory_limit = '${config.memoryLimit.replace(/'/g, '')}'`);
  await wh.run(`SET preserve_insertion_order = false`);
  await ensureSchema(wh);
  return wh;
}
