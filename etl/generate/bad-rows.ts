/**
 * Rows that break the data contract on purpose, a handful per file, so that the demo shows the rejects
 * and the integration test can count them. Each breaks one rule the loader checks (unreadable number
 * or date, value outside its list, unknown reference, duplicate key, row totals, a write-off bigger than
 * the debt), and none has a key a valid row uses, so rejecting it never touches the real data.
 */
import { periodFromIndex } from '../domain/period';
import { firstDayOfMonth, isoDate, isoDateTime } from './calendar';
import { csvLine } from './csv-writer';
import type { Collector } from './collection';

export type StreamedFile = 'customers.csv' | 'bills.csv' | 'payments.csv' | 'opening_balances.csv' | 'write_offs.csv' | 'visits.csv';

/** What a bad row may borrow from the real customer it is injected next to. */
export interface BadRowContext {
  customerId: string;
  customerLine: string;
  billLine: string | null;
  visitLine: string | null;
  /** a bill that a payment settled in full, and that day */
  settledBill: { period: number; day: number; total: number } | null;
  collector: Collector;
  fromIdx: number;
  toIdx: number;
  /** a customer number no customer has */
  unknownCustomer(): string;
  /** a payment reference no payment uses */
  paymentRef(day: number): string;
  visitId(): string;
}

export interface BadRowKind {
  reason: string;
  /** the kind can only be made next to a customer that has one */
  needs?: 'bill' | 'visit' | 'settledBill';
  line(ctx: BadRowContext): string;
}

const PERSON = ['Rahmat Hidayat', 'Jl. Merdeka No. 3, RT 01/RW 02, Kel. Pasar Baru', '17.02.09.1026', 'R2'];
const COORDS = ['-3.467211', '102.523140'];
const day = (ctx: BadRowContext, d: number) => firstDayOfMonth(ctx.toIdx) + d - 1;
const year = (ctx: BadRowContext) => periodFromIndex(ctx.toIdx).slice(0, 4);
/** A period before the run: no customer has a bill there, so the key is never a real one. */
const before = (ctx: BadRowContext) => periodFromIndex(ctx.fromIdx - 1);
const billDates = (ctx: BadRowContext) => [isoDate(firstDayOfMonth(ctx.fromIdx) + 2), isoDate(firstDayOfMonth(ctx.fromIdx) + 19)];

