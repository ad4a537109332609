/**
 * The overview's two tables, ready for the page to adopt (`<DataTable view={…} />`) and exportable
 * now: arrears per kecamatan and arrears per age bucket with the provision, at the as-of month end
 * (`bulan=YYYY-MM`). Both come from the overview's figures (`loadOverview`, cached per warehouse file).
 */
import type { Lang } from '../../i18n';
import type { ColumnDef } from '../../ui/data-table/columns';
import { AS_OF_PARAM } from '../as-of';
import { loadOverview, type Overview } from '../overview/figures.server';
import { ROLES } from '../roles';
import { defineTable } from './define.server';
import { asOfDetail, asOfMonthParam } from './params.server';
import { windowRows } from './window';

type Figures = Pick<Overview, 'total_arrears' | 'by_kecamatan' | 'by_age'>;

export interface KecamatanRow {
  code: string;
  name: string;
  arrears: number;
  customers: number;
  /** of the total arrears, a ratio; null when there are none */
  share: number | null;
}

export function kecamatanRows(o: Figures): KecamatanRow[] {
  return o.by_kecamatan.map(({ code, name, arrears, customers }) => ({
    code,
    name,
    arrears,
    customers,
    share: o.total_arrears > 0 ? arrears / o.total_arrears : null,
  }));
}

const KECAMATAN_COLUMNS: ColumnDef<keyof KecamatanRow>[] = [
  { key: 'name', label: 'overview.kecamatan.name', format: 'text', sortable: true, rowHeader: true },
  { key: 'code', label: 'table.col.code', format: 'text', sortable: true, mono: true },
  { key: 'arrears', label: 'overview.kecamatan.arrears', format: 'money', sortable: true, total: true },
  { key: 'customers', label: 'overview.kecamatan.customers', format: 'number', sortable: true, total: true },
  { key: 'share', label: 'overview.kecamatan.share', format: 'percent', sortable: true },
];

interface MonthInput {
  month: string;
}

/** What both tables share: every role, the as-of month, the overview's figures. */
export const monthTable = {
  roles: ROLES,
  input: async (params: URLSearchParams) => ({ month: await asOfMonthParam(params) }),
  inputParams: ({ month }: MonthInput) => ({ [AS_OF_PARAM]: month }),
  load: (_: unknown, { month }: MonthInput) => loadOverview(month),
  details: ({ month }: MonthInput, _: unknown, lang: Lang) => [asOfDetail(month, lang)],
  fileSuffix: ({ month }: MonthInput) => [month],
};

export const overviewKecamatanTable = defineTable<MonthInput, Figures, KecamatanRow>({
  ...monthTable,
  id: 'overview-kecamatan',
  prefix: 'kec-',
  title: 'overview.kecamatan.title',
  columns: KECAMATAN_COLUMNS,
  defaultSort: { key: 'arrears', dir: 'desc' },
  pageSize: 100,
  rows: (o, window) => windowRows(kecamatanRows(o), KECAMATAN_COLUMNS, window),
});

export interface AgeRow {
  bucket: string;
  arrears: number;
  /** the provision rate as a ratio (30% → 0.3) */
  provision_rate: number;
  provision: number;
}

const AGE_COLUMNS: ColumnDef<keyof AgeRow>[] = [
  { key: 'bucket', label: 'overview.age.bucket', format: 'age_bucket', rowHeader: true },
  { key: 'arrears', label: 'overview.kecamatan.arrears', format: 'money', total: true },
  { key: 'provision_rate', label: 'overview.age.rate', format: 'percent' },
  { key: 'provision', label: 'overview.age.provision', format: 'money', total: true },
];

export function ageRows(o: Figures): AgeRow[] {
  return o.by_age.map(({ bucket, arrears, provision_percent, provision }) => ({ bucket, arrears, provision_rate: provision_percent / 100, provision }));
}

export const overviewAgeTable = defineTable<MonthInput, Figures, AgeRow>({
  ...monthTable,
  id: 'overview-age',
  prefix: 'age-',
  title: 'overview.age.title',
  columns: AGE_COLUMNS,
  // the buckets' own order, youngest first
  defaultSort: null,
  pageSize: 100,
  rows: (o, window) => windowRows(ageRows(o), AGE_COLUMNS, window),
});

