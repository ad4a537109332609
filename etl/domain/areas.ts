/** Kemendagri area codes: a kecamatan `17.02.09` and a desa/kelurahan inside it `17.02.09.1012`. */
export const KECAMATAN_CODE = /^\d{2}\.\d{2}\.\d{2}$/;
export const DESA_CODE = /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/;

export function desaInKecamatan(desa: string, kecamatan: string): boolean {
  return desa.startsWith(`${kecamatan}.`);
}
