/**
 * The directors' monthly report's kecamatan table: each kecamatan's arrears at the month end, its
 * change from the month end before, customers in arrears and share of the total. Not sortable: the
 * report is a document, largest arrears first.
 */
import type { ColumnDef } from '../../ui/data-table/columns';
import type { KecamatanChange } from '../overview/kecamatan-change';
import { loadMonthlyReport, type MonthlyReport } from '../overview/monthly-report.server';
import { defineTable } from './define.server';
import { monthTable } from './overview.server';
import { windowRows } from './window';

export interface MonthlyKecamatanRow extends Omit<KecamatanChange, 'previous'> {
  /** of the total arrears, a ratio; null when there are none */
  share: number | null;
}

const COLUMNS: ColumnDef<keyof MonthlyKecamatanRow>[] = [
  { key: 'name', label: 'overview.kecamatan.name', format: 'text', rowHeader: true },
  { key: 'arrears', label: 'overview.kecamatan.arrears', format: 'money', total: true },
  { key: 'change', label: 'monthly.kecamatan.change', format: 'money', total: true },
  { key: 'ratio', label: 'monthly.kecamatan.ratio', format: 'percent' },
  { key: 'customers', label: 'overview.kecamatan.customers', format: 'number', total: true },
  { key: 'share', label: 'overview.kecamatan.share', format: 'percent' },
];

export function monthlyKecamatanRows({ overview, kecamatan }: Pick<MonthlyReport, 'overview' | 'kecamatan'>): MonthlyKecamatanRow[] {
  const total = overview.total_arrears;
  return kecamatan.map(({ previous: _, ...k }) => ({ ...k, share: total > 0 ? k.arrears / total : null }));
}

export const monthlyKecamatanTable = defineTable<{ month: string }, Pick<MonthlyReport, 'overview' | 'kecamatan'>, MonthlyKecamatanRow>({
  ...monthTable,
  id: 'monthly-kecamatan',
  prefix: 'mkec-',
  title: 'overview.kecamatan.title',
  columns: COLUMNS,
  defaultSort: { key: 'arrears', dir: 'desc' },
  pageSize: 100,
  load: (_, { month }) => loadMonthlyReport(month),
  rows: (report, window) => windowRows(monthlyKecamatanRows(report), COLUMNS, window),
});
