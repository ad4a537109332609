/**
 * npm run etl -- <files or folders>
 * Loads the files into the warehouse (KABA_WAREHOUSE) and rebuilds the derived tables.
 * Exit code 0 when every file loaded or was already loaded, 2 when a file was refused whole.
 */
import { config } from './config';
import { loadPaths } from './load/load-paths';
import type { LoadReport } from './load/load-file';
import { withWarehouseCopy } from './warehouse/swap';
import { groupThousands } from './domain/money';

const argv = process.argv.slice(2);
const rebuild = argv.includes('--rebuild');
const args = argv.filter((a) => a !== '--rebuild');
if ((args.length === 0 && !rebuild) || argv.includes('--help')) {
  console.log(`usage: npm run etl -- [--rebuild] <files or folders>

Loads canonical CSVs and channel settlement files into ${config.warehouse}
(set KABA_WAREHOUSE to choose another file). --rebuild rebuilds the derived tables even when
nothing new was loaded (after upgrading Kaba).`);
  process.exit(argv.includes('--help') ? 0 : 1);
}

const tty = process.stderr.isTTY;
let current = '';
const progress = (fraction: number) => {
  if (!tty) return;
  const width = 30;
  const filled = Math.round(fraction * width);
  process.stderr.write(`\r  [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${(fraction * 100).toFixed(0).padStart(3)}% ${current}`);
};

function line(r: LoadReport): string {
  const n = (v: number) => groupThousands(v).padStart(11);
  if (r.status === 'refused') return `REFUSED  ${r.file}: ${r.message}`;
  if (r.status === 'skipped') return `skipped  ${r.file}: ${r.message}`;
  const replaced = r.rowsReplaced > 0 ? `  (${groupThousands(r.rowsReplaced)} replaced earlier rows)` : '';
  const amount = r.amountLoaded > 0 ? `  Rp${groupThousands(r.amountLoaded)}` : '';
  return `loaded   ${r.file.padEnd(34)} ${r.format.padEnd(11)} read ${n(r.rowsRead)}  loaded ${n(r.rowsLoaded)}  rejected ${n(r.rowsRejected)}${amount}${replaced}  ${r.seconds.toFixed(1)}s`;
}

console.log(`warehouse ${config.warehouse}`);
const run = await withWarehouseCopy(config.warehouse, async (wh) => {
  const result = await loadPaths(wh, args, {
    rebuild,
    onFileStart: (f) => (current = f),
    onProgress: progress,
    onFile: (r) => {
      if (tty) process.stderr.write('\r\x1b[K');
      console.log(line(r));
    },
  });
  return { result, changed: result.derived !== null };
});
if (run.derived) {
  console.log(
    `derived tables rebuilt in ${run.derived.seconds.toFixed(1)}s (${groupThousands(run.derived.customers)} customers, ${groupThousands(run.derived.allocations)} allocations)`,
  );
  if (process.env.KABA_VERBOSE) for (const s of run.derived.steps) console.log(`  ${s.table.padEnd(28)} ${s.seconds.toFixed(2)}s`);
} else console.log('nothing new loaded: derived tables unchanged');
const rejected = run.files.reduce((s, r) => s + r.rowsRejected, 0);
if (rejected > 0) console.log(`${groupThousands(rejected)} rows rejected: see npm run report -- rejects`);
console.log(`peak memory ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
process.exitCode = run.files.some((r) => r.status === 'refused') ? 2 : 0;
