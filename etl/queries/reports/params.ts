/**
 * A report's request parameters, checked against its declaration: the period (against the months the
 * warehouse holds), `view=detail|rekap`, the filters it accepts (the arrears filters are read by
 * parseArrearsFilters, the one reader of them), `channel=`, `team=`. A wrong or unknown parameter is
 * named in the answer (the API's 400).
 */
import { dayNumber, monthEnd, parseDate, parsePeriod } from '../../domain/period';
import { REPORT_VIEWS, type ReportView } from '../../domain/reports/shape';
import { FILTER_PARAMS, parseArrearsFilters } from '../filters';
import type { ReportDefinition, ReportFilterName, ReportFilters, ReportPeriod } from './report';

/** The URL name of each report filter. */
export const REPORT_FILTER_PARAMS = { ...FILTER_PARAMS, channel: 'channel', team: 'team' } as const satisfies Record<ReportFilterName, string>;

/** Parameters of the pages and downloads that are not the report's own (paging, the download format, print paper). */
export const VIEW_PARAMS = ['view', 'format', 'page', 'page_size', 'paper', 'bulan'] as const;

/** The app's month picker (`bulan=YYYY-MM`, every page's top bar): a month report's period when its own parameter is absent. */
const APP_MONTH_PARAM = 'bulan';

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/;

export interface ParsedReportParams {
  view: ReportView;
  by?: string;
  period: ReportPeriod;
  filters: ReportFilters;
}

export type ReportParamsParse = { ok: true; value: ParsedReportParams } | { ok: false; param: string; message: string };

/** The period's parameter names, as the URL has them. */
export function periodParams(def: ReportDefinition): string[] {
  return def.period.kind === 'month' ? [def.period.param] : [def.period.from, def.period.to];
}

/**
 * The report's parameters in `params`. `months` are the warehouse's months (YYYY-MM); a month report's
 * period defaults to `defaultMonth`, a days report's to that month's first and last day.
 */
export function parseReportParams(def: ReportDefinition, params: URLSearchParams, months: readonly string[], defaultMonth: string | null): ReportParamsParse {
  const bad = (param: string, message: string): ReportParamsParse => ({ ok: false, param, message: message.startsWith(`${param}:`) ? message : `${param}: ${message}` });
  const accepted = def.filters.map((f) => REPORT_FILTER_PARAMS[f]);
  const known = [...periodParams(def), ...accepted, ...VIEW_PARAMS, ...(def.groupings ? ['by'] : [])];
  for (const name of params.keys()) if (!known.includes(name)) return bad(name, `not a parameter of this report (it takes: ${known.join(', ')})`);
  const value = (name: string) => params.get(name)?.trim() || null;

  const view = value('view') ?? 'rekap';
  if (!(REPORT_VIEWS as readonly string[]).includes(view)) return bad('view', `must be one of ${REPORT_VIEWS.join(', ')}`);

  let by: string | undefined;
  if (def.groupings) {
    by = value('by') ?? def.groupings[0];
    if (!def.groupings.includes(by)) return bad('by', `must be one of ${def.groupings.join(', ')}`);
  }

  const covered = (month: string) => months.includes(month);
  const range = `the warehouse has ${months[0] ?? '–'} … ${months.at(-1) ?? '–'}`;
  const period: ReportPeriod = {};
  if (def.period.kind === 'month') {
    const name = def.period.param;
    const text = value(name) ?? value(APP_MONTH_PARAM) ?? defaultMonth;
    if (text === null) return bad(name, `a month YYYY-MM is needed (${range})`);
    const month = parsePeriod(text);
    if (!month.ok) return bad(name, `must be a month YYYY-MM (${text})`);
    if (!covered(month.value)) return bad(name, `no figures for ${month.value} (${range})`);
    period.month = month.value;
  } else {
    const { from: fromName, to: toName } = def.period;
    const day = (name: string, fallback: string | null) => {
      const text = value(name) ?? fallback;
      if (text === null) return bad(name, `a day YYYY-MM-DD is needed (${range})`);
      const d = parseDate(text, name);
      return d.ok ? d.value : bad(name, `must be a day YYYY-MM-DD (${text})`);
    };
    const month = value(APP_MONTH_PARAM) ?? defaultMonth;
    const from = day(fromName, month && `${month}-01`);
    if (typeof from !== 'string') return from;
    const last = month && parsePeriod(month).ok ? monthEnd(month) : null;
    const to = day(toName, last);
    if (typeof to !== 'string') return to;
    if (to < from) return bad(toName, `must not be before ${fromName} (${from})`);
    const days = dayNumber(to) - dayNumber(from) + 1;
    if (def.period.maxDays !== undefined && days > def.period.maxDays) return bad(toName, `at most ${def.period.maxDays} days (${from} to ${to} is ${days})`);
    period.from = from;
    period.to = to;
  }

  // Only the arrears filters this report accepts are read; the others were refused above.
  const arrears = parseArrearsFilters(params);
  if (!arrears.ok) return bad(arrears.parameter, arrears.message);
  const filters: ReportFilters = { ...arrears.filters };
  for (const name of ['channel', 'team'] as const) {
    const text = value(REPORT_FILTER_PARAMS[name]);
    if (text === null) continue;
    if (!CODE.test(text)) return bad(REPORT_FILTER_PARAMS[name], `not a ${name} code (${text})`);
    filters[name] = text;
  }
  return { ok: true, value: { view: view as ReportView, ...(by ? { by } : {}), period, filters } };
}

/** The period and filters under their URL names (absent ones null): the result's `filters`. */
export function echoParams(def: ReportDefinition, period: ReportPeriod, filters: ReportFilters, by?: string): Record<string, string | number | null> {
  const out: Record<string, string | number | null> = {};
  if (def.groupings) out.by = by ?? def.groupings[0];
  if (def.period.kind === 'month') out[def.period.param] = period.month ?? null;
  else {
    out[def.period.from] = period.from ?? null;
    out[def.period.to] = period.to ?? null;
  }
  for (const f of def.filters) out[REPORT_FILTER_PARAMS[f]] = filters[f] ?? null;
  return out;
}
