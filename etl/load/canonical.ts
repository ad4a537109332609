/**
 * The canonical files of the data contract (etl/CONTRACT.md): their columns, the rule for each field,
 * the rules across fields of one row, the natural key a corrected re-export replaces by, and the
 * references checked against the warehouse. The loader is generic over these descriptions.
 */
import { DESA_CODE, desaInKecamatan, KECAMATAN_CODE } from '../domain/areas';
import { CHANNEL_CATEGORIES } from '../domain/channels';
import { CUSTOMER_STATUSES } from '../domain/customers';
import {
  anyText, bool, emptyAsZero, coordinate, date, decimal, oneOf, optional, pattern, period, positiveRupiah, rupiah, text, timestamp,
  Invalid, type FieldRule,
} from './fields';

export type SqlType = 'VARCHAR' | 'BIGINT' | 'DATE' | 'TIMESTAMP' | 'DOUBLE' | 'BOOLEAN' | 'DECIMAL(12,2)';

export interface Column {
  name: string;
  type: SqlType;
  rule: FieldRule;
}

export interface Reference {
  /** SQL condition over the staged row `s` that must find a row in the warehouse */
  exists: string;
  /** SQL text expression giving the reason when it does not */
  reason: string;
}

export type Kind =
  | 'areas' | 'customers' | 'channels' | 'teams' | 'opening_balances' | 'bills' | 'payments' | 'write_offs' | 'visits';

export interface CanonicalKind {
  kind: Kind;
  /** the file's columns, exactly, in order */
  columns: readonly Column[];
  /** a rule across the fields of one row; values are normalised text */
  checkRow?: (v: Record<string, string | null>) => string | null;
  naturalKey: readonly string[];
  references: readonly Reference[];
  /** a surrogate id column the loader fills from a sequence */
  idColumn?: string;
  /** the money column summed in load reports */
  amountColumn?: string;
  /** which staged rows count in that sum (SQL over `s`), when not all of them are money received */
  amountWhere?: string;
  /** columns a file does not carry but the loader stages, with the value used for canonical files */
  suppliedColumns?: readonly { name: string; fallback: string }[];
  /** table columns computed from the staged ones (SQL over the staged row `s`) */
  derivedColumns?: Readonly<Record<string, string>>;
}

/** Load order: a file may refer to the kinds before it. */
export const LOAD_ORDER: readonly Kind[] = [
  'areas', 'channels', 'customers', 'teams', 'opening_balances', 'bills', 'payments', 'write_offs', 'visits',
];

const col = (name: string, type: SqlType, rule: FieldRule): Column => ({ name, type, rule });
const customerExists: Reference = {
  exists: 'SELECT 1 FROM customers c WHERE c.customer_id = s.customer_id',
  reason: `'unknown customer ' || s.customer_id`,
};

