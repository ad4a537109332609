/**
 * Streams every customer's ledger (bills, opening balance, payments, write-offs) out of the warehouse,
 * one customer at a time, in a single ordered scan, so allocating a million customers needs the
 * memory of one.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { CustomerLedger, LedgerBill, LedgerPayment, LedgerWriteOff } from '../../app/domain/allocation';

/** Tables (or subqueries) the ledger is read from; the write-off check swaps in staged rows. */
export interface LedgerSources {
  writeOffs: string;
  /** restricts the customers read, e.g. `customer_id IN (SELECT customer_id FROM stage)` */
  customerFilter?: string;
}

const EPOCH = `DATE '1970-01-01'`;
const day = (column: string) => `datediff('day', ${EPOCH}, ${column})::INTEGER`;
const periodIdx = (p: string) => `(CAST(left(${p}, 4) AS INTEGER) * 12 + CAST(right(${p}, 2) AS INTEGER) - 1)`;

/**
 * One row per ledger event, ordered by customer. Everything the allocation compares travels as a
 * number (days, month indexes, seconds): decoding strings is what costs most when streaming millions
 * of rows into JavaScript. Amounts and ids travel as DOUBLE, which is exactly how JavaScript holds
 * numbers: whole rupiah are exact up to 2^53.
 */
export function ledgerEventsSql(sources: LedgerSources): string {
  const where = sources.customerFilter ? `WHERE ${sources.customerFilter}` : '';
  return `
    WITH events AS (
      SELECT customer_id, 0 AS ev, bill_id AS id, ${periodIdx('period')} AS period, ${day('issued_on')} AS d1,
             ${day('due_on')} AS d2, NULL::BIGINT AS ref_order, total_amount AS amount, true AS completed
        FROM bills
      UNION ALL
      SELECT customer_id, 1, 0, NULL, ${day('as_of')}, NULL, NULL, amount, true
        FROM opening_balances
      UNION ALL
      SELECT customer_id, 2, payment_id, ${periodIdx('period')}, ${day('paid_on')},
             datediff('second', TIMESTAMP '1970-01-01', paid_at)::INTEGER - ${day('paid_on')} * 86400,
             dense_rank() OVER (ORDER BY payment_ref), amount, status = 'completed'
        FROM payments
      UNION ALL
      SELECT customer_id, 3, write_off_id, ${periodIdx('period')}, ${day('written_off_on')}, NULL, NULL, amount, true
        FROM ${sources.writeOffs}
    )
    SELECT dense_rank() OVER (ORDER BY e.customer_id)::INTEGER AS ckey, e.customer_id, e.ev, e.id::DOUBLE AS id,
           e.period::INTEGER AS period, e.d1, e.d2::INTEGER AS d2, e.ref_order::INTEGER AS ref_order, e.amount::DOUBLE AS amount, e.completed,
           e.customer_id IN (SELECT customer_id FROM customers) AS known
      FROM events e ${where}
     ORDER BY ckey`;
}

export interface CustomerLedgerRow extends CustomerLedger {
  customerId: string;
}

/** Calls onLedger for each customer in turn; awaits it so the consumer can apply backpressure. */
export async function forEachLedger(
  connection: DuckDBConnection,
  sources: LedgerSources,
  onLedger: (ledger: CustomerLedgerRow) => void | Promise<void>,
): Promise<number> {
  const result = await connection.stream(ledgerEventsSql(sources));
  let current: CustomerLedgerRow | null = null;
  let currentKey = -1;
  let customers = 0;
  let bills: LedgerBill[] = [];
  let payments: LedgerPayment[] = [];
  let writeOffs: LedgerWriteOff[] = [];

  const flush = async () => {
    if (current === null) return;
    current.bills = bills;
    current.payments = payments;
    current.writeOffs = writeOffs;
    customers++;
    await onLedger(current);
  };

  for (let chunk = await result.fetchChunk(); chunk !== null && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
    const column = <T>(i: number) => chunk!.getColumnValues(i) as T[];
    const ckey = column<number>(0);
    const ev = column<number>(2);
    const id = column<number>(3);
    const period = column<number | null>(4);
    const d1 = column<number>(5);
    const d2 = column<number | null>(6);
    const refOrder = column<number | null>(7);
    const amount = column<number>(8);
    const completed = column<boolean>(9);
    for (let i = 0; i < ckey.length; i++) {
      if (current === null || currentKey !== ckey[i]) {
        await flush();
        // Strings are decoded once per customer, not once per event.
        currentKey = ckey[i];
        current = {
          customerId: chunk.getColumnVector(1).getItem(i) as string, known: chunk.getColumnVector(10).getItem(i) as boolean,
          bills: [], opening: null, payments: [], writeOffs: [],
        };
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
            paymentId: id[i], refOrder: refOrder[i]!, period: period[i], paidAt: d1[i] * 86400 + d2[i]!, paidOn: d1[i],
            amount: amount[i], completed: completed[i],
          });
          break;
        default:
          writeOffs.push({ writeOffId: id[i], period: period[i], writtenOffOn: d1[i], amount: amount[i] });
      }
    }
  }
  await flush();
  return customers;
}
