/**
 * The collection teams' settings (settings.json key `collections`): how many days before a plan's
 * date a visited customer is left out of the route planner's candidates (CONTRACT §4 Collections,
 * recent_visit_days). Pure and safe for the browser (the Data page's form); the store and the
 * action are in collections.server.ts.
 */
import { DEFAULT_RECENT_VISIT_DAYS } from '../../../etl/domain/collections/planner';

export interface CollectionSettings {
  recent_visit_days: number;
  set_by?: string;
  set_at?: string;
}

export const COLLECTIONS_INTENT = 'collections';
export const MAX_RECENT_VISIT_DAYS = 90;

/** Whole days from 0 (leave nobody out) to 90; anything else is not a setting. */
export function recentDays(value: unknown): number | null {
  const days = typeof value === 'string' && /^\s*\d{1,3}\s*$/.test(value) ? Number(value) : value;
  return Number.isSafeInteger(days) && (days as number) >= 0 && (days as number) <= MAX_RECENT_VISIT_DAYS ? (days as number) : null;
}

export function parseCollectionSettings(raw: unknown): CollectionSettings {
  const r = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const out: CollectionSettings = { recent_visit_days: recentDays(r.recent_visit_days) ?? DEFAULT_RECENT_VISIT_DAYS };
  if (typeof r.set_by === 'string') out.set_by = r.set_by;
  if (typeof r.set_at === 'string') out.set_at = r.set_at;
  return out;
}