export const CANONICAL_KINDS: Record<Kind, CanonicalKind> = {
  areas: {
    kind: 'areas',
    columns: [
      col('desa_code', 'VARCHAR', pattern(DESA_CODE, 'a Kemendagri village code like 17.02.09.1012')),
      col('desa_name', 'VARCHAR', text),
      col('desa_type', 'VARCHAR', oneOf('desa', 'kelurahan')),
      col('kecamatan_code', 'VARCHAR', pattern(KECAMATAN_CODE, 'a Kemendagri kecamatan code like 17.02.09')),
      col('kecamatan_name', 'VARCHAR', text),
      col('latitude', 'DOUBLE', optional(coordinate(-90, 90))),
      col('longitude', 'DOUBLE', optional(coordinate(-180, 180))),
    ],
    checkRow: (v) =>
      desaInKecamatan(v.desa_code!, v.kecamatan_code!) ? null : `desa_code ${v.desa_code} is not in kecamatan ${v.kecamatan_code}`,
    naturalKey: ['desa_code'],
    references: [],
  },
  channels: {
    kind: 'channels',
    columns: [
      col('channel_code', 'VARCHAR', text),
      col('channel_name', 'VARCHAR', text),
      col('online', 'BOOLEAN', bool),
      col('category', 'VARCHAR', oneOf(...CHANNEL_CATEGORIES)),
      col('fee_per_txn', 'BIGINT', rupiah),
      col('launched_on', 'DATE', optional(date)),
    ],
    naturalKey: ['channel_code'],
    references: [],
  },
  customers: {
    kind: 'customers',
    columns: [
      col('customer_id', 'VARCHAR', text),
      col('name', 'VARCHAR', text),
      col('address', 'VARCHAR', anyText),
      col('desa_code', 'VARCHAR', text),
      col('tariff_class', 'VARCHAR', text),
      col('status', 'VARCHAR', oneOf(...CUSTOMER_STATUSES)),
      col('connected_on', 'DATE', optional(date)),
      col('latitude', 'DOUBLE', optional(coordinate(-90, 90))),
      col('longitude', 'DOUBLE', optional(coordinate(-180, 180))),
      col('phone', 'VARCHAR', anyText),
    ],
    naturalKey: ['customer_id'],
    references: [
      { exists: 'SELECT 1 FROM areas a WHERE a.desa_code = s.desa_code', reason: `'unknown desa_code ' || s.desa_code` },
    ],
  },
  teams: {
    kind: 'teams',
    columns: [
      col('team_id', 'VARCHAR', text),
      col('team_name', 'VARCHAR', text),
      col('collector_id', 'VARCHAR', text),
      col('collector_name', 'VARCHAR', text),
      col('base_latitude', 'DOUBLE', optional(coordinate(-90, 90))),
      col('base_longitude', 'DOUBLE', optional(coordinate(-180, 180))),
    ],
    naturalKey: ['team_id', 'collector_id'],
    references: [],
  },
  opening_balances: {
    kind: 'opening_balances',
    columns: [
      col('customer_id', 'VARCHAR', text),
      col('as_of', 'DATE', date),
      col('amount', 'BIGINT', positiveRupiah),
      col('oldest_period', 'VARCHAR', period),
    ],
    checkRow: (v) =>
      v.oldest_period! <= v.as_of!.slice(0, 7) ? null : `oldest_period ${v.oldest_period} is after as_of ${v.as_of}`,
    naturalKey: ['customer_id'],
    references: [customerExists],
    amountColumn: 'amount',
  },
  bills: {
    kind: 'bills',
    columns: [
      col('customer_id', 'VARCHAR', text),
      col('period', 'VARCHAR', period),
      col('issued_on', 'DATE', date),
      col('due_on', 'DATE', date),
      col('usage_m3', 'DECIMAL(12,2)', decimal),
      col('water_charge', 'BIGINT', rupiah),
      col('fixed_charge', 'BIGINT', rupiah),
      col('other_charge', 'BIGINT', rupiah),
      col('total_amount', 'BIGINT', rupiah),
    ],
    checkRow: (v) => {
      const sum = Number(v.water_charge) + Number(v.fixed_charge) + Number(v.other_charge);
      if (sum !== Number(v.total_amount)) {
        return `total_amount ${v.total_amount} is not water_charge + fixed_charge + other_charge = ${sum}`;
      }
      if (v.due_on! < v.issued_on!) return `due_on ${v.due_on} is before issued_on ${v.issued_on}`;
      return null;
    },
    naturalKey: ['customer_id', 'period'],
    references: [customerExists],
    idColumn: 'bill_id',
    amountColumn: 'total_amount',
  },
  payments: {
    kind: 'payments',
    columns: [
      col('payment_ref', 'VARCHAR', text),
      col('channel_code', 'VARCHAR', text),
      col('customer_id', 'VARCHAR', text),
      col('period', 'VARCHAR', optional(period)),
      col('paid_at', 'TIMESTAMP', timestamp),
      col('amount', 'BIGINT', rupiah),
      col('penalty', 'BIGINT', rupiah),
      col('admin_fee', 'BIGINT', rupiah),
    ],
    naturalKey: ['channel_code', 'payment_ref'],
    // An unknown customer is not a reason to refuse money: the payment loads and stays unmatched.
    references: [
      { exists: 'SELECT 1 FROM channels c WHERE c.channel_code = s.channel_code', reason: `'unknown channel ' || s.channel_code` },
    ],
    idColumn: 'payment_id',
    amountColumn: 'amount',
    // Settlement files say whether a row completed; a canonical payments.csv holds completed payments only.
    suppliedColumns: [{ name: 'status', fallback: 'completed' }],
    // Refunded and cancelled orders are recorded, but they are not money received.
    amountWhere: `s.status = 'completed'`,
    derivedColumns: { paid_on: 'CAST(CAST(s.paid_at AS TIMESTAMP) AS DATE)' },
  },
  write_offs: {
    kind: 'write_offs',
    columns: [
      col('customer_id', 'VARCHAR', text),
      col('period', 'VARCHAR', optional(period)),
      col('written_off_on', 'DATE', date),
      col('amount', 'BIGINT', positiveRupiah),
      col('reason', 'VARCHAR', text),
    ],
    naturalKey: ['customer_id', 'period', 'written_off_on'],
    references: [
      customerExists,
      {
        exists: 'SELECT 1 WHERE s.period IS NULL UNION ALL SELECT 1 FROM bills b WHERE b.customer_id = s.customer_id AND b.period = s.period',
        reason: `'no bill of ' || s.customer_id || ' for period ' || s.period || ' to write off'`,
      },
    ],
    idColumn: 'write_off_id',
    amountColumn: 'amount',
  },
  visits: {
    kind: 'visits',
    columns: [
      col('visit_id', 'VARCHAR', text),
      col('team_id', 'VARCHAR', text),
      col('collector_id', 'VARCHAR', text),
      col('customer_id', 'VARCHAR', text),
      col('visited_at', 'TIMESTAMP', timestamp),
      col('outcome', 'VARCHAR', oneOf('paid', 'partial', 'promise_to_pay', 'not_home', 'refused', 'sealed', 'letter_delivered', 'moved')),
      col('amount_collected', 'BIGINT', emptyAsZero(rupiah)),
      col('promise_date', 'DATE', optional(date)),
    ],
    checkRow: (v) => {
      if (v.outcome === 'promise_to_pay' && v.promise_date === null) return 'promise_to_pay needs a promise_date';
      if ((v.outcome === 'paid' || v.outcome === 'partial') && Number(v.amount_collected) === 0) {
        return `outcome ${v.outcome} with amount_collected 0`;
      }
      return null;
    },
    naturalKey: ['visit_id'],
    references: [
      customerExists,
      {
        exists: 'SELECT 1 FROM teams t WHERE t.team_id = s.team_id AND t.collector_id = s.collector_id',
        reason: `'unknown team/collector ' || s.team_id || '/' || s.collector_id`,
      },
    ],
    amountColumn: 'amount_collected',
  },
};

