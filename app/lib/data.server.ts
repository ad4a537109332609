/**
 * The Data page's queries: the load history and the rejected rows, a page at a time. The raw text
 * of a rejected line can hold a customer's name, address and phone: it is only selected for users who
 * may see personal data (roles.ts), so it never leaves the warehouse for the others.
 */
import { loadedFiles, type LoadedFileRow } from '../../etl/report/loads';
import type { Warehouse } from '../../etl/warehouse/duckdb';

export type { LoadedFileRow };

export interface RejectPageRow {
  file_name: string;
  line: number;
  reason: string;
  /** null when the user may not see personal data */
  raw: string | null;
}

export interface RejectsPage {
  count: number;
  offset: number;
  limit: number;
  file: string | null;
  personal_data_hidden: boolean;
  rows: RejectPageRow[];
}

/** Every loaded file, oldest first (etl/report/loads.ts, the same list `npm run report -- files` prints). */
export function loadHistory(wh: Warehouse): Promise<LoadedFileRow[]> {
  return loadedFiles(wh);
}

/** The rejected rows in the order `npm run report -- rejects` prints them, one page of them. */
export async function rejectsPage(
  wh: Warehouse,
  options: { file: string | null; offset: number; limit: number; personalData: boolean },
): Promise<RejectsPage> {
  const { file, offset, limit, personalData } = options;
  const params = { file, offset, limit, personal: personalData };
  const { count } = await wh.one<{ count: number }>(
    `SELECT count(*)::BIGINT AS count FROM rejects WHERE $file IS NULL OR file_name = $file`,
    { file },
  );
  const rows = await wh.query<RejectPageRow>(
    `SELECT file_name, line, reason, CASE WHEN $personal THEN raw END AS raw
       FROM rejects WHERE $file IS NULL OR file_name = $file
      ORDER BY file_id, line LIMIT $limit OFFSET $offset`,
    params,
  );
  return { count, offset, limit, file, personal_data_hidden: !personalData, rows };
}

/** Names of the files that have rejected rows, for the filter. */
export async function filesWithRejects(wh: Warehouse): Promise<string[]> {
  return (await wh.query<{ file_name: string }>(`SELECT DISTINCT file_name FROM rejects ORDER BY file_name`)).map((r) => r.file_name);
}

/** A non-negative whole number from a query parameter, within bounds. */
export function intParam(value: string | null, fallback: number, max: number): number {
  const n = Number(value);
  if (value === null || value === '' || !Number.isInteger(n) || n < 0) return fallback;
  return Math.min(n, max);
}
