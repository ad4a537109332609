/** Every kecamatan and its desa/kelurahan, by code: the choices of the letters' selection form. */
import type { Warehouse } from '../warehouse/duckdb';

export interface AreaChoice {
  code: string;
  name: string;
  level: 'kecamatan' | 'desa';
}

export function areaChoices(wh: Warehouse): Promise<AreaChoice[]> {
  return wh.query<AreaChoice>(
    `SELECT code, name, level FROM (
       SELECT DISTINCT kecamatan_code AS code, 'Kecamatan ' || kecamatan_name AS name, 'kecamatan' AS level, kecamatan_code AS k, 0 AS o FROM areas
       UNION ALL
       SELECT desa_code, '— ' || CASE desa_type WHEN 'kelurahan' THEN 'Kelurahan ' ELSE 'Desa ' END || desa_name, 'desa', kecamatan_code, 1 FROM areas)
     ORDER BY k, o, code`,
  );
}
