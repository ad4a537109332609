/** The months the warehouse holds figures for (the derived `months`, as arrears_movement has them). */
import type { Warehouse } from '../warehouse/duckdb';

export interface WarehouseMonth {
  /** YYYY-MM */
  month: string;
  /** YYYY-MM-DD */
  month_end: string;
}

/** Oldest first. */
export function warehouseMonths(wh: Warehouse): Promise<WarehouseMonth[]> {
  return wh.query<WarehouseMonth>(`SELECT month, strftime(month_end, '%Y-%m-%d') AS month_end FROM arrears_movement ORDER BY month`);
}
