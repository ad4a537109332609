/** The loaders' data of the two area levels (the kecamatan, a kecamatan's desa), from their table definitions. */
import type { AreaLevel } from '../../../etl/queries/arrears-areas';
import type { User } from '../roles';
import { arrearsDesaTable, arrearsKecamatanTable } from '../tables/arrears.server';
import { kecamatanTrend } from './drill.server';
import { drillPageBase, drillTable } from './page.server';

export async function areaLevelPage(request: Request, user: User, level: AreaLevel, path: { kecamatan?: string }) {
  const { input, base } = await drillPageBase(request, user, path);
  const def = level === 'kecamatan' ? arrearsKecamatanTable : arrearsDesaTable;
  const { source, view } = await drillTable(def, request, user, input);
  const trend = level === 'desa' ? await kecamatanTrend(input) : null;
  return {
    ...base,
    level,
    total_arrears: source.total_arrears,
    customers: source.customers,
    bills: source.bills,
    table: view,
    areas: source.rows.map((r) => ({ code: r.code, name: r.name })),
    by_age: source.by_age,
    trend,
  };
}
