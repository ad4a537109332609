/**
 * npm run route -- order --stops FILE.csv --base LAT,LON [--format table|json] [--seed S] [--iterations N]
 *
 * Orders arbitrary stops (CSV `customer_id,latitude,longitude`, up to 1,000) as one closed tour from
 * the base and back, on great-circle distances. Lengths are whole metres. The same file, base, seed
 * and iterations always give the same order.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_ITERATIONS } from '../domain/route/optimise';
import { orderStops } from '../domain/route/order';
import { formatOrder, parseBase } from './order-output';
import { readStopsFile, StopsFileError } from './stops-file';

const USAGE = `usage: npm run route -- order --stops FILE.csv --base LAT,LON [--format table|json] [--seed S] [--iterations N]
  order  orders the stops (customer_id,latitude,longitude; at most 1,000) as one closed route from the base and back`;

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
    help: { type: 'boolean' },
  },
});

function wholeNumber(name: 'seed' | 'iterations'): number {
  const n = Number(values[name]);
  if (!/^\d+$/.test(values[name] ?? '') || !Number.isSafeInteger(n)) throw new UsageError(`--${name} must be a whole number`);
  return n;
}

function main(): string {
  const command = positionals[0] ?? '';
  if (command !== 'order') throw new UsageError(command ? `unknown command ${command}` : 'a command is required');
  const format = values.format ?? 'table';
  if (format !== 'table' && format !== 'json') throw new UsageError('--format must be table or json');
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
  try {
    process.stdout.write(main());
  } catch (error) {
    if (error instanceof UsageError) console.error(`${error.message}\n\n${USAGE}`);
    else if (error instanceof StopsFileError) console.error(error.message);
    else throw error;
    process.exitCode = 1;
  }
}
