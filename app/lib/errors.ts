/** Error shapes the server throws and the error boundaries recognise (safe to import in the browser). */

export interface WarehouseUnavailable {
  error: 'warehouse_missing' | 'warehouse_unreadable';
  message: string;
  path: string;
}

export function isWarehouseUnavailable(value: unknown): value is WarehouseUnavailable {
  const v = value as { error?: unknown } | null;
  return typeof v === 'object' && v !== null && (v.error === 'warehouse_missing' || v.error === 'warehouse_unreadable');
}

/** The body of a 403 the page loaders throw: which role was refused. */
export interface Forbidden {
  error: 'forbidden';
  role: string;
}

export function isForbidden(value: unknown): value is Forbidden {
  return typeof value === 'object' && value !== null && (value as { error?: unknown }).error === 'forbidden';
}
