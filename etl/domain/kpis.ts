/**
 * The KPI catalog: every key indicator declared once, with its label in both languages, the pure
 * formula it is computed by, how it is formatted and, where a regulation scores it, its bands. Pages
 * read their labels, formats and band texts from here, so changing a band constant (kpi.ts,
 * provision.ts) changes what every page says. Definitions and sources: etl/CONTRACT.md §4, "KPIs".
 */
import { AGE_BUCKETS, type AgeBucket } from './aging';
import {
  collectionEffectiveness,
  DAYS_RECEIVABLE_BANDS,
  daysReceivable,
  EFFECTIVENESS_BANDS,
  onlineShare,
  receivables,
  splitCurrentLegacy,
  type Score,
} from './kpi';
import { PROVISION_PERCENT_BY_BUCKET, provisionForArrears } from './provision';

/** How a KPI's value is written: whole rupiah, a ratio as a percentage, a number of days, a count. */
export type KpiFormat = 'money' | 'percent' | 'days' | 'count';

/** Higher is better: the score is that of the first band whose lower bound (exclusive) the ratio is above. */
export interface RatioBands {
  kind: 'ratio-above';
  bands: readonly { score: Score; above: number }[];
}

/** Lower is better: the score is that of the first band whose upper bound (inclusive) the days are at most. */
export interface DaysBands {
  kind: 'days-at-most';
  bands: readonly { score: Score; atMost: number }[];
}

/** Not a score: the percent of the arrears provided for, by age bucket. */
export interface ProvisionSchedule {
  kind: 'provision';
  buckets: readonly AgeBucket[];
  percentByBucket: Readonly<Record<string, number>>;
}

export type KpiBands = RatioBands | DaysBands | ProvisionSchedule;

export interface KpiDefinition {
  /** the KPI's name in the API, the CSV and the page (data-kpi) */
  id: string;
  label: { id: string; en: string };
  format: KpiFormat;
  /** the pure function the value comes out of; null when it is the query's own sum or count */
  formula: ((...args: never[]) => unknown) | null;
  bands?: KpiBands;
  /** the regulation or guideline that defines the KPI or its bands */
  source?: string;
}

export const EFFECTIVENESS_SCORE: RatioBands = { kind: 'ratio-above', bands: EFFECTIVENESS_BANDS };
export const DAYS_RECEIVABLE_SCORE: DaysBands = { kind: 'days-at-most', bands: DAYS_RECEIVABLE_BANDS };
export const PROVISION_SCHEDULE: ProvisionSchedule = { kind: 'provision', buckets: AGE_BUCKETS, percentByBucket: PROVISION_PERCENT_BY_BUCKET };

const KEPMENDAGRI_47_1999 = 'Kepmendagri 47/1999; BPPSPAM (same bands)';

export const KPIS = {
  total_arrears: {
    id: 'total_arrears',
    label: { id: 'Total tunggakan', en: 'Total arrears' },
    format: 'money',
    formula: null,
  },
  current_arrears: {
    id: 'current_arrears',
    label: { id: 'Tunggakan berjalan', en: 'Current arrears' },
    format: 'money',
    formula: splitCurrentLegacy,
  },
  legacy_arrears: {
    id: 'legacy_arrears',
    label: { id: 'Tunggakan lama', en: 'Legacy arrears' },
    format: 'money',
    formula: splitCurrentLegacy,
  },
  customers_in_arrears: {
    id: 'customers_in_arrears',
    label: { id: 'Pelanggan menunggak', en: 'Customers in arrears' },
    format: 'count',
    formula: null,
  },
  receivables: {
    id: 'receivables',
    label: { id: 'Piutang usaha air', en: 'Water receivables' },
    format: 'money',
    formula: receivables,
  },
  provision: {
    id: 'provision',
    label: { id: 'Penyisihan piutang tak tertagih', en: 'Provision for doubtful receivables' },
    format: 'money',
    formula: provisionForArrears,
    bands: PROVISION_SCHEDULE,
    source: 'Kemendagri accounting guideline for PDAM, as Perumda Tirta Bukit Kaba applies it',
  },
  effectiveness_own_bills: {
    id: 'effectiveness_own_bills',
    label: { id: 'Efektivitas penagihan · tagihan periode', en: 'Collection effectiveness · own bills' },
    format: 'percent',
    formula: collectionEffectiveness,
    bands: EFFECTIVENESS_SCORE,
    source: KEPMENDAGRI_47_1999,
  },
  effectiveness_all_receipts: {
    id: 'effectiveness_all_receipts',
    label: { id: 'Efektivitas penagihan · semua penerimaan', en: 'Collection effectiveness · all receipts' },
    format: 'percent',
    formula: collectionEffectiveness,
    bands: EFFECTIVENESS_SCORE,
    source: KEPMENDAGRI_47_1999,
  },
  days_receivable: {
    id: 'days_receivable',
    label: { id: 'Jangka waktu penagihan piutang', en: 'Days receivable' },
    format: 'days',
    formula: daysReceivable,
    bands: DAYS_RECEIVABLE_SCORE,
    source: KEPMENDAGRI_47_1999,
  },
  online_share: {
    id: 'online_share',
    label: { id: 'Pembayaran daring', en: 'Online payments' },
    format: 'percent',
    formula: onlineShare,
  },
} as const satisfies Record<string, KpiDefinition>;

export type KpiId = keyof typeof KPIS;

/** Every KPI, in the order the overview shows them. */
export const KPI_LIST: readonly KpiDefinition[] = Object.values(KPIS);
