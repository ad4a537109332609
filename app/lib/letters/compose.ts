/**
 * What letters a selection makes (pure): the kinds, which customers each kind lists, and one draft per
 * addressee. To customers (teguran 1, 2, 3, notice of sealing): one letter per customer. To area heads:
 * one letter to the camat of a kecamatan, or one to the kepala desa / lurah of each desa or kelurahan
 * (desa_type decides) of the selected area, listing its customers in arrears.
 */
import { dateFromDayNumber, dayNumber } from '../../../etl/domain/period';
import { SEALABLE_STATUS, type SealingPolicy } from '../../../etl/domain/sealing';
import type { LetterDraft } from '../../../etl/store/letters';
import type { OwingCondition, OwingCustomer } from '../../../etl/queries/sealing';
import { sealingCondition } from '../../../etl/queries/sealing';

export const CUSTOMER_KINDS = ['teguran-1', 'teguran-2', 'teguran-3', 'segel'] as const;
export const AREA_KINDS = ['camat', 'kepala-desa'] as const;
export const LETTER_KINDS = [...CUSTOMER_KINDS, ...AREA_KINDS] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

export function isLetterKind(value: unknown): value is LetterKind {
  return typeof value === 'string' && (LETTER_KINDS as readonly string[]).includes(value);
}

export function isCustomerKind(kind: LetterKind): boolean {
  return (CUSTOMER_KINDS as readonly string[]).includes(kind);
}

/** An area letter lists at most this many customers (largest first): one A4 page each. */
export const AREA_LETTER_MAX_LINES = 15;

/**
 * Who a kind lists. Teguran k: active connections with k or more overdue bills; notice of sealing:
 * the sealing candidates; area heads: every customer there with as many overdue bills as the policy
 * seals for, whatever their status (sealed meters still owe).
 */
export function letterCondition(kind: LetterKind, policy: SealingPolicy): OwingCondition {
  switch (kind) {
    case 'teguran-1':
    case 'teguran-2':
    case 'teguran-3':
      return { status: SEALABLE_STATUS, minBills: Number(kind.slice(-1)), minOldestMonths: 0, minAmount: 1 };
    case 'segel':
      return sealingCondition(policy);
    case 'camat':
    case 'kepala-desa':
      return { status: null, minBills: policy.min_bills, minOldestMonths: 0, minAmount: 1 };
  }
}

export function addDays(date: string, days: number): string {
  return dateFromDayNumber(dayNumber(date) + days);
}

function lineOf(c: OwingCustomer) {
  return { customer_id: c.customer_id, name: c.name, address: c.address, bills: c.bills_owed, opening: c.opening, amount: c.arrears };
}

function areaHead(c: Pick<OwingCustomer, 'desa_type' | 'desa_name'>): string {
  return `${c.desa_type === 'kelurahan' ? 'Lurah' : 'Kepala Desa'} ${c.desa_name}`;
}

/** The drafts of a selection's letters, in the order of the customers (kecamatan, desa, largest first). */
export function composeDrafts(kind: LetterKind, customers: readonly OwingCustomer[], { issuedOn, deadlineDays }: { issuedOn: string; deadlineDays: number }): LetterDraft[] {
  if (isCustomerKind(kind)) {
    return customers.map((c) => ({
      kecamatan_code: c.kecamatan_code,
      desa_code: c.desa_code,
      customer_id: c.customer_id,
      recipient: `Bapak/Ibu ${c.name}`,
      recipient_place: c.address,
      deadline: addDays(issuedOn, deadlineDays),
      total_amount: c.arrears,
      total_customers: 1,
      lines: [lineOf(c)],
    }));
  }
  const groups = new Map<string, OwingCustomer[]>();
  for (const c of customers) {
    const key = kind === 'camat' ? c.kecamatan_code : c.desa_code;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  return [...groups.values()].map((list) => {
    const first = list[0];
    const listed = [...list].sort((a, b) => b.arrears - a.arrears || a.customer_id.localeCompare(b.customer_id)).slice(0, AREA_LETTER_MAX_LINES);
    return {
      kecamatan_code: first.kecamatan_code,
      desa_code: kind === 'camat' ? null : first.desa_code,
      customer_id: null,
      recipient: kind === 'camat' ? `Camat ${first.kecamatan_name}` : areaHead(first),
      recipient_place: kind === 'camat' ? `Kecamatan ${first.kecamatan_name}` : `${first.desa_type === 'kelurahan' ? 'Kelurahan' : 'Desa'} ${first.desa_name}`,
      deadline: null,
      total_amount: list.reduce((s, c) => s + c.arrears, 0),
      total_customers: list.length,
      lines: listed.map(lineOf),
    };
  });
}
