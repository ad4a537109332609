/**
 * The LPP, Laporan Penerimaan Penagihan (CONTRACT §4 Reports): what was received from day `from` to day
 * `to` (Jakarta days of paid_at), per payment (detail) or per day × channel × golongan (rekap), with the
 * refunded and cancelled rows apart. The payments are a channel's payments (completedPaymentSql), so the
 * LPP's principal equals the channel totals of the same days. The rekap, the totals and the days a
 * detail page falls on come from lpp_daily (the same payments summed at load: a few hundred rows a day
 * at a million customers), a page's lines from the payments of those days only; the tests hold the two
 * equal.
 */
import { completedPaymentSql } from '../../domain/channel-rules';
import { daysOfPage, lembarOfPaymentSql, LPP_MAX_DAYS } from '../../domain/reports/lpp';
import { asLines, totalsOf, withSubtotals } from '../../domain/reports/rekap';
import type { ReportColumn, ReportView } from '../../domain/reports/shape';
import type { Warehouse } from '../../warehouse/duckdb';
import { conditionParams, filterConditionSql, type ArrearsFilters } from '../filters';
import { requirePersonalData, type Scope } from '../scope';
import { CUSTOMER_COLUMNS } from './columns';
import { echoParams } from './params';
import { defineReport, type ReportDefinition } from './report';

/** The customer filters of the LPP (the payer's area and golongan) and the channel. */
export type LppFilters = Pick<ArrearsFilters, 'kecamatan' | 'desa' | 'tariffClass'> & { channel?: string };

export interface LppQuery {
  /** YYYY-MM-DD, both included (etl/domain/reports/lpp.ts parseLppDays) */
  from: string;
  to: string;
  filters: LppFilters;
}

export interface LppAmounts {
  payments: number;
  /** bills paid (lembarOfPayment) */
  lembar: number;
  principal: number;
  penalty: number;
  /** what the channel charged the customer (not the utility's) */
  admin_fee: number;
  /** principal + penalty: what the utility received */
  total: number;
}

export interface LppPayment {
  paid_at: string;
  day: string;
  /** HH:MM:SS, Jakarta */
  time: string;
  payment_ref: string;
  channel_code: string;
  channel_name: string;
  customer_id: string;
  /** null for a payment of a customer we do not know */
  name: string | null;
  kecamatan_name: string | null;
  desa_name: string | null;
  tariff_class: string | null;
  period: string | null;
  /** completed, refunded or cancelled */
  status: string;
  lembar: number;
  principal: number;
  penalty: number;
  admin_fee: number;
  total: number;
}

export interface LppRekapRow extends LppAmounts {
  day: string;
  channel_code: string;
  channel_name: string;
  /** null for payments of customers we do not know */
  tariff_class: string | null;
}

export interface LppRefundRekapRow extends LppAmounts {
  day: string;
  channel_code: string;
  channel_name: string;
  status: string;
}

/** The LPP's filters over a payment's channel and its payer's kecamatan, desa and golongan (SQL expressions). */
const lppFilterSql = (channel: string, kecamatan: string, desa: string, tariffClass: string) =>
  `(CAST($channel AS VARCHAR) IS NULL OR ${channel} = $channel)
       AND ${filterConditionSql({ kecamatan, desa, tariffClass, status: 'NULL', age: 'NULL' })}`;

/**
 * The payments of the days that pass the filters, completed ones ($completed) or the refunded and
 * cancelled ones, with their lembar. Unknown customers have no area or golongan: any customer filter
 * leaves them out.
 */
