/**
 * npm run route -- order --stops FILE.csv --base LAT,LON [--format table|json] [--seed S] [--iterations N]
 * npm run route -- plan --team T --date YYYY-MM-DD [--area CODE] [--per-collector 25] [--recent-days 7] [--format table|json]
 *
 * plan: the team's day as the Rute page makes it (etl/route/plan.ts), from the warehouse KABA_WAREHOUSE.
 *
 * Orders arbitrary stops (CSV `customer_id,latitude,longitude`, up to 1,000) as one closed tour from
 * the base and back, on great-circle distances. Lengths are whole metres. The same file, base, seed
 * and iterations always give the same order.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { config } from '../config';
import { EVERYTHING } from '../queries/scope';
import { Warehouse } from '../warehouse/duckdb';
import { formatPlan } from './plan-output';
import { checkPlanRequest, planRoute, PlanInputError } from './plan';
import { DEFAULT_RECENT_VISIT_DAYS } from '../domain/collections/planner';
import { DEFAULT_ITERATIONS } from '../domain/route/optimise';
import { orderStops } from '../domain/route/order';
import { formatOrder, parseBase } from './order-output';
import { readStopsFile, StopsFileError } from './stops-file';

const USAGE = `usage: npm run route -- order --stops FILE.csv --base LAT,LON [--format table|json] [--seed S] [--iterations N]
       npm run route -- plan --team T --date YYYY-MM-DD [--area CODE] [--per-collector 25] [--recent-days 7] [--format table|json]
  order  orders the stops (customer_id,latitude,longitude; at most 1,000) as one closed route from the base and back
  plan   the team's day: candidates in the area (a kecamatan or desa codes separated by commas), ranked, shared, ordered`;

class UsageError extends Error {}

/**
 * parseArgs takes a value that starts with '-' for an option of its own; a base south of the equator
 * (`--base -3.47,102.52`) is a value, so it is glued to its option first.
 */
function gluedNegativeValues(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i].startsWith('--') && !argv[i].includes('=') && /^-\d/.test(argv[i + 1] ?? '')) out.push(`${argv[i]}=${argv[++i]}`);
    else out.push(argv[i]);
  }
  return out;
}

const { values, positionals } = parseArgs({
  args: gluedNegativeValues(process.argv.slice(2)),
  allowPositionals: true,
  options: {
    stops: { type: 'string' },
    base: { type: 'string' },
    format: { type: 'string', default: 'table' },
    seed: { type: 'string', default: '1' },
    iterations: { type: 'string', default: String(DEFAULT_ITERATIONS) },
    team: { type: 'string' },
    date: { type: 'string' },
    area: { type: 'string', default: '' },
    'per-collector': { type: 'string', default: '25' },
    'recent-days': { type: 'string', default: String(DEFAULT_RECENT_VISIT_DAYS) },
    help: { type: 'boolean' },
  },
});

function wholeNumber(name: 'seed' | 'iterations' | 'recent-days'): number {
  const n = Number(values[name]);
  if (!/^\d+$/.test(values[name] ?? '') || !Number.isSafeInteger(n)) throw new UsageError(`--${name} must be a whole number`);
  return n;
}

async function plan(format: 'table' | 'json'): Promise<string> {
  let request: ReturnType<typeof checkPlanRequest>;
  try {
    request = checkPlanRequest({ team: values.team, date: values.date, area: values.area, perCollector: values['per-collector'] });
  } catch (error) {
    if (error instanceof PlanInputError) throw new UsageError(`--${error.param.replace('_', '-')}: ${error.message}`);
    throw error;
  }
  const recentDays = wholeNumber('recent-days');
  if (!existsSync(config.warehouse)) throw new UsageError(`no warehouse at ${config.warehouse}: load data first, or set KABA_WAREHOUSE`);
  const wh = await Warehouse.open(config.warehouse, { readOnly: true });
  try {
    return formatPlan(await planRoute(wh, request, { scope: EVERYTHING, recentDays }), format);
  } catch (error) {
    if (error instanceof PlanInputError) throw new UsageError(`--${error.param}: ${error.message}`);
    throw error;
  } finally {
    wh.close();
  }
}

async function main(): Promise<string> {
  const command = positionals[0] ?? '';
  if (command !== 'order' && command !== 'plan') throw new UsageError(command ? `unknown command ${command}` : 'a command is required');
  const format = values.format ?? 'table';
  if (format !== 'table' && format !== 'json') throw new UsageError('--format must be table or json');
  if (command === 'plan') return plan(format);
  if (!values.stops) throw new UsageError('--stops is required');
  if (!values.base) throw new UsageError('--base is required');
  const base = parseBase(values.base);
  if (!base.ok) throw new UsageError(`--base: ${base.reason}`);
  const stops = readStopsFile(values.stops);
  const route = orderStops(base.value, stops, { seed: wholeNumber('seed'), iterations: wholeNumber('iterations') });
  return formatOrder(base.value, route, format);
}

if (values.help) {
  console.log(USAGE);
} else {
  main().then(
    (text) => process.stdout.write(text),
    (error) => {
      if (error instanceof UsageError) console.error(`${error.message}\n\n${USAGE}`);
      else if (error instanceof StopsFileError) console.error(error.message);
      else console.error(error);
      process.exitCode = 1;
    },
  );
}
