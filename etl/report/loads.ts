/** What was loaded and what was rejected, file by file: the audit trail behind every figure. */
import type { Warehouse } from '../warehouse/duckdb';

export interface RejectRow {
  file_name: string;
  line: number;
  reason: string;
  raw: string;
}

export async function rejects(wh: Warehouse, file?: string): Promise<RejectRow[]> {
  return wh.query<RejectRow>(
    `SELECT file_name, line, reason, raw FROM rejects
      WHERE $file IS NULL OR file_name = $file ORDER BY file_id, line`,
    { file: file ?? null },
  );
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
