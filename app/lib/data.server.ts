/**
 * The Data page's queries: the load history and the rejected rows, a page at a time, from the named
 * queries in etl/queries/loads.ts. The raw text of a rejected line can hold a customer's name, address
 * and phone: the query only selects it for a scope with personal data (scope.server.ts).
 */
import { filesWithRejects, loadedFiles, rejects, rejectsCount, type LoadedFileRow, type RejectRow } from '../../etl/queries/loads';
import type { Scope } from '../../etl/queries/scope';
import type { Warehouse } from '../../etl/warehouse/duckdb';

export type { LoadedFileRow };
export type RejectPageRow = RejectRow;

export interface RejectsPage {
  count: number;
  offset: number;
  limit: number;
  file: string | null;
  personal_data_hidden: boolean;
  rows: RejectPageRow[];
}

/** Every loaded file, oldest first (the same list `npm run report -- files` prints). */
export function loadHistory(wh: Warehouse): Promise<LoadedFileRow[]> {
  return loadedFiles(wh);
}

/** The rejected rows in the order `npm run report -- rejects` prints them, one page of them. */
export async function rejectsPage(wh: Warehouse, options: { file: string | null; offset: number; limit: number; scope: Scope }): Promise<RejectsPage> {
  const { file, offset, limit, scope } = options;
  const count = await rejectsCount(wh, { file });
  const rows = await rejects(wh, { file, scope, offset, limit });
  return { count, offset, limit, file, personal_data_hidden: !scope.personalData, rows };
}

export { filesWithRejects };

/** A non-negative whole number from a query parameter, within bounds. */
export function intParam(value: string | null, fallback: number, max: number): number {
  const n = Number(value);
  if (value === null || value === '' || !Number.isInteger(n) || n < 0) return fallback;
  return Math.min(n, max);
}
