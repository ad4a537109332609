/**
 * npm run bench:etl -- [--customers N] [--from YYYY-MM] [--to YYYY-MM] [--seed S]
 *
 * Generates the demo utility (unless already generated with the same arguments), then loads it twice
 * into fresh warehouses: once with a bare DuckDB `INSERT … SELECT * FROM read_csv(…)` per canonical
 * file (the practical limit: no validation, no rejects, no allocation), once with `npm run etl`.
 * Prints rows/s, the ratio of the two, the derived-table time and the ETL's peak memory.
 * A benchmark, not a test: it asserts nothing.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CANONICAL_KINDS, LOAD_ORDER } from '../../etl/load/canonical';
import { Warehouse } from '../../etl/warehouse/duckdb';

const { values } = parseArgs({
  options: {
    customers: { type: 'string', default: '14000' },
    from: { type: 'string', default: '2012-01' },
    to: { type: 'string', default: '2026-10' },
    seed: { type: 'string', default: '1' },
  },
});

const tag = `${values.customers}-${values.from}-${values.to}-${values.seed}`;
const root = resolve('data/bench', tag);
const demo = join(root, 'demo');
const node = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ['--import', 'tsx', ...args], { encoding: 'utf8', env: { ...process.env, ...env } });

if (!existsSync(join(demo, 'truth.json'))) {
  mkdirSync(root, { recursive: true });
  const t = performance.now();
  const gen = node(['etl/generate/cli.ts', '--customers', values.customers!, '--from', values.from!, '--to', values.to!,
    '--seed', values.seed!, '--out', demo]);
  if (gen.status !== 0) throw new Error(gen.stderr || gen.stdout);
  console.log(`generated ${tag} in ${((performance.now() - t) / 1000).toFixed(1)}s`);
}
const sizeMb = Number(execFileSync('du', ['-sm', demo], { encoding: 'utf8' }).split('\t')[0]);

// The practical limit: DuckDB reading the same canonical CSVs straight into typed tables.
const barePath = join(root, 'bare.duckdb');
rmSync(barePath, { force: true });
const bare = await Warehouse.open(barePath);
let bareRows = 0;
const bareStart = performance.now();
for (const kind of LOAD_ORDER) {
  const file = join(demo, `${kind}.csv`);
  if (!existsSync(file)) continue;
  const spec = CANONICAL_KINDS[kind];
  const columns = spec.columns.map((c) => `'${c.name}': '${c.type === 'DECIMAL(12,2)' ? 'DOUBLE' : c.type === 'TIMESTAMP' ? 'VARCHAR' : c.type}'`);
  await bare.run(`CREATE TABLE ${kind} AS SELECT * FROM read_csv($file, header = true, columns = {${columns.join(', ')}},
    ignore_errors = true)`, { file });
  bareRows += (await bare.one<{ n: number }>(`SELECT count(*) AS n FROM ${kind}`)).n;
}
await bare.run('CHECKPOINT');
const bareSeconds = (performance.now() - bareStart) / 1000;
bare.close();

// Kaba's ETL, as a user runs it.
const etlPath = join(root, 'etl.duckdb');
rmSync(etlPath, { force: true });
const etlStart = performance.now();
const etl = node(['etl/cli.ts', demo], { KABA_WAREHOUSE: etlPath });
const etlSeconds = (performance.now() - etlStart) / 1000;
// 2: a file refused whole, as the demo's broken-off bank transmission is
if (etl.status !== 0 && etl.status !== 2) throw new Error(etl.stderr || etl.stdout);
const out = etl.stdout;
const derived = Number(/derived tables rebuilt in ([\d.]+)s/.exec(out)?.[1] ?? NaN);
const peak = Number(/peak memory (\d+) MB/.exec(out)?.[1] ?? NaN);
const rowsRead = [...out.matchAll(/read\s+([\d.]+)/g)].reduce((s, m) => s + Number(m[1].replace(/\./g, '')), 0);
const settlementFiles = existsSync(join(demo, 'settlements')) ? readdirSync(join(demo, 'settlements')).length : 0;

const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 1 });
console.log(`
data            ${tag}: ${fmt(sizeMb)} MB of files, ${fmt(rowsRead)} rows (+${settlementFiles} settlement files)
bare DuckDB     ${fmt(bareSeconds)} s   ${fmt(bareRows / bareSeconds)} rows/s   (read_csv into typed tables, canonical files only)
kaba etl        ${fmt(etlSeconds)} s   ${fmt(rowsRead / etlSeconds)} rows/s   (validate, reject, load, allocate, derive; process start included)
  of which      derived tables ${fmt(derived)} s, loading ${fmt(etlSeconds - derived)} s
ratio           ${fmt(etlSeconds / bareSeconds)}× bare in all, ${fmt((etlSeconds - derived) / bareSeconds)}× bare for loading alone
peak memory     ${fmt(peak)} MB (ETL process, DuckDB included)
`);
