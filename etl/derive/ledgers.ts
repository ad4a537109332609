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
  /** restricts the customers read: a condition on customer_id, e.g. `customer_id IN (SELECT …)` */
  customerFilter?: string;
}

const EPOCH = `DATE '1970-01-01'`;
const day = (column: string) => `datediff('day', ${EPOCH}, ${column})::INTEGER`;
const periodIdx = (p: string) => `(CAST(left(${p}, 4) AS INTEGER) * 12 + CAST(right(${p}, 2) AS INTEGER) - 1)`;

/**
 * One row per ledger event, ordered by customer (a small integer key, so JavaScript decodes a
 * customer's id once, not once per event), then by kind and time; a customer's payments come in
 * paid_at then payment_ref order, so their arrival index is their place in payment_ref order.
 * Everything the allocation compares travels as a number (days, month indexes, seconds). Amounts and
 * ids travel as DOUBLE, which is exactly how JavaScript holds numbers: whole rupiah are exact to 2^53.
 * A plain ORDER BY (no window over the events) lets DuckDB spill to disk at a million customers.
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
    ),
    keys AS (
      SELECT customer_id, row_number() OVER (ORDER BY customer_id)::INTEGER AS ckey,
             customer_id IN (SELECT customer_id FROM customers) AS known
        FROM (SELECT customer_id FROM bills ${only} UNION SELECT customer_id FROM opening_balances ${only}
              UNION SELECT customer_id FROM payments ${only} UNION SELECT customer_id FROM ${sources.writeOffs} w ${only})
    )
    SELECT k.ckey, k.customer_id, e.ev, e.id::DOUBLE AS id, e.period::INTEGER AS period, e.d1, e.d2::INTEGER AS d2,
           e.amount::DOUBLE AS amount, e.completed, k.known
      FROM events e JOIN keys k USING (customer_id)
     ORDER BY k.ckey, e.ev, e.d1, e.d2, e.ref`;
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
    const amount = column<number>(7);
    const completed = column<boolean>(8);
    for (let i = 0; i < ckey.length; i++) {
      if (current === null || currentKey !== ckey[i]) {
        await flush();
        // Strings are decoded once per customer, not once per event.
        currentKey = ckey[i];
        current = {
          customerId: chunk.getColumnVector(1).getItem(i) as string, known: chunk.getColumnVector(9).getItem(i) as boolean,
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
  return customers;
}
