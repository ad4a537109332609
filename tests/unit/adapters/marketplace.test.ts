import { describe, it, expect } from 'vitest';
import { marketplace } from '../../../etl/adapters/marketplace';
import { FileRefusedError, type CanonicalPayment } from '../../../etl/adapters/types';

const HEADER = 'order_id,order_time,channel,customer_number,customer_name,bill_period,bill_amount,penalty,admin_fee,total_paid,status';

function file(...lines: string[]): string {
  return lines.join('\n') + '\n';
}

function row(id: string, status: string, time = '2024-03-05T08:15:02+07:00'): string {
  return `${id},${time},SHOPEE,0102030405,"Aminah, Siti",2024-02,45600,0,2500,48100,${status}`;
}

describe('marketplace parse', () => {
  it('maps a completed order to a canonical payment', () => {
    expect(marketplace.parse(file(HEADER, row('240305A1', 'COMPLETED')), 'shopee.csv')).toEqual([
      {
        line: 2,
        raw: row('240305A1', 'COMPLETED'),
        payment: {
          payment_ref: '240305A1',
          channel_code: 'SHOPEE',
          customer_id: '0102030405',
          period: '2024-02',
          paid_at: '2024-03-05T08:15:02',
          amount: '45600',
          penalty: '0',
          admin_fee: '2500',
          status: 'completed',
        },
      },
    ]);
  });

  it('keeps refunded and cancelled orders with their status, rejects unknown statuses', () => {
    const rows = marketplace.parse(
      file(HEADER, row('A1', 'COMPLETED'), row('A2', 'REFUNDED'), row('A3', 'Cancelled'), row('A4', 'PENDING'), row('A5', '')),
      'shopee.csv',
    );
    expect(rows.map((r) => ('payment' in r ? r.payment.status : r.reason))).toEqual([
      'completed',
      'refunded',
      'cancelled',
      'status is not COMPLETED, REFUNDED, CANCELLED (PENDING)',
      'status is not COMPLETED, REFUNDED, CANCELLED ()',
    ]);
  });

  it('converts offsets to Jakarta time and refuses times without one', () => {
    const rows = marketplace.parse(
      file(
        HEADER,
        row('A1', 'COMPLETED', '2024-03-05T01:15:02Z'),
        row('A2', 'COMPLETED', '2024-03-05T08:15:02'),
        row('A3', 'COMPLETED', '2024-02-30T08:15:02+07:00'),
      ),
      'shopee.csv',
    );
    expect(rows.map((r) => ('payment' in r ? r.payment.paid_at : r.reason))).toEqual([
      '2024-03-05T08:15:02',
      'order_time is not an ISO 8601 time with a UTC offset (2024-03-05T08:15:02)',
      'order_time is not a valid date and time (2024-02-30T08:15:02+07:00)',
    ]);
  });

  it('rejects bad amounts and periods per line, naming the column', () => {
    const rows = marketplace.parse(
      file(HEADER, 'A1,2024-03-05T08:15:02+07:00,SHOPEE,0102030405,x,202402,45.600,-1,2500,0,COMPLETED'),
      'shopee.csv',
    );
    expect(rows).toEqual([
      expect.objectContaining({
        line: 2,
        reason:
          'bill_period is not a bill month yyyy-MM (202402); bill_amount is not a whole number of rupiah (45.600); penalty is negative (-1)',
      }),
    ]);
  });

  it('rejects lines with a broken quote or the wrong number of fields', () => {
    const rows = marketplace.parse(file(HEADER, 'A1,"unclosed', 'A2,2024-03-05T08:15:02+07:00,SHOPEE'), 'shopee.csv');
    expect(rows).toEqual([
      { line: 2, raw: 'A1,"unclosed', reason: 'a quoted field is not closed' },
      { line: 3, raw: 'A2,2024-03-05T08:15:02+07:00,SHOPEE', reason: 'line has 3 fields, the header has 11' },
    ]);
  });

  it('refuses a file missing required columns, listing them', () => {
    expect(() => marketplace.parse(file('order_id,order_time,customer_number,bill_amount,status'), 'shopee.csv')).toThrow(
      new FileRefusedError('header lacks the required columns channel, bill_period, penalty, admin_fee'),
    );
  });

  it('tolerates BOM and CRLF, skips blank lines, keeps line numbers and raw text', () => {
    const rows = marketplace.parse('\uFEFF' + ['', HEADER, '', row('A1', 'COMPLETED'), ''].join('\r\n'), 'shopee.csv');
    expect(rows.map((r) => [r.line, r.raw])).toEqual([[4, row('A1', 'COMPLETED')]]);
  });
});

describe('marketplace write', () => {
  const base: CanonicalPayment = {
    payment_ref: 'A1',
    channel_code: 'SHOPEE',
    customer_id: '0102030405',
    period: '2024-02',
    paid_at: '2024-03-05T08:15:02',
    amount: '45600',
    penalty: '0',
    admin_fee: '2500',
    status: 'completed',
  };
  const rows: CanonicalPayment[] = [
    base,
    { ...base, payment_ref: 'A2', channel_code: 'TOKOPEDIA', period: '', status: 'refunded' },
    { ...base, payment_ref: 'A3', customer_id: '0000000001', status: 'cancelled' },
  ];

  it('round-trips every status', () => {
    const text = marketplace.write(rows, 'SHOPEE');
    expect(text.split('\n')[2]).toBe('A2,2024-03-05T08:15:02+07:00,TOKOPEDIA,0102030405,,45600,0,2500,REFUNDED');
    expect(marketplace.parse(text, 'shopee.csv').map((r) => ('payment' in r ? r.payment : r.reason))).toEqual(rows);
  });

  it('writes bad fields verbatim, quoting them when needed', () => {
    const text = marketplace.write([{ ...base, paid_at: 'kemarin', amount: '1,5' }], 'SHOPEE');
    expect(text.split('\n')[1]).toBe('A1,kemarin,SHOPEE,0102030405,2024-02,"1,5",0,2500,COMPLETED');
    expect(marketplace.parse(text, 'shopee.csv')).toEqual([
      expect.objectContaining({
        reason: 'order_time is not an ISO 8601 time with a UTC offset (kemarin); bill_amount is not a whole number of rupiah (1,5)',
      }),
    ]);
  });
});
