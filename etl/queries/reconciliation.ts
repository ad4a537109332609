/**
 * Reconciliation of a month (CONTRACT §4, Channels): per channel, received = applied + credit +
 * duplicate + unmatched (refunded and cancelled rows apart), the payments that did not apply cleanly
 * with their source file, line and reason, and the collectors' cash recorded at visits against their
 * deposits through the collector channel (matchCash).
 */
import { CASH_MATCH_DAYS, matchCash, type CashDeposit, type CashVisit } from '../domain/channel-rules';
import type { Warehouse } from '../warehouse/duckdb';
import type { Scope } from './scope';

export interface ReconciliationRow {
  channel_code: string;
  received: number;
  applied: number;
  credit: number;
  duplicate: number;
  unmatched: number;
  refunded: number;
}

export type ExceptionKind = 'unmatched' | 'duplicate' | 'credit' | 'refunded' | 'cancelled';

export interface ReconciliationException {
  kind: ExceptionKind;
  channel_code: string;
  payment_ref: string;
  /** null without the right to personal data */
  customer_id: string | null;
  period: string | null;
  paid_on: string;
  amount: number;
  file_name: string;
  line: number;
  /** in words (English; the page words it from `kind` and `other_channels`) */
  reason: string;
  /** for a duplicate: the channels whose payments had settled the bill */
  other_channels: string | null;
}

export interface CashDifference {
  collector_id: string;
  collector_name: string;
  day: string;
  visits: number;
  recorded: number;
  deposited: number;
  difference: number;
}

/** A file the loader refused as a whole (a settlement whose trailer disagreed, an unknown format): nothing of it loaded. */
export interface RefusedFile {
  file_name: string;
  /** the settlement format it was read as (`bank-h2h` …), '' when no format matched */
  format: string;
  refused_at: string;
  reason: string;
}

export interface Reconciliation {
  month: string;
  rows: ReconciliationRow[];
  exceptions: ReconciliationException[];
  cash: CashDifference[];
  /** every refused file, newest first: whatever its month, its money never arrived in the warehouse */
  refused_files: RefusedFile[];
}

const REASONS: Record<ExceptionKind, string> = {
  unmatched: 'no known bill: the customer or the period is not in the bills (unmatched)',
  duplicate: 'the bill was already paid (duplicate)',
  credit: 'more than was owed: the rest is left as customer credit',
  refunded: 'refunded by the channel: recorded, never applied',
  cancelled: 'cancelled at the channel: recorded, never applied',
};

/** The figures per channel, from reconciliation_monthly. Aggregates: any role. */
export async function reconciliationRows(wh: Warehouse, { month }: { month: string }): Promise<ReconciliationRow[]> {
  return wh.query<ReconciliationRow>(
    `SELECT channel_code, received, applied, credit, duplicate, unmatched, refunded
       FROM reconciliation_monthly WHERE month = $month ORDER BY channel_code`,
    { month },
  );
}

/** The month's figures, exceptions and cash differences; customer ids only for a scope with personal data. */
export async function reconciliation(wh: Warehouse, { month, scope }: { month: string; scope: Scope }): Promise<Reconciliation> {
  const [rows, raw, cash, refused_files] = await Promise.all([
    reconciliationRows(wh, { month }),
    reconciliationExceptions(wh, month),
    cashDifferences(wh, month),
    refusedFiles(wh),
  ]);
  const exceptions = scope.personalData ? raw : raw.map((e) => ({ ...e, customer_id: null }));
  return { month, rows, exceptions, cash, refused_files };
}

/** The refused files, newest first (none in a warehouse built before refusals were kept). */
export async function refusedFiles(wh: Warehouse): Promise<RefusedFile[]> {
  const { present } = await wh.one<{ present: boolean }>(`SELECT count(*) > 0 AS present FROM duckdb_tables() WHERE table_name = 'refused_files'`);
  if (!present) return [];
  return wh.query<RefusedFile>(
    `SELECT file_name, format, strftime(refused_at, '%Y-%m-%d %H:%M:%S') AS refused_at, reason
       FROM refused_files ORDER BY refused_at DESC, file_name`,
  );
}

async function reconciliationExceptions(wh: Warehouse, month: string): Promise<ReconciliationException[]> {
  const rows = await wh.query<Omit<ReconciliationException, 'reason'>>(
    `SELECT kind, channel_code, payment_ref, customer_id, period, paid_on::VARCHAR AS paid_on, amount::BIGINT AS amount, file_name, line, other_channels
       FROM reconciliation_exceptions WHERE month = $month
      ORDER BY channel_code, paid_on, payment_ref, kind`,
    { month },
  );
  return rows.map((r) => ({ ...r, reason: r.kind === 'duplicate' && r.other_channels ? `${REASONS.duplicate} by ${r.other_channels}` : REASONS[r.kind] }));
}

/** Visits of the month with cash recorded, against collector-channel deposits up to CASH_MATCH_DAYS later. */
async function cashDifferences(wh: Warehouse, month: string): Promise<CashDifference[]> {
  const [visits, deposits, names] = await Promise.all([
    wh.query<CashVisit>(
      `SELECT visit_id, collector_id, customer_id, day::VARCHAR AS day, amount_collected AS amount
         FROM visit_results WHERE month = $month AND amount_collected > 0`,
      { month },
    ),
    wh.query<CashDeposit>(
      `SELECT payment_id, customer_id, paid_on::VARCHAR AS day, amount
         FROM collector_deposits
        WHERE paid_on BETWEEN strptime($month || '-01', '%Y-%m-%d')::DATE
                          AND last_day(strptime($month || '-01', '%Y-%m-%d')::DATE) + ${CASH_MATCH_DAYS}`,
      { month },
    ),
    wh.query<{ collector_id: string; collector_name: string }>(`SELECT DISTINCT collector_id, collector_name FROM teams`),
  ]);
  const nameOf = new Map(names.map((n) => [n.collector_id, n.collector_name]));
  const byDay = new Map<string, CashDifference>();
  for (const m of matchCash(visits, deposits)) {
    const key = `${m.visit.collector_id}|${m.visit.day}`;
    const d = byDay.get(key) ?? { collector_id: m.visit.collector_id, collector_name: nameOf.get(m.visit.collector_id) ?? '', day: m.visit.day, visits: 0, recorded: 0, deposited: 0, difference: 0 };
    d.visits += 1;
    d.recorded += m.visit.amount;
    d.deposited += m.deposited;
    d.difference += m.difference;
    byDay.set(key, d);
  }
  return [...byDay.values()].filter((d) => d.difference !== 0).sort((a, b) => a.day.localeCompare(b.day) || a.collector_id.localeCompare(b.collector_id));
}
