import { describe, expect, it } from 'vitest';
import {
  allocateCustomer, type CustomerLedger, type LedgerBill, type LedgerPayment, type LedgerWriteOff,
} from '../../../etl/domain/allocation';
import { dayNumber, periodIndex } from '../../../etl/domain/period';

const d = dayNumber;
let nextId = 1;

function bill(period: string, total: number): LedgerBill {
  const [y, m] = period.split('-').map(Number);
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return { billId: nextId++, period: periodIndex(period), issuedOn: d(`${next}-02`), dueOn: d(`${next}-20`), total };
}

function payment(paidAt: string, amount: number, period: string | null = null, extra: Partial<LedgerPayment> = {}): LedgerPayment {
  const [hh, mm, ss] = paidAt.slice(11).split(':').map(Number);
  return {
    paymentId: nextId++, refOrder: nextId, period: period === null ? null : periodIndex(period),
    paidAt: d(paidAt.slice(0, 10)) * 86_400 + hh * 3600 + mm * 60 + ss, paidOn: d(paidAt.slice(0, 10)),
    amount, completed: true, ...extra,
  };
}

function writeOff(on: string, amount: number, period: string | null = null): LedgerWriteOff {
  return { writeOffId: nextId++, period: period === null ? null : periodIndex(period), writtenOffOn: d(on), amount };
}

function ledger(parts: Partial<CustomerLedger>): CustomerLedger {
  return { known: true, bills: [], opening: null, payments: [], writeOffs: [], ...parts };
}

describe('a payment naming a period', () => {
  it('pays that bill, and the rest of the money is customer credit', () => {
    const jan = bill('2024-01', 45_600);
    const p = payment('2024-02-10T09:00:00', 50_000, '2024-01');
    const r = allocateCustomer(ledger({ bills: [jan], payments: [p] }));
    expect(r.payments).toEqual([
      { paymentId: p.paymentId, target: 'bill', billId: jan.billId, amount: 45_600, overdue: false },
      { paymentId: p.paymentId, target: 'credit', billId: null, amount: 4_400, overdue: false },
    ]);
  });

  it('paid after the due date counts as recovering arrears', () => {
    const jan = bill('2024-01', 41_000);
    const p = payment('2024-02-21T08:00:00', 41_000, '2024-01');
    expect(allocateCustomer(ledger({ bills: [jan], payments: [p] })).payments[0].overdue).toBe(true);
  });

  it('a second payment of a bill already paid is a duplicate, not applied', () => {
    const jan = bill('2024-01', 41_000);
    const first = payment('2024-02-10T09:00:00', 41_000, '2024-01');
    const second = payment('2024-02-11T09:00:00', 41_000, '2024-01');
    const r = allocateCustomer(ledger({ bills: [jan], payments: [second, first] }));
    expect(r.payments.map((a) => [a.paymentId, a.target, a.amount])).toEqual([
      [first.paymentId, 'bill', 41_000],
      [second.paymentId, 'duplicate', 41_000],
    ]);
  });

  it('a payment for a bill that does not exist yet stays unmatched', () => {
    const p = payment('2024-02-10T09:00:00', 41_000, '2024-05');
    const r = allocateCustomer(ledger({ bills: [bill('2024-01', 41_000)], payments: [p] }));
    expect(r.payments).toEqual([{ paymentId: p.paymentId, target: 'unmatched', billId: null, amount: 41_000, overdue: false }]);
  });

  it('two partial payments settle a bill between them', () => {
    const jan = bill('2024-01', 40_000);
    const a = payment('2024-02-10T09:00:00', 15_000, '2024-01');
    const b = payment('2024-03-01T09:00:00', 30_000, '2024-01');
    const r = allocateCustomer(ledger({ bills: [jan], payments: [a, b] }));
    expect(r.payments.map((x) => [x.target, x.amount, x.overdue])).toEqual([
      ['bill', 15_000, false],
      ['bill', 25_000, true],
      ['credit', 5_000, false],
    ]);
  });
});

