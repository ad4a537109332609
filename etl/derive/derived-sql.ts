/**
 * The derived tables the reports and the dashboard read, rebuilt after every load from the source
 * tables and the allocation. One statement per table, in dependency order; each says what it holds.
 */
import { ageBucketSql } from '../domain/aging';
import { PAYMENT_TARGETS, WRITE_OFF_TARGETS } from '../domain/allocation';
import { completedPaymentSql, LAUNCH_MONTHS_MAX } from '../domain/channel-rules';
import { ATTRIBUTION_DAYS, NO_CONTACT_OUTCOMES } from '../domain/collections/rules';
import { monthIndexSql, periodIndexSql } from '../domain/period';
import { lembarOfPaymentSql } from '../domain/reports/lpp';
import { billOwedAsOfSql, billOwesAsOfSql } from '../queries/owed';

/** The target's name from its code (its position in the list the allocation writes codes from). */
const targetName = (names: readonly string[]) => `([${names.map((n) => `'${n}'`).join(', ')}])[r.target_code + 1]`;

// Month indexes (year × 12 + month − 1), so month arithmetic is integer arithmetic.
const monthIdx = monthIndexSql;
const periodIdx = periodIndexSql;

/**
 * The months a running level holds, [from_idx, to_idx) within the warehouse's months, one row each:
 * unnested rather than joined on two inequalities, which DuckDB plans as an IEJoin holding every level
 * in memory. For the per-bill levels of arrears_customer_month_end that ran out of memory at a million
 * customers; the coarser tables keep the join, several times faster for them.
 */
const heldMonths = (l: string) =>
  `unnest(range(greatest(${l}.from_idx, (SELECT min(month_idx) FROM months)), least(${l}.to_idx, (SELECT max(month_idx) FROM months) + 1))) AS month_idx`;

