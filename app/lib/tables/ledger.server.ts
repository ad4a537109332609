/**
 * The tables of a customer ledger (/customers/:id and their exports): the lines (opening balance,
 * bills, payments with their channel and denda, write-offs, and the running balance, in date order)
 * and the collectors' visits.
 */
import type { LedgerLine, LedgerVisit } from '../../../etl/queries/ledger';
import { t, type Lang } from '../../i18n';
import { outcomeValues } from '../../i18n/code-words';
import { AS_OF_PARAM } from '../as-of';
import { CUSTOMER_ID } from '../ledger/api-params.server';
import { ledgerView, type LedgerView } from '../ledger/ledger.server';
import { BadParam, defineTable } from './define.server';
import { asOfDetail, asOfMonthParam } from './params.server';
import { SEALING_ROLES } from './sealing.server';
import type { ColumnDef } from '../../ui/data-table/columns';
import { windowRows } from './window';

export interface LedgerInput {
  customerId: string;
  month: string;
}

const COLUMNS: ColumnDef<keyof LedgerLine>[] = [
  { key: 'date', label: 'ledger.col.date', format: 'date', rowHeader: true },
  {
    key: 'kind',
    label: 'ledger.col.kind',
    format: 'text',
    values: { opening: 'ledger.kind.opening', bill: 'ledger.kind.bill', payment: 'ledger.kind.payment', write_off: 'ledger.kind.write_off' },
  },
  { key: 'period', label: 'ledger.col.period', format: 'month' },
  { key: 'channel_code', label: 'ledger.col.channel', format: 'text', mono: true },
  { key: 'reference', label: 'ledger.col.reference', format: 'text', mono: true },
  { key: 'amount', label: 'ledger.col.amount', format: 'money' },
  { key: 'penalty', label: 'ledger.col.penalty', format: 'money' },
  { key: 'balance', label: 'ledger.col.balance', format: 'money' },
];

const VISIT_COLUMNS: ColumnDef<keyof LedgerVisit>[] = [
  { key: 'visited_at', label: 'ledger.col.date', format: 'datetime', rowHeader: true },
  { key: 'team_id', label: 'ledger.visit.team', format: 'text', mono: true },
  { key: 'collector_id', label: 'ledger.visit.collector', format: 'text', mono: true },
  { key: 'outcome', label: 'ledger.visit.outcome', format: 'text', values: outcomeValues },
  { key: 'promise_date', label: 'ledger.visit.promise', format: 'date' },
  { key: 'amount_collected', label: 'ledger.visit.collected', format: 'money', total: true },
];

/** A table of the ledger: the same customer, month, roles and export parameters; its own rows. */
function ledgerPart<Row extends object>(part: {
  id: string;
  prefix: string;
  title: 'ledger.lines' | 'ledger.visits';
  columns: ColumnDef<Extract<keyof Row, string>>[];
  pageSize: number;
  rows: (view: LedgerView) => Row[];
}) {
  return defineTable<LedgerInput, LedgerView | null, Row>({
    id: part.id,
    prefix: part.prefix,
    title: part.title,
    columns: part.columns,
    defaultSort: null,
    pageSize: part.pageSize,
    roles: SEALING_ROLES,
    async input(params) {
      const customerId = params.get('customer') ?? '';
      if (!CUSTOMER_ID.test(customerId)) throw new BadParam('customer', 'customer must be a customer id');
      return { customerId, month: await asOfMonthParam(params) };
    },
    inputParams: ({ customerId, month }) => ({ customer: customerId, [AS_OF_PARAM]: month }),
    async load(ctx, input) {
      const view = await ledgerView(input.customerId, input.month, ctx.user);
      if (!view) throw new BadParam('customer', `there is no customer ${input.customerId}`);
      return view;
    },
    rows: (source, window) => windowRows(source ? part.rows(source) : [], part.columns, window),
    details: ({ customerId, month }, _source, lang: Lang) => [asOfDetail(month, lang), `${t(lang, 'ledger.customer')}: ${customerId}`],
    fileSuffix: ({ customerId, month }) => [customerId, month],
  });
}

export const ledgerTable = ledgerPart<LedgerLine>({ id: 'customer-ledger', prefix: 'buku-', title: 'ledger.lines', columns: COLUMNS, pageSize: 500, rows: (v) => v.lines });
export const ledgerVisitsTable = ledgerPart<LedgerVisit>({ id: 'customer-visits', prefix: 'kunjungan-', title: 'ledger.visits', columns: VISIT_COLUMNS, pageSize: 100, rows: (v) => v.visits });
