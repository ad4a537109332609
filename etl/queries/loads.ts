/** What was loaded and what was rejected, file by file: the audit trail behind every figure. */
import type { Warehouse } from '../warehouse/duckdb';
import type { Scope } from './scope';

export interface RejectRow {
  file_name: string;
  line: number;
  reason: string;
  /** the line as it was in the file; null when the scope may not see personal data (it can hold names, addresses, phones) */
  raw: string | null;
}

/**
 * The rejected rows (of one file, or all), in file and line order; a page of them with offset/limit
 * (no limit: all of them). The raw text only leaves the warehouse for a scope with personal data.
 */
export async function rejects(
  wh: Warehouse,
  { file = null, scope, offset = 0, limit = null }: { file?: string | null; scope: Scope; offset?: number; limit?: number | null },
): Promise<RejectRow[]> {
  return wh.query<RejectRow>(
    `SELECT file_name, line, reason, CASE WHEN $personal THEN raw END AS raw FROM rejects
      WHERE $file IS NULL OR file_name = $file ORDER BY file_id, line
      LIMIT CAST($limit AS BIGINT) OFFSET $offset`,
    { file, personal: scope.personalData, offset, limit },
  );
}

/** How many rows were rejected (of one file, or all). */
export async function rejectsCount(wh: Warehouse, { file = null }: { file?: string | null }): Promise<number> {
  return (await wh.one<{ count: number }>(`SELECT count(*)::BIGINT AS count FROM rejects WHERE $file IS NULL OR file_name = $file`, { file }))
    .count;
}

/** Names of the files that have rejected rows. */
export async function filesWithRejects(wh: Warehouse): Promise<string[]> {
  return (await wh.query<{ file_name: string }>(`SELECT DISTINCT file_name FROM rejects ORDER BY file_name`)).map((r) => r.file_name);
}

export interface LoadedFileRow {
  file_id: number;
  file_name: string;
  kind: string;
  format: string;
  loaded_at: string;
  rows_read: number;
  rows_loaded: number;
  rows_rejected: number;
  rows_replaced: number;
  amount_loaded: number;
  sha256: string;
}

export async function loadedFiles(wh: Warehouse): Promise<LoadedFileRow[]> {
  return wh.query<LoadedFileRow>(
    `SELECT file_id, file_name, kind, format, strftime(loaded_at, '%Y-%m-%d %H:%M:%S') AS loaded_at,
            rows_read, rows_loaded, rows_rejected, rows_replaced, amount_loaded, sha256
       FROM load_files ORDER BY file_id`,
  );
}

export interface UnappliedRow {
  target: string;
  /** rows: payments, or write-offs for write_off_excess */
  payments: number;
  amount: number;
}

/**
 * Money received but not applied to a debt (credit, duplicates, unmatched, refunded/cancelled), and
 * write-offs that found less to write off than they named because payments loaded later came first.
 */
export async function unappliedPayments(wh: Warehouse): Promise<UnappliedRow[]> {
  return wh.query<UnappliedRow>(
    `SELECT target, count(DISTINCT payment_id)::BIGINT AS payments, sum(amount)::BIGINT AS amount
       FROM payment_allocations WHERE target NOT IN ('bill', 'opening') GROUP BY target
     UNION ALL
     SELECT 'write_off_excess', count(DISTINCT write_off_id)::BIGINT, sum(amount)::BIGINT
       FROM write_off_allocations WHERE target = 'excess' HAVING count(*) > 0
     ORDER BY target`,
  );
}
