/**
 * App settings an admin changes from the Data page, in a small JSON file next to the warehouse
 * (KABA_SETTINGS, default data/settings.json; the warehouse is read-only for the server). Written
 * atomically; re-read when it changes.
 *
 * { "arrears_target": { "percent": 25, "by_date": "2026-12-31", "base_month": "2025-06",
 *                       "set_by": "admin", "set_at": "2025-07-03T02:00:00Z" } }
 */
import { env } from './env.server';
import { JsonFile } from './json-file.server';
import { parseCollectionSettings, type CollectionSettings } from './settings/collections';
import { parseLetterSettings, type LetterSettings } from './settings/letters.server';
import { parseTeamAreasSetting, type TeamAreasSetting } from './settings/team-areas.server';
import { parseReportSettings, type ReportSettings } from './settings/reports.server';

export interface ArrearsTarget {
  /** the reduction aimed at, in percent of the arrears of base_month (25 = arrears down by a quarter) */
  percent: number;
  /** the day by which the reduction should be reached, `YYYY-MM-DD` */
  by_date: string;
  /** the month whose closing arrears the reduction is measured from, `YYYY-MM` */
  base_month: string;
  set_by: string;
  set_at: string;
}

export interface Settings {
  arrears_target: ArrearsTarget | null;
  letters?: LetterSettings;
  collections?: CollectionSettings;
  team_areas?: TeamAreasSetting | null;
  reports?: ReportSettings;
}

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export type TargetCheck = { ok: true; value: Pick<ArrearsTarget, 'percent' | 'by_date' | 'base_month'> } | { ok: false; field: 'percent' | 'by_date' | 'base_month' };

/** Validates the target form's text (Indonesian `12,5` and `12.5` both accepted). */
export function checkArrearsTarget(input: { percent: string; by_date: string; base_month: string }): TargetCheck {
  const percent = Number(input.percent.trim().replace(',', '.'));
  if (!Number.isFinite(percent) || percent < 0.1 || percent > 100) return { ok: false, field: 'percent' };
  const base = input.base_month.trim();
  if (!PERIOD.test(base)) return { ok: false, field: 'base_month' };
  const date = input.by_date.trim();
  const valid = DATE.test(date) && new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) === date;
  if (!valid || date.slice(0, 7) <= base) return { ok: false, field: 'by_date' };
  return { ok: true, value: { percent: Math.round(percent * 10) / 10, by_date: date, base_month: base } };
}

function parseSettings(raw: unknown, path: string): Settings {
  if (typeof raw !== 'object' || raw === null) throw new Error(`${path}: expected a JSON object`);
  const t = (raw as Partial<Settings>).arrears_target;
  const target =
    t && typeof t.percent === 'number' && typeof t.by_date === 'string' && typeof t.base_month === 'string'
      ? { percent: t.percent, by_date: t.by_date, base_month: t.base_month, set_by: String(t.set_by ?? ''), set_at: String(t.set_at ?? '') }
      : null;
  const r = raw as { letters?: unknown; collections?: unknown; reports?: unknown; team_areas?: unknown };
  return {
    arrears_target: target,
    letters: parseLetterSettings(r.letters),
    collections: parseCollectionSettings(r.collections),
    reports: parseReportSettings(r.reports),
    team_areas: parseTeamAreasSetting(r.team_areas),
  };
}

export class SettingsStore {
  private readonly file: JsonFile<Settings>;

  constructor(readonly path: string) {
    this.file = new JsonFile<Settings>(path, { empty: () => ({ arrears_target: null }), parse: parseSettings });
  }

  read(): Promise<Settings> {
    return this.file.read();
  }

  setArrearsTarget(target: Pick<ArrearsTarget, 'percent' | 'by_date' | 'base_month'>, by: string): Promise<Settings> {
    return this.file.update((s) => ({ ...s, arrears_target: { ...target, set_by: by, set_at: new Date().toISOString().slice(0, 19) + 'Z' } }));
  }

  /** Read, change, write (a feature's setter in app/lib/settings/<name>.server.ts). */
  update(change: (s: Settings) => Settings): Promise<Settings> {
    return this.file.update(change);
  }

  clearArrearsTarget(): Promise<Settings> {
    return this.file.update((s) => ({ ...s, arrears_target: null }));
  }
}

let store: SettingsStore | null = null;
export function settingsStore(): SettingsStore {
  return (store ??= new SettingsStore(env.settingsFile));
}

/** The current settings (re-read when the file changed). */
export function readSettings(): Promise<Settings> {
  return settingsStore().read();
}
