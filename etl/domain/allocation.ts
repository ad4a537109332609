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

export const PAYMENT_TARGETS = ['bill', 'opening', 'credit', 'duplicate', 'unmatched', 'not_applied'] as const;
export const WRITE_OFF_TARGETS = ['bill', 'opening', 'excess'] as const;
export type PaymentTarget = (typeof PAYMENT_TARGETS)[number];
export type WriteOffTarget = (typeof WRITE_OFF_TARGETS)[number];

export interface LedgerBill {
  billId: number;
  /** month index of the bill's period (see periodIndex) */
  period: number;
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
  /** the payment_ref's place in sort order (ties on paid_at are broken by payment_ref) */
  refOrder: number;
  /** month index of the period the payment names, or null */
  period: number | null;
  /** Jakarta wall-clock seconds since 1970-01-01 00:00 */
  paidAt: number;
  paidOn: number;
  amount: number;
  completed: boolean;
}

export interface LedgerWriteOff {
  writeOffId: number;
  period: number | null;
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
  if (a.paidAt !== b.paidAt) return a.paidAt - b.paidAt;
  if (a.refOrder !== b.refOrder) return a.refOrder - b.refOrder;
  return a.paymentId - b.paymentId;
}

export function allocateCustomer(ledger: CustomerLedger): CustomerAllocation {
  const bills = [...ledger.bills].sort((a, b) => a.period - b.period);
  // Outstanding and "settled by a payment" per bill, by position in period order.
  const outstanding = bills.map((b) => b.total);
  const settledByPayment = bills.map(() => false);
  const indexByPeriod = new Map<number, number>();
  for (const [i, b] of bills.entries()) indexByPeriod.set(b.period, i);
  let openingOutstanding = ledger.opening?.amount ?? 0;
  let firstOpen = 0;

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
      const i = indexByPeriod.get(w.period);
      if (i !== undefined) {
        billId = bills[i].billId;
        overdue = w.writtenOffOn > bills[i].dueOn;
        applied = Math.min(w.amount, outstanding[i]);
        outstanding[i] -= applied;
      }
    }
    if (applied > 0) {
      result.writeOffs.push({ writeOffId: w.writeOffId, target: w.period === null ? 'opening' : 'bill', billId, amount: applied, overdue });
    }
    if (applied < w.amount) {
      result.writeOffs.push({ writeOffId: w.writeOffId, target: 'excess', billId, amount: w.amount - applied, overdue: false });
    }
  }

  function unapplied(p: LedgerPayment, target: PaymentTarget, amount: number): void {
    if (amount > 0) result.payments.push({ paymentId: p.paymentId, target, billId: null, amount, overdue: false });
  }

  /** Pays bill i from the payment's remaining money; returns what is left. */
  function payBill(p: LedgerPayment, i: number, remaining: number): number {
    const applied = Math.min(remaining, outstanding[i]);
    if (applied <= 0) return remaining;
    outstanding[i] -= applied;
    if (outstanding[i] === 0) settledByPayment[i] = true;
    result.payments.push({ paymentId: p.paymentId, target: 'bill', billId: bills[i].billId, amount: applied, overdue: p.paidOn > bills[i].dueOn });
    return remaining - applied;
  }

  function applyPayment(p: LedgerPayment): void {
    if (!p.completed) return unapplied(p, 'not_applied', p.amount);
    if (!ledger.known) return unapplied(p, 'unmatched', p.amount);

    if (p.period !== null) {
      const i = indexByPeriod.get(p.period);
      if (i === undefined) return unapplied(p, 'unmatched', p.amount);
      if (outstanding[i] === 0 && settledByPayment[i]) return unapplied(p, 'duplicate', p.amount);
      return unapplied(p, 'credit', payBill(p, i, p.amount));
    }

    let remaining = p.amount;
    if (openingOutstanding > 0 && remaining > 0 && openingAvailableOn(p.paidOn)) {
      const applied = Math.min(remaining, openingOutstanding);
      openingOutstanding -= applied;
      remaining -= applied;
      result.payments.push({ paymentId: p.paymentId, target: 'opening', billId: null, amount: applied, overdue: true });
    }
    // Debts only ever shrink, so bills settled before stay settled: start at the first one still open.
    while (firstOpen < bills.length && outstanding[firstOpen] === 0) firstOpen++;
    for (let i = firstOpen; i < bills.length && remaining > 0; i++) {
      if (outstanding[i] > 0 && bills[i].issuedOn <= p.paidOn) remaining = payBill(p, i, remaining);
    }
    unapplied(p, 'credit', remaining);
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
