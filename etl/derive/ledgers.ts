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

export function ledgerEventsSql(sources: LedgerSources): string {
  const where = sources.customerFilter ? `WHERE ${sources.customerFilter}` : '';
  return `
    WITH events AS (
      SELECT customer_id, 0 AS ev, bill_id AS id, period, ${day('issued_on')} AS d1, ${day('due_on')} AS d2,
             NULL::VARCHAR AS ts, NULL::VARCHAR AS ref, total_amount AS amount, true AS completed
        FROM bills
      UNION ALL
      SELECT customer_id, 1, 0, oldest_period, ${day('as_of')}, NULL, NULL, NULL, amount, true
        FROM opening_balances
      UNION ALL
      SELECT customer_id, 2, payment_id, period, ${day('paid_on')}, NULL, strftime(paid_at, '%Y-%m-%d %H:%M:%S'),
             payment_ref, amount, status = 'completed'
        FROM payments
      UNION ALL
      SELECT customer_id, 3, write_off_id, period, ${day('written_off_on')}, NULL, NULL, NULL, amount, true
        FROM ${sources.writeOffs}
    )
    SELECT e.customer_id, e.ev, e.id, e.period, e.d1, e.d2, e.ts, e.ref, e.amount, e.completed,
           e.customer_id IN (SELECT customer_id FROM customers) AS known
      FROM events e ${where}
     ORDER BY e.customer_id`;
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
    const [cust, ev, id, period, d1, d2, ts, ref, amount, completed, known] = chunk.getColumns() as [
      string[], number[], bigint[], (string | null)[], number[], (number | null)[], (string | null)[], (string | null)[],
      bigint[], boolean[], boolean[],
    ];
    for (let i = 0; i < cust.length; i++) {
      if (current === null || current.customerId !== cust[i]) {
        await flush();
        current = { customerId: cust[i], known: known[i], bills: [], opening: null, payments: [], writeOffs: [] };
        bills = [];
        payments = [];
        writeOffs = [];
      }
      const value = Number(amount[i]);
      switch (ev[i]) {
        case 0:
          bills.push({ billId: Number(id[i]), period: period[i]!, issuedOn: d1[i], dueOn: d2[i]!, total: value });
          break;
        case 1:
          current.opening = { asOf: d1[i], amount: value };
          break;
        case 2:
          payments.push({
            paymentId: Number(id[i]), ref: ref[i]!, period: period[i], paidAt: ts[i]!, paidOn: d1[i], amount: value,
            completed: completed[i],
          });
          break;
        default:
          writeOffs.push({ writeOffId: Number(id[i]), period: period[i], writtenOffOn: d1[i], amount: value });
      }
    }
  }
  await flush();
  return customers;
}