export const DERIVED_STATEMENTS: readonly { table: string; sql: string }[] = [
  {
    // Every rupiah of every payment and where it went (a bill, the opening balance, credit, …).
    table: 'payment_allocations',
    sql: `CREATE OR REPLACE TABLE payment_allocations AS
      SELECT r.payment_id, p.channel_code, p.customer_id, p.paid_on, ${targetName(PAYMENT_TARGETS)} AS target, r.bill_id, b.period,
             b.issued_on, b.due_on, r.amount, r.overdue
        FROM payment_allocations_raw r
        JOIN payments p USING (payment_id)
        LEFT JOIN bills b USING (bill_id)`,
  },
  {
    table: 'write_off_allocations',
    sql: `CREATE OR REPLACE TABLE write_off_allocations AS
      SELECT r.write_off_id, w.customer_id, w.written_off_on, ${targetName(WRITE_OFF_TARGETS)} AS target, r.bill_id, w.period,
             r.amount, r.overdue
        FROM write_off_allocations_raw r
        JOIN write_offs w USING (write_off_id)`,
  },
  {
    // Each bill: what was paid and written off, what was left when it fell due, what is left now, and
    // the day it was settled (its last payment or write-off, since a debt only ever shrinks): as of any
    // later day it owes nothing, which lets as-of queries skip the great majority of bills.
    table: 'bill_balances',
    sql: `CREATE OR REPLACE TABLE bill_balances AS
      WITH paid AS (
        SELECT bill_id, sum(amount) AS paid, coalesce(sum(amount) FILTER (WHERE NOT overdue), 0) AS paid_by_due,
               max(paid_on) AS last_paid_on
          FROM payment_allocations WHERE target = 'bill' GROUP BY bill_id),
      written AS (
        SELECT bill_id, sum(amount) AS written_off, coalesce(sum(amount) FILTER (WHERE NOT overdue), 0) AS written_off_by_due,
               max(written_off_on) AS last_written_off_on
          FROM write_off_allocations WHERE target = 'bill' GROUP BY bill_id),
      balances AS (
        SELECT b.bill_id, b.customer_id, b.period, b.issued_on, b.due_on, b.total_amount,
               coalesce(paid.paid, 0)::BIGINT AS paid,
               coalesce(written.written_off, 0)::BIGINT AS written_off,
               (b.total_amount - coalesce(paid.paid_by_due, 0) - coalesce(written.written_off_by_due, 0))::BIGINT AS outstanding_at_due,
               (b.total_amount - coalesce(paid.paid, 0) - coalesce(written.written_off, 0))::BIGINT AS outstanding,
               greatest(paid.last_paid_on, written.last_written_off_on) AS last_reduced_on
          FROM bills b LEFT JOIN paid USING (bill_id) LEFT JOIN written USING (bill_id))
      SELECT * EXCLUDE (last_reduced_on),
             CASE WHEN outstanding = 0 THEN coalesce(last_reduced_on, issued_on) END AS settled_on
        FROM balances`,
  },
  {
    // Every change to the arrears, dated: a bill falling due unpaid (the day after its due date), an
    // opening balance arriving, a payment or write-off on a debt already in arrears. cohort is the month
    // index the debt ages from; summing amounts up to a day gives the arrears as of that day.
    table: 'arrears_events',
    sql: `CREATE OR REPLACE TABLE arrears_events AS
      SELECT customer_id, due_on + 1 AS on_day, ${monthIdx('due_on')} AS cohort, 'newly_overdue' AS kind,
             NULL::VARCHAR AS channel_code, outstanding_at_due AS amount
        FROM bill_balances WHERE outstanding_at_due <> 0
      UNION ALL
      SELECT customer_id, as_of, ${periodIdx('oldest_period')}, 'newly_overdue', NULL, amount
        FROM opening_balances
      UNION ALL
      -- Joined on customer_id alone (one opening balance per customer at most): a target condition in
      -- the ON clause turns this into a nested-loop join.
      SELECT a.customer_id, a.paid_on,
             CASE WHEN a.target = 'opening' THEN ${periodIdx('o.oldest_period')} ELSE ${monthIdx('a.due_on')} END, 'recovered',
             a.channel_code, -a.amount
        FROM payment_allocations a
        LEFT JOIN opening_balances o USING (customer_id)
       WHERE a.overdue AND a.target IN ('bill', 'opening')
      UNION ALL
      SELECT w.customer_id, w.written_off_on,
             CASE WHEN w.target = 'opening' THEN ${periodIdx('o.oldest_period')} ELSE ${monthIdx('b.due_on')} END, 'written_off',
             NULL, -w.amount
        FROM write_off_allocations w
        LEFT JOIN bills b USING (bill_id)
        LEFT JOIN opening_balances o ON o.customer_id = w.customer_id
       WHERE w.overdue AND w.target IN ('bill', 'opening')`,
  },
  {
    // The months the warehouse covers: from the first arrears event to the latest bill period, payment or
    // write-off (a later due date is the future: not yet a figure anyone can act on).
    table: 'months',
    sql: `CREATE OR REPLACE TABLE months AS
      WITH bounds AS (
        SELECT (SELECT min(on_day) FROM arrears_events) AS first_day,
               greatest((SELECT max(strptime(period || '-01', '%Y-%m-%d'))::DATE FROM bills),
                        (SELECT max(paid_on) FROM payments),
                        (SELECT max(written_off_on) FROM write_offs)) AS last_day)
      SELECT strftime(m, '%Y-%m') AS month, last_day(m::DATE) AS month_end, ${monthIdx('m')} AS month_idx
        FROM bounds, range(date_trunc('month', first_day), date_trunc('month', last_day) + INTERVAL 1 MONTH, INTERVAL 1 MONTH) t(m)
       WHERE first_day IS NOT NULL`,
  },
  {
    // Arrears at every month end by desa × tariff class × customer status × age bucket (the status is the
    // customer's current one, as the from-the-bills queries filter it). Built from running totals of the
    // events per (desa, tariff class, cohort) rather than by re-reading every bill at every month end.
    table: 'arrears_monthly',
    sql: `CREATE OR REPLACE TABLE arrears_monthly AS
      WITH deltas AS (
        SELECT c.desa_code, c.tariff_class, c.status, e.cohort, ${monthIdx('e.on_day')} AS month_idx, sum(e.amount) AS delta
          FROM arrears_events e JOIN customers c USING (customer_id)
         GROUP BY ALL),
      levels AS (
        SELECT desa_code, tariff_class, status, cohort, month_idx AS from_idx,
               lead(month_idx, 1, 2147483647) OVER w AS to_idx,
               sum(delta) OVER (w ROWS UNBOUNDED PRECEDING) AS level
          FROM deltas
        WINDOW w AS (PARTITION BY desa_code, tariff_class, status, cohort ORDER BY month_idx))
      SELECT m.month, m.month_end, l.desa_code, l.tariff_class, l.status,
             ${ageBucketSql('(m.month_idx - l.cohort + 1)')} AS age_bucket,
             sum(l.level)::BIGINT AS arrears
        FROM levels l JOIN months m ON m.month_idx >= l.from_idx AND m.month_idx < l.to_idx
       WHERE l.level <> 0
       GROUP BY ALL
       -- stored by month: a month's figures then read only that month's row groups
       ORDER BY m.month`,
  },
  {
    // Customers with arrears at every month end, by desa × tariff class × status (a customer counts once).
    table: 'arrears_customers_monthly',
    sql: `CREATE OR REPLACE TABLE arrears_customers_monthly AS
      WITH deltas AS (
        SELECT customer_id, ${monthIdx('on_day')} AS month_idx, sum(amount) AS delta
          FROM arrears_events GROUP BY ALL),
      levels AS (
        SELECT customer_id, month_idx AS from_idx,
               lead(month_idx, 1, 2147483647) OVER w AS to_idx,
               sum(delta) OVER (w ROWS UNBOUNDED PRECEDING) AS level
          FROM deltas
        WINDOW w AS (PARTITION BY customer_id ORDER BY month_idx))
      SELECT m.month, m.month_end, c.desa_code, c.tariff_class, c.status, count(*)::BIGINT AS customers
        FROM levels l
        JOIN months m ON m.month_idx >= l.from_idx AND m.month_idx < l.to_idx
        JOIN customers c USING (customer_id)
       WHERE l.level > 0
       GROUP BY ALL
       ORDER BY m.month`,
  },
  {
    // Each overdue debt's level over the months: what a bill (or, bill_id and period NULL, an opening
    // balance) owed at the end of every month from from_idx to before to_idx (month indexes), once it fell
    // due; cohort is the month index it ages from. Running
    // totals of each debt's changes (falling due, overdue payments and write-offs), like arrears_monthly;
    // the per-customer month-end tables below are built from it, and the bills a customer owed at a
    // month end (the letters, the sealing list) read it instead of every payment after that day.
    table: 'arrears_debt_levels',
    sql: `CREATE OR REPLACE TABLE arrears_debt_levels AS
      WITH changes AS (
        SELECT customer_id, bill_id, period, ${monthIdx('due_on')} AS cohort, ${monthIdx('due_on + 1')} AS month_idx, outstanding_at_due AS amount
          FROM bill_balances WHERE outstanding_at_due <> 0
        UNION ALL
        SELECT customer_id, bill_id, period, ${monthIdx('due_on')}, ${monthIdx('paid_on')}, -amount
          FROM payment_allocations WHERE target = 'bill' AND overdue
        UNION ALL
        SELECT w.customer_id, w.bill_id, b.period, ${monthIdx('b.due_on')}, ${monthIdx('w.written_off_on')}, -w.amount
          FROM write_off_allocations w JOIN bills b USING (bill_id) WHERE w.target = 'bill' AND w.overdue
        UNION ALL
        -- an opening balance (one per customer at most) owes its amount less everything applied to it
        SELECT customer_id, NULL, NULL, ${periodIdx('oldest_period')}, ${monthIdx('as_of')}, amount FROM opening_balances
        UNION ALL
        SELECT a.customer_id, NULL, NULL, ${periodIdx('o.oldest_period')}, ${monthIdx('a.paid_on')}, -a.amount
          FROM payment_allocations a JOIN opening_balances o USING (customer_id) WHERE a.target = 'opening'
        UNION ALL
        SELECT w.customer_id, NULL, NULL, ${periodIdx('o.oldest_period')}, ${monthIdx('w.written_off_on')}, -w.amount
          FROM write_off_allocations w JOIN opening_balances o USING (customer_id) WHERE w.target = 'opening'),
      deltas AS (
        SELECT customer_id, bill_id, period, cohort, month_idx, sum(amount) AS delta FROM changes GROUP BY ALL)
      SELECT * FROM (
        SELECT customer_id, bill_id, period, cohort, month_idx AS from_idx,
               lead(month_idx, 1, 2147483647) OVER w AS to_idx,
               (sum(delta) OVER (w ROWS UNBOUNDED PRECEDING))::BIGINT AS level
          FROM deltas
        WINDOW w AS (PARTITION BY customer_id, bill_id, cohort ORDER BY month_idx))
       -- a debt paid off owes nothing until its next change: no row for those months
       WHERE level <> 0
       -- stored by the end of the span: a month's levels then skip the row groups of debts ended before
       ORDER BY to_idx, customer_id`,
  },
  {
    // Every customer's arrears at every month end, by age bucket: what they owed (bills and opening
    // balance), how many overdue bills and the oldest debt's age, with the customer's current desa,
    // tariff class and status. The customer lists and the area drill-down read a month of it instead of
    // working out every debt from the bills (seconds at a million customers).
    table: 'arrears_customer_month_end',
    sql: `CREATE OR REPLACE TABLE arrears_customer_month_end AS
      WITH held AS (SELECT l.*, ${heldMonths('l')} FROM arrears_debt_levels l),
      -- per customer first, their desa, tariff class and status joined after: a narrower aggregate
      per_customer AS (
        SELECT month_idx, customer_id, ${ageBucketSql('(month_idx - cohort + 1)')} AS age_bucket,
               sum(level)::BIGINT AS arrears, count(bill_id)::BIGINT AS bills, max(month_idx - cohort + 1)::BIGINT AS oldest_months
          FROM held GROUP BY ALL)
      SELECT m.month, p.customer_id, c.desa_code, c.tariff_class, c.status, p.age_bucket, p.arrears, p.bills, p.oldest_months
        FROM per_customer p
        JOIN months m USING (month_idx)
        JOIN customers c USING (customer_id)
       ORDER BY m.month, c.desa_code`,
  },
  {
    // Each customer's arrears at every month end, every age together: the customer lists, the sealing
    // candidates and a minimum amount on a customer's total read a month of it without summing the
    // customer's age buckets at every request.
    table: 'arrears_customer_total_month_end',
    sql: `CREATE OR REPLACE TABLE arrears_customer_total_month_end AS
      SELECT month, customer_id, desa_code, tariff_class, status,
             sum(arrears)::BIGINT AS arrears, sum(bills)::BIGINT AS bills, max(oldest_months)::BIGINT AS oldest_months
        FROM arrears_customer_month_end
       GROUP BY ALL
       ORDER BY month, desa_code`,
  },
  {
    // arrears_customer_month_end summed by desa × tariff class × status, for each age bucket and (age_bucket
    // NULL) for every age: the drill-down's area levels without a minimum amount read a few hundred rows
    // of it instead of every customer of the month. A customer is in one such group, once per bucket, so
    // customers add up across groups; across buckets only the NULL row counts them once. Both tables hold
    // one row per customer and group (a bucket; a month), so a count of rows counts customers: a
    // count(DISTINCT) over grouping sets took 27 s at a million customers, this 1.5 s, the same rows.
    table: 'arrears_area_month_end',
    sql: `CREATE OR REPLACE TABLE arrears_area_month_end AS
      SELECT month, desa_code, tariff_class, status, age_bucket,
             sum(arrears)::BIGINT AS arrears, sum(bills)::BIGINT AS bills, count(*)::BIGINT AS customers
        FROM arrears_customer_month_end
       GROUP BY ALL
      UNION ALL
      SELECT month, desa_code, tariff_class, status, NULL AS age_bucket,
             sum(arrears)::BIGINT AS arrears, sum(bills)::BIGINT AS bills, count(*)::BIGINT AS customers
        FROM arrears_customer_total_month_end
       GROUP BY ALL
       ORDER BY month`,
  },
  {
    // The month's movement: closing = opening + newly overdue − recovered − written off.
    table: 'arrears_movement',
    sql: `CREATE OR REPLACE TABLE arrears_movement AS
      WITH flows AS (
        SELECT ${monthIdx('on_day')} AS month_idx,
               coalesce(sum(amount) FILTER (WHERE kind = 'newly_overdue'), 0) AS newly_overdue,
               coalesce(-sum(amount) FILTER (WHERE kind = 'recovered'), 0) AS recovered,
               coalesce(-sum(amount) FILTER (WHERE kind = 'written_off'), 0) AS written_off,
               sum(amount) AS net
          FROM arrears_events GROUP BY 1),
      joined AS (
        SELECT m.month, m.month_end, m.month_idx,
               coalesce(f.newly_overdue, 0) AS newly_overdue, coalesce(f.recovered, 0) AS recovered,
               coalesce(f.written_off, 0) AS written_off, coalesce(f.net, 0) AS net
          FROM months m LEFT JOIN flows f USING (month_idx))
      SELECT month, month_end,
             (sum(net) OVER (ORDER BY month_idx) - net)::BIGINT AS opening,
             newly_overdue::BIGINT AS newly_overdue, recovered::BIGINT AS recovered, written_off::BIGINT AS written_off,
             sum(net) OVER (ORDER BY month_idx)::BIGINT AS closing
        FROM joined`,
  },
  {
    // Recovered arrears of each month by channel (the collection team's deposits come through the
    // collector channel).
    table: 'arrears_recovered_monthly',
    sql: `CREATE OR REPLACE TABLE arrears_recovered_monthly AS
      SELECT strftime(on_day, '%Y-%m') AS month, channel_code, (-sum(amount))::BIGINT AS recovered
        FROM arrears_events WHERE kind = 'recovered' GROUP BY ALL`,
  },
  {
    // Payments received by month × channel × desa (desa NULL for customers we do not know).
    table: 'payments_monthly',
    sql: `CREATE OR REPLACE TABLE payments_monthly AS
      SELECT strftime(p.paid_on, '%Y-%m') AS month, p.channel_code, c.desa_code,
             count(*)::BIGINT AS payments, sum(p.amount)::BIGINT AS amount,
             sum(p.penalty)::BIGINT AS penalty, sum(p.admin_fee)::BIGINT AS admin_fee
        FROM payments p LEFT JOIN customers c USING (customer_id)
       WHERE ${completedPaymentSql('p')}
       GROUP BY ALL`,
  },
  {
    // Completed payments that name a period of a bill that exists, by month × channel × desa × days from
    // the bill's issue to the payment: the on-time rate and the median days to pay of any months,
    // channels and areas add up from it (CONTRACT §4, Channels).
    table: 'channel_timing_monthly',
    sql: `CREATE OR REPLACE TABLE channel_timing_monthly AS
      SELECT strftime(p.paid_on, '%Y-%m') AS month, p.channel_code, c.desa_code,
             date_diff('day', b.issued_on, p.paid_on)::INTEGER AS days_to_pay,
             count(*)::BIGINT AS payments, count(*) FILTER (WHERE p.paid_on <= b.due_on)::BIGINT AS on_time
        FROM payments p
        JOIN bills b ON b.customer_id = p.customer_id AND b.period = p.period
        LEFT JOIN customers c ON c.customer_id = p.customer_id
       WHERE p.status = 'completed'
       GROUP BY ALL`,
  },
  {
    // Online adopters by the month of their first completed online payment and kecamatan: how many, and
    // how many paid online again exactly 3, 6 and 12 months later (retention, etl/domain/channel-rules.ts).
    table: 'online_cohorts',
    sql: `CREATE OR REPLACE TABLE online_cohorts AS
      WITH online_months AS (
        SELECT DISTINCT p.customer_id, date_trunc('month', p.paid_on)::DATE AS m
          FROM payments p JOIN channels ch USING (channel_code)
         WHERE p.status = 'completed' AND ch.online),
      firsts AS (SELECT customer_id, min(m) AS first FROM online_months GROUP BY 1)
      SELECT strftime(f.first, '%Y-%m') AS month, a.kecamatan_code,
             count(*) FILTER (WHERE o.m = f.first)::BIGINT AS customers,
             count(*) FILTER (WHERE o.m = f.first + INTERVAL 3 MONTH)::BIGINT AS kept_3,
             count(*) FILTER (WHERE o.m = f.first + INTERVAL 6 MONTH)::BIGINT AS kept_6,
             count(*) FILTER (WHERE o.m = f.first + INTERVAL 12 MONTH)::BIGINT AS kept_12
        FROM online_months o JOIN firsts f USING (customer_id)
        LEFT JOIN customers c USING (customer_id) LEFT JOIN areas a USING (desa_code)
       GROUP BY ALL`,
  },
  {
    // Each customer's main channel category of each year: the one with most completed payments, a tie
    // to the alphabetically first (mainCategory); the migration matrix pairs two years of it.
    table: 'channel_main_yearly',
    sql: `CREATE OR REPLACE TABLE channel_main_yearly AS
      SELECT year, customer_id, category FROM (
        SELECT *, row_number() OVER (PARTITION BY year, customer_id ORDER BY n DESC, category) AS rank FROM (
          SELECT year(p.paid_on) AS year, p.customer_id, ch.category, count(*) AS n
            FROM payments p JOIN channels ch USING (channel_code)
           WHERE p.status = 'completed'
           GROUP BY ALL))
       WHERE rank = 1`,
  },
  {
    // Per month × channel, where the money received went: received (completed payments) = applied +
    // credit + duplicate + unmatched, to the rupiah; refunded/cancelled rows apart; exceptions = the
    // payments that did not apply cleanly (a refunded row included).
    table: 'reconciliation_monthly',
    sql: `CREATE OR REPLACE TABLE reconciliation_monthly AS
      WITH received AS (
        SELECT strftime(paid_on, '%Y-%m') AS month, channel_code,
               coalesce(sum(amount) FILTER (WHERE status = 'completed'), 0)::BIGINT AS received
          FROM payments GROUP BY ALL),
      parts AS (
        SELECT strftime(paid_on, '%Y-%m') AS month, channel_code,
               coalesce(sum(amount) FILTER (WHERE target IN ('bill', 'opening')), 0)::BIGINT AS applied,
               coalesce(sum(amount) FILTER (WHERE target = 'credit'), 0)::BIGINT AS credit,
               coalesce(sum(amount) FILTER (WHERE target = 'duplicate'), 0)::BIGINT AS duplicate,
               coalesce(sum(amount) FILTER (WHERE target = 'unmatched'), 0)::BIGINT AS unmatched,
               coalesce(sum(amount) FILTER (WHERE target = 'not_applied'), 0)::BIGINT AS refunded,
               count(DISTINCT payment_id) FILTER (WHERE target NOT IN ('bill', 'opening'))::BIGINT AS exceptions
          FROM payment_allocations GROUP BY ALL)
      SELECT month, channel_code, coalesce(r.received, 0)::BIGINT AS received, coalesce(applied, 0)::BIGINT AS applied,
             coalesce(credit, 0)::BIGINT AS credit, coalesce(duplicate, 0)::BIGINT AS duplicate,
             coalesce(unmatched, 0)::BIGINT AS unmatched, coalesce(refunded, 0)::BIGINT AS refunded,
             coalesce(exceptions, 0)::BIGINT AS exceptions
        FROM received r FULL JOIN parts USING (month, channel_code)`,
  },
  {
    // Distinct customers of a channel over any months A..B, exactly: per month × channel, the customers who
    // paid through it that month by the month they last paid through it before (NULL: never). A customer
    // who paid in A..B has exactly one such month whose previous month is before A (or NULL), their first
    // there, so the distinct count is the sum over A..B of the rows with previous_month NULL or before A.
    table: 'channel_customers_monthly',
    sql: `CREATE OR REPLACE TABLE channel_customers_monthly AS
      -- each customer's months with a channel as one sorted list, paired with the list shifted by one: several
      -- times faster than a window over every customer's months
      WITH paid AS (
        SELECT p.channel_code, list_sort(list_distinct(list(date_trunc('month', p.paid_on)::DATE))) AS months
          FROM payments p WHERE ${completedPaymentSql('p')}
         GROUP BY p.channel_code, p.customer_id),
      pairs AS (
        SELECT channel_code, unnest(months) AS month, unnest(list_concat([NULL::DATE], months[1:len(months) - 1])) AS previous_month
          FROM paid)
      SELECT strftime(month, '%Y-%m') AS month, channel_code, strftime(previous_month, '%Y-%m') AS previous_month, count(*)::BIGINT AS customers
        FROM pairs
       GROUP BY ALL
       ORDER BY month`,
  },
  {
    // The migration matrix of every pair of years (channelAdoption): customers with a main channel category
    // in both, by the pair and the customer's desa (NULL for a customer we do not know), so a kecamatan's
    // matrix adds up its desa.
    table: 'channel_migration',
    sql: `CREATE OR REPLACE TABLE channel_migration AS
      SELECT a.year AS year_a, b.year AS year_b, c.desa_code, a.category AS from_category, b.category AS to_category,
             count(*)::BIGINT AS customers
        FROM channel_main_yearly a JOIN channel_main_yearly b USING (customer_id)
        LEFT JOIN customers c USING (customer_id)
       GROUP BY ALL
       ORDER BY year_a, year_b`,
  },
  {
    // Each launched channel's movers for every window of 1 … LAUNCH_MONTHS_MAX months (channelLaunch): the
    // customers who paid through it in the window from its launch month on, by the other channel they
    // paid most through in as many months before (a tie to the first code; NULL: none).
    table: 'launch_movers',
    sql: `CREATE OR REPLACE TABLE launch_movers AS
      WITH launched AS (
        SELECT channel_code AS launched, ${monthIdx('launched_on')} AS launch_idx FROM channels WHERE launched_on IS NOT NULL),
      -- the customers who paid through it in the longest window; each is in every window of from_months months or more
      adopters AS (
        SELECT l.launched, l.launch_idx, p.customer_id, min(${monthIdx('p.paid_on')}) - l.launch_idx + 1 AS from_months
          FROM launched l JOIN payments p ON p.channel_code = l.launched
         WHERE ${completedPaymentSql('p')} AND ${monthIdx('p.paid_on')} BETWEEN l.launch_idx AND l.launch_idx + ${LAUNCH_MONTHS_MAX - 1}
         GROUP BY l.launched, l.launch_idx, p.customer_id),
      -- their payments through each other channel k months before the launch month
      paid_before AS (
        SELECT a.launched, a.customer_id, a.from_months, p.channel_code, a.launch_idx - ${monthIdx('p.paid_on')} AS k, count(*) AS n
          FROM adopters a JOIN payments p USING (customer_id)
         WHERE ${completedPaymentSql('p')} AND p.channel_code <> a.launched
           AND ${monthIdx('p.paid_on')} BETWEEN a.launch_idx - ${LAUNCH_MONTHS_MAX} AND a.launch_idx - 1
         GROUP BY ALL),
      -- how many in the k months before, a count that holds for the windows from k to the next k that adds some
      spans AS (
        SELECT launched, customer_id, from_months, channel_code, k, sum(n) OVER w AS n, lead(k, 1, ${LAUNCH_MONTHS_MAX + 1}) OVER w AS next_k
          FROM paid_before
        WINDOW w AS (PARTITION BY launched, customer_id, channel_code ORDER BY k)),
      -- one row per window (unnested, not joined on an inequality)
      counts AS (
        SELECT launched, customer_id, channel_code, n, unnest(range(greatest(k, from_months), next_k)) AS months FROM spans),
      main AS (
        SELECT launched, months, channel_code FROM (
          SELECT *, row_number() OVER (PARTITION BY launched, months, customer_id ORDER BY n DESC, channel_code) AS rank FROM counts)
         WHERE rank = 1),
      movers AS (SELECT launched, months, channel_code AS from_channel, count(*) AS customers FROM main GROUP BY ALL),
      adopted AS (
        SELECT f.launched, w.months, sum(f.customers) AS customers
          FROM (SELECT launched, from_months, count(*) AS customers FROM adopters GROUP BY ALL) f
          JOIN range(1, ${LAUNCH_MONTHS_MAX + 1}) w(months) ON f.from_months <= w.months
         GROUP BY ALL)
      SELECT launched AS channel_code, months, from_channel, customers::BIGINT AS customers FROM movers
      UNION ALL
      -- the adopters who paid through no other channel before
      SELECT d.launched, d.months, NULL, (d.customers - coalesce(sum(m.customers), 0))::BIGINT
        FROM adopted d LEFT JOIN movers m USING (launched, months)
       GROUP BY d.launched, d.months, d.customers
      HAVING d.customers > coalesce(sum(m.customers), 0)`,
  },
  {
    // The payments of each month that did not apply cleanly (credit, duplicate, unmatched, refunded,
    // cancelled), one row per allocation with its source file and line; a duplicate names the channels
    // whose payments were applied to that bill. Stored by month: the reconciliation reads one month.
    table: 'reconciliation_exceptions',
    sql: `CREATE OR REPLACE TABLE reconciliation_exceptions AS
      WITH exceptions AS (
        SELECT strftime(a.paid_on, '%Y-%m') AS month,
               CASE WHEN a.target = 'not_applied' THEN p.status ELSE a.target END AS kind, p.channel_code, p.payment_ref,
               p.customer_id, p.period, p.paid_on, a.amount, f.file_name, p.line
          FROM payment_allocations a JOIN payments p USING (payment_id) JOIN load_files f ON f.file_id = p.file_id
         WHERE a.target IN ('credit', 'duplicate', 'unmatched', 'not_applied')),
      settled AS (
        SELECT s.customer_id, s.period, string_agg(DISTINCT s.channel_code, ', ' ORDER BY s.channel_code) AS other_channels
          FROM payment_allocations s
          JOIN (SELECT DISTINCT customer_id, period FROM exceptions WHERE kind = 'duplicate') d USING (customer_id, period)
         WHERE s.target = 'bill'
         GROUP BY ALL)
      SELECT e.*, CASE WHEN e.kind = 'duplicate' THEN s.other_channels END AS other_channels
        FROM exceptions e LEFT JOIN settled s USING (customer_id, period)
       ORDER BY e.month, e.channel_code, e.paid_on, e.payment_ref, e.kind`,
  },
  {
    // The collectors' deposits: completed payments through a collector-category channel, by day. The
    // reconciliation matches a month's cash recorded at visits against them (matchCash).
    table: 'collector_deposits',
    sql: `CREATE OR REPLACE TABLE collector_deposits AS
      SELECT p.payment_id, p.customer_id, p.paid_on, p.amount
        FROM payments p JOIN channels c USING (channel_code)
       WHERE c.category = 'collector' AND ${completedPaymentSql('p')}
       ORDER BY p.paid_on, p.payment_id`,
  },
  {
    // What issued bills not yet due owed at every month end (receivables = arrears + this): a bill counts
    // at the month ends from its issue to its due date, as owed then (etl/queries/owed.ts).
    table: 'not_yet_due_monthly',
    sql: `CREATE OR REPLACE TABLE not_yet_due_monthly AS
      WITH spans AS (
        -- only a bill due after the end of the month it was issued in is ever not yet due at a month end
        SELECT b.*, unnest(range(${monthIdx('b.issued_on')}, ${monthIdx('b.due_on')} + 1)) AS month_idx
          FROM bill_balances b WHERE b.due_on >= last_day(b.issued_on)),
      owed AS (
        SELECT m.month, m.month_end, ${billOwedAsOfSql('b', 'm.month_end')} AS owed
          FROM spans b JOIN months m USING (month_idx)
         WHERE b.due_on >= m.month_end AND ${billOwesAsOfSql('b', 'm.month_end')})
      SELECT m.month, m.month_end, coalesce(sum(o.owed), 0)::BIGINT AS amount, count(o.owed) FILTER (WHERE o.owed <> 0)::BIGINT AS bills
        FROM months m LEFT JOIN owed o USING (month, month_end)
       GROUP BY ALL`,
  },
  {
    // Water sales billed: bills issued in each month and their total, by the customer's desa × tariff class
    // × status (Efektivitas Penagihan's filters; the overview sums a month's rows). A left join: every
    // bill counts in the unfiltered sums. Stored by month.
    table: 'billing_monthly',
    sql: `CREATE OR REPLACE TABLE billing_monthly AS
      SELECT strftime(m, '%Y-%m') AS month, desa_code, tariff_class, status, bills, billed
        FROM (SELECT date_trunc('month', b.issued_on) AS m, c.desa_code, c.tariff_class, c.status, count(*)::BIGINT AS bills, sum(b.total_amount)::BIGINT AS billed
                FROM bills b LEFT JOIN customers c USING (customer_id) GROUP BY ALL)
       ORDER BY month`,
  },
  {
    // The DRD's rekap (etl/queries/reports/drd.ts): the bills of each billing period by desa, tariff
    // class and the customer's status, lembar, m³ and each charge.
    table: 'billing_period_rekap',
    sql: `CREATE OR REPLACE TABLE billing_period_rekap AS
      SELECT b.period, c.desa_code, c.tariff_class, c.status, count(*)::BIGINT AS bills, sum(b.usage_m3)::DECIMAL(18, 2) AS usage_m3,
             sum(b.water_charge)::BIGINT AS water_charge, sum(b.fixed_charge)::BIGINT AS fixed_charge,
             sum(b.other_charge)::BIGINT AS other_charge, sum(b.total_amount)::BIGINT AS total_amount
        FROM bills b JOIN customers c USING (customer_id)
       GROUP BY ALL`,
  },
  {
    // Money applied to debts by the month it was paid and the month the bill was issued (NULL for an
    // opening balance), by the customer's desa × tariff class × status: both Efektivitas Penagihan
    // variants add these up over their 12-month window, for the report's filters. A left join: every
    // rupiah applied counts in the unfiltered sums. Stored by the month paid.
    table: 'collections_monthly',
    sql: `CREATE OR REPLACE TABLE collections_monthly AS
      SELECT strftime(paid, '%Y-%m') AS paid_month, strftime(issued, '%Y-%m') AS bill_month, desa_code, tariff_class, status, collected
        FROM (SELECT date_trunc('month', a.paid_on) AS paid, date_trunc('month', a.issued_on) AS issued, c.desa_code, c.tariff_class, c.status,
                     sum(a.amount)::BIGINT AS collected
                FROM payment_allocations a LEFT JOIN customers c USING (customer_id) WHERE a.target IN ('bill', 'opening') GROUP BY ALL)
       ORDER BY paid_month`,
  },
  {
    // Menunggak per petugas's flows (etl/queries/reports/menunggak.ts): each month's arrears events
    // (newly overdue, recovered, written off) and the bills falling due in it still owing then, by the
    // customer's desa × tariff class × status × the month they were connected in (connected_idx, a month
    // index; before the first month and after the last held as one each: every month treats them alike).
    // The rekap sums a month of it instead of every event and bill; stored by month.
    table: 'arrears_flows_monthly',
    sql: `CREATE OR REPLACE TABLE arrears_flows_monthly AS
      WITH flows AS (
        SELECT ${monthIdx('on_day')} AS month_idx, customer_id,
               CASE WHEN kind = 'newly_overdue' THEN amount ELSE 0 END AS newly_overdue,
               CASE WHEN kind = 'recovered' THEN -amount ELSE 0 END AS collected,
               CASE WHEN kind = 'written_off' THEN -amount ELSE 0 END AS written_off, 0 AS falling_due
          FROM arrears_events
        UNION ALL
        -- a bill falls due the day after its due date
        SELECT ${monthIdx('due_on + 1')}, customer_id, 0, 0, 0, 1 FROM bill_balances WHERE outstanding_at_due > 0),
      bounds AS (SELECT min(month_idx) AS first_idx, max(month_idx) AS last_idx FROM months)
      SELECT m.month, c.desa_code, c.tariff_class, c.status,
             least(greatest(${monthIdx(`coalesce(c.connected_on, DATE '1900-01-01')`)}, b.first_idx - 1), b.last_idx + 1) AS connected_idx,
             sum(f.newly_overdue)::BIGINT AS newly_overdue, sum(f.collected)::BIGINT AS collected,
             sum(f.written_off)::BIGINT AS written_off, sum(f.falling_due)::BIGINT AS falling_due
        FROM flows f JOIN months m USING (month_idx) JOIN customers c USING (customer_id) CROSS JOIN bounds b
       GROUP BY ALL
       ORDER BY m.month`,
  },
  {
    // The months each opening balance is owed at their end (etl/queries/owed.ts: from its as_of date, its
    // amount less what was paid and written off by then, not 0), as spans [from_idx, to_idx) of month
    // indexes, with its oldest period: the DSR places a detail page's lines without working every
    // opening balance out from the allocations.
    table: 'opening_owed_months',
    sql: `CREATE OR REPLACE TABLE opening_owed_months AS
      WITH changes AS (
        SELECT customer_id, ${monthIdx('as_of')} AS month_idx, amount FROM opening_balances
        UNION ALL
        SELECT customer_id, ${monthIdx('paid_on')}, -amount FROM payment_allocations WHERE target = 'opening'
        UNION ALL
        SELECT customer_id, ${monthIdx('written_off_on')}, -amount FROM write_off_allocations WHERE target = 'opening'),
      levels AS (
        SELECT customer_id, month_idx AS from_idx, lead(month_idx, 1, 2147483647) OVER w AS to_idx,
               sum(delta) OVER (w ROWS UNBOUNDED PRECEDING) AS level
          FROM (SELECT customer_id, month_idx, sum(amount) AS delta FROM changes GROUP BY ALL)
        WINDOW w AS (PARTITION BY customer_id ORDER BY month_idx))
      -- owed only from the month of its as_of date (what was applied before it counts from then on)
      SELECT o.customer_id, greatest(l.from_idx, ${monthIdx('o.as_of')}) AS from_idx, l.to_idx, o.oldest_period
        FROM levels l JOIN opening_balances o USING (customer_id)
       WHERE l.level <> 0 AND l.to_idx > ${monthIdx('o.as_of')}`,
  },
  {
    // The LPP's payments summed (etl/queries/reports/lpp.ts): per Jakarta day × channel × the payer's
    // desa and tariff class (NULL for customers we do not know) × payment status, with the lembar the
    // payments pay (lembarOfPayment). The rekap and the detail's totals read it, and a detail page finds
    // its days in it; stored by day, so a month reads only its own row groups.
    table: 'lpp_daily',
    sql: `CREATE OR REPLACE TABLE lpp_daily AS
      WITH lembar AS (
        -- only a payment that names no period counts the bills it was applied to (half the build's time)
        SELECT payment_id, count(DISTINCT bill_id) AS bills FROM payment_allocations
         WHERE target = 'bill' AND payment_id IN (SELECT payment_id FROM payments WHERE period IS NULL) GROUP BY 1)
      SELECT p.paid_on AS day, p.channel_code, c.desa_code, c.tariff_class, p.status,
             count(*)::BIGINT AS payments, sum(${lembarOfPaymentSql('p.period', 'l.bills')})::BIGINT AS lembar,
             sum(p.amount)::BIGINT AS principal, sum(p.penalty)::BIGINT AS penalty, sum(p.admin_fee)::BIGINT AS admin_fee
        FROM payments p LEFT JOIN customers c USING (customer_id) LEFT JOIN lembar l USING (payment_id)
       GROUP BY ALL
       ORDER BY day`,
  },
  {
    // One row per visit with what came of it (CONTRACT §4, Collections; the pure rules are
    // etl/domain/collections/rules.ts): contact, promise kept, and the payments attributed to it — each
    // completed payment to its customer's latest visit on or before its day (a tie: the lowest
    // visit_id, hence one visit per customer and day in the ASOF join) within ATTRIBUTION_DAYS.
    table: 'visit_results',
    sql: `CREATE OR REPLACE TABLE visit_results AS
      WITH v AS (
        SELECT visit_id, team_id, collector_id, customer_id, CAST(visited_at AS DATE) AS day, outcome, amount_collected, promise_date
          FROM visits),
      first_of_day AS (SELECT customer_id, day, min(visit_id) AS visit_id FROM v GROUP BY ALL),
      paid AS (
        SELECT p.customer_id, p.paid_on, p.amount FROM payments p
         WHERE p.status = 'completed' AND p.customer_id IN (SELECT customer_id FROM first_of_day)),
      attributed AS (
        SELECT f.visit_id, sum(p.amount)::BIGINT AS attributed_14d
          FROM paid p ASOF JOIN first_of_day f ON p.customer_id = f.customer_id AND p.paid_on >= f.day
         WHERE p.paid_on - f.day <= ${ATTRIBUTION_DAYS}
         GROUP BY f.visit_id),
      kept AS (
        SELECT DISTINCT v.visit_id FROM v JOIN paid p ON p.customer_id = v.customer_id
         WHERE v.outcome = 'promise_to_pay' AND p.amount > 0 AND p.paid_on BETWEEN v.day AND v.promise_date)
      SELECT v.visit_id, v.team_id, v.collector_id, v.customer_id, v.day, strftime(v.day, '%Y-%m') AS month,
             c.desa_code, a.kecamatan_code, v.outcome, v.amount_collected, v.promise_date,
             v.outcome NOT IN (${NO_CONTACT_OUTCOMES.map((o) => `'${o}'`).join(', ')}) AS contact,
             v.outcome = 'promise_to_pay' AS promise,
             k.visit_id IS NOT NULL AS promise_kept,
             coalesce(t.attributed_14d, 0)::BIGINT AS attributed_14d
        FROM v LEFT JOIN attributed t USING (visit_id) LEFT JOIN kept k USING (visit_id)
               LEFT JOIN customers c USING (customer_id) LEFT JOIN areas a USING (desa_code)
       ORDER BY v.day, v.visit_id`,
  },
];
