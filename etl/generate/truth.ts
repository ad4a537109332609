/**
 * What the generator wrote, tallied as it writes: the figures the warehouse must reproduce to the
 * rupiah (arrears at every month end, payments by channel and month), the rows it must reject, and the
 * calibration against the utility's public arrears trajectory.
 */
import { periodFromIndex } from '../domain/period';
import { isoDate, lastDayOfMonth } from './calendar';
import type { PaymentResult } from './ledger';

export interface BadRowNote {
  file: string;
  /** line in a canonical file; native files name the payment_ref instead */
  line?: number;
  payment_ref?: string;
  reason: string;
}

/** Arrears the utility reported, for 14,000 connections (Rp; M = miliar). */
export const PUBLIC_TRAJECTORY: readonly { asOf: string; arrears: number }[] = [
  { asOf: '2020-12-31', arrears: 7_000_000_000 },
  { asOf: '2022-12-31', arrears: 8_000_000_000 },
  { asOf: '2023-12-31', arrears: 10_000_000_000 },
  { asOf: '2024-11-30', arrears: 13_000_000_000 },
  { asOf: '2025-06-30', arrears: 16_500_000_000 },
];

interface Tally {
  count: number;
  amount: number;
}

const tally = (): Tally => ({ count: 0, amount: 0 });

export class TruthLedger {
  private readonly arrears: number[];
  /** payments and amounts by month × channel, index (month − from) × channels + channel */
  private readonly byChannelMonth: { count: number[]; amount: number[] };
  private readonly channelIndex: Map<string, number>;
  private readonly payments = tally();
  private readonly unmatched = tally();
  private readonly duplicates = tally();
  private readonly bills = tally();
  private readonly openingBalances = tally();
  private readonly writeOffs = tally();
  private readonly visits = tally();
  private credit = 0;
  private notCompleted = 0;
  private readonly customersByStatus: Record<string, number> = {};
  private readonly rejects = new Map<string, number>();
  private readonly badRows: BadRowNote[] = [];
  private readonly refusedFiles: { file: string; reason: string }[] = [];

  constructor(
    private readonly fromIdx: number,
    private readonly toIdx: number,
    private readonly channelCodes: readonly string[],
  ) {
    const months = toIdx - fromIdx + 1;
    this.arrears = new Array(months).fill(0);
    this.byChannelMonth = { count: new Array(months * channelCodes.length).fill(0), amount: new Array(months * channelCodes.length).fill(0) };
    this.channelIndex = new Map(channelCodes.map((c, i) => [c, i]));
  }

  customer(status: string): void {
    this.customersByStatus[status] = (this.customersByStatus[status] ?? 0) + 1;
  }

  bill(total: number): void {
    add(this.bills, total);
  }

  openingBalance(amount: number): void {
    add(this.openingBalances, amount);
  }

  writeOff(amount: number): void {
    add(this.writeOffs, amount);
  }

  visit(amountCollected: number): void {
    add(this.visits, amountCollected);
  }

  monthEnd(monthIdx: number, arrears: number): void {
    this.arrears[monthIdx - this.fromIdx] += arrears;
  }

  /** A valid, completed payment, wherever it went (payments.csv or a settlement file). */
  payment(monthIdx: number, channelCode: string, amount: number, result: PaymentResult): void {
    const i = (monthIdx - this.fromIdx) * this.channelCodes.length + this.channelIndex.get(channelCode)!;
    this.byChannelMonth.count[i]++;
    this.byChannelMonth.amount[i] += amount;
    add(this.payments, amount);
    if (result.outcome === 'unmatched') add(this.unmatched, amount);
    else if (result.outcome === 'duplicate') add(this.duplicates, amount);
    else this.credit += result.credit;
  }

  /** Refunded or cancelled marketplace orders: recorded by the warehouse, never applied. */
  notCompletedOrders(count: number): void {
    this.notCompleted += count;
  }

  bad(note: BadRowNote): void {
    this.rejects.set(note.file, (this.rejects.get(note.file) ?? 0) + 1);
    this.badRows.push(note);
  }

  /** A file the loader must refuse whole (nothing of it loads, so it changes no other figure). */
  refusedFile(note: { file: string; reason: string }): void {
    this.refusedFiles.push(note);
  }

  /** truth.json: what the run wrote, for the integration test and the curious. */
  toJson(params: Record<string, string | number>, scale: number, oddities: { overpayment: number; futurePeriod: number }) {
    return {
      params,
      customers: { total: Object.values(this.customersByStatus).reduce((s, n) => s + n, 0), by_status: this.customersByStatus },
      bills: { count: this.bills.count, total_amount: this.bills.amount },
      opening_balances: { count: this.openingBalances.count, amount: this.openingBalances.amount },
      write_offs: { count: this.writeOffs.count, amount: this.writeOffs.amount },
      visits: { count: this.visits.count, amount_collected: this.visits.amount },
      payments: {
        count: this.payments.count,
        amount: this.payments.amount,
        credit_amount: this.credit,
        duplicate_payments: this.duplicates.count,
        duplicate_amount: this.duplicates.amount,
        overpayments: oddities.overpayment,
        future_period_payments: oddities.futurePeriod,
      },
      unmatched_payments: this.unmatched.count,
      unmatched_amount: this.unmatched.amount,
      marketplace_not_completed: this.notCompleted,
      expected_rejects: Object.fromEntries([...this.rejects.entries()].sort(([a], [b]) => (a < b ? -1 : 1))),
      bad_rows: this.badRows,
      refused_files: this.refusedFiles,
      calibration: this.calibration(scale),
      arrears_by_month_end: this.arrearsByMonthEnd(),
      payments_by_channel_month: this.paymentsByChannelMonth(),
    };
  }

  private arrearsAt(date: string): number | undefined {
    for (let m = this.fromIdx; m <= this.toIdx; m++) {
      if (isoDate(lastDayOfMonth(m)) === date) return this.arrears[m - this.fromIdx];
    }
    return undefined;
  }

  /** Arrears at the public data points inside the run, against the trajectory scaled to this utility. */
  private calibration(scale: number): { as_of: string; arrears: number; target: number; deviation_pct: number }[] {
    return PUBLIC_TRAJECTORY.flatMap(({ asOf, arrears: reference }) => {
      const arrears = this.arrearsAt(asOf);
      if (arrears === undefined) return [];
      const target = Math.round(reference * scale);
      return [{ as_of: asOf, arrears, target, deviation_pct: Math.round((1000 * (arrears - target)) / target) / 10 }];
    });
  }

  private arrearsByMonthEnd(): Record<string, number> {
    const out: Record<string, number> = {};
    for (let m = this.fromIdx; m <= this.toIdx; m++) out[isoDate(lastDayOfMonth(m))] = this.arrears[m - this.fromIdx];
    return out;
  }

  private paymentsByChannelMonth(): { month: string; channel_code: string; payments: number; amount: number }[] {
    const rows: { month: string; channel_code: string; payments: number; amount: number }[] = [];
    const codes = [...this.channelCodes].sort();
    for (let m = this.fromIdx; m <= this.toIdx; m++) {
      for (const code of codes) {
        const i = (m - this.fromIdx) * this.channelCodes.length + this.channelIndex.get(code)!;
        const payments = this.byChannelMonth.count[i];
        if (payments > 0) rows.push({ month: periodFromIndex(m), channel_code: code, payments, amount: this.byChannelMonth.amount[i] });
      }
    }
    return rows;
  }
}

function add(t: Tally, amount: number): void {
  t.count++;
  t.amount += amount;
}
