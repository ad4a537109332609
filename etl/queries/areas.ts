/** The kecamatan and desa/kelurahan: where they are, and their arrears at a month end. */
import type { Warehouse } from '../warehouse/duckdb';
import { arrearsAtMonthEnd } from './arrears';
import { NO_FILTERS, type ArrearsFilters } from './filters';

export interface KecamatanPlace {
  code: string;
  name: string;
  latitude: number | null;
  longitude: number | null;
}

/** Every kecamatan with the mean coordinates of its desa (their centroids), for the bubble map. */
export function kecamatanCentroids(wh: Warehouse): Promise<KecamatanPlace[]> {
  return wh.query<KecamatanPlace>(
    `SELECT kecamatan_code AS code, any_value(kecamatan_name) AS name, avg(latitude) AS latitude, avg(longitude) AS longitude
       FROM areas GROUP BY kecamatan_code ORDER BY kecamatan_code`,
  );
}

/** [lon, lat] of every desa with coordinates (the faint backdrop of the bubble map). */
export async function desaPoints(wh: Warehouse): Promise<[number, number][]> {
  const rows = await wh.query<{ lon: number; lat: number }>(
    `SELECT round(longitude, 4) AS lon, round(latitude, 4) AS lat FROM areas
      WHERE latitude IS NOT NULL AND longitude IS NOT NULL ORDER BY desa_code`,
  );
  return rows.map((r) => [r.lon, r.lat]);
}

export interface DesaPlace {
  code: string;
  name: string;
  type: string;
}

/** The desa and kelurahan of one kecamatan, by name, and the kecamatan's name (null: no such kecamatan). */
export async function desaOfKecamatan(wh: Warehouse, { kecamatan }: { kecamatan: string }): Promise<{ name: string | null; desa: DesaPlace[] }> {
  const desa = await wh.query<DesaPlace & { kecamatan_name: string }>(
    `SELECT desa_code AS code, desa_name AS name, desa_type AS type, kecamatan_name
       FROM areas WHERE kecamatan_code = $kecamatan ORDER BY desa_name`,
    { kecamatan },
  );
  return { name: desa[0]?.kecamatan_name ?? null, desa: desa.map(({ code, name, type }) => ({ code, name, type })) };
}

export interface KecamatanArrears {
  name: string | null;
  total_arrears: number;
  customers: number;
  desa: (DesaPlace & { arrears: number; customers: number })[];
}

/**
 * Every desa/kelurahan of one kecamatan with its arrears at the end of `month` (zero for a desa without),
 * largest first: `arrears --by desa` narrowed to the kecamatan in SQL, plus the desa that owe nothing.
 */
export async function desaArrears(
  wh: Warehouse,
  { month, kecamatan, filters = NO_FILTERS }: { month: string; kecamatan: string; filters?: Omit<ArrearsFilters, 'kecamatan'> },
): Promise<KecamatanArrears> {
  const arrears = await arrearsAtMonthEnd(wh, { month, by: 'desa', filters: { ...filters, kecamatan } });
  const { name, desa } = await desaOfKecamatan(wh, { kecamatan });
  const byCode = new Map(arrears.rows.map((r) => [r.code, r]));
  const rows = desa
    .map((d) => ({ ...d, arrears: byCode.get(d.code)?.arrears ?? 0, customers: byCode.get(d.code)?.customers ?? 0 }))
    .sort((a, b) => b.arrears - a.arrears || a.name.localeCompare(b.name));
  return { name, total_arrears: arrears.total_arrears, customers: arrears.customers, desa: rows };
}
