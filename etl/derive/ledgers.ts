/**
 * Streams every customer's ledger (bills, opening balance, payments, write-offs) out of the warehouse,
 * one customer at a time, in ordered scans of a bounded number of customers, so allocating a million
 * customers takes the memory of one batch.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { CustomerLedger, LedgerBill, LedgerPayment, LedgerWriteOff } from '../domain/allocation';
import { periodIndexSql } from '../domain/period';

/** Tables (or subqueries) the ledger is read from; the write-off check swaps in staged rows. */
export interface LedgerSources {
  writeOffs: string;
  /** restricts the customers read: a condition on customer_id, e.g. `customer_id IN (SELECT …)` */
  customerFilter?: string;
}

const EPOCH = `DATE '1970-01-01'`;
const day = (column: string) => `datediff('day', ${EPOCH}, ${column})::INTEGER`;
const periodIdx = periodIndexSql;

/** Customers per ordered scan: bounds the sort DuckDB must do at once, so memory stays flat at any scale. */
export const CUSTOMERS_PER_BATCH = 200_000;

/** Every customer with a ledger, numbered in customer_id order (ckey), and whether we know them. */
function ledgerKeysSql(sources: LedgerSources): string {
  const only = sources.customerFilter ? `WHERE ${sources.customerFilter}` : '';
  return `CREATE OR REPLACE TEMP TABLE ledger_keys AS
    SELECT customer_id, row_number() OVER (ORDER BY customer_id)::INTEGER AS ckey,
           customer_id IN (SELECT customer_id FROM customers) AS known
      FROM (SELECT customer_id FROM bills ${only} UNION SELECT customer_id FROM opening_balances ${only}
            UNION SELECT customer_id FROM payments ${only} UNION SELECT customer_id FROM ${sources.writeOffs} w ${only})`;
}

/**
 * One row per ledger event of the customers with ckey in [$from, $to], ordered by customer, then by
 * kind and time; a customer's payments come in paid_at then payment_ref order, so their arrival index
 * is their place in payment_ref order. Everything the allocation compares travels as a number (days,
 * month indexes, seconds): decoding strings is what costs most when streaming millions of rows into
 * JavaScript. Amounts and ids travel as DOUBLE, which is exactly how JavaScript holds numbers: whole
 * rupiah are exact to 2^53.
 */
export function ledgerEventsSql(sources: LedgerSources): string {
  const only = sources.customerFilter ? `WHERE ${sources.customerFilter}` : '';
  return `
    WITH events AS (
      SELECT customer_id, 0 AS ev, bill_id AS id, ${periodIdx('period')} AS period, ${day('issued_on')} AS d1,
             ${day('due_on')} AS d2, NULL::VARCHAR AS ref, total_amount AS amount, true AS completed
        FROM bills ${only}
      UNION ALL
      SELECT customer_id, 1, 0, NULL, ${day('as_of')}, NULL, NULL, amount, true
        FROM opening_balances ${only}
      UNION ALL
      SELECT customer_id, 2, payment_id, ${periodIdx('period')}, ${day('paid_on')},
             datediff('second', TIMESTAMP '1970-01-01', paid_at)::INTEGER - ${day('paid_on')} * 86400, payment_ref,
             amount, status = 'completed'
        FROM payments ${only}
      UNION ALL
      SELECT customer_id, 3, write_off_id, ${periodIdx('period')}, ${day('written_off_on')}, NULL, NULL, amount, true
        FROM ${sources.writeOffs} w ${only}
    )
    SELECT k.ckey, k.known, e.ev, e.id::DOUBLE AS id, e.period::INTEGER AS period, e.d1, e.d2::INTEGER AS d2,
           e.amount::DOUBLE AS amount, e.completed
      FROM events e JOIN ledger_keys k USING (customer_id)
     WHERE k.ckey BETWEEN $from AND $to
     ORDER BY k.ckey, e.ev, e.d1, e.d2, e.ref`;
}

/**
 * Calls onLedger for each customer in turn, in batches of customers, each batch one ordered scan;
 * awaits onLedger so the consumer can apply backpressure. Returns the number of customers.
 */
export async function forEachLedger(
  connection: DuckDBConnection,
  sources: LedgerSources,
  onLedger: (ledger: CustomerLedger) => void | Promise<void>,
): Promise<number> {
  await connection.run(ledgerKeysSql(sources));
  const total = Number((await connection.runAndReadAll('SELECT count(*) FROM ledger_keys')).getRows()[0][0]);
  const sql = ledgerEventsSql(sources);
  for (let from = 1; from <= total; from += CUSTOMERS_PER_BATCH) {
    await streamBatch(connection, sql, from, from + CUSTOMERS_PER_BATCH - 1, onLedger);
  }
  await connection.run('DROP TABLE ledger_keys');
  return total;
}

async function streamBatch(
  connection: DuckDBConnection,
  sql: string,
  from: number,
  to: number,
  onLedger: (ledger: CustomerLedger) => void | Promise<void>,
): Promise<void> {
  const result = await connection.stream(sql, { from, to });
  let current: CustomerLedger | null = null;
  let currentKey = -1;
  let bills: LedgerBill[] = [];
  let payments: LedgerPayment[] = [];
  let writeOffs: LedgerWriteOff[] = [];

  const flush = async () => {
    if (current === null) return;
    current.bills = bills;
    current.payments = payments;
    current.writeOffs = writeOffs;
    await onLedger(current);
  };

  for (let chunk = await result.fetchChunk(); chunk !== null && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
    const column = <T>(i: number) => chunk!.getColumnValues(i) as T[];
    const ckey = column<number>(0);
    const known = column<boolean>(1);
    const ev = column<number>(2);
    const id = column<number>(3);
    const period = column<number | null>(4);
    const d1 = column<number>(5);
    const d2 = column<number | null>(6);
    const amount = column<number>(7);
    const completed = column<boolean>(8);
    for (let i = 0; i < ckey.length; i++) {
      if (current === null || currentKey !== ckey[i]) {
        await flush();
        currentKey = ckey[i];
        current = { known: known[i], bills: [], opening: null, payments: [], writeOffs: [] };
        bills = [];
        payments = [];
        writeOffs = [];
      }
      switch (ev[i]) {
        case 0:
          bills.push({ billId: id[i], period: period[i]!, issuedOn: d1[i], dueOn: d2[i]!, total: amount[i] });
          break;
        case 1:
          current.opening = { asOf: d1[i], amount: amount[i] };
          break;
        case 2:
          payments.push({
            paymentId: id[i], refOrder: payments.length, period: period[i], paidAt: d1[i] * 86400 + d2[i]!, paidOn: d1[i],
            amount: amount[i], completed: completed[i],
          });
          break;
        default:
          writeOffs.push({ writeOffId: id[i], period: period[i], writtenOffOn: d1[i], amount: amount[i] });
      }
    }
  }
  await flush();
}
