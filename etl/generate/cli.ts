/**
 * npm run demo:data -- [--customers N] [--from YYYY-MM] [--to YYYY-MM] [--seed S] [--out DIR]
 *
 * Writes the demo utility (data contract files, settlement files, truth.json) and prints what it wrote
 * and how its arrears compare with the utility's public trajectory.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { groupThousands } from '../domain/money';
import { generate, type GenerateOptions } from './generate';
import { parseOptions, USAGE } from './options';

async function fileSizes(dir: string): Promise<{ file: string; bytes: number }[]> {
  const out: { file: string; bytes: number }[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out.push({ file: path.slice(dir.length + 1), bytes: (await stat(path)).size });
  }
  return out.sort((a, b) => (a.file < b.file ? -1 : 1));
}

const rupiah = (n: number) => `Rp${groupThousands(n)}`;
const miliar = (n: number) => `Rp${(n / 1e9).toFixed(2)} M`;

async function main(): Promise<void> {
  let options: GenerateOptions;
  try {
    const parsed = parseOptions(process.argv.slice(2), new Date());
    if (parsed.help) {
      console.log(USAGE);
      return;
    }
    options = parsed;
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
  const started = performance.now();
  console.log(`Generating ${options.customers} customers, ${options.from} to ${options.to}, seed ${options.seed} into ${options.out}`);
  const truth = await generate(options);
  const seconds = (performance.now() - started) / 1000;

  console.log(`\nDone in ${seconds.toFixed(1)} s: ${truth.customers.total} customers, ${truth.bills.count} bills, ${truth.payments.count} payments`);
  for (const f of await fileSizes(options.out)) {
    console.log(`  ${f.file.padEnd(44)} ${(f.bytes / 1e6).toFixed(1).padStart(8)} MB`);
  }
  const rejects = Object.values(truth.expected_rejects).reduce((s, n) => s + n, 0);
  console.log(`\nDeliberate bad rows: ${rejects} in ${Object.keys(truth.expected_rejects).length} files; ` +
    `unmatched payments ${truth.unmatched_payments}, duplicates ${truth.payments.duplicate_payments}, ` +
    `credit ${rupiah(truth.payments.credit_amount)}`);
  const months = Object.entries(truth.arrears_by_month_end);
  const [lastDay, lastArrears] = months[months.length - 1];
  console.log(`\nArrears (tunggakan) against the public trajectory, scaled to ${options.customers} connections:`);
  for (const c of truth.calibration) {
    console.log(`  ${c.as_of}  ${miliar(c.arrears).padStart(12)}  target ${miliar(c.target).padStart(12)}  ${c.deviation_pct >= 0 ? '+' : ''}${c.deviation_pct}%`);
  }
  console.log(`  ${lastDay}  ${miliar(lastArrears).padStart(12)}  (last month end)`);
}

await main();
