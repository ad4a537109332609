/** The kecamatan page's data: its desa/kelurahan with their arrears at a month end, once per warehouse file. */
import { desaArrears, type KecamatanArrears } from '../../../etl/queries/areas';
import type { WarehouseFile } from '../warehouse.server';

export type { KecamatanArrears };

export function kecamatanArrears(file: WarehouseFile, { kecamatan, month }: { kecamatan: string; month: string }): Promise<KecamatanArrears> {
  return file.cached(`kecamatan:${kecamatan}:${month}`, () => desaArrears(file.wh, { month, kecamatan }));
}
