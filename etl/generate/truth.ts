/**
 * What the generator wrote, tallied as it writes: the figures the warehouse must reproduce to the
 * rupiah (arrears at every month end, payments by channel and month), the rows it must reject, and the
 * calibration against the utility's public arrears trajectory.
 */
import { lastDayOfMonth, isoDate } from './calendar';
import type { PaymentResult } from './ledger';
import { periodFromIndex } from '../../app/domain/period';

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
  readonly arrears: number[];
  /** payments and amounts by month × channel, index (month − from) × channels + channel */
  private readonly byChannelMonth: { count: number[]; amount: number[] };
  private readonly channelIndex: Map<string, number>;
  readonly payments = tally();
  readonly unmatched = tally();
  readonly duplicates = tally();
  readonly bills = tally();
  readonly openingBalances = tally();
  readonly writeOffs = tally();
  readonly visits = tally();
  credit = 0;
  notCompleted = 0;
  readonly customersByStatus: Record<string, number> = {};
  readonly rejects = new Map<string, number>();
  readonly badRows: BadRowNote[] = [];

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

  bad(note: BadRowNote): void {
    this.rejects.set(note.file, (this.rejects.get(note.file) ?? 0) + 1);
    this.badRows.push(note);
  }

  arrearsAt(date: string): number | undefined {
    for (let m = this.fromIdx; m <= this.toIdx; m++) {
      if (isoDate(lastDayOfMonth(m)) === date) return this.arrears[m - this.fromIdx];
    }
    return undefined;
  }

  /** Arrears at the public data points inside the run, against the trajectory scaled to this utility. */
  calibration(scale: number): { as_of: string; arrears: number; target: number; deviation_pct: number }[] {
    return PUBLIC_TRAJECTORY.flatMap(({ asOf, arrears: reference }) => {
      const arrears = this.arrearsAt(asOf);
      if (arrears === undefined) return [];
      const target = Math.round(reference * scale);
      return [{ as_of: asOf, arrears, target, deviation_pct: Math.round((1000 * (arrears - target)) / target) / 10 }];
    });
  }

  arrearsByMonthEnd(): Record<string, number> {
    const out: Record<string, number> = {};
    for (let m = this.fromIdx; m <= this.toIdx; m++) out[isoDate(lastDayOfMonth(m))] = this.arrears[m - this.fromIdx];
    return out;
  }

  paymentsByChannelMonth(): { month: string; channel_code: string; payments: number; amount: number }[] {
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
