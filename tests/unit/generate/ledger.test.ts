import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../../etl/domain/period';
import { DebtLedger } from '../../../etl/generate/ledger';

const d = dayNumber;
const JAN = 2024 * 12;
const FEB = JAN + 1;
const MAR = JAN + 2;

/** An opening balance of 100,000 from 2024-01-01 and bills for January to March. */
function ledger(): DebtLedger {
  const l = new DebtLedger();
  l.setOpeningBalance(d('2024-01-01'), 100_000);
  l.addBill(JAN, d('2024-02-03'), d('2024-02-20'), 50_000);
  l.addBill(FEB, d('2024-03-02'), d('2024-03-20'), 60_000);
  l.addBill(MAR, d('2024-04-04'), d('2024-04-20'), 70_000);
  return l;
}

describe('the generator ledger', () => {
  it('applies a payment naming a period to that bill, the rest is credit', () => {
    const l = ledger();
    const r = l.pay(FEB, 65_000, d('2024-03-10'));
    expect(r.outcome).toBe('applied');
    expect(r.applications.map((a) => [a.debt.period, a.amount])).toEqual([[FEB, 60_000]]);
    expect(r.credit).toBe(5_000);
  });

  it('flags a second payment of a settled bill as duplicate and a missing bill as unmatched', () => {
    const l = ledger();
    l.pay(JAN, 50_000, d('2024-02-10'));
    expect(l.pay(JAN, 50_000, d('2024-02-11')).outcome).toBe('duplicate');
    expect(l.pay(JAN + 5, 50_000, d('2024-02-11')).outcome).toBe('unmatched');
  });

  it('applies a payment without period to the opening balance, then bills issued by then, oldest first', () => {
    const l = ledger();
    // on 2024-03-01 the February bill is not issued yet
    const r = l.pay(null, 200_000, d('2024-03-01'));
    expect(r.applications.map((a) => [a.debt.period, a.amount])).toEqual([[null, 100_000], [JAN, 50_000]]);
    expect(r.credit).toBe(50_000);
  });

  it('refuses a write-off larger than the outstanding and applies one that fits', () => {
    const l = ledger();
    l.pay(JAN, 30_000, d('2024-02-10'));
    expect(l.writeOff(JAN, 20_001)).toBe(false);
    expect(l.writeOff(JAN, 20_000)).toBe(true);
    expect(l.bill(JAN)!.outstanding).toBe(0);
    // settled by a write-off, not by a payment: paying it again is credit, not a duplicate
    const again = l.pay(JAN, 10_000, d('2024-02-12'));
    expect(again.outcome).toBe('applied');
    expect(again.credit).toBe(10_000);
  });

  it('counts as arrears the opening balance and bills due before the day', () => {
    const l = ledger();
    expect(l.arrearsAsOf(d('2024-01-31'))).toBe(100_000);
    expect(l.arrearsAsOf(d('2024-02-20'))).toBe(100_000); // due on the 20th: not overdue that day
    expect(l.arrearsAsOf(d('2024-02-29'))).toBe(150_000);
    l.pay(null, 120_000, d('2024-03-05'));
    expect(l.arrearsAsOf(d('2024-03-31'))).toBe(30_000 + 60_000);
  });
});
