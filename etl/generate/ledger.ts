/**
 * The generator's own bookkeeping of one customer's debts, kept independently of the warehouse code so
 * that truth.json can check it. It follows the contract's definitions (etl/CONTRACT.md) literally:
 * - payments are applied in time order (the generator produces each customer's events in order);
 * - a payment naming a period pays that bill up to its outstanding, the rest is credit; paying a bill
 *   that payments already settled is a duplicate; naming a bill that does not exist is unmatched;
 * - a payment naming no period pays the opening balance (once its as_of has come), then bills issued on
 *   or before the payment day, oldest period first; the rest is credit;
 * - a write-off reduces one debt on its day, after that day's payments, and may not exceed it;
 * - arrears as of day D = outstanding of bills due before D + outstanding opening balances dated ≤ D.
 */

export interface Debt {
  /** month index of the bill's period; null for the opening balance */
  readonly period: number | null;
  /** the opening balance: its as_of; a bill: issued_on */
  readonly issuedDay: number;
  /** a bill: due_on; the opening balance: as_of */
  readonly dueDay: number;
  readonly total: number;
  outstanding: number;
  settledByPayment: boolean;
}

export interface Application {
  debt: Debt;
  amount: number;
}

export type PaymentOutcome = 'applied' | 'duplicate' | 'unmatched';

export interface PaymentResult {
  outcome: PaymentOutcome;
  applications: Application[];
  /** the part neither applied nor duplicate/unmatched: customer credit */
  credit: number;
}

export class DebtLedger {
  private readonly billsByPeriod = new Map<number, Debt>();
  /** debts with something outstanding, in allocation order: opening balance first, then by period */
  private readonly open: Debt[] = [];
  private opening: Debt | null = null;
  private latest: Debt | undefined;

  setOpeningBalance(asOfDay: number, amount: number): void {
    this.opening = { period: null, issuedDay: asOfDay, dueDay: asOfDay, total: amount, outstanding: amount, settledByPayment: false };
    this.open.unshift(this.opening);
  }

  /** Bills arrive in period order, so appending keeps `open` sorted. */
  addBill(period: number, issuedDay: number, dueDay: number, total: number): Debt {
    const bill: Debt = { period, issuedDay, dueDay, total, outstanding: total, settledByPayment: false };
    this.latest = bill;
    this.billsByPeriod.set(period, bill);
    this.open.push(bill);
    return bill;
  }

  bill(period: number): Debt | undefined {
    return this.billsByPeriod.get(period);
  }

  openingBalance(): Debt | null {
    return this.opening;
  }

  /** What a payment without a period on `day` would pay, in the order it would pay it. */
  payable(day: number): Debt[] {
    return this.open.filter((d) => d.issuedDay <= day);
  }

  /** How many debts payable(day) would list, without building the list. */
  payableCount(day: number): number {
    let n = 0;
    for (const d of this.open) if (d.issuedDay <= day) n++;
    return n;
  }

  /** The most recent bill, paid or not. */
  lastBill(): Debt | undefined {
    return this.latest;
  }

  pay(period: number | null, amount: number, day: number): PaymentResult {
    const applications: Application[] = [];
    if (period !== null) {
      const bill = this.billsByPeriod.get(period);
      if (!bill) return { outcome: 'unmatched', applications, credit: 0 };
      if (bill.outstanding === 0 && bill.settledByPayment) return { outcome: 'duplicate', applications, credit: 0 };
      const rest = this.apply(bill, amount, applications);
      return { outcome: 'applied', applications, credit: rest };
    }
    let rest = amount;
    for (const debt of this.payable(day)) {
      if (rest === 0) break;
      rest = this.apply(debt, rest, applications);
    }
    return { outcome: 'applied', applications, credit: rest };
  }

  /** False (and nothing changes) when the amount is more than the debt's outstanding. */
  writeOff(period: number | null, amount: number): boolean {
    const debt = period === null ? this.opening : this.billsByPeriod.get(period);
    if (!debt || amount > debt.outstanding) return false;
    debt.outstanding -= amount;
    if (debt.outstanding === 0) this.close(debt);
    return true;
  }

  arrearsAsOf(day: number): number {
    let sum = 0;
    for (const d of this.open) {
      if (d.period === null ? d.dueDay <= day : d.dueDay < day) sum += d.outstanding;
    }
    return sum;
  }

  /** Number of bills due before `day` and still unpaid. */
  overdueBills(day: number): number {
    let n = 0;
    for (const d of this.open) if (d.period !== null && d.dueDay < day) n++;
    return n;
  }

  private apply(debt: Debt, amount: number, applications: Application[]): number {
    const applied = Math.min(amount, debt.outstanding);
    if (applied > 0) {
      debt.outstanding -= applied;
      applications.push({ debt, amount: applied });
      if (debt.outstanding === 0) {
        debt.settledByPayment = true;
        this.close(debt);
      }
    }
    return amount - applied;
  }

  private close(debt: Debt): void {
    this.open.splice(this.open.indexOf(debt), 1);
  }
}
