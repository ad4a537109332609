/**
 * The drill-down's URLs, pure (the server redirects with them, the pages link with them):
 * `/arrears`, `/arrears/<kecamatan>`, `/arrears/<kecamatan>/<desa>`, with the month and the other
 * filters in the query string. The area is the path; `kecamatan=` / `desa=` in a query string (the
 * filter bar's GET form) are moved into it.
 */
const AREA_PARAMS = ['kecamatan', 'desa'];

/** The query string of `params` without the area and without empty values ('' or `?…`). */
export function drillSearch(params: URLSearchParams | Record<string, string | null>, extra: Record<string, string> = {}): string {
  const entries = params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params);
  const out = new URLSearchParams();
  for (const [name, value] of entries) if (value !== null && value !== '' && !AREA_PARAMS.includes(name)) out.set(name, value);
  for (const [name, value] of Object.entries(extra)) out.set(name, value);
  const text = out.toString();
  return text ? `?${text}` : '';
}

export function arrearsPath(area: { kecamatan?: string | null; desa?: string | null }, search = ''): string {
  if (area.desa && area.kecamatan) return `/arrears/${area.kecamatan}/${area.desa}${search}`;
  if (area.kecamatan) return `/arrears/${area.kecamatan}${search}`;
  return `/arrears${search}`;
}

/** The kecamatan a desa code belongs to: `17.02.09.1001` → `17.02.09`. */
export const kecamatanOfDesa = (desa: string) => desa.split('.').slice(0, 3).join('.');

/**
 * Where a request to `/arrears?kecamatan=…&desa=…` belongs (null: it is already there). A desa decides
 * the kecamatan; a desa of another kecamatan than the one chosen is dropped (the form changed kecamatan).
 */
export function areaRedirect(params: URLSearchParams): string | null {
  const kecamatan = params.get('kecamatan')?.trim() || null;
  const desa = params.get('desa')?.trim() || null;
  if (!kecamatan && !desa) return null;
  const keep = desa && (!kecamatan || kecamatanOfDesa(desa) === kecamatan) ? desa : null;
  return arrearsPath({ kecamatan: keep ? kecamatanOfDesa(keep) : kecamatan, desa: keep }, drillSearch(params));
}
