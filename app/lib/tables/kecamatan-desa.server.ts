/**
 * The kecamatan page's desa/kelurahan table: each desa with arrears at the as-of month end, its
 * customers in arrears and its share of the kecamatan's arrears (`npm run report -- arrears --by desa`).
 * Parameters: `kecamatan=17.02.KK` (the page's path), `bulan=YYYY-MM` (default: the last complete month).
 */
import { t, type Lang } from '../../i18n';
import { AS_OF_PARAM } from '../as-of';
import { kecamatanArrears, type KecamatanArrears } from '../overview/kecamatan.server';
import { ROLES } from '../roles';
import { withWarehouse } from '../warehouse.server';
import { BadParam, defineTable } from './define.server';
import { asOfDetail, asOfMonthParam } from './params.server';
import type { ColumnDef } from '../../ui/data-table/columns';
import { windowRows } from './window';

export const KECAMATAN_CODE = /^\d{2}\.\d{2}\.\d{2}$/;

export interface DesaRow {
  code: string;
  name: string;
  type: string;
  arrears: number;
  customers: number;
  /** of the kecamatan's arrears, a ratio; null when the kecamatan has none */
  share: number | null;
}

export interface KecamatanDesaInput {
  kecamatan: string;
  month: string;
}

/** The desa with arrears (those without are named in a sentence under the table), with their share. */
export function desaRows(source: KecamatanArrears): DesaRow[] {
  return source.desa
    .filter((d) => d.arrears !== 0)
    .map((d) => ({ ...d, share: source.total_arrears > 0 ? d.arrears / source.total_arrears : null }));
}

const DESA_COLUMNS: ColumnDef<keyof DesaRow>[] = [
  { key: 'name', label: 'kecamatan.desa', format: 'text', sortable: true, rowHeader: true },
  { key: 'code', label: 'table.col.code', format: 'text', sortable: true, mono: true },
  { key: 'type', label: 'kecamatan.type', format: 'text', sortable: true, values: { desa: 'kecamatan.type.desa', kelurahan: 'kecamatan.type.kelurahan' } },
  { key: 'arrears', label: 'kecamatan.arrears', format: 'money', sortable: true, total: true },
  { key: 'customers', label: 'kecamatan.customers', format: 'number', sortable: true, total: true },
  { key: 'share', label: 'kecamatan.share', format: 'percent', sortable: true },
];

export const kecamatanDesaTable = defineTable<KecamatanDesaInput, KecamatanArrears, DesaRow>({
  id: 'kecamatan-desa',
  prefix: 'desa-',
  title: 'kecamatan.chart',
  columns: DESA_COLUMNS,
  defaultSort: { key: 'arrears', dir: 'desc' },
  pageSize: 100,
  roles: ROLES,
  async input(params) {
    const kecamatan = params.get('kecamatan') ?? '';
    if (!KECAMATAN_CODE.test(kecamatan)) throw new BadParam('kecamatan', 'kecamatan must be a kecamatan code 17.02.KK');
    return { kecamatan, month: await asOfMonthParam(params) };
  },
  inputParams: ({ kecamatan, month }) => ({ kecamatan, [AS_OF_PARAM]: month }),
  async load(_, input) {
    const source = await withWarehouse((_wh, file) => kecamatanArrears(file, input));
    if (!source.name) throw new BadParam('kecamatan', `there is no kecamatan ${input.kecamatan}`);
    return source;
  },
  rows: (source, window) => windowRows(desaRows(source), DESA_COLUMNS, window),
  details: ({ kecamatan, month }, source, lang: Lang) => [
    asOfDetail(month, lang),
    `${t(lang, 'overview.kecamatan.name')}: ${source.name ?? kecamatan} (${kecamatan})`,
  ],
  fileSuffix: ({ kecamatan, month }) => [kecamatan, month],
});
