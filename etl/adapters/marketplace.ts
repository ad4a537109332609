/**
 * Marketplace biller report (Shopee/Tokopedia-like export): comma CSV with English headers, one row per
 * order, including orders that were refunded or cancelled. Those are kept with their status so that the
 * report reconciles with the marketplace's own, but they are never applied to bills. Layout in
 * etl/adapters/README.md.
 */
import type { ParseResult } from '../domain/money';
import {
  billMonth,
  ok,
  paymentLine,
  requiredText,
  timestamp,
  wholeRupiah,
  writeBillMonth,
  writeTimestamp,
  writeWholeRupiah,
  type BillMonthLayout,
  type TimestampLayout,
} from './fields';
import { csvField, headerNames, readTable, splitCsvLine } from './lines';
import type { PaymentStatus, SettlementAdapter } from './types';

// Also the order write() uses.
const COLUMNS = [
  'order_id',
  'order_time',
  'channel',
  'customer_number',
  'bill_period',
  'bill_amount',
  'penalty',
  'admin_fee',
  'status',
] as const;

const STATUSES = new Map<string, PaymentStatus>([
  ['COMPLETED', 'completed'],
  ['REFUNDED', 'refunded'],
  ['CANCELLED', 'cancelled'],
]);

const BILL_PERIOD: BillMonthLayout = {
  name: 'yyyy-MM',
  pattern: /^(?<y>\d{4})-(?<m>\d{2})$/,
  write: (y, m) => `${y}-${m}`,
};

// Marketplaces run their platforms in other time zones; a time without an offset is ambiguous, so it is
// refused rather than guessed to be Jakarta time.
const ORDER_TIME: TimestampLayout = {
  name: 'an ISO 8601 time with a UTC offset',
  read: (text) => (/(Z|[+-]\d{2}:?\d{2})$/.test(text) ? text : undefined),
  write: (p) => `${p.y}-${p.mo}-${p.d}T${p.h}:${p.mi}:${p.s}+07:00`,
};

function status(text: string): ParseResult<PaymentStatus> {
  const s = STATUSES.get(text.trim().toUpperCase());
  return s ? ok(s) : { ok: false, reason: `status is not ${[...STATUSES.keys()].join(', ')} (${text.trim()})` };
}

export const marketplace: SettlementAdapter = {
  format: 'marketplace',
  description: 'Marketplace biller report (comma CSV; order_id, order_time, channel, customer_number, bill_amount, status …)',

  // order_id and bill_amount together mark the export; the canonical payments.csv has neither.
  detect(_fileName, firstLines) {
    const names = headerNames(firstLines, splitCsvLine);
    return names.includes('ORDER_ID') && names.includes('BILL_AMOUNT');
  },

  parse(text) {
    return readTable(text, splitCsvLine, COLUMNS).map((l) => {
      if ('reason' in l) return l;
      const v = l.values;
      return paymentLine(l.line, l.raw, {
        payment_ref: requiredText(v.order_id, 'order_id'),
        channel_code: requiredText(v.channel, 'channel'),
        customer_id: requiredText(v.customer_number, 'customer_number'),
        period: billMonth(v.bill_period, BILL_PERIOD, 'bill_period'),
        paid_at: timestamp(v.order_time, ORDER_TIME, 'order_time'),
        amount: wholeRupiah(v.bill_amount, 'bill_amount'),
        penalty: wholeRupiah(v.penalty, 'penalty'),
        admin_fee: wholeRupiah(v.admin_fee, 'admin_fee'),
        status: status(v.status),
      });
    });
  },

  // parse takes channel_code from the `channel` column, so its inverse writes each row's own.
  write(rows) {
    const data = rows.map((r) =>
      [
        r.payment_ref,
        writeTimestamp(r.paid_at, ORDER_TIME),
        r.channel_code,
        r.customer_id,
        writeBillMonth(r.period, BILL_PERIOD),
        writeWholeRupiah(r.amount),
        writeWholeRupiah(r.penalty),
        writeWholeRupiah(r.admin_fee),
        r.status.toUpperCase(),
      ]
        .map(csvField)
        .join(','),
    );
    return [COLUMNS.join(','), ...data, ''].join('\n');
  },
};