export const BAD_ROWS: Readonly<Record<StreamedFile, readonly BadRowKind[]>> = {
  'customers.csv': [
    { reason: 'unknown desa_code', line: (c) => csvLine([c.unknownCustomer(), PERSON[0], PERSON[1], '17.02.99.2001', 'R2', 'active', '2019-05-14', ...COORDS, '081234567890']) },
    { reason: 'status is not one of the four', line: (c) => csvLine([c.unknownCustomer(), ...PERSON, 'aktif', '2019-05-14', ...COORDS, '081234567891']) },
    { reason: 'connected_on is not a date', line: (c) => csvLine([c.unknownCustomer(), ...PERSON, 'active', '2019-02-30', ...COORDS, '081234567892']) },
    { reason: 'latitude with a decimal comma', line: (c) => csvLine([c.unknownCustomer(), ...PERSON, 'active', '2019-05-14', '-3,467211', COORDS[1], '081234567893']) },
    { reason: 'duplicate customer_id', line: (c) => c.customerLine },
  ],
  'bills.csv': [
    { reason: 'total_amount is not the sum of the charges', line: (c) => csvLine([c.customerId, before(c), ...billDates(c), 15, 29_500, 23_000, 2_500, 56_000]) },
    { reason: 'issued_on is not a date', line: (c) => csvLine([c.customerId, before(c), `${before(c).slice(0, 4)}-02-30`, billDates(c)[1], 15, 29_500, 23_000, 2_500, 55_000]) },
    { reason: 'unknown customer', line: (c) => csvLine([c.unknownCustomer(), before(c), ...billDates(c), 15, 29_500, 23_000, 2_500, 55_000]) },
    { reason: 'duplicate customer + period', needs: 'bill', line: (c) => c.billLine! },
    { reason: 'negative fixed_charge', line: (c) => csvLine([c.customerId, before(c), ...billDates(c), 15, 29_500, '-23000', 2_500, 9_000]) },
    { reason: 'usage_m3 with a decimal comma', line: (c) => csvLine([c.customerId, before(c), ...billDates(c), '12,5', 21_950, 23_000, 2_500, 47_450]) },
    { reason: 'period month 13', line: (c) => csvLine([c.customerId, `${year(c)}-13`, ...billDates(c), 15, 29_500, 23_000, 2_500, 55_000]) },
    { reason: 'due_on before issued_on', line: (c) => csvLine([c.customerId, before(c), billDates(c)[1], billDates(c)[0], 15, 29_500, 23_000, 2_500, 55_000]) },
  ],
  'payments.csv': [
    { reason: 'unknown channel', line: (c) => csvLine([c.paymentRef(day(c, 5)), 'GOPAY', c.customerId, periodFromIndex(c.toIdx - 1), isoDateTime(day(c, 5), 40_000), 55_000, 0, 2_500]) },
    { reason: 'negative amount', line: (c) => csvLine([c.paymentRef(day(c, 6)), 'LOKET', c.customerId, periodFromIndex(c.toIdx - 1), isoDateTime(day(c, 6), 36_000), '-55000', 0, 0]) },
    { reason: 'paid_at month 13', line: (c) => csvLine([c.paymentRef(day(c, 7)), 'LOKET', c.customerId, periodFromIndex(c.toIdx - 1), `${year(c)}-13-07T10:00:00`, 55_000, 0, 0]) },
    { reason: 'paid_at day first', line: (c) => csvLine([c.paymentRef(day(c, 8)), 'LOKET', c.customerId, periodFromIndex(c.toIdx - 1), `08/${periodFromIndex(c.toIdx).slice(5)}/${year(c)} 10:22`, 55_000, 0, 0]) },
    { reason: 'amount with a thousands separator', line: (c) => csvLine([c.paymentRef(day(c, 9)), 'LOKET', c.customerId, periodFromIndex(c.toIdx - 1), isoDateTime(day(c, 9), 37_000), '55.000', 0, 0]) },
    { reason: 'period is not YYYY-MM', line: (c) => csvLine([c.paymentRef(day(c, 10)), 'LOKET', c.customerId, periodFromIndex(c.toIdx - 1).replace('-', '/'), isoDateTime(day(c, 10), 38_000), 55_000, 0, 0]) },
    { reason: 'penalty with a thousands comma', line: (c) => csvLine([c.paymentRef(day(c, 11)), 'LOKET', c.customerId, periodFromIndex(c.toIdx - 1), isoDateTime(day(c, 11), 39_000), 55_000, '5,500', 0]) },
  ],
  'opening_balances.csv': [
    { reason: 'unknown customer', line: (c) => csvLine([c.unknownCustomer(), isoDate(firstDayOfMonth(c.fromIdx)), 750_000, '2005-03']) },
    { reason: 'amount is zero', line: (c) => csvLine([c.customerId, isoDate(firstDayOfMonth(c.fromIdx)), 0, '2005-03']) },
    { reason: 'oldest_period month 13', line: (c) => csvLine([c.customerId, isoDate(firstDayOfMonth(c.fromIdx)), 750_000, '2005-13']) },
    { reason: 'oldest_period after as_of', line: (c) => csvLine([c.customerId, isoDate(firstDayOfMonth(c.fromIdx)), 750_000, periodFromIndex(c.fromIdx + 2)]) },
    { reason: 'as_of is not a date', line: (c) => csvLine([c.customerId, `${periodFromIndex(c.fromIdx).slice(0, 4)}-02-30`, 750_000, '2005-03']) },
  ],
  'write_offs.csv': [
    {
      reason: 'write-off larger than the outstanding on its date',
      needs: 'settledBill',
      line: (c) => csvLine([c.customerId, periodFromIndex(c.settledBill!.period), isoDate(c.settledBill!.day), c.settledBill!.total, 'koreksi tagihan: salah input']),
    },
    { reason: 'unknown customer', line: (c) => csvLine([c.unknownCustomer(), '', isoDate(day(c, 12)), 1_250_000, 'pelanggan meninggal dunia, tidak ada ahli waris']) },
    { reason: 'no such bill', line: (c) => csvLine([c.customerId, before(c), isoDate(day(c, 12)), 55_000, 'koreksi tagihan: meter rusak']) },
    { reason: 'written_off_on is not a date', line: (c) => csvLine([c.customerId, '', `${year(c)}-02-30`, 100_000, 'alamat tidak diketahui, piutang kedaluwarsa']) },
    { reason: 'amount is zero', line: (c) => csvLine([c.customerId, '', isoDate(day(c, 13)), 0, 'koreksi tagihan: meter rusak']) },
  ],
  'visits.csv': [
    { reason: 'outcome is not one of the eight', line: (c) => visit(c, 'bayar', 55_000, '') },
    { reason: 'visited_at is not a time', line: (c) => csvLine([c.visitId(), c.collector.teamId, c.collector.collectorId, c.customerId, `${year(c)}-02-30T10:00:00`, 'not_home', 0, '']) },
    { reason: 'unknown customer', line: (c) => csvLine([c.visitId(), c.collector.teamId, c.collector.collectorId, c.unknownCustomer(), isoDateTime(day(c, 14), 36_000), 'not_home', 0, '']) },
    { reason: 'promise_to_pay without promise_date', line: (c) => visit(c, 'promise_to_pay', 0, '') },
    { reason: 'paid with nothing collected', line: (c) => visit(c, 'paid', 0, '') },
    { reason: 'unknown collector', line: (c) => csvLine([c.visitId(), c.collector.teamId, 'KOL9901', c.customerId, isoDateTime(day(c, 15), 36_000), 'not_home', 0, '']) },
    { reason: 'duplicate visit_id', needs: 'visit', line: (c) => c.visitLine! },
  ],
};

