/**
 * A report's declaration (the catalog in ./index.ts lists them): its id, the period it takes, the
 * filters it accepts, and the named queries behind its two views. The web layer (page, print view,
 * downloads, `GET /api/v1/reports/<id>`) works from this alone.
 */
import type { TeamAreas } from '../../domain/reports/menunggak';
import type { ReportColumn, ReportResult, ReportView } from '../../domain/reports/shape';
import type { Warehouse } from '../../warehouse/duckdb';
import type { ArrearsFilters } from '../filters';
import type { Scope } from '../scope';

/** The period parameter: one month (`as_of`, `period`, `month` = YYYY-MM) or a range of days (`from`, `to`). */
export type PeriodSpec = { kind: 'month'; param: string } | { kind: 'days'; from: string; to: string; /** the longest range asked, in days */ maxDays?: number };

export interface ReportPeriod {
  /** YYYY-MM for a month report */
  month?: string;
  /** YYYY-MM-DD for a days report */
  from?: string;
  to?: string;
}

/** The filters a report may accept (each report says which, in `filters`). */
export interface ReportFilters extends ArrearsFilters {
  /** a channel_code (loket) */
  channel?: string;
  /** a team_id */
  team?: string;
}

export type ReportFilterName = keyof ReportFilters;

export interface ReportQuery {
  view: ReportView;
  /** the rekap's grouping (`by=`), one of the report's `groupings`; absent for a report without */
  by?: string;
  period: ReportPeriod;
  filters: ReportFilters;
  /** detail views: the page (offset, limit); null: every line (downloads, print) */
  window: { offset: number; limit: number } | null;
  /** the admins' settings a report reads (the web layer passes them; absent: the defaults) */
  settings?: ReportQuerySettings;
}

export interface ReportQuerySettings {
  /** Menunggak per petugas: the areas each team covers; null: the default from the visits */
  teamAreas: TeamAreas | null;
}

export interface ReportDefinition {
  id: string;
  period: PeriodSpec;
  filters: readonly ReportFilterName[];
  /** the rekap's groupings (`by=`, the first is the default), e.g. DRD per wilayah or per golongan */
  groupings?: readonly string[];
  /** the detail view lists customers (names): refused for a scope without personal data */
  detailIsPersonal: boolean;
  /** the columns of a view (for headers, before any row is read), for a rekap of the grouping `by` */
  columns(view: ReportView, by?: string): ReportColumn[];
  run(wh: Warehouse, query: ReportQuery, scope: Scope): Promise<ReportResult>;
}

export function defineReport(def: ReportDefinition): ReportDefinition {
  return def;
}
