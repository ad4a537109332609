/**
 * The filters every arrears query accepts, applied in SQL with bound parameters, and the pure parser
 * that reads them from a request's query string (the API answers 400 naming the parameter it refuses).
 *
 * minAmount keeps the customers whose arrears, after the other filters, add up to at least that much;
 * the rest narrow the debts (age is the debt's bucket, the others are the customer's).
 */
import { AGE_BUCKETS } from '../domain/aging';
import { DESA_CODE, desaInKecamatan, KECAMATAN_CODE } from '../domain/areas';
import { CUSTOMER_STATUSES, type CustomerStatus } from '../domain/customers';
import { parseWholeRupiah } from '../domain/money';

export interface ArrearsFilters {
  /** `17.02.KK` */
  kecamatan?: string;
  /** `17.02.KK.NXXX` */
  desa?: string;
  tariffClass?: string;
  status?: CustomerStatus;
  /** one of the age bucket labels (etl/domain/aging.ts) */
  age?: string;
  /** whole rupiah, on a customer's total arrears */
  minAmount?: number;
}

export const NO_FILTERS: ArrearsFilters = {};

/** Query parameter names (the API's and the pages' URLs). */
export const FILTER_PARAMS = {
  kecamatan: 'kecamatan',
  desa: 'desa',
  tariffClass: 'tariff_class',
  status: 'status',
  age: 'age',
  minAmount: 'min_amount',
} as const satisfies Record<keyof ArrearsFilters, string>;

export type FilterParse = { ok: true; filters: ArrearsFilters } | { ok: false; parameter: string; message: string };

const TARIFF_CLASS = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,15}$/;
const AGE_LABELS = AGE_BUCKETS.map((b) => b.label);

/** The filters in `params` (an empty parameter counts as absent), or the first parameter that is wrong. */
export function parseArrearsFilters(params: URLSearchParams): FilterParse {
  const filters: ArrearsFilters = {};
  const value = (name: string) => params.get(name)?.trim() || null;
  const refuse = (parameter: string, message: string): FilterParse => ({ ok: false, parameter, message: `${parameter}: ${message}` });

  const kecamatan = value(FILTER_PARAMS.kecamatan);
  if (kecamatan !== null) {
    if (!KECAMATAN_CODE.test(kecamatan)) return refuse(FILTER_PARAMS.kecamatan, `not a kecamatan code like 17.02.09 (${kecamatan})`);
    filters.kecamatan = kecamatan;
  }
  const desa = value(FILTER_PARAMS.desa);
  if (desa !== null) {
    if (!DESA_CODE.test(desa)) return refuse(FILTER_PARAMS.desa, `not a desa code like 17.02.09.1012 (${desa})`);
    if (kecamatan !== null && !desaInKecamatan(desa, kecamatan)) return refuse(FILTER_PARAMS.desa, `${desa} is not in kecamatan ${kecamatan}`);
    filters.desa = desa;
  }
  const tariffClass = value(FILTER_PARAMS.tariffClass);
  if (tariffClass !== null) {
    if (!TARIFF_CLASS.test(tariffClass)) return refuse(FILTER_PARAMS.tariffClass, `not a tariff class like R2 (${tariffClass})`);
    filters.tariffClass = tariffClass;
  }
  const status = value(FILTER_PARAMS.status);
  if (status !== null) {
    if (!(CUSTOMER_STATUSES as readonly string[]).includes(status)) return refuse(FILTER_PARAMS.status, `must be one of ${CUSTOMER_STATUSES.join(', ')} (${status})`);
    filters.status = status as CustomerStatus;
  }
  const age = value(FILTER_PARAMS.age);
  if (age !== null) {
    if (!AGE_LABELS.includes(age)) return refuse(FILTER_PARAMS.age, `must be one of ${AGE_LABELS.join(', ')} (${age})`);
    filters.age = age;
  }
  const minAmount = value(FILTER_PARAMS.minAmount);
  if (minAmount !== null) {
    const amount = parseWholeRupiah(minAmount, FILTER_PARAMS.minAmount);
    if (!amount.ok) return { ok: false, parameter: FILTER_PARAMS.minAmount, message: amount.reason };
    filters.minAmount = amount.value;
  }
  return { ok: true, filters };
}

/** The columns a query's rows expose to the filters (SQL expressions). */
export interface FilterColumns {
  kecamatan: string;
  desa: string;
  tariffClass: string;
  status: string;
  /** the debt's age bucket label */
  age: string;
}

/**
 * The debt-level filters as one SQL condition over `columns`; bind conditionParams(filters) with it. An
 * absent filter binds NULL and keeps every row, so the SQL text is the same for every request.
 */
export function filterConditionSql(c: FilterColumns): string {
  return `(CAST($f_kecamatan AS VARCHAR) IS NULL OR ${c.kecamatan} = $f_kecamatan)
      AND (CAST($f_desa AS VARCHAR) IS NULL OR ${c.desa} = $f_desa)
      AND (CAST($f_tariff_class AS VARCHAR) IS NULL OR ${c.tariffClass} = $f_tariff_class)
      AND (CAST($f_status AS VARCHAR) IS NULL OR ${c.status} = $f_status)
      AND (CAST($f_age AS VARCHAR) IS NULL OR ${c.age} = $f_age)`;
}

/** A customer's total arrears (an aggregate expression) against minAmount, for a HAVING clause. */
export function minAmountSql(totalExpr: string): string {
  return `(CAST($f_min_amount AS BIGINT) IS NULL OR ${totalExpr} >= $f_min_amount)`;
}

/** The parameters of filterConditionSql. */
export function conditionParams(f: ArrearsFilters): Record<string, string | null> {
  return {
    f_kecamatan: f.kecamatan ?? null,
    f_desa: f.desa ?? null,
    f_tariff_class: f.tariffClass ?? null,
    f_status: f.status ?? null,
    f_age: f.age ?? null,
  };
}

/** The parameters of filterConditionSql and minAmountSql together. */
export function filterParams(f: ArrearsFilters): Record<string, string | number | null> {
  return { ...conditionParams(f), f_min_amount: f.minAmount ?? null };
}
