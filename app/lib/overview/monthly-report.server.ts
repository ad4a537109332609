/**
 * The directors' monthly report (`/print/monthly?bulan=`): the overview of the month as its page
 * shows it, and each kecamatan's arrears beside the month end before (from that month's overview,
 * cached per warehouse file like every month's figures).
 */
import { withWarehouse } from '../warehouse.server';
import { overviewFigures } from './figures.server';
import { kecamatanChanges, type KecamatanChange } from './kecamatan-change';
import { loadOverviewPage, type OverviewPage } from './page.server';

export interface MonthlyReport extends Omit<OverviewPage, 'points'> {
  /** every kecamatan with arrears at either month end, largest arrears first; change null without a previous month */
  kecamatan: KecamatanChange[];
}

export async function loadMonthlyReport(month: string): Promise<MonthlyReport> {
  const { overview, generation } = await loadOverviewPage(month, { points: false });
  // the previous month end is in the warehouse exactly when the overview compares with it
  const previousMonth = overview.vs_previous_month?.month;
  const previous = previousMonth ? await withWarehouse((_, file) => overviewFigures(file, previousMonth)) : null;
  return { overview, generation, kecamatan: kecamatanChanges(overview.by_kecamatan, previous?.by_kecamatan ?? null) };
}
