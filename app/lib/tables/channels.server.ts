/**
 * The payment-channel pages' tables: the channel comparison of a period (`GET /api/v1/channels`), and
 * a month's reconciliation per channel, its exceptions and the collectors' cash differences
 * (`GET /api/v1/reconciliation`). Exceptions name customers: that column is personal.
 */
import type { Adoption, CohortFigures } from '../../../etl/queries/channel-adoption';
import type { ChannelComparison, ChannelComparisonRow } from '../../../etl/queries/channels';
import type { CashDifference, Reconciliation, ReconciliationException, ReconciliationRow, RefusedFile } from '../../../etl/queries/reconciliation';
import { t, type Lang, type MessageKey } from '../../i18n';
import { formatMonth } from '../../i18n/format';
import { kecamatanParam, loadAdoption, loadComparison, loadReconciliation, monthParam, periodParams } from '../channels/figures.server';
import { SECTION_ROLES } from '../roles';
import type { ColumnDef } from '../../ui/data-table/columns';
import { defineTable } from './define.server';
import { windowRows } from './window';

export type CompareRow = Omit<ChannelComparisonRow, 'trend' | 'online'>;

const COMPARE_COLUMNS: ColumnDef<keyof CompareRow>[] = [
  { key: 'channel_name', label: 'channels.col.channel', format: 'text', sortable: true, rowHeader: true },
  { key: 'channel_code', label: 'table.col.code', format: 'text', sortable: true, mono: true },
  { key: 'category', label: 'channels.col.category', format: 'text', sortable: true },
  { key: 'payments', label: 'channels.col.payments', format: 'number', sortable: true, total: true },
  { key: 'amount', label: 'channels.col.amount', format: 'money', sortable: true, total: true },
  { key: 'share', label: 'channels.col.share', format: 'percent', sortable: true },
  { key: 'customers', label: 'channels.col.customers', format: 'number', sortable: true },
  { key: 'average_ticket', label: 'channels.col.averageTicket', format: 'money', sortable: true },
  { key: 'on_time_rate', label: 'channels.col.onTime', format: 'percent', sortable: true },
  { key: 'median_days_to_pay', label: 'channels.col.medianDays', format: 'number', sortable: true },
  { key: 'admin_fee', label: 'channels.col.adminFee', format: 'money', sortable: true, total: true },
  { key: 'fee_cost', label: 'channels.col.cost', format: 'money', sortable: true, total: true },
  { key: 'cost_per_million', label: 'channels.col.costPerMillion', format: 'money', sortable: true },
  { key: 'exceptions', label: 'channels.col.exceptions', format: 'number', sortable: true, total: true },
];

const periodDetail = ({ from, to }: { from: string; to: string }, lang: Lang) =>
  `${t(lang, 'channels.period')}: ${formatMonth(from, lang)} – ${formatMonth(to, lang)}`;

export const channelsCompareTable = defineTable<{ from: string; to: string }, ChannelComparison, CompareRow>({
  id: 'channels-compare',
  prefix: 'ch-',
  title: 'channels.compare.title',
  columns: COMPARE_COLUMNS,
  defaultSort: { key: 'amount', dir: 'desc' },
  pageSize: 50,
  roles: SECTION_ROLES.channels,
  input: (params) => periodParams(params),
  inputParams: ({ from, to }) => ({ from, to }),
  load: (_, input) => loadComparison(input),
  rows: (source, window) => windowRows(source.rows.map(({ trend: _t, online: _o, ...row }) => row), COMPARE_COLUMNS, window),
  details: (input, _source, lang) => [periodDetail(input, lang)],
  fileSuffix: ({ from, to }) => [from, to],
});

const REC_COLUMNS: ColumnDef<keyof ReconciliationRow>[] = [
  { key: 'channel_code', label: 'channels.col.channel', format: 'text', sortable: true, rowHeader: true, mono: true },
  { key: 'received', label: 'channels.col.received', format: 'money', sortable: true, total: true },
  { key: 'applied', label: 'channels.col.applied', format: 'money', sortable: true, total: true },
  { key: 'credit', label: 'channels.col.credit', format: 'money', sortable: true, total: true },
  { key: 'duplicate', label: 'channels.col.duplicate', format: 'money', sortable: true, total: true },
  { key: 'unmatched', label: 'channels.col.unmatched', format: 'money', sortable: true, total: true },
  { key: 'refunded', label: 'channels.col.refunded', format: 'money', sortable: true, total: true },
];

const KINDS: Record<ReconciliationException['kind'], MessageKey> = {
  unmatched: 'channels.kind.unmatched',
  duplicate: 'channels.kind.duplicate',
  credit: 'channels.kind.credit',
  refunded: 'channels.kind.refunded',
  cancelled: 'channels.kind.cancelled',
};

const REASONS: Record<ReconciliationException['kind'], MessageKey> = {
  unmatched: 'channels.reason.unmatched',
  duplicate: 'channels.reason.duplicate',
  credit: 'channels.reason.credit',
  refunded: 'channels.reason.refunded',
  cancelled: 'channels.reason.cancelled',
};

/** An exception as the list shows it: the reason is its kind's sentence (words from i18n, not from the data). */
export type ExceptionRow = Omit<ReconciliationException, 'reason'> & { reason: string };

