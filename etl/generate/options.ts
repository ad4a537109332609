/**
 * The command line of the demo generator: options, their defaults and their checks.
 */
import { parseArgs } from 'node:util';
import { addMonths, JAKARTA_OFFSET_MINUTES, parsePeriod } from '../domain/period';
import type { GenerateOptions } from './generate';

export const USAGE = `Usage: npm run demo:data -- [options]
  --customers N   connections in 2022, the scale of the utility (default 14000)
  --from YYYY-MM  first month of the digital history (default 2012-01)
  --to YYYY-MM    last month (default: the last complete month)
  --seed S        random seed; the same arguments give the same files (default 1)
  --out DIR       output folder (default data/demo)`;

/** The month before the current one in Jakarta: the last complete month. */
export function lastCompleteMonth(now: Date): string {
  const jakarta = new Date(now.getTime() + JAKARTA_OFFSET_MINUTES * 60_000).toISOString().slice(0, 7);
  return addMonths(jakarta, -1);
}

/** Options from the arguments; `help` asks for the usage text instead. */
export function parseOptions(argv: string[], now: Date): GenerateOptions & { help: boolean } {
  const { values } = parseArgs({
    args: argv,
    options: {
      customers: { type: 'string', default: '14000' },
      from: { type: 'string', default: '2012-01' },
      to: { type: 'string' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string', default: 'data/demo' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const customers = Number(values.customers);
  if (!Number.isInteger(customers) || customers < 1) throw new Error(`--customers must be a whole number ≥ 1 (${values.customers})`);
  const from = parsePeriod(values.from);
  if (!from.ok) throw new Error(`--from: ${from.reason}`);
  const to = parsePeriod(values.to ?? lastCompleteMonth(now));
  if (!to.ok) throw new Error(`--to: ${to.reason}`);
  if (to.value < from.value) throw new Error(`--to ${to.value} is before --from ${from.value}`);
  return { customers, from: from.value, to: to.value, seed: values.seed, out: values.out, help: values.help };
}
