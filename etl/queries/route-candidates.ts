/**
 * The route planner's candidates (CONTRACT §4, Collections): customers in arrears on the plan date in
 * the area (a kecamatan, or a few desa), with the facts their priority score is made of
 * (etl/domain/collections/priority.ts) and what a route sheet shows. Excluded: customers visited in
 * the `recentDays` days before the plan date, and customers with a promise to pay whose date is after
 * the plan date. A customer without coordinates stands at their desa's centre; with neither, they are
 * left out (counted in `without_location`). Personal data: refused for a scope without it.
 */
import { DEFAULT_RECENT_VISIT_DAYS, type Candidate } from '../domain/collections/planner';
import { ageInMonthsSql } from '../domain/aging';
import type { Warehouse } from '../warehouse/duckdb';
import { billOwedAsOfSql, billOwesAsOfSql, openingOwedAsOfSql, openingOwesAsOfSql } from './owed';
import { requirePersonalData, type Scope } from './scope';

export interface RouteArea {
  kecamatan?: string | null;
  desa?: readonly string[];
}

export interface RouteCandidate extends Candidate {
  name: string;
  address: string;
  phone: string;
  desa_code: string;
  desa_name: string;
  last_visit_on: string | null;
}

const DAY = 'CAST($plan_date AS DATE)';

export async function routeCandidates(
  wh: Warehouse,
  { date, area, recentDays = DEFAULT_RECENT_VISIT_DAYS, scope }: { date: string; area: RouteArea; recentDays?: number; scope: Scope },
): Promise<{ candidates: RouteCandidate[]; without_location: number }> {
  requirePersonalData(scope, 'the route planner');
  const rows = await wh.query<RouteCandidate & { located: boolean }>(
    `WITH here AS (
        SELECT c.customer_id, c.name, c.address, c.phone, c.status, c.desa_code, a.desa_name,
               coalesce(c.latitude, a.latitude) AS lat, coalesce(c.longitude, a.longitude) AS lon
          FROM customers c JOIN areas a USING (desa_code)
         WHERE ($kecamatan IS NULL OR a.kecamatan_code = $kecamatan) AND (len($desa) = 0 OR list_contains($desa, c.desa_code))),
      debts AS (
        SELECT b.customer_id, b.bill_id, ${ageInMonthsSql(DAY, 'b.due_on')} AS age, ${billOwedAsOfSql('b', DAY)} AS owed
          FROM bill_balances b JOIN here USING (customer_id)
         WHERE b.due_on < ${DAY} AND ${billOwesAsOfSql('b', DAY)}
        UNION ALL
        SELECT o.customer_id, NULL, ${ageInMonthsSql(DAY, `strptime(o.oldest_period || '-01', '%Y-%m-%d')`)}, ${openingOwedAsOfSql('o', DAY)}
          FROM opening_balances o JOIN here USING (customer_id)
         WHERE ${openingOwesAsOfSql('o', DAY)}),
      owing AS (
        SELECT customer_id, sum(owed)::BIGINT AS arrears, count(bill_id) FILTER (WHERE owed <> 0)::BIGINT AS overdue_bills,
               max(age) FILTER (WHERE owed <> 0)::BIGINT AS oldest_months
          FROM debts GROUP BY customer_id HAVING sum(owed) > 0),
      past AS (
        SELECT r.customer_id, max(r.day) AS last_visit_on,
               arg_max(r.outcome, (r.day, r.visit_id)) AS last_outcome,
               count(*) FILTER (WHERE r.outcome IN ('paid', 'partial', 'promise_to_pay'))::BIGINT AS cooperative_visits,
               count(*) FILTER (WHERE r.outcome IN ('refused', 'not_home'))::BIGINT AS refusing_visits,
               bool_or(r.promise AND r.promise_date >= ${DAY}) AS promise_pending,
               arg_max(NOT r.promise_kept, (r.day, r.visit_id)) FILTER (WHERE r.promise AND r.promise_date < ${DAY}) AS broken_promise
          FROM visit_results r JOIN owing USING (customer_id)
         WHERE r.day < ${DAY}
         GROUP BY r.customer_id)
     SELECT h.customer_id, h.name, h.address, coalesce(h.phone, '') AS phone, h.status, h.desa_code, h.desa_name, h.lat, h.lon,
            h.lat IS NOT NULL AND h.lon IS NOT NULL AS located,
            o.arrears, o.overdue_bills, coalesce(o.oldest_months, 0)::BIGINT AS oldest_months,
            CAST(p.last_visit_on AS VARCHAR) AS last_visit_on, (${DAY} - p.last_visit_on)::BIGINT AS days_since_visit,
            p.last_outcome, coalesce(p.broken_promise, false) AS broken_promise,
            coalesce(p.cooperative_visits, 0)::BIGINT AS cooperative_visits, coalesce(p.refusing_visits, 0)::BIGINT AS refusing_visits
       FROM owing o JOIN here h USING (customer_id) LEFT JOIN past p USING (customer_id)
      WHERE (p.last_visit_on IS NULL OR p.last_visit_on < ${DAY} - CAST($recent_days AS INTEGER))
        AND NOT coalesce(p.promise_pending, false)
      ORDER BY h.customer_id`,
    { plan_date: date, kecamatan: area.kecamatan ?? null, desa: [...(area.desa ?? [])], recent_days: recentDays },
  );
  const located = rows.filter((r) => r.located);
  return { candidates: located.map(({ located: _, ...r }) => r), without_location: rows.length - located.length };
}