const EXCEPTION_COLUMNS: ColumnDef<keyof ExceptionRow>[] = [
  { key: 'kind', label: 'channels.col.kind', format: 'text', sortable: true, values: KINDS },
  { key: 'channel_code', label: 'channels.col.channel', format: 'text', sortable: true, mono: true },
  { key: 'payment_ref', label: 'channels.col.ref', format: 'text', sortable: true, mono: true, rowHeader: true },
  { key: 'customer_id', label: 'channels.col.customer', format: 'text', sortable: true, mono: true, personal: true },
  { key: 'period', label: 'channels.col.period', format: 'month', sortable: true },
  { key: 'paid_on', label: 'channels.col.paidOn', format: 'date', sortable: true },
  { key: 'amount', label: 'channels.col.amount', format: 'money', sortable: true, total: true },
  { key: 'file_name', label: 'channels.col.file', format: 'text', sortable: true, mono: true },
  { key: 'line', label: 'channels.col.line', format: 'number', sortable: true },
  { key: 'reason', label: 'channels.col.reason', format: 'text', values: REASONS },
  { key: 'other_channels', label: 'channels.col.paidThrough', format: 'text', mono: true },
];

const CASH_COLUMNS: ColumnDef<keyof CashDifference>[] = [
  { key: 'collector_name', label: 'channels.col.collector', format: 'text', sortable: true, rowHeader: true },
  { key: 'collector_id', label: 'table.col.code', format: 'text', sortable: true, mono: true },
  { key: 'day', label: 'channels.col.day', format: 'date', sortable: true },
  { key: 'visits', label: 'channels.col.visits', format: 'number', sortable: true, total: true },
  { key: 'recorded', label: 'channels.col.recorded', format: 'money', sortable: true, total: true },
  { key: 'deposited', label: 'channels.col.deposited', format: 'money', sortable: true, total: true },
  { key: 'difference', label: 'channels.col.difference', format: 'money', sortable: true, total: true },
];

const monthDetail = ({ month }: { month: string }, lang: Lang) => `${t(lang, 'channels.rec.month')}: ${formatMonth(month, lang)}`;

const recTable = <Row extends object>(spec: { id: string; prefix: string; title: MessageKey; columns: ColumnDef<Extract<keyof Row, string>>[]; pick: (r: Reconciliation) => Row[]; sortKey: string }) =>
  defineTable<{ month: string }, Reconciliation, Row>({
    id: spec.id,
    prefix: spec.prefix,
    title: spec.title,
    columns: spec.columns,
    defaultSort: { key: spec.sortKey, dir: 'asc' },
    pageSize: 50,
    roles: SECTION_ROLES.channels,
    input: async (params) => ({ month: await monthParam(params) }),
    inputParams: ({ month }) => ({ month }),
    load: (ctx, { month }) => loadReconciliation(month, ctx.scope),
    rows: (source, window) => windowRows(spec.pick(source), spec.columns, window),
    details: (input, _source, lang) => [monthDetail(input, lang)],
    fileSuffix: ({ month }) => [month],
  });

export const reconciliationTable = recTable<ReconciliationRow>({ id: 'reconciliation', prefix: 'rec-', title: 'channels.rec.rows', columns: REC_COLUMNS, pick: (r) => r.rows, sortKey: 'channel_code' });

export const reconciliationExceptionsTable = recTable<ExceptionRow>({
  id: 'reconciliation-exceptions',
  prefix: 'exc-',
  title: 'channels.rec.exceptions',
  columns: EXCEPTION_COLUMNS,
  pick: (r) => r.exceptions.map((e) => ({ ...e, reason: e.kind })),
  sortKey: 'paid_on',
});

const REFUSED_COLUMNS: ColumnDef<keyof RefusedFile>[] = [
  { key: 'file_name', label: 'channels.col.file', format: 'text', sortable: true, mono: true, rowHeader: true },
  { key: 'format', label: 'channels.col.format', format: 'text', sortable: true, mono: true },
  { key: 'refused_at', label: 'channels.col.refusedAt', format: 'datetime', sortable: true },
  { key: 'reason', label: 'channels.col.reason', format: 'text' },
];

export const refusedFilesTable = recTable<RefusedFile>({ id: 'refused-files', prefix: 'ref-', title: 'channels.rec.refusedFiles', columns: REFUSED_COLUMNS, pick: (r) => r.refused_files, sortKey: 'refused_at' });

export const cashDifferencesTable = recTable<CashDifference>({ id: 'collector-cash', prefix: 'cash-', title: 'channels.rec.cash', columns: CASH_COLUMNS, pick: (r) => r.cash, sortKey: 'day' });

const COHORT_COLUMNS: ColumnDef<keyof CohortFigures>[] = [
  { key: 'month', label: 'channels.col.month', format: 'month', sortable: true, rowHeader: true },
  { key: 'customers', label: 'channels.col.adopters', format: 'number', sortable: true, total: true },
  { key: 'retention_3', label: 'channels.col.retention3', format: 'percent', sortable: true },
  { key: 'retention_6', label: 'channels.col.retention6', format: 'percent', sortable: true },
  { key: 'retention_12', label: 'channels.col.retention12', format: 'percent', sortable: true },
];

export interface AdoptionTableInput {
  from: string;
  to: string;
  kecamatan: string | null;
}

export const cohortsTable = defineTable<AdoptionTableInput, Adoption, CohortFigures>({
  id: 'channel-cohorts',
  prefix: 'coh-',
  title: 'channels.cohorts',
  columns: COHORT_COLUMNS,
  defaultSort: { key: 'month', dir: 'desc' },
  pageSize: 24,
  roles: SECTION_ROLES.channels,
  input: async (params) => ({ ...(await periodParams(params, 'all')), kecamatan: kecamatanParam(params) }),
  inputParams: ({ from, to, kecamatan }) => ({ from, to, kecamatan }),
  load: (_, input) => loadAdoption(input),
  rows: (source, window) => windowRows(source.cohorts, COHORT_COLUMNS, window),
  details: (input, _source, lang) => [periodDetail(input, lang), ...(input.kecamatan ? [input.kecamatan] : [])],
  fileSuffix: ({ from, to, kecamatan }) => [from, to, ...(kecamatan ? [kecamatan] : [])],
});
