/**
 * The lines of a customer ledger (/customers/:id and its export): opening balance, bills, payments
 * with their channel and denda, write-offs, and the running balance, in date order.
 */
import type { LedgerLine } from '../../../etl/queries/ledger';
import { t, type Lang } from '../../i18n';
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

export const ledgerTable = defineTable<LedgerInput, LedgerView | null, LedgerLine>({
  id: 'customer-ledger',
  prefix: 'buku-',
  title: 'ledger.lines',
  columns: COLUMNS,
  defaultSort: null,
  pageSize: 500,
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
  rows: (source, window) => windowRows(source?.lines ?? [], COLUMNS, window),
  details: ({ customerId, month }, _source, lang: Lang) => [asOfDetail(month, lang), `${t(lang, 'ledger.customer')}: ${customerId}`],
  fileSuffix: ({ customerId, month }) => [customerId, month],
});