const LPP_PAYMENTS = `
  lembar AS (
    SELECT payment_id, count(DISTINCT bill_id) AS bills FROM payment_allocations
     WHERE target = 'bill' AND paid_on BETWEEN CAST($from AS DATE) AND CAST($to AS DATE) GROUP BY 1),
  lpp AS (
    SELECT p.payment_id, strftime(p.paid_at, '%Y-%m-%d %H:%M:%S') AS paid_at, CAST(p.paid_on AS VARCHAR) AS day,
           strftime(p.paid_at, '%H:%M:%S') AS time,
           p.payment_ref, p.channel_code, coalesce(ch.channel_name, p.channel_code) AS channel_name,
           p.customer_id, c.name, a.kecamatan_name, a.desa_name, c.tariff_class, p.period, p.status,
           ${lembarOfPaymentSql('p.period', 'l.bills')} AS lembar,
           p.amount AS principal, p.penalty, p.admin_fee, p.amount + p.penalty AS total
      FROM payments p
      LEFT JOIN channels ch ON ch.channel_code = p.channel_code
      LEFT JOIN customers c ON c.customer_id = p.customer_id
      LEFT JOIN areas a ON a.desa_code = c.desa_code
      LEFT JOIN lembar l ON l.payment_id = p.payment_id
     WHERE p.paid_on BETWEEN CAST($from AS DATE) AND CAST($to AS DATE)
       AND (${completedPaymentSql('p')}) = $completed
       AND ${lppFilterSql('p.channel_code', 'a.kecamatan_code', 'c.desa_code', 'c.tariff_class')})`;

/**
 * The same selection summed, from lpp_daily (a few hundred rows a day at a million customers instead of
 * every payment): per day × channel × golongan × status, whether its payments count as received.
 */
const LPP_DAYS = `
  lpp_days AS (
    SELECT CAST(d.day AS VARCHAR) AS day, d.channel_code, coalesce(ch.channel_name, d.channel_code) AS channel_name,
           d.tariff_class, d.status, ${completedPaymentSql('d')} AS completed,
           d.payments, d.lembar, d.principal, d.penalty, d.admin_fee
      FROM lpp_daily d
      LEFT JOIN channels ch ON ch.channel_code = d.channel_code
      LEFT JOIN areas a ON a.desa_code = d.desa_code
     WHERE d.day BETWEEN CAST($from AS DATE) AND CAST($to AS DATE)
       AND ${lppFilterSql('d.channel_code', 'a.kecamatan_code', 'd.desa_code', 'd.tariff_class')})`;

/** LppAmounts summed over lpp_days rows. */
const AMOUNTS = `sum(payments)::BIGINT AS payments, sum(lembar)::BIGINT AS lembar, sum(principal)::BIGINT AS principal,
  sum(penalty)::BIGINT AS penalty, sum(admin_fee)::BIGINT AS admin_fee, sum(principal + penalty)::BIGINT AS total`;

function lppParams({ from, to, filters }: LppQuery) {
  return { from, to, channel: filters.channel ?? null, ...conditionParams(filters) };
}

const NO_AMOUNTS: LppAmounts = { payments: 0, lembar: 0, principal: 0, penalty: 0, admin_fee: 0, total: 0 };

/** The grand totals of the completed payments (the refunds are not in them), or of the refunded and cancelled rows (`refunds`). */
export async function lppTotals(wh: Warehouse, query: LppQuery & { refunds?: boolean }): Promise<LppAmounts> {
  const [row] = await wh.query<LppAmounts>(`WITH ${LPP_DAYS} SELECT ${AMOUNTS} FROM lpp_days WHERE completed = $completed`, {
    ...lppParams(query),
    completed: !query.refunds,
  });
  return row.payments > 0 ? row : NO_AMOUNTS;
}

export interface LppDay extends LppAmounts {
  /** YYYY-MM-DD; null: every day together */
  day: string | null;
  completed: boolean;
}

/**
 * The received payments (completed) and the refunded and cancelled ones of each day, and of every day
 * together (day null), in one pass: the detail's totals and where its pages fall.
 */
export function lppDays(wh: Warehouse, query: LppQuery): Promise<LppDay[]> {
  return wh.query<LppDay>(
    `WITH ${LPP_DAYS}
     SELECT day, completed, ${AMOUNTS} FROM lpp_days GROUP BY GROUPING SETS ((completed, day), (completed)) ORDER BY completed DESC, day NULLS FIRST`,
    lppParams(query),
  );
}

