/**
 * The sealing policy (calon segel): which connections the supervisors should seal. An admin sets it on
 * the Data page; the default follows common PDAM practice (DOMAIN §4, §8): an active connection with
 * three or more overdue bills, meters already sealed left out. The rule is this pure function and the
 * same conditions in SQL (etl/queries/sealing.ts), tested to agree.
 */
export interface SealingPolicy {
  /** overdue bills that still owe something (an opening balance is not a bill) */
  min_bills: number;
  /** age in months of the oldest debt; 0 = no condition */
  min_oldest_months: number;
  /** whole rupiah of the customer's arrears; 0 = no condition */
  min_amount: number;
}

export const DEFAULT_SEALING_POLICY: SealingPolicy = Object.freeze({ min_bills: 3, min_oldest_months: 0, min_amount: 0 });

/** Only active connections are sealed: sealed, disconnected and closed ones are not candidates. */
export const SEALABLE_STATUS = 'active';

export interface CustomerDebtSummary {
  status: string;
  bills: number;
  oldest_months: number;
  arrears: number;
}

export function meetsSealingPolicy(policy: SealingPolicy, c: CustomerDebtSummary): boolean {
  return (
    c.status === SEALABLE_STATUS &&
    c.arrears > 0 &&
    c.bills >= policy.min_bills &&
    c.oldest_months >= policy.min_oldest_months &&
    c.arrears >= policy.min_amount
  );
}

export type PolicyCheck = { ok: true; value: SealingPolicy } | { ok: false; field: keyof SealingPolicy };

const WHOLE = /^\d{1,12}$/;

/** The policy form's text: whole numbers, at least one overdue bill, at most 120 months. */
export function checkSealingPolicy(input: Record<keyof SealingPolicy, string>): PolicyCheck {
  const read = (s: string) => (WHOLE.test(s.trim().replace(/\./g, '')) ? Number(s.trim().replace(/\./g, '')) : Number.NaN);
  const bills = read(input.min_bills);
  if (!(bills >= 1 && bills <= 120)) return { ok: false, field: 'min_bills' };
  const months = read(input.min_oldest_months || '0');
  if (!(months >= 0 && months <= 120)) return { ok: false, field: 'min_oldest_months' };
  const amount = read(input.min_amount || '0');
  if (!Number.isSafeInteger(amount)) return { ok: false, field: 'min_amount' };
  return { ok: true, value: { min_bills: bills, min_oldest_months: months, min_amount: amount } };
}
