/**
 * npm run report -- <command> [options] [--format table|json|csv]
 *   arrears  --as-of YYYY-MM-DD [--by kecamatan|desa|tariff_class|age]
 *   movement --month YYYY-MM
 *   channels --from YYYY-MM --to YYYY-MM
 *   lpp      --from YYYY-MM-DD --to YYYY-MM-DD [--view rekap|detail]
 *   menunggak --month YYYY-MM [--view rekap|detail]   (the team areas by default, from the visits)
 *   rejects  [--file NAME]
 *   files
 *   unapplied
 * Figures come straight from the warehouse (KABA_WAREHOUSE) through the named queries (etl/queries), with
 * the operator's scope (everything); amounts are whole rupiah. This file only reads options and prints.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { groupThousands } from '../domain/money';
import { parseDate, parsePeriod } from '../domain/period';
import { config } from '../config';
import { Warehouse } from '../warehouse/duckdb';
import { ARREARS_GROUPINGS, arrearsAsOf, type ArrearsGrouping } from '../queries/arrears';
import { channelComparison, channelPayments } from '../queries/channels';
import { loadedFiles, rejects, unappliedPayments } from '../queries/loads';
import { arrearsMovement } from '../queries/movement';
import { warehouseMonths } from '../queries/months';
import { REPORTS } from '../queries/reports';
import { parseReportParams } from '../queries/reports/params';
import { EVERYTHING } from '../queries/scope';
import { csv, table, type OutputFormat } from './output';

const USAGE = `usage: npm run report -- <command> [options] [--format table|json|csv]
  arrears  --as-of YYYY-MM-DD [--by ${ARREARS_GROUPINGS.join('|')}]
  movement --month YYYY-MM
  channels --from YYYY-MM --to YYYY-MM
  lpp      --from YYYY-MM-DD --to YYYY-MM-DD [--view rekap|detail]
  menunggak --month YYYY-MM [--view rekap|detail]
  rejects  [--file NAME]
  files
  unapplied`;

class UsageError extends Error {}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'as-of': { type: 'string' },
    by: { type: 'string', default: 'kecamatan' },
    month: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    file: { type: 'string' },
    view: { type: 'string', default: 'rekap' },
    format: { type: 'string', default: 'table' },
    help: { type: 'boolean' },
  },
});

function required(name: 'as-of' | 'month' | 'from' | 'to', check: (t: string) => { ok: boolean; reason?: string }): string {
  const v = values[name];
  if (!v) throw new UsageError(`--${name} is required`);
  const r = check(v) as { ok: boolean; reason?: string };
  if (!r.ok) throw new UsageError(`--${name}: ${r.reason}`);
  return v;
}

async function main(wh: Warehouse, command: string, format: OutputFormat): Promise<string> {
  const print = (json: unknown, rows: readonly object[], heading = '') =>
    format === 'json' ? JSON.stringify(json, null, 2) + '\n' : format === 'csv' ? csv(rows) : heading + table(rows);

  switch (command) {
    case 'arrears': {
      const asOf = required('as-of', (t) => parseDate(t, 'as-of'));
      const by = values.by as ArrearsGrouping;
      if (!ARREARS_GROUPINGS.includes(by)) throw new UsageError(`--by must be one of ${ARREARS_GROUPINGS.join(', ')}`);
      const r = await arrearsAsOf(wh, { asOf, by });
      return print(r, r.rows, `Arrears as of ${asOf} by ${by}: Rp${groupThousands(r.total_arrears)} (${groupThousands(r.customers)} customers)\n\n`);
    }
    case 'movement': {
      const month = required('month', parsePeriod);
      const r = await arrearsMovement(wh, { month });
      if (!r) throw new UsageError(`no figures for ${month} in the warehouse`);
      const { recovered_by_channel, ...totals } = r;
      const heading =
        table([totals]) +
        `\nclosing = opening + newly_overdue − recovered − written_off: ` +
        `${r.opening + r.newly_overdue - r.recovered - r.written_off === r.closing ? 'holds' : 'DOES NOT HOLD'}\n\nRecovered by channel\n`;
      return print(r, format === 'csv' ? [totals] : recovered_by_channel, heading);
    }
    case 'channels': {
      const from = required('from', parsePeriod);
      const to = required('to', parsePeriod);
      const [r, comparison] = await Promise.all([channelPayments(wh, { from, to }), channelComparison(wh, { from, to })]);
      // the period's comparison per channel (CONTRACT §4, Channels), the same figures as GET /api/v1/channels
      const by_channel = comparison.rows.map(({ trend: _trend, ...row }) => row);
      const shares = { online_share_count: comparison.online_share_count, online_share_value: comparison.online_share_value };
      // the table prints ratios as percentages and a median to one decimal (groupThousands takes integers only)
      const percent = (v: number | null) => (v === null ? null : `${(v * 100).toFixed(1)}%`);
      const readable = by_channel.map((row) => ({
        ...row,
        share: percent(row.share),
        on_time_rate: percent(row.on_time_rate),
        median_days_to_pay: row.median_days_to_pay === null ? null : row.median_days_to_pay.toFixed(1),
      }));
      const heading =
        format === 'table'
          ? `Payments ${from} … ${to}: ${groupThousands(r.total_payments)} payments, Rp${groupThousands(r.total_amount)}; online ${percent(shares.online_share_count)} of payments, ${percent(shares.online_share_value)} of the amount\n\n` +
            table(readable) +
            '\nBy month\n'
          : '';
      return print({ ...r, ...shares, by_channel }, r.rows, heading);
    }
    case 'lpp':
    case 'menunggak': {
      // the report of the Laporan section (etl/queries/reports), every line, its parameters checked as the API checks them
      const def = REPORTS[command];
      const args: Record<string, string> = command === 'lpp' ? { from: values.from ?? '', to: values.to ?? '' } : { as_of: values.month ?? '' };
      const months = (await warehouseMonths(wh)).map((m) => m.month);
      const parsed = parseReportParams(def, new URLSearchParams({ ...args, view: values.view ?? 'rekap' }), months, null);
      if (!parsed.ok) throw new UsageError(parsed.message);
      const r = await def.run(wh, { ...parsed.value, window: null }, EVERYTHING);
      // the table prints a percent column as a percentage (groupThousands takes integers only)
      const percents = r.columns.filter((c) => c.format === 'percent').map((c) => c.key);
      const shown = (k: string, v: string | number | null) => (percents.includes(k) && typeof v === 'number' ? `${(v * 100).toFixed(1)}%` : v);
      const readable = r.rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, shown(k, v)])));
      const totals = Object.entries(r.totals).map(([k, v]) => `${k} ${v === null ? '–' : typeof shown(k, v) === 'string' ? shown(k, v) : groupThousands(v)}`);
      return print(r, format === 'table' ? readable : r.rows, `${command} ${Object.values(args).join(' … ')} (${r.view}): ${totals.join(', ')}\n\n`);
    }
    case 'rejects': {
      const rows = await rejects(wh, { file: values.file ?? null, scope: EVERYTHING });
      return print({ file: values.file ?? null, rejects: rows }, rows, `${groupThousands(rows.length)} rejected rows\n\n`);
    }
    case 'files': {
      const rows = await loadedFiles(wh);
      return print({ files: rows }, rows);
    }
    case 'unapplied': {
      const rows = await unappliedPayments(wh);
      return print({ unapplied: rows }, rows, 'Payments received but not applied to a debt\n\n');
    }
    default:
      throw new UsageError(command ? `unknown command ${command}` : 'a command is required');
  }
}

if (values.help) {
  console.log(USAGE);
} else {
  const format = values.format as OutputFormat;
  let wh: Warehouse | null = null;
  try {
    if (!['table', 'json', 'csv'].includes(format)) throw new UsageError('--format must be table, json or csv');
    if (!existsSync(config.warehouse)) {
      throw new UsageError(`no warehouse at ${config.warehouse}: load data first (npm run etl -- <files or folders>), or set KABA_WAREHOUSE`);
    }
    wh = await Warehouse.open(config.warehouse, { readOnly: true });
    process.stdout.write(await main(wh, positionals[0] ?? '', format));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\n${USAGE}`);
    process.exitCode = 1;
  } finally {
    wh?.close();
  }
}
