/**
 * The loaders of the drill-down's pages: the area from the path, the month and filters from the query
 * string (400 naming a bad one), the level's figures and table, and what the filter bar offers.
 */
import { json } from '@remix-run/node';
import type { FilterChoices } from '../../../etl/queries/arrears-areas';
import type { TrendPoint } from '../../../etl/queries/arrears';
import type { ArrearsFilters } from '../../../etl/queries/filters';
import { apiHeaders } from '../http.server';
import { canSeePersonalData, type User } from '../roles';
import { BadParam, tableContext, tableQuery, tableView, type TableContext, type TableDefinition } from '../tables/define.server';
import type { TableWindow } from '../tables/window';
import { warehouseFreshness, withWarehouse } from '../warehouse.server';
import { drillInput, drillParams, filterChoices, type DrillInput } from './drill.server';
import { drillSearch } from './paths';

export interface DrillPageBase {
  month: string;
  months: string[];
  filters: ArrearsFilters;
  choices: FilterChoices;
  /** the month and filters other than the area, as a query string every link of the page keeps */
  search: string;
  kecamatan: { code: string; name: string } | null;
  desa: { code: string; name: string } | null;
  /** whether the role may open the customer list (and so gets links to it) */
  customerList: boolean;
  /** the warehouse file the figures come from (the server keeps the charts' SVG with it) */
  generation: number;
}

/** The request's month and filters with the area of the path; 400 for a bad parameter, 404 for an unknown area. */
export async function drillPageBase(request: Request, user: User, path: { kecamatan?: string; desa?: string }): Promise<{ input: DrillInput; base: DrillPageBase }> {
  const params = new URL(request.url).searchParams;
  params.delete('kecamatan');
  params.delete('desa');
  if (path.kecamatan) params.set('kecamatan', path.kecamatan);
  if (path.desa) params.set('desa', path.desa);
  let input: DrillInput;
  try {
    input = await drillInput(params);
  } catch (error) {
    if (error instanceof BadParam) {
      const status = error.param === 'kecamatan' || error.param === 'desa' ? 404 : 400;
      throw json({ error: status === 404 ? 'not_found' : 'bad_request', param: error.param, message: error.message }, { status, headers: apiHeaders() });
    }
    throw error;
  }
  const [choices, freshness, generation] = await Promise.all([filterChoices(), warehouseFreshness(), withWarehouse(async (_, file) => file.generation)]);
  const kecamatan = path.kecamatan ? (choices.kecamatan.find((k) => k.code === path.kecamatan) ?? null) : null;
  const desa = path.desa ? (choices.desa.find((d) => d.code === path.desa) ?? null) : null;
  if ((path.kecamatan && !kecamatan) || (path.desa && !desa)) throw json({ error: 'not_found', message: 'no such area' }, { status: 404 });
  return {
    input,
    base: {
      month: input.month,
      months: freshness.months,
      filters: input.filters,
      choices,
      search: drillSearch(drillParams(input)),
      kecamatan,
      desa: desa ? { code: desa.code, name: desa.name } : null,
      customerList: canSeePersonalData(user),
      generation,
    },
  };
}

/** The DataTable view of a level's table for this request (its sort and page from the URL). */
export async function drillTable<Source, Row extends object>(
  def: TableDefinition<DrillInput, Source, Row>,
  request: Request,
  user: User,
  input: DrillInput,
  load: (ctx: TableContext, window: TableWindow) => Promise<Source> = (ctx, window) => def.load(ctx, input, window),
) {
  const query = tableQuery(def, new URL(request.url).searchParams);
  const ctx = tableContext(user);
  const source = await load(ctx, { sort: query.sort, offset: query.offset, limit: query.pageSize });
  return { source, view: tableView(def, source, query, ctx, input) };
}

export type { TrendPoint };