function visit(c: BadRowContext, outcome: string, amount: number, promise: string): string {
  return csvLine([c.visitId(), c.collector.teamId, c.collector.collectorId, c.customerId, isoDateTime(day(c, 16), 37_000), outcome, amount, promise]);
}

export type StaticFile = 'areas.csv' | 'channels.csv' | 'teams.csv';

/** Bad rows of the small reference files; `copy` is a valid line of the file, for the duplicate key. */
export const STATIC_BAD_ROWS: Readonly<Record<StaticFile, readonly { reason: string; line: (copy: string) => string }[]>> = {
  'areas.csv': [
    { reason: 'latitude with a decimal comma', line: () => csvLine(['17.02.09.1099', 'Talang Baru', 'kelurahan', '17.02.09', 'Curup', '-3,4731', '102.516700']) },
    { reason: 'desa_type is not desa or kelurahan', line: () => csvLine(['17.02.09.2098', 'Talang Ulu Dalam', 'dusun', '17.02.09', 'Curup', '-3.473000', '102.516700']) },
    { reason: 'desa_code outside its kecamatan', line: () => csvLine(['17.02.09.2097', 'Air Sempiang', 'desa', '17.02.10', 'Bermani Ulu', '-3.428700', '102.438900']) },
    { reason: 'duplicate desa_code', line: (copy) => copy },
  ],
  'channels.csv': [
    { reason: 'fee_per_txn with a thousands separator', line: () => csvLine(['OVO', 'OVO', 'true', 'ewallet', '1.500', '2024-01-01']) },
    { reason: 'online is not true or false', line: () => csvLine(['LINKAJA', 'LinkAja', 'ya', 'ewallet', 1_000, '2024-01-01']) },
    { reason: 'category is not one of the eight', line: () => csvLine(['QRIS_BANK', 'QRIS Bank Bengkulu', 'true', 'qris', 0, '2024-06-01']) },
  ],
  'teams.csv': [
    { reason: 'base_latitude is not a number', line: () => csvLine(['T09', 'Tim Penagihan Uji Coba', 'KOL0901', 'Ujang Sopian', 'n/a', '102.516700']) },
    { reason: 'collector_name is empty', line: () => csvLine(['T09', 'Tim Penagihan Uji Coba', 'KOL0902', '', '-3.473000', '102.516700']) },
    { reason: 'duplicate team + collector', line: (copy) => copy },
  ],
};

export function canMake(kind: BadRowKind, ctx: BadRowContext): boolean {
  if (kind.needs === 'bill') return ctx.billLine !== null;
  if (kind.needs === 'visit') return ctx.visitLine !== null;
  if (kind.needs === 'settledBill') return ctx.settledBill !== null;
  return true;
}
