/**
 * The Penagihan tables: the collector leaderboard and the figures by kecamatan for months from..to
 * (`from`, `to`, `team`; CONTRACT §4, Collections), and a saved route plan's stops (`plan`), each
 * sortable on its page and downloadable as CSV/XLSX (the plan's with columns to write the outcome and
 * the amount in).
 */
import { collectionsPerformance, type PerformanceRow } from '../../../etl/queries/collections';
import { SCORE_PARTS } from '../../../etl/domain/collections/priority';
import { t, type Lang } from '../../i18n';
import { outcomeValues } from '../../i18n/code-words';
import type { ColumnDef } from '../../ui/data-table/columns';
import { COLLECTIONS_ROLES, periodParams, teamAllowed, type PeriodInput } from '../collections/access.server';
import { planActuals, savedPlan, savedPlans } from '../collections/plans.server';
import { withWarehouse } from '../warehouse.server';
import { BadParam, defineTable } from './define.server';
import { windowRows } from './window';
import type { Scope } from '../../../etl/queries/scope';
import type { PlanSummary, SavedPlan } from '../../../etl/store/route-plans';

const FIGURE_COLUMNS: ColumnDef<keyof PerformanceRow>[] = [
  { key: 'visits', label: 'col.c.visits', format: 'number', sortable: true, total: true },
  { key: 'customers', label: 'col.c.customers', format: 'number', sortable: true },
  { key: 'contacts', label: 'col.c.contacts', format: 'number', sortable: true, total: true },
  { key: 'contact_rate', label: 'col.c.contactRate', format: 'percent', sortable: true },
  { key: 'promises', label: 'col.c.promises', format: 'number', sortable: true, total: true },
  { key: 'promises_kept', label: 'col.c.kept', format: 'number', sortable: true, total: true },
  { key: 'collected_at_visit', label: 'col.c.collected', format: 'money', sortable: true, total: true },
  { key: 'attributed_14d', label: 'col.c.attributed', format: 'money', sortable: true, total: true },
  { key: 'rupiah_per_visit', label: 'col.c.perVisit', format: 'money', sortable: true },
  { key: 'visits_per_working_day', label: 'col.c.perDay', format: 'number', sortable: true },
  { key: 'arrears_start', label: 'col.c.arrearsStart', format: 'money', sortable: true },
  { key: 'arrears_end', label: 'col.c.arrearsEnd', format: 'money', sortable: true },
];

const periodDetail = ({ from, to, team }: PeriodInput, lang: Lang) => [
  t(lang, 'col.subtitle', { from, to }),
  ...(team ? [`${t(lang, 'col.filter.team')}: ${team}`] : []),
];

const periodTable = (by: 'collector' | 'kecamatan') =>
  ({
    roles: COLLECTIONS_ROLES,
    input: (params: URLSearchParams) => periodParams(params),
    inputParams: ({ from, to, team }: PeriodInput) => ({ from, to, team }),
    async load(ctx: { scope: Scope }, input: PeriodInput) {
      if (!teamAllowed(ctx.scope, input.team)) return [];
      return withWarehouse((wh) => collectionsPerformance(wh, { ...input, scope: ctx.scope, by }));
    },
    details: (input: PeriodInput, _source: unknown, lang: Lang) => periodDetail(input, lang),
    fileSuffix: ({ from, to, team }: PeriodInput) => [from, to, ...(team ? [team] : [])],
  }) as const;

const COLLECTOR_COLUMNS: ColumnDef<keyof PerformanceRow>[] = [
  { key: 'collector_name', label: 'col.c.collector', format: 'text', sortable: true, rowHeader: true },
  { key: 'collector_id', label: 'table.col.code', format: 'text', sortable: true, mono: true },
  { key: 'team_name', label: 'col.c.team', format: 'text', sortable: true },
  { key: 'team_id', label: 'col.c.teamCode', format: 'text', sortable: true, mono: true },
  ...FIGURE_COLUMNS,
];
const KECAMATAN_COLUMNS: ColumnDef<keyof PerformanceRow>[] = [
  { key: 'kecamatan_name', label: 'col.c.kecamatan', format: 'text', sortable: true, rowHeader: true },
  { key: 'kecamatan_code', label: 'table.col.code', format: 'text', sortable: true, mono: true },
  ...FIGURE_COLUMNS,
];

export const collectorsTable = defineTable<PeriodInput, PerformanceRow[], PerformanceRow>({
  id: 'collections-collectors',
  prefix: 'lb-',
  title: 'col.leaderboard',
  columns: COLLECTOR_COLUMNS,
  defaultSort: { key: 'attributed_14d', dir: 'desc' },
  pageSize: 50,
  ...periodTable('collector'),
  rows: (source, window) => windowRows(source, COLLECTOR_COLUMNS, window),
});

export const kecamatanTable = defineTable<PeriodInput, PerformanceRow[], PerformanceRow>({
  id: 'collections-kecamatan',
  prefix: 'kec-',
  title: 'col.byKecamatan',
  columns: KECAMATAN_COLUMNS,
  defaultSort: { key: 'visits', dir: 'desc' },
  pageSize: 50,
  ...periodTable('kecamatan'),
  rows: (source, window) => windowRows(source, KECAMATAN_COLUMNS, window),
});

export interface PlanStopRow {
  collector_name: string;
  seq: number;
  customer_id: string;
  name: string;
  address: string;
  desa_name: string;
  arrears: number;
  overdue_bills: number;
  last_outcome: string | null;
  phone: string;
  score: number;
  parts: string;
  outcome_written: string;
  amount_written: string;
  /** plan vs actual, once the day's visits are loaded (null before) */
  visited: string | null;
  actual_outcome: string | null;
  actual_collected: number | null;
}