export interface LppPage {
  /** rows to skip and at most how many to return (the whole list without) */
  offset?: number;
  limit?: number;
}

type LppDetailQuery = LppQuery & { scope: Scope; refunds?: boolean; page?: LppPage };

/**
 * The detail: one row per payment, in time order (then channel and reference). `refunds: true` lists
 * the refunded and cancelled rows instead. Names customers: refused without personal data.
 */
export function lppPaymentRows(wh: Warehouse, query: LppDetailQuery): Promise<LppPayment[]> {
  requirePersonalData(query.scope, 'The LPP detail');
  return wh.query<LppPayment>(
    `WITH ${LPP_PAYMENTS}
     SELECT * EXCLUDE (payment_id) FROM lpp ORDER BY paid_at, channel_code, payment_ref
     LIMIT CAST($limit AS BIGINT) OFFSET $offset`,
    { ...lppParams(query), completed: !query.refunds, limit: query.page?.limit ?? null, offset: query.page?.offset ?? 0 },
  );
}

/** lppPaymentRows with the count of the whole selection. */
export async function lppPayments(wh: Warehouse, query: LppDetailQuery): Promise<{ count: number; rows: LppPayment[] }> {
  const [rows, totals] = await Promise.all([lppPaymentRows(wh, query), lppTotals(wh, query)]);
  return { count: totals.payments, rows };
}

/**
 * The rekap in one pass: the received payments per day × channel × golongan, in day order, then
 * channel and golongan; the refunded and cancelled rows per status (refunded first) × day × channel.
 */
export async function lppRekap(wh: Warehouse, query: LppQuery): Promise<{ received: LppRekapRow[]; refunds: LppRefundRekapRow[] }> {
  const rows = await wh.query<LppRekapRow & { completed: boolean; status: string | null }>(
    `WITH ${LPP_DAYS}
     SELECT completed, day, channel_code, channel_name, CASE WHEN completed THEN tariff_class END AS tariff_class,
            CASE WHEN NOT completed THEN status END AS status, ${AMOUNTS}
       FROM lpp_days GROUP BY ALL
      ORDER BY completed DESC, status DESC, day, channel_code, tariff_class NULLS LAST`,
    lppParams(query),
  );
  const received: LppRekapRow[] = [];
  const refunds: LppRefundRekapRow[] = [];
  for (const { completed, day, channel_code, channel_name, tariff_class, status, ...amounts } of rows) {
    if (completed) received.push({ day, channel_code, channel_name, tariff_class, ...amounts });
    else refunds.push({ day, channel_code, channel_name, status: status as string, ...amounts });
  }
  return { received, refunds };
}

const LPP_FILTERS = ['kecamatan', 'desa', 'tariffClass', 'channel'] as const;

const AMOUNT_COLUMNS: ReportColumn[] = [
  { key: 'lembar', format: 'number', summed: true },
  { key: 'principal', format: 'money', summed: true },
  { key: 'penalty', format: 'money', summed: true },
  { key: 'admin_fee', format: 'money', summed: true },
  { key: 'total', label: 'received_total', format: 'money', summed: true },
];

const DETAIL_COLUMNS: ReportColumn[] = [
  { key: 'day', format: 'date' },
  { key: 'time', format: 'text' },
  { key: 'payment_ref', format: 'text' },
  { key: 'channel_name', label: 'channel', format: 'text' },
  ...CUSTOMER_COLUMNS,
  { key: 'period', format: 'month' },
  { key: 'status', format: 'text', coded: true },
  ...AMOUNT_COLUMNS,
];

// The day as text (YYYY-MM-DD): the first column names each subtotal row ("Subjumlah 2024-03-10").
const REKAP_COLUMNS: ReportColumn[] = [
  { key: 'day', format: 'text' },
  { key: 'channel_name', label: 'channel', format: 'text' },
  { key: 'tariff_class', format: 'text' },
  { key: 'status', format: 'text', coded: true },
  { key: 'payments', format: 'number', summed: true },
  ...AMOUNT_COLUMNS,
];

