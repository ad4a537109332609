/**
 * How one customer's payments and write-offs reduce their debts. Pure: the ETL feeds it one customer
 * at a time and stores what it returns; the tests feed it by hand. Days are day numbers (days since
 * 1970-01-01, Jakarta calendar), so comparisons are plain integer comparisons.
 *
 * Rules (etl/CONTRACT.md, "Allocation"):
 * - payments are taken in paid_at order, then payment_ref; on one day payments count before write-offs;
 * - a payment naming a period pays that bill up to its outstanding; the rest is customer credit;
 * - a payment naming no period pays the opening balance first (once it exists), then bills issued on
 *   or before the payment, oldest period first; the rest is credit;
 * - paying a bill that earlier payments already settled is a duplicate; paying a bill that does not
 *   exist (yet), or for a customer we do not know, is unmatched; neither is applied;
 * - refunded or cancelled channel rows are recorded but never applied.
 */

export type PaymentTarget = 'bill' | 'opening' | 'credit' | 'duplicate' | 'unmatched' | 'not_applied';
export type WriteOffTarget = 'bill' | 'opening' | 'excess';

export interface LedgerBill {
  billId: number;
  period: string;
  issuedOn: number;
  dueOn: number;
  total: number;
}

export interface LedgerOpening {
  asOf: number;
  amount: number;
}

export interface LedgerPayment {
  paymentId: number;
  ref: string;
  period: string | null;
  /** Jakarta wall clock `YYYY-MM-DD HH:MM:SS`: sorts as text */
  paidAt: string;
  paidOn: number;
  amount: number;
  completed: boolean;
}

export interface LedgerWriteOff {
  writeOffId: number;
  period: string | null;
  writtenOffOn: number;
  amount: number;
}

export interface CustomerLedger {
  /** false when the customer is not in the customer register: their payments stay unmatched */
  known: boolean;
  bills: readonly LedgerBill[];
  opening: LedgerOpening | null;
  payments: readonly LedgerPayment[];
  writeOffs: readonly LedgerWriteOff[];
}

export interface PaymentAllocation {
  paymentId: number;
  target: PaymentTarget;
  billId: number | null;
  amount: number;
  /** applied to a debt already in arrears (a bill past its due date, or the opening balance) */
  overdue: boolean;
}

export interface WriteOffAllocation {
  writeOffId: number;
  target: WriteOffTarget;
  billId: number | null;
  amount: number;
  overdue: boolean;
}

export interface CustomerAllocation {
  payments: PaymentAllocation[];
  writeOffs: WriteOffAllocation[];
}

export function comparePayments(a: LedgerPayment, b: LedgerPayment): number {
  if (a.paidAt !== b.paidAt) return a.paidAt < b.paidAt ? -1 : 1;
  if (a.ref !== b.ref) return a.ref < b.ref ? -1 : 1;
  return a.paymentId - b.paymentId;
}

export function allocateCustomer(ledger: CustomerLedger): CustomerAllocation {
  const bills = [...ledger.bills].sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
  const billByPeriod = new Map(bills.map((b) => [b.period, b]));
  const outstanding = new Map(bills.map((b) => [b.billId, b.total]));
  const settledByPayment = new Set<number>();
  let openingOutstanding = ledger.opening?.amount ?? 0;

  const payments = [...ledger.payments].sort(comparePayments);
  const writeOffs = [...ledger.writeOffs].sort((a, b) => a.writtenOffOn - b.writtenOffOn || a.writeOffId - b.writeOffId);
  const result: CustomerAllocation = { payments: [], writeOffs: [] };

  const openingAvailableOn = (day: number) => ledger.opening !== null && ledger.opening.asOf <= day;

  function applyWriteOff(w: LedgerWriteOff): void {
    let applied = 0;
    let billId: number | null = null;
    let overdue = true;
    if (w.period === null) {
      if (openingAvailableOn(w.writtenOffOn)) {
        applied = Math.min(w.amount, openingOutstanding);
        openingOutstanding -= applied;
      }
    } else {
      const bill = billByPeriod.get(w.period);
      if (bill) {
        billId = bill.billId;
        overdue = w.writtenOffOn > bill.dueOn;
        applied = Math.min(w.amount, outstanding.get(bill.billId)!);
        outstanding.set(bill.billId, outstanding.get(bill.billId)! - applied);
      }
    }
    if (applied > 0) {
      result.writeOffs.push({ writeOffId: w.writeOffId, target: w.period === null ? 'opening' : 'bill', billId, amount: applied, overdue });
    }
    if (applied < w.amount) {
      result.writeOffs.push({ writeOffId: w.writeOffId, target: 'excess', billId, amount: w.amount - applied, overdue: false });
    }
  }

  function applyPayment(p: LedgerPayment): void {
    const out = result.payments;
    const rest = (target: PaymentTarget, amount: number) => {
      if (amount > 0) out.push({ paymentId: p.paymentId, target, billId: null, amount, overdue: false });
    };
    if (!p.completed) return rest('not_applied', p.amount);
    if (!ledger.known) return rest('unmatched', p.amount);

    let remaining = p.amount;
    const payBill = (bill: LedgerBill) => {
      const applied = Math.min(remaining, outstanding.get(bill.billId)!);
      if (applied <= 0) return;
      outstanding.set(bill.billId, outstanding.get(bill.billId)! - applied);
      remaining -= applied;
      out.push({ paymentId: p.paymentId, target: 'bill', billId: bill.billId, amount: applied, overdue: p.paidOn > bill.dueOn });
      if (outstanding.get(bill.billId) === 0) settledByPayment.add(bill.billId);
    };

    if (p.period !== null) {
      const bill = billByPeriod.get(p.period);
      if (!bill) return rest('unmatched', p.amount);
      if (outstanding.get(bill.billId) === 0 && settledByPayment.has(bill.billId)) return rest('duplicate', p.amount);
      payBill(bill);
      return rest('credit', remaining);
    }

    if (openingOutstanding > 0 && openingAvailableOn(p.paidOn) && remaining > 0) {
      const applied = Math.min(remaining, openingOutstanding);
      openingOutstanding -= applied;
      remaining -= applied;
      out.push({ paymentId: p.paymentId, target: 'opening', billId: null, amount: applied, overdue: true });
    }
    for (const bill of bills) {
      if (remaining === 0) break;
      if (bill.issuedOn <= p.paidOn) payBill(bill);
    }
    rest('credit', remaining);
  }

  let w = 0;
  for (const p of payments) {
    // Write-offs of earlier days take effect before this payment; those of its own day after it.
    while (w < writeOffs.length && writeOffs[w].writtenOffOn < p.paidOn) applyWriteOff(writeOffs[w++]);
    applyPayment(p);
  }
  while (w < writeOffs.length) applyWriteOff(writeOffs[w++]);
  return result;
}