export type PlanWithActuals = SavedPlan & { actuals: Awaited<ReturnType<typeof planActuals>> };

/** The stops of a plan in collector and visit order, with the score parts as `amount 3 + months 6 …`. */
export function planStopRows(plan: SavedPlan['plan'], actuals: PlanWithActuals['actuals'] | null): PlanStopRow[] {
  const actual = new Map((actuals?.loaded ? actuals.stops : []).map((a) => [a.customer_id, a]));
  return plan.routes.flatMap((r) =>
    r.stops.map((s) => ({
      collector_name: r.collector_name,
      seq: s.seq,
      customer_id: s.customer_id,
      name: s.name,
      address: s.address,
      desa_name: s.desa_name,
      arrears: s.arrears,
      overdue_bills: s.overdue_bills,
      last_outcome: s.last_outcome,
      phone: s.phone,
      score: s.score,
      parts: SCORE_PARTS.map((k) => `${k} ${s.parts[k]}`).join(' + '),
      outcome_written: '',
      amount_written: '',
      visited: actuals?.loaded ? (actual.get(s.customer_id)?.visited ? 'yes' : 'no') : null,
      actual_outcome: actual.get(s.customer_id)?.outcome ?? null,
      actual_collected: actuals?.loaded ? (actual.get(s.customer_id)?.amount_collected ?? 0) : null,
    })),
  );
}

const PLAN_ID = /^[1-9]\d{0,9}$/;

const STOP_COLUMNS: ColumnDef<keyof PlanStopRow>[] = [
  { key: 'collector_name', label: 'rute.s.collector', format: 'text', sortable: true },
  { key: 'seq', label: 'rute.s.seq', format: 'number', sortable: true },
  { key: 'customer_id', label: 'table.col.code', format: 'text', sortable: true, mono: true },
  { key: 'name', label: 'rute.s.customer', format: 'text', sortable: true, rowHeader: true, personal: true },
  { key: 'address', label: 'rute.s.address', format: 'text', personal: true },
  { key: 'desa_name', label: 'rute.s.desa', format: 'text', sortable: true },
  { key: 'arrears', label: 'rute.s.amount', format: 'money', sortable: true, total: true },
  { key: 'overdue_bills', label: 'rute.s.bills', format: 'number', sortable: true },
  { key: 'last_outcome', label: 'rute.s.lastOutcome', format: 'text', sortable: true, values: outcomeValues },
  { key: 'phone', label: 'rute.s.phone', format: 'text', personal: true },
  { key: 'score', label: 'rute.s.score', format: 'number', sortable: true },
  { key: 'parts', label: 'rute.s.parts', format: 'text' },
  { key: 'outcome_written', label: 'rute.s.outcome', format: 'text' },
  { key: 'amount_written', label: 'rute.s.paid', format: 'text' },
];

export const planStopsTable = defineTable<{ plan: number }, PlanWithActuals, PlanStopRow>({
  id: 'route-plan',
  prefix: 'stop-',
  title: 'rute.sheet',
  columns: STOP_COLUMNS,
  defaultSort: null,
  pageSize: 500,
  roles: COLLECTIONS_ROLES,
  async input(params) {
    const plan = params.get('plan') ?? '';
    if (!PLAN_ID.test(plan)) throw new BadParam('plan', 'plan must be a plan number');
    return { plan: Number(plan) };
  },
  inputParams: ({ plan }) => ({ plan: String(plan) }),
  async load(ctx, { plan }) {
    const saved = await savedPlan(ctx.scope, plan);
    if (!saved) throw new BadParam('plan', `there is no plan ${plan} you may see`);
    return { ...saved, actuals: await planActuals(saved.plan, ctx.scope) };
  },
  rows: (source, window) => windowRows(planStopRows(source.plan, source.actuals), STOP_COLUMNS, window),
  details: (_input, source, lang) => [`${t(lang, 'rute.planNo', { id: source.plan_id })}: ${source.plan.team_name} · ${source.plan_date} · ${source.area || '–'}`],
  fileSuffix: ({ plan }) => [String(plan)],
});

const SAVED_PLAN_COLUMNS: ColumnDef<keyof PlanSummary>[] = [
  { key: 'plan_id', label: 'rute.col.plan', format: 'number', sortable: true, rowHeader: true },
  { key: 'team_id', label: 'rute.col.team', format: 'text', sortable: true, mono: true },
  { key: 'plan_date', label: 'rute.col.date', format: 'date', sortable: true },
  { key: 'area', label: 'rute.col.area', format: 'text', sortable: true, mono: true },
  { key: 'collectors', label: 'rute.col.collectors', format: 'number', sortable: true },
  { key: 'stops', label: 'rute.col.stops', format: 'number', sortable: true, total: true },
  { key: 'saved_by', label: 'rute.col.savedBy', format: 'text', sortable: true },
  { key: 'saved_at', label: 'rute.col.savedAt', format: 'datetime', sortable: true },
];

/** The saved route plans of the teams in the caller's scope, newest plan first. */
export const savedPlansTable = defineTable<Record<string, never>, PlanSummary[], PlanSummary>({
  id: 'route-plans',
  prefix: 'plans-',
  title: 'rute.savedPlans',
  columns: SAVED_PLAN_COLUMNS,
  defaultSort: { key: 'plan_id', dir: 'desc' },
  pageSize: 25,
  roles: COLLECTIONS_ROLES,
  input: async () => ({}),
  inputParams: () => ({}),
  load: (ctx) => savedPlans(ctx.scope),
  rows: (source, window) => windowRows(source, SAVED_PLAN_COLUMNS, window),
  details: () => [],
  fileSuffix: () => [],
});