export type StagedValues = (string | null)[];
export type RowResult = { ok: true; values: StagedValues } | { ok: false; reason: string };

/**
 * Validates one row's fields (already split) against its kind: every failing field is named. `extra`
 * values (the kind's supplied columns) are appended to the staged values.
 */
export function validateRow(spec: CanonicalKind, fields: readonly string[], extra: readonly string[] = []): RowResult {
  const columns = spec.columns;
  if (fields.length !== columns.length) {
    return { ok: false, reason: `expected ${columns.length} fields, found ${fields.length}` };
  }
  const values: StagedValues = new Array(columns.length + extra.length);
  let reasons: string[] | null = null;
  for (let i = 0; i < columns.length; i++) {
    const v = columns[i].rule(fields[i], columns[i].name);
    if (v instanceof Invalid) (reasons ??= []).push(v.reason);
    else values[i] = v;
  }
  if (reasons) return { ok: false, reason: reasons.join('; ') };
  for (let i = 0; i < extra.length; i++) values[columns.length + i] = extra[i];
  if (spec.checkRow) {
    const named: Record<string, string | null> = {};
    for (let i = 0; i < columns.length; i++) named[columns[i].name] = values[i];
    const problem = spec.checkRow(named);
    if (problem) return { ok: false, reason: problem };
  }
  return { ok: true, values };
}

/** The canonical kind whose header this is, if any. */
export function kindOfHeader(header: readonly string[]): CanonicalKind | undefined {
  const names = header.map((h) => h.trim().toLowerCase()).join(',');
  return Object.values(CANONICAL_KINDS).find((k) => k.columns.map((c) => c.name).join(',') === names);
}
