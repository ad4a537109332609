/**
 * Customers whose overdue debts meet a condition (a status, a number of overdue bills, the age of the
 * oldest debt, an amount), one row each with the periods they owe: the sealing candidates (the
 * sealing policy, etl/domain/sealing.ts) and the recipients of the letters to customers. Personal data:
 * refused for a scope without it. Ordered by kecamatan, desa, then largest arrears, so a list reads
 * grouped by area.
 */
import { SEALABLE_STATUS, type SealingPolicy } from '../domain/sealing';
import type { Warehouse } from '../warehouse/duckdb';
import { FILTERED_DEBTS_SQL } from './debts';
import { filterParams, NO_FILTERS, type ArrearsFilters } from './filters';
import type { CustomerInArea } from './ledger';
import { requirePersonalData, type Scope } from './scope';

export interface OwingCustomer extends CustomerInArea {
  arrears: number;
  bills: number;
  oldest_months: number;
  /** the periods of the overdue bills owing something, oldest first */
  periods: string[];
  /** what each of those bills owes, in the same order */
  bills_owed: BillOwed[];
  /** what the opening balance (arrears from before the billing history) still owes; 0 when none */
  opening: number;
}

export interface BillOwed {
  period: string;
  amount: number;
}

export interface OwingCondition {
  /** only customers with this status; null for any */
  status: string | null;
  minBills: number;
  minOldestMonths: number;
  minAmount: number;
}

export async function customersOwing(
  wh: Warehouse,
  { asOf, filters = NO_FILTERS, condition, scope, limit }: { asOf: string; filters?: ArrearsFilters; condition: OwingCondition; scope: Scope; limit?: number },
): Promise<OwingCustomer[]> {
  requirePersonalData(scope, 'the customers owing');
  const rows = await wh.query<Omit<OwingCustomer, 'periods' | 'bills_owed'> & { periods: string }>(
    `WITH ${FILTERED_DEBTS_SQL},
     owing AS (
       SELECT d.customer_id, sum(d.outstanding)::BIGINT AS arrears, count(d.bill_id)::BIGINT AS bills, max(d.age)::BIGINT AS oldest_months,
              coalesce(sum(d.outstanding) FILTER (WHERE d.bill_id IS NULL), 0)::BIGINT AS opening,
              coalesce(list(b.period || ':' || CAST(d.outstanding AS BIGINT) ORDER BY b.period) FILTER (WHERE d.bill_id IS NOT NULL), []) AS periods
         FROM debts d JOIN kept USING (customer_id) LEFT JOIN bill_balances b ON b.bill_id = d.bill_id
        GROUP BY d.customer_id)
     SELECT o.customer_id, c.name, c.address, c.phone, c.desa_code, a.desa_name, a.desa_type, a.kecamatan_code, a.kecamatan_name,
            c.tariff_class, c.status, o.arrears, o.bills, o.oldest_months, array_to_string(o.periods, ',') AS periods, o.opening
       FROM owing o JOIN customers c USING (customer_id) JOIN areas a USING (desa_code)
      WHERE o.arrears > 0
        AND (CAST($c_status AS VARCHAR) IS NULL OR c.status = $c_status)
        AND o.bills >= $c_min_bills AND o.oldest_months >= $c_min_months AND o.arrears >= $c_min_amount
      ORDER BY a.kecamatan_code, c.desa_code, o.arrears DESC, o.customer_id
      LIMIT $limit`,
    {
      as_of: asOf,
      ...filterParams(filters),
      c_status: condition.status,
      c_min_bills: condition.minBills,
      c_min_months: condition.minOldestMonths,
      c_min_amount: condition.minAmount,
      limit: limit ?? 1_000_000_000,
    },
  );
  return rows.map((r) => {
    const bills_owed = parseBillsOwed(r.periods);
    return { ...r, periods: bills_owed.map((b) => b.period), bills_owed };
  });
}

/** `2024-02:30000,2024-03:60000` (how a list of bills owed travels as one text) → the bills. */
export function parseBillsOwed(text: string): BillOwed[] {
  if (!text) return [];
  return text.split(',').map((item) => {
    const [period, amount] = item.split(':');
    return { period, amount: Number(amount) };
  });
}

export function billsOwedText(bills: readonly BillOwed[]): string {
  return bills.map((b) => `${b.period}:${b.amount}`).join(',');
}

/** The policy's conditions (meetsSealingPolicy, the same rule in TypeScript). */
export function sealingCondition(policy: SealingPolicy): OwingCondition {
  return { status: SEALABLE_STATUS, minBills: policy.min_bills, minOldestMonths: policy.min_oldest_months, minAmount: Math.max(1, policy.min_amount) };
}

/** Active connections that meet the sealing policy as of the day. */
export function sealingCandidates(
  wh: Warehouse,
  { asOf, filters, policy, scope }: { asOf: string; filters?: ArrearsFilters; policy: SealingPolicy; scope: Scope },
): Promise<OwingCustomer[]> {
  return customersOwing(wh, { asOf, filters, condition: sealingCondition(policy), scope });
}
