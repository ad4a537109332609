import { describe, expect, it } from 'vitest';
import { sealingPolicyText } from '../../../app/lib/letters/policy-text';
import { letterCondition } from '../../../app/lib/letters/compose';
import { checkSealingPolicy, DEFAULT_SEALING_POLICY, meetsSealingPolicy } from '../../../etl/domain/sealing';

describe('the sealing policy', () => {
  const customer = { status: 'active', bills: 3, oldest_months: 3, arrears: 150_000 };

  it('by default: an active connection with three or more overdue bills', () => {
    expect(meetsSealingPolicy(DEFAULT_SEALING_POLICY, customer)).toBe(true);
    expect(meetsSealingPolicy(DEFAULT_SEALING_POLICY, { ...customer, bills: 2 })).toBe(false);
  });

  it.each(['sealed', 'disconnected', 'closed'])('never a %s connection', (status) => {
    expect(meetsSealingPolicy(DEFAULT_SEALING_POLICY, { ...customer, status })).toBe(false);
  });

  it('with an age and an amount condition, all must hold', () => {
    const policy = { min_bills: 2, min_oldest_months: 4, min_amount: 100_000 };
    expect(meetsSealingPolicy(policy, { ...customer, oldest_months: 4 })).toBe(true);
    expect(meetsSealingPolicy(policy, customer)).toBe(false);
    expect(meetsSealingPolicy(policy, { ...customer, oldest_months: 4, arrears: 99_999 })).toBe(false);
  });

  it('nothing owed is never a candidate, whatever the policy says', () => {
    expect(meetsSealingPolicy({ min_bills: 0, min_oldest_months: 0, min_amount: 0 }, { ...customer, bills: 0, arrears: 0 })).toBe(false);
  });

  it('is read from the form: whole numbers, at least one bill', () => {
    expect(checkSealingPolicy({ min_bills: '2', min_oldest_months: '', min_amount: '100.000' })).toEqual({ ok: true, value: { min_bills: 2, min_oldest_months: 0, min_amount: 100_000 } });
    expect(checkSealingPolicy({ min_bills: '0', min_oldest_months: '0', min_amount: '0' })).toEqual({ ok: false, field: 'min_bills' });
    expect(checkSealingPolicy({ min_bills: '3', min_oldest_months: '-1', min_amount: '0' })).toEqual({ ok: false, field: 'min_oldest_months' });
    expect(checkSealingPolicy({ min_bills: '3', min_oldest_months: '0', min_amount: '1,5' })).toEqual({ ok: false, field: 'min_amount' });
  });

  it('is said in words from the setting', () => {
    expect(sealingPolicyText(DEFAULT_SEALING_POLICY, 'id')).toBe('Kebijakan: sambungan aktif (belum disegel) dengan 3 lembar rekening atau lebih yang lewat jatuh tempo.');
    expect(sealingPolicyText({ min_bills: 2, min_oldest_months: 4, min_amount: 100_000 }, 'id')).toBe(
      'Kebijakan: sambungan aktif (belum disegel) dengan 2 lembar rekening atau lebih yang lewat jatuh tempo, tunggakan tertua 4 bulan atau lebih dan tunggakan minimal Rp100.000.',
    );
    expect(sealingPolicyText({ min_bills: 5, min_oldest_months: 0, min_amount: 0 }, 'en')).toBe('Policy: active connections (not yet sealed) with 5 or more overdue bills.');
  });

  it('decides who gets each kind of letter', () => {
    expect(letterCondition('teguran-2', DEFAULT_SEALING_POLICY)).toEqual({ status: 'active', minBills: 2, minOldestMonths: 0, minAmount: 1 });
    expect(letterCondition('segel', { min_bills: 4, min_oldest_months: 0, min_amount: 0 })).toEqual({ status: 'active', minBills: 4, minOldestMonths: 0, minAmount: 1 });
    expect(letterCondition('camat', DEFAULT_SEALING_POLICY)).toEqual({ status: null, minBills: 3, minOldestMonths: 0, minAmount: 1 });
  });
});