const totalsOfAmounts = (a: LppAmounts) => ({ payments: a.payments, lembar: a.lembar, principal: a.principal, penalty: a.penalty, admin_fee: a.admin_fee, total: a.total });

/**
 * The LPP as a report (etl/queries/reports/report.ts). Rekap: the received payments per day × channel
 * × golongan with a subtotal per day, then the refunds and cancellations with a subtotal per status;
 * detail: every received payment in time order, then the refunded and cancelled ones. The totals are
 * the received payments' only (lppTotals, or the sum of the rekap's received lines): `totals.principal`,
 * `totals.penalty`, `totals.admin_fee`.
 */
export const lppReport: ReportDefinition = defineReport({
  id: 'lpp',
  period: { kind: 'days', from: 'from', to: 'to', maxDays: LPP_MAX_DAYS },
  filters: LPP_FILTERS,
  detailIsPersonal: true,
  columns: (view: ReportView) => (view === 'detail' ? DETAIL_COLUMNS : REKAP_COLUMNS),
  async run(wh, query, scope) {
    const { from, to } = query.period;
    if (!from || !to) throw new RangeError('the LPP needs its days');
    const f = query.filters;
    const lpp: LppQuery = { from, to, filters: { kecamatan: f.kecamatan, desa: f.desa, tariffClass: f.tariffClass, channel: f.channel } };
    const base = { report: 'lpp', view: query.view, filters: echoParams(lppReport, query.period, query.filters) };
    if (query.view === 'detail') {
      requirePersonalData(scope, 'The LPP detail');
      const window = query.window;
      const days = await lppDays(wh, lpp);
      const totalOf = (completed: boolean) => days.find((d) => d.day === null && d.completed === completed) ?? NO_AMOUNTS;
      const [received, refunded] = [totalOf(true), totalOf(false)];
      // a page reads only the days it falls on: the received rows, then (once they run out) the refunded ones
      const rowsOf = async (completed: boolean, count: number, page: { offset: number; limit: number } | null): Promise<LppPayment[]> => {
        if (count === 0 || page?.limit === 0 || (page && page.offset >= count)) return [];
        if (!page) return lppPaymentRows(wh, { ...lpp, scope, refunds: !completed });
        const lines = days.flatMap((d) => (d.completed === completed && d.day !== null ? [{ day: d.day, lines: d.payments }] : []));
        const on = daysOfPage(lines, page.offset, page.limit);
        return on ? lppPaymentRows(wh, { ...lpp, from: on.from, to: on.to, scope, refunds: !completed, page: { offset: on.offset, limit: page.limit } }) : [];
      };
      const offset = window?.offset ?? 0;
      const receivedRows = await rowsOf(true, received.payments, window);
      const room = window ? window.limit - receivedRows.length : null;
      const refundRows = await rowsOf(false, refunded.payments, window && { offset: Math.max(0, offset - received.payments), limit: room ?? 0 });
      const lines = [...receivedRows, ...refundRows].map(({ paid_at: _, ...row }) => row);
      return {
        ...base,
        columns: DETAIL_COLUMNS,
        rows: asLines(DETAIL_COLUMNS, lines),
        totals: totalsOfAmounts(received),
        count: received.payments + refunded.payments,
        offset,
        limit: window?.limit ?? null,
      };
    }
    const { received, refunds } = await lppRekap(wh, lpp);
    // the received lines add up to lppTotals (one query fewer than asking it again)
    const lines = received.map((r) => ({ ...r, status: 'completed' }));
    const totals = totalsOf(REKAP_COLUMNS, lines);
    const rows = [
      ...withSubtotals(REKAP_COLUMNS, lines, { by: 'day', labelKey: 'day' }),
      ...withSubtotals(REKAP_COLUMNS, refunds.map((r) => ({ ...r, tariff_class: null })), { by: 'status', labelKey: 'status' }),
    ];
    return { ...base, columns: REKAP_COLUMNS, rows, totals, count: received.length + refunds.length, offset: 0, limit: null };
  },
});
