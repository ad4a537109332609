/** Every table that can be exported, by its id in `/export/<id>`. A new list adds its definition here. */
import { cashDifferencesTable, channelsCompareTable, cohortsTable, reconciliationExceptionsTable, reconciliationTable, refusedFilesTable } from './channels.server';
import { collectorsTable, kecamatanTable, planStopsTable, savedPlansTable } from './collections.server';
import { loadsTable, rejectsTable } from './data-page.server';
import { arrearsCustomersTable, arrearsDesaTable, arrearsKecamatanTable } from './arrears.server';
import type { TableDefinition } from './define.server';
import { kecamatanDesaTable } from './kecamatan-desa.server';
import { ledgerTable, ledgerVisitsTable } from './ledger.server';
import { monthlyKecamatanTable } from './monthly.server';
import { overviewAgeTable, overviewKecamatanTable } from './overview.server';
import { sealingTable } from './sealing.server';

// Each definition is typed for its own rows; the export route only passes values between its functions.
// biome-ignore lint/suspicious/noExplicitAny: a registry of differently typed definitions
type AnyTable = TableDefinition<any, any, any>;

export const TABLES: Readonly<Record<string, AnyTable>> = Object.fromEntries(
  ([overviewKecamatanTable, overviewAgeTable, kecamatanDesaTable, loadsTable, rejectsTable, sealingTable, ledgerTable, ledgerVisitsTable, channelsCompareTable, reconciliationTable, reconciliationExceptionsTable, refusedFilesTable, cashDifferencesTable, cohortsTable, collectorsTable, kecamatanTable, planStopsTable, savedPlansTable, arrearsKecamatanTable, arrearsDesaTable, arrearsCustomersTable, monthlyKecamatanTable] as AnyTable[]).map((def) => [def.id, def]),
);

export function tableById(id: string): AnyTable | null {
  return Object.hasOwn(TABLES, id) ? TABLES[id] : null;
}