describe('a payment naming no period', () => {
  it('pays the opening balance first, then the oldest bills issued before it', () => {
    const jan = bill('2024-01', 40_000);
    const feb = bill('2024-02', 40_000);
    const mar = bill('2024-03', 40_000); // issued 2024-04-02: after the payment, so not paid by it
    const p = payment('2024-03-25T10:00:00', 200_000);
    const r = allocateCustomer(ledger({ bills: [mar, feb, jan], opening: { asOf: d('2012-01-01'), amount: 100_000 }, payments: [p] }));
    expect(r.payments.map((x) => [x.target, x.billId, x.amount])).toEqual([
      ['opening', null, 100_000],
      ['bill', jan.billId, 40_000],
      ['bill', feb.billId, 40_000],
      ['credit', null, 20_000],
    ]);
  });

  it('an opening balance dated after the payment is not paid by it', () => {
    const p = payment('2011-12-30T10:00:00', 10_000);
    const r = allocateCustomer(ledger({ opening: { asOf: d('2012-01-01'), amount: 100_000 }, payments: [p] }));
    expect(r.payments.map((x) => x.target)).toEqual(['credit']);
  });

  it('payments are applied in paid_at order, then payment_ref', () => {
    const jan = bill('2024-01', 30_000);
    const second = payment('2024-02-15T09:00:00', 30_000, null, { refOrder: 2 });
    const first = payment('2024-02-15T09:00:00', 30_000, null, { refOrder: 1 });
    const r = allocateCustomer(ledger({ bills: [jan], payments: [second, first] }));
    expect(r.payments.map((x) => [x.paymentId, x.target])).toEqual([
      [first.paymentId, 'bill'],
      [second.paymentId, 'credit'],
    ]);
  });

  it('an earlier payment comes first whatever its payment_ref', () => {
    const jan = bill('2024-01', 30_000);
    const late = payment('2024-02-15T10:00:00', 30_000, null, { refOrder: 1 });
    const early = payment('2024-02-15T09:00:00', 30_000, null, { refOrder: 2 });
    const r = allocateCustomer(ledger({ bills: [jan], payments: [late, early] }));
    expect(r.payments.map((x) => [x.paymentId, x.target])).toEqual([
      [early.paymentId, 'bill'],
      [late.paymentId, 'credit'],
    ]);
  });
});

describe('customers and rows that are never applied', () => {
  it('a customer we do not know: the payment loads but stays unmatched', () => {
    const p = payment('2024-02-10T09:00:00', 41_000, '2024-01');
    const r = allocateCustomer(ledger({ known: false, payments: [p] }));
    expect(r.payments.map((x) => x.target)).toEqual(['unmatched']);
  });

  it('a refunded marketplace order is recorded but not applied', () => {
    const jan = bill('2024-01', 41_000);
    const p = payment('2024-02-10T09:00:00', 41_000, '2024-01', { completed: false });
    const r = allocateCustomer(ledger({ bills: [jan], payments: [p] }));
    expect(r.payments.map((x) => x.target)).toEqual(['not_applied']);
  });
});

describe('write-offs', () => {
  it('on the same day, the payment counts before the write-off', () => {
    const jan = bill('2024-01', 50_000);
    const p = payment('2024-06-01T15:00:00', 20_000, '2024-01');
    const w = writeOff('2024-06-01', 30_000, '2024-01');
    const r = allocateCustomer(ledger({ bills: [jan], payments: [p], writeOffs: [w] }));
    expect(r.payments.map((x) => x.amount)).toEqual([20_000]);
    expect(r.writeOffs).toEqual([{ writeOffId: w.writeOffId, target: 'bill', billId: jan.billId, amount: 30_000, overdue: true }]);
  });

  it('a write-off larger than what is outstanding applies only what is left; the rest is excess', () => {
    const w = writeOff('2025-01-15', 150_000);
    const r = allocateCustomer(ledger({ opening: { asOf: d('2012-01-01'), amount: 100_000 }, writeOffs: [w] }));
    expect(r.writeOffs.map((x) => [x.target, x.amount])).toEqual([
      ['opening', 100_000],
      ['excess', 50_000],
    ]);
  });

  it('a bill written off and then paid leaves the payment as credit, not a duplicate', () => {
    const jan = bill('2024-01', 40_000);
    const w = writeOff('2024-05-01', 40_000, '2024-01');
    const p = payment('2024-06-01T10:00:00', 40_000, '2024-01');
    const r = allocateCustomer(ledger({ bills: [jan], payments: [p], writeOffs: [w] }));
    expect(r.payments.map((x) => x.target)).toEqual(['credit']);
  });
});

describe('conservation', () => {
  it('every rupiah of every payment is allocated somewhere, exactly once', () => {
    const bills = ['2023-10', '2023-11', '2023-12', '2024-01'].map((p) => bill(p, 37_000 + p.length * 1000));
    const payments = [
      payment('2023-12-01T10:00:00', 12_345),
      payment('2024-01-05T10:00:00', 99_999, '2023-11'),
      payment('2024-02-25T10:00:00', 250_000),
      payment('2024-03-01T10:00:00', 1_000, '2030-01'),
    ];
    const r = allocateCustomer(ledger({ bills, opening: { asOf: d('2012-01-01'), amount: 5_000 }, payments }));
    for (const p of payments) {
      expect(r.payments.filter((a) => a.paymentId === p.paymentId).reduce((s, a) => s + a.amount, 0)).toBe(p.amount);
    }
  });
});
