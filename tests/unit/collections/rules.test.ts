import { describe, expect, it } from 'vitest';
import { attributePayments, contactRate, isContact, promiseKept } from '../../../etl/domain/collections/rules';

describe('contact', () => {
  it('is every outcome but not_home and moved', () => {
    expect(['paid', 'partial', 'promise_to_pay', 'refused', 'sealed', 'letter_delivered'].every(isContact)).toBe(true);
    expect(isContact('not_home')).toBe(false);
    expect(isContact('moved')).toBe(false);
  });
  it('rate is contacts over visits, none without visits', () => {
    expect(contactRate(3, 4)).toBe(0.75);
    expect(contactRate(0, 0)).toBeNull();
  });
});

describe('a promise to pay made on 8 March for 15 March', () => {
  const kept = (payments: { day: string; amount: number }[]) => promiseKept('2024-03-08', '2024-03-15', payments);
  it('is kept by a payment on the visit day or on the promised day', () => {
    expect(kept([{ day: '2024-03-08', amount: 1 }])).toBe(true);
    expect(kept([{ day: '2024-03-15', amount: 10_000 }])).toBe(true);
  });
  it('is not kept by a payment the day after, the day before the visit, or of nothing', () => {
    expect(kept([{ day: '2024-03-16', amount: 10_000 }])).toBe(false);
    expect(kept([{ day: '2024-03-07', amount: 10_000 }])).toBe(false);
    expect(kept([{ day: '2024-03-10', amount: 0 }])).toBe(false);
    expect(kept([])).toBe(false);
  });
});

describe('attributing payments to visits', () => {
  const visits = [
    { visit_id: 'V1', customer_id: 'C1', day: '2024-03-05' },
    { visit_id: 'V2', customer_id: 'C1', day: '2024-03-08' },
    { visit_id: 'V5', customer_id: 'C2', day: '2024-03-08' },
    { visit_id: 'V3', customer_id: 'C2', day: '2024-03-08' },
  ];
  it('a payment counts once, for the latest visit on or before its day', () => {
    // 15 March: V1 (10 days before) and V2 (7 days) are both within 14 days; only V2 gets it
    expect(attributePayments(visits, [{ customer_id: 'C1', day: '2024-03-15', amount: 10_000 }])).toEqual(new Map([['V2', 10_000]]));
  });
  it('on the visit day counts, 14 days after counts, 15 days after does not, before the first visit does not', () => {
    const got = attributePayments(visits, [
      { customer_id: 'C1', day: '2024-03-08', amount: 1 },
      { customer_id: 'C1', day: '2024-03-22', amount: 20 },
      { customer_id: 'C1', day: '2024-03-23', amount: 300 },
      { customer_id: 'C1', day: '2024-03-04', amount: 4_000 },
    ]);
    expect(got).toEqual(new Map([['V2', 21]]));
  });
  it('two visits of a customer on one day: the lowest visit_id takes the payment', () => {
    expect(attributePayments(visits, [{ customer_id: 'C2', day: '2024-03-15', amount: 50_000 }])).toEqual(new Map([['V3', 50_000]]));
  });
  it('a payment of a customer never visited goes nowhere', () => {
    expect(attributePayments(visits, [{ customer_id: 'C9', day: '2024-03-15', amount: 50_000 }]).size).toBe(0);
  });
});
