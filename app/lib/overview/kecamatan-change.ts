/**
 * Each kecamatan's arrears at a month end beside the month end before: the directors' monthly report
 * names the largest rise and fall and shows the change per kecamatan. Pure: both months' rows in.
 */
import { change } from '../../../etl/domain/kpi';

export interface KecamatanArrears {
  code: string;
  name: string;
  arrears: number;
  customers: number;
}

export interface KecamatanChange extends KecamatanArrears {
  /** the arrears at the previous month end; null when there is no previous month to compare with */
  previous: number | null;
  /** arrears − previous */
  change: number | null;
  /** change ÷ previous; null without a previous month or when it had no arrears there */
  ratio: number | null;
}

/**
 * The kecamatan of this month (largest arrears first, as given), then those that had arrears last
 * month and have none now (with 0 arrears and 0 customers). Without a previous month every change is null.
 */
export function kecamatanChanges(current: readonly KecamatanArrears[], previous: readonly Omit<KecamatanArrears, 'customers'>[] | null): KecamatanChange[] {
  if (!previous) return current.map((k) => ({ ...k, previous: null, change: null, ratio: null }));
  const before = new Map(previous.map((k) => [k.code, k.arrears]));
  const now = new Set(current.map((k) => k.code));
  const cleared = previous.filter((k) => !now.has(k.code)).map((k) => ({ code: k.code, name: k.name, arrears: 0, customers: 0 }));
  return [...current, ...cleared].map((k) => {
    const c = change(before.get(k.code) ?? 0, k.arrears);
    return { ...k, previous: c.from, change: c.delta, ratio: c.ratio };
  });
}

/** The kecamatan whose arrears rose most and fell most (null when none rose, or none fell). */
export function largestChanges(rows: readonly KecamatanChange[]): { rise: KecamatanChange | null; fall: KecamatanChange | null } {
  let rise: KecamatanChange | null = null;
  let fall: KecamatanChange | null = null;
  for (const r of rows) {
    if (r.change === null) continue;
    if (r.change > 0 && (!rise || r.change > (rise.change ?? 0))) rise = r;
    if (r.change < 0 && (!fall || r.change < (fall.change ?? 0))) fall = r;
  }
  return { rise, fall };
}
