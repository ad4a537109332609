/**
 * npm run bench:web -- [--warehouse PATH] [--connections 20] [--seconds 10] [--months 6] [--only SECTION,…]
 *
 * The overview page and its API under load. Expects a built app (`npm run build`) and a loaded
 * warehouse (--warehouse, else KABA_WAREHOUSE, default data/warehouse.duckdb, e.g. from `npm run demo`); builds nothing.
 * It starts the built server (`server.ts`, as `npm start` does) on a free port with a throwaway user file (a director made with
 * the user CLI, signed in through the sign-in form, plus an API token), then:
 *   1. server time vs raw DuckDB time: requests the overview of a few months one at a time, each the
 *      first request for that month (nothing cached yet), and times the same query functions
 *      (computeOverview) directly against the warehouse in this process; prints the ratio. The same for
 *      repeated requests of one month (the figures of a warehouse file are cached per month); then the
 *      first request of each of those months of a kecamatan page (the largest kecamatan), against its
 *      query (desaArrears) run directly;
 *   2. autocannon: N concurrent signed-in clients on the overview page, then on GET /api/v1/overview,
 *      for S seconds each; prints p50/p95/p99 (from every response time), requests/s and errors, and
 *      the server's CPU time per request (from /proc: unlike the latencies, it hardly depends on what
 *      else the machine is running, autocannon included);
 *   3. the server's resident memory (RSS), sampled throughout: peak and end, and the peak of each phase.
 * --only runs some of the sections: overview (1 and 2, with the collections page), channels, arrears,
 * tunggakan (ledger, sealing, letters, collections, routes), monthly, reports.
 * Targets: p95 < 150 ms at 20 clients; server time within 2× of the raw queries; memory < 500 MB.
 * A benchmark, not a test: it prints figures and asserts nothing.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { computeOverview } from '../../app/lib/overview/figures.server';
import { desaArrears } from '../../etl/queries/areas';
import { collectionsPerformance, outcomeMix } from '../../etl/queries/collections';
import { EVERYTHING } from '../../etl/queries/scope';
import { config } from '../../etl/config';
import { warehouseMonths } from '../../etl/queries/months';
import { monthEnd } from '../../etl/domain/period';
import { Warehouse } from '../../etl/warehouse/duckdb';

const { values } = parseArgs({
  options: {
    connections: { type: 'string', default: '20' },
    seconds: { type: 'string', default: '10' },
    months: { type: 'string', default: '6' },
    warehouse: { type: 'string' },
    only: { type: 'string' },
  },
});
const SECTIONS = ['overview', 'channels', 'arrears', 'tunggakan', 'monthly', 'reports'] as const;
const only = values.only?.split(',').map((x) => x.trim());
const unknownSection = only?.find((x) => !(SECTIONS as readonly string[]).includes(x));
if (unknownSection) throw new Error(`--only: no section ${unknownSection} (${SECTIONS.join(', ')})`);
const want = (section: (typeof SECTIONS)[number]) => !only || only.includes(section);
const WAREHOUSE = resolve(values.warehouse ?? config.warehouse);
const CONNECTIONS = Number(values.connections);
const SECONDS = Number(values.seconds);
const COLD_MONTHS = Number(values.months);

// autocannon ships no types: the little of it used here.
interface AutocannonInstance {
  on(event: 'response', listener: (client: unknown, statusCode: number, bytes: number, responseTime: number) => void): void;
  on(event: 'done', listener: (result: { requests: { average: number }; non2xx: number; errors: number; timeouts: number }) => void): void;
}
type Autocannon = (options: { url: string; connections: number; duration: number; headers: Record<string, string> }) => AutocannonInstance;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const root = resolve('.');
const serverEntry = join(root, 'build/index.js');

/** what the server printed on stderr: shown when the benchmark stops on an error, and at the end */
let serverErrors = '';

function fail(message: string): never {
  console.error(`bench:web: ${message}`);
  if (serverErrors.trim()) console.error(`server stderr:\n${serverErrors.trim().split('\n').slice(-20).join('\n')}`);
  process.exit(1);
}

if (!existsSync(serverEntry)) fail('no build/index.js: run `npm run build` first');
if (!existsSync(WAREHOUSE)) fail(`no warehouse at ${WAREHOUSE}: load one first (npm run demo, or npm run etl -- <folder>)`);

const ms = (v: number) => `${v.toFixed(1)} ms`;
const median = (xs: readonly number[]) => percentile(xs, 50);
function percentile(xs: readonly number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

async function freePort(): Promise<number> {
  return new Promise((done, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => done(port));
    });
  });
}

// ---------------------------------------------------------------------------------------------------
// A throwaway user file: the real one is never touched.

const tmp = mkdtempSync(join(tmpdir(), 'kaba-bench-web-'));
const usersFile = join(tmp, 'users.json');
const password = randomBytes(12).toString('hex');
const userCli = (args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'app/cli/user.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, KABA_USERS: usersFile, KABA_PASSWORD: password },
  });
const added = userCli(['add', 'bench', '--role', 'director']);
if (added.status !== 0) fail(`could not create the bench user: ${added.stderr || added.stdout}`);
const tokenOut = userCli(['token', 'bench']);
const token = /kaba_[A-Za-z0-9_-]+/.exec(tokenOut.stdout)?.[0];
if (!token) fail(`could not make an API token: ${tokenOut.stderr || tokenOut.stdout}`);

// ---------------------------------------------------------------------------------------------------
// The server

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const server = spawn(process.execPath, ['--import', 'tsx', join(root, 'server.ts')], {
  env: {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    KABA_USERS: usersFile,
    KABA_WAREHOUSE: WAREHOUSE,
    SESSION_SECRET: randomBytes(32).toString('hex'),
  },
  // the request log goes nowhere (an unread pipe would stall the server)
  stdio: ['ignore', 'ignore', 'pipe'],
});
server.stderr!.on('data', (chunk: Buffer) => (serverErrors += chunk.toString()));
const stopServer = () => {
  if (server.exitCode === null) server.kill('SIGTERM');
};
process.on('exit', () => {
  stopServer();
  rmSync(tmp, { recursive: true, force: true });
});

let peakRss = 0;
/** the peak of each phase, to tell DuckDB's first computations from the pages under load */
const phasePeaks: { phase: string; peak: number }[] = [];
const phase = (name: string) => phasePeaks.push({ phase: name, peak: rss() });
const rss = (): number => {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) * 1024 : 0;
  } catch {
    return 0;
  }
};
const sampler = setInterval(() => {
  const now = rss();
  peakRss = Math.max(peakRss, now);
  const current = phasePeaks.at(-1);
  if (current) current.peak = Math.max(current.peak, now);
}, 100);

async function waitForServer(): Promise<void> {
  const until = Date.now() + 30_000;
  while (Date.now() < until) {
    if (server.exitCode !== null) fail(`the server exited (${server.exitCode}): ${serverErrors}`);
    const ok = await fetch(`${base}/login`).then(
      (r) => r.ok,
      () => false
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  fail(`the server did not answer on ${base} within 30 s: ${serverErrors}`);
}

/** Signs in through the form as a browser would: the CSRF token from /login, then POST. */
async function signIn(): Promise<string> {
  const page = await fetch(`${base}/login`);
  const cookie = page.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const csrf = /name="csrf" value="([^"]+)"/.exec(await page.text())?.[1];
  if (!csrf) fail('no CSRF token on the sign-in page');
  const res = await fetch(`${base}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie, Origin: base },
    body: new URLSearchParams({ csrf, username: 'bench', password, redirectTo: '/' }),
  });
  const session = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  if (res.status !== 302 || !session) fail(`sign-in failed (${res.status})`);
  return session;
}

async function timed(url: string, headers: Record<string, string>): Promise<number> {
  const t = performance.now();
  const res = await fetch(url, { headers });
  await res.arrayBuffer();
  // a page that fails is a figure too: said, and the rest still measured
  if (!res.ok) {
    console.log(`  !! ${url} answered ${res.status}${serverErrors ? `: ${serverErrors.trim().split('\n')[0]}` : ''}`);
    return Number.NaN;
  }
  return performance.now() - t;
}

const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

/** CPU time the server process has used so far (user + system), ms. */
function serverCpuMs(): number {
  try {
    const fields = readFileSync(`/proc/${server.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return NaN;
  }
}

async function load(name: string, url: string, headers: Record<string, string>) {
  const times: number[] = [];
  const cpuBefore = serverCpuMs();
  const result = await new Promise<{ requests: { average: number }; non2xx: number; errors: number; timeouts: number }>((done) => {
    const instance = autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers });
    instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
    instance.on('done', done);
  });
  const cpuPerRequest = (serverCpuMs() - cpuBefore) / times.length;
  const p = (q: number) => ms(percentile(times, q));
  console.log(
    `${name.padEnd(10)} ${String(times.length).padStart(6)} requests  ${result.requests.average.toFixed(0).padStart(4)}/s  ` +
      `p50 ${p(50)}  p95 ${p(95)}  p99 ${p(99)}  max ${ms(Math.max(...times))}  ` +
      `non-2xx ${result.non2xx}  errors ${result.errors + result.timeouts}  server CPU ${cpuPerRequest.toFixed(2)} ms/request`
  );
}

// ---------------------------------------------------------------------------------------------------

await waitForServer();
const cookie = await signIn();
const page = { Cookie: cookie };
const api = { Authorization: `Bearer ${token}` };

const wh = await Warehouse.open(WAREHOUSE, { readOnly: true });
const months = (await warehouseMonths(wh)).map((m) => m.month);
if (months.length < 2) fail('the warehouse holds fewer than two months');
// Months for the cold measurements: the latest ones, leaving out the two newest (the default month
// and its neighbour are requested below anyway).
const coldMonths = months.slice(Math.max(0, months.length - 2 - COLD_MONTHS), months.length - 2);

console.log(`warehouse ${WAREHOUSE} (${months[0]} … ${months.at(-1)}), server ${base}, pid ${server.pid}\n`);
// the largest kecamatan, the one the area pages are timed on
const { code: kecamatan } = await wh.one<{ code: string }>(
  `SELECT a.kecamatan_code AS code FROM customers c JOIN areas a USING (desa_code) GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
);

// 1. Server time against raw query time.
if (want('overview')) {
  phase('first requests and months not cached yet');
  const firstPage = await timed(`${base}/`, page);
  const firstApi = await timed(`${base}/api/v1/overview`, api);
  console.log(`first requests after start: page ${ms(firstPage)}, API ${ms(firstApi)}`);

  const serverCold: number[] = [];
  /** the server's CPU time (every thread: JavaScript and DuckDB's) per first request: hardly depends on what else runs */
  const serverColdCpu: number[] = [];
  for (const m of coldMonths) {
    const cpu = serverCpuMs();
    serverCold.push(await timed(`${base}/?bulan=${m}`, page));
    serverColdCpu.push(serverCpuMs() - cpu);
  }
  await computeOverview(wh, months.at(-1)!); // warm this process (JIT, DuckDB buffers) as the server is
  const raw: number[] = [];
  for (const m of coldMonths) {
    const t = performance.now();
    await computeOverview(wh, m);
    raw.push(performance.now() - t);
  }
  phase('cached pages, one at a time');
  const serverWarm: number[] = [];
  for (let i = 0; i < 20; i++) serverWarm.push(await timed(`${base}/?bulan=${coldMonths[0]}`, page));

  phase('kecamatan pages, first request of the month');
  const kecamatanCold: number[] = [];
  const kecamatanColdCpu: number[] = [];
  for (const m of coldMonths) {
    const cpu = serverCpuMs();
    kecamatanCold.push(await timed(`${base}/arrears/${kecamatan}?bulan=${m}`, page));
    kecamatanColdCpu.push(serverCpuMs() - cpu);
  }
  const kecamatanRaw: number[] = [];
  for (const m of coldMonths) {
    const t = performance.now();
    await desaArrears(wh, { month: m, kecamatan });
    kecamatanRaw.push(performance.now() - t);
  }

  // Penagihan (collections): the performance page for three months, first request and cached, against its queries.
  phase('collections page');
  const collectionsTo = months.at(-1)!;
  const collectionsFrom = months.at(-3) ?? months[0];
  const collectionsUrl = `${base}/collections?from=${collectionsFrom}&to=${collectionsTo}`;
  const collectionsFirst = await timed(collectionsUrl, page);
  const collectionsAgain: number[] = [];
  for (let i = 0; i < 5; i++) collectionsAgain.push(await timed(collectionsUrl, page));
  const collectionsRaw: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const q = { from: collectionsFrom, to: collectionsTo, scope: EVERYTHING };
    for (const by of ['collector', 'kecamatan', 'month'] as const) await collectionsPerformance(wh, { ...q, by });
    await outcomeMix(wh, q);
    collectionsRaw.push(performance.now() - t);
  }
  console.log(`collections page ${collectionsFrom}..${collectionsTo}:`);
  console.log(`  raw queries (3 groupings + outcome mix) median ${ms(median(collectionsRaw))}  (${collectionsRaw.map((x) => x.toFixed(0)).join(', ')} ms)`);
  console.log(`  page, first request ${ms(collectionsFirst)}; again median ${ms(median(collectionsAgain))}`);
  wh.close();

  const rawMedian = median(raw);
  console.log(`\nserver time vs raw DuckDB time (computeOverview), ${coldMonths.length} months, one request at a time:`);
  console.log(`  raw queries                       median ${ms(rawMedian)}  (${raw.map((x) => x.toFixed(0)).join(', ')} ms)`);
  console.log(
    `  page, first request of the month  median ${ms(median(serverCold))}  ratio ${(median(serverCold) / rawMedian).toFixed(2)}×  (${serverCold
      .map((x) => x.toFixed(0))
      .join(', ')} ms)`
  );
  console.log(`  page, first request: server CPU    median ${ms(median(serverColdCpu))}  (${serverColdCpu.map((x) => x.toFixed(0)).join(', ')} ms)`);
  console.log(`  page, figures cached              median ${ms(median(serverWarm))}  ratio ${(median(serverWarm) / rawMedian).toFixed(2)}×`);
  const list = (xs: readonly number[]) => xs.map((x) => x.toFixed(0)).join(', ');
  console.log(`kecamatan ${kecamatan}, first request of the month:`);
  console.log(`  raw query (desaArrears)           median ${ms(median(kecamatanRaw))}  (${list(kecamatanRaw)} ms)`);
  console.log(`  page                              median ${ms(median(kecamatanCold))}  max ${ms(Math.max(...kecamatanCold))}  (${list(kecamatanCold)} ms)`);
  console.log(`  page: server CPU                  median ${ms(median(kecamatanColdCpu))}  (${list(kecamatanColdCpu)} ms)`);
  console.log(`  overview page                     max ${ms(Math.max(...serverCold))}  (target: under 1 s for the first request of any month)`);

  // 2. Load.
  console.log(`\n${CONNECTIONS} concurrent clients, ${SECONDS} s each (the default month):`);
  phase(`${CONNECTIONS} clients on the page`);
  await load('page /', `${base}/`, page);
  phase(`${CONNECTIONS} clients on the API`);
  await load('API', `${base}/api/v1/overview`, api);
}

// Channels (issue 9): every page of Kanal Pembayaran, first request (not cached) and under load.
if (want('channels')) {
  const last = months.at(-1)!;
  const yearAgo = months[Math.max(0, months.length - 12)];
  const channelPages = [
    `/channels?from=${months[0]}&to=${last}`,
    `/channels?from=${months[0]}&to=${last}&measure=value&scale=share`,
    `/channels/compare?from=${yearAgo}&to=${last}`,
    `/channels?from=${months[0]}&to=${last}&kecamatan=${kecamatan}`,
    '/channels/launch',
    '/channels/launch?channel=SHOPEE&months=36',
    `/channels/reconciliation?month=${last}`,
  ];
  const channelApis = [
    `/api/v1/channels?from=${months[0]}&to=${last}`,
    `/api/v1/channels/adoption?from=${yearAgo}&to=${last}`,
    '/api/v1/channels/launch?channel=SHOPEE&months=36',
    `/api/v1/reconciliation?month=${last}`,
  ];
  console.log('\nchannel pages, first request (target: under 1 s at 1,000,000 customers):');
  phase('channel pages, first request');
  for (const path of channelPages) console.log(`  ${path.padEnd(60)} ${ms(await timed(`${base}${path}`, page))}`);
  for (const path of channelApis) console.log(`  ${path.padEnd(60)} ${ms(await timed(`${base}${path}`, api))}`);
  console.log(`${CONNECTIONS} concurrent clients on each channel page (target p95 < 150 ms at demo scale):`);
  for (const path of channelPages) {
    phase(`${CONNECTIONS} clients on ${path.split('?')[0]}`);
    await load(path.split('?')[0], `${base}${path}`, page);
  }
}

// Arrears drill-down (issue 8): every level, page and API, unfiltered and filtered, the first request of a
// month (nothing cached: target under 1 s at a million customers), then 20 clients on each level.
if (want('arrears')) {
  phase('arrears drill-down, first requests');
  const desaBody = (await (await fetch(`${base}/api/v1/arrears?level=desa&kecamatan=${kecamatan}`, { headers: api })).json()) as { rows: { code: string }[] };
  const desa = desaBody.rows[0]?.code;
  if (!desa) fail(`kecamatan ${kecamatan} has no desa in arrears`);
  const FILTERED = 'status=active&age=13-24&min_amount=100000';
  const urls = (m: string, filter: string) => {
    const q = `bulan=${m}${filter ? `&${filter}` : ''}`;
    const a = `as_of=${m}${filter ? `&${filter}` : ''}`;
    return [
      [`page /arrears`, `${base}/arrears?${q}`, page],
      [`page /arrears/K`, `${base}/arrears/${kecamatan}?${q}`, page],
      [`page /arrears/K/D`, `${base}/arrears/${kecamatan}/${desa}?${q}`, page],
      [`page customers by last payment`, `${base}/arrears/${kecamatan}/${desa}?${q}&cust-sort=-last_paid_on`, page],
      [`API kecamatan`, `${base}/api/v1/arrears?${a}&level=kecamatan`, api],
      [`API desa`, `${base}/api/v1/arrears?${a}&level=desa&kecamatan=${kecamatan}`, api],
      [`API customer (a desa)`, `${base}/api/v1/arrears?${a}&level=customer&desa=${desa}`, api],
      [`API customer (all, 1,000)`, `${base}/api/v1/arrears?${a}&level=customer&page_size=1000`, api],
      [`API customer parquet`, `${base}/api/v1/arrears?${a}&level=customer&kecamatan=${kecamatan}&page_size=1000&format=parquet`, api],
      [`API customer arrow`, `${base}/api/v1/arrears?${a}&level=customer&kecamatan=${kecamatan}&page_size=1000&format=arrow`, api],
    ] as const;
  };
  console.log(`\narrears drill-down, kecamatan ${kecamatan}, desa ${desa}: first request of a month (target under 1 s)`);
  let worst = 0;
  for (const m of coldMonths.slice(0, 2)) {
    for (const filter of ['', FILTERED]) {
      for (const [name, url, headers] of urls(m, filter)) {
        const took = await timed(url, headers);
        worst = Math.max(worst, took);
        console.log(`  ${m} ${(filter ? 'filtered' : 'all').padEnd(8)} ${name.padEnd(32)} ${ms(took)}`);
      }
    }
  }
  console.log(`  slowest first request: ${ms(worst)}`);
  console.log(`\n${CONNECTIONS} concurrent clients on the drill-down, ${SECONDS} s each (the default month):`);
  phase(`${CONNECTIONS} clients on the arrears pages`);
  await load('arrears', `${base}/arrears`, page);
  await load('arr K', `${base}/arrears/${kecamatan}`, page);
  await load('arr K/D', `${base}/arrears/${kecamatan}/${desa}`, page);
  await load('API cust', `${base}/api/v1/arrears?level=customer&desa=${desa}`, api);
}

// The rest of Tunggakan (issue 8: ledger, sealing, letters) and Penagihan (issue 10: the leaderboard, the
// route planner, their API), first request and under load.
if (want('tunggakan')) {
  phase('ledger, sealing, letters, collections, routes: first requests');
  const last = months.at(-1)!;
  const custBody = (await (await fetch(`${base}/api/v1/arrears?level=customer&kecamatan=${kecamatan}&page_size=1&sort=-arrears`, { headers: api })).json()) as {
    rows: { customer_id: string }[];
  };
  const customer = custBody.rows[0]?.customer_id;
  if (!customer) fail(`kecamatan ${kecamatan} has no customer in arrears`);
  const teamsBody = (await (await fetch(`${base}/api/v1/collections?from=${last}&to=${last}`, { headers: api })).json()) as { rows: { team_id: string }[] };
  const team = teamsBody.rows[0]?.team_id;
  const planDay = `${last}-28`;
  const firstOf = [
    [`page /customers/ID (ledger)`, `${base}/customers/${customer}`, page],
    [`API customers/ID`, `${base}/api/v1/customers/${customer}`, api],
    [`page /sealing`, `${base}/sealing`, page],
    [`page /sealing kecamatan`, `${base}/sealing?kecamatan=${kecamatan}`, page],
    [`API sealing`, `${base}/api/v1/sealing`, api],
    [`page /letters`, `${base}/letters`, page],
    [`page /collections 12 months`, `${base}/collections?from=${months.at(-12) ?? months[0]}&to=${last}`, page],
    [`API collections 12 months`, `${base}/api/v1/collections?from=${months.at(-12) ?? months[0]}&to=${last}`, api],
    ...(team
      ? ([
          [`page /collections/routes plan ${team}`, `${base}/collections/routes?team=${team}&date=${planDay}&area=${kecamatan}&per_collector=25`, page],
          [`API routes`, `${base}/api/v1/routes?team=${team}&date=${planDay}`, api],
        ] as const)
      : []),
  ] as const;
  console.log(`\nledger (customer ${customer}), sealing, letters, collections (team ${team ?? 'none'}): first request (target under 1 s)`);
  for (const [name, url, headers] of firstOf) console.log(`  ${name.padEnd(44)} ${ms(await timed(url, headers))}`);
  console.log(`\n${CONNECTIONS} concurrent clients, ${SECONDS} s each:`);
  for (const [name, url, headers] of [
    ['ledger', `${base}/customers/${customer}`, page],
    ['sealing', `${base}/sealing?kecamatan=${kecamatan}`, page],
    ['collections', `${base}/collections`, page],
    ['API coll.', `${base}/api/v1/collections?from=${months.at(-3) ?? months[0]}&to=${last}`, api],
  ] as const) {
    phase(`${CONNECTIONS} clients on ${name}`);
    await load(name, url, headers);
  }
}

// The directors' monthly report (issue 11): the overview of the month and of the month before, and
// its charts drawn at the print widths; the first request of a month, then 20 clients.
if (want('monthly')) {
  const report = (m: string) => `/print/monthly?bulan=${m}`;
  phase('monthly report, first requests');
  console.log("\ndirectors' monthly report, first request of a month (target under 1 s):");
  for (const m of coldMonths.slice(0, 2)) console.log(`  ${report(m).padEnd(42)} ${ms(await timed(`${base}${report(m)}`, page))}`);
  phase(`${CONNECTIONS} clients on the monthly report`);
  await load('monthly', `${base}/print/monthly`, page);
}

// Reports (issue 11): each report's rekap and detail page, page and API, the first request of a month
// (nothing cached: targets rekap under 1 s, a detail page under 2 s at a million customers), the print
// view, then 20 clients on the DSR rekap.
if (want('reports')) {
  phase('reports, first requests');
  const reportUrls = (m: string) =>
    [
      ['DSR rekap page', `${base}/reports/dsr?as_of=${m}`, page, 1000],
      ['DSR rekap API', `${base}/api/v1/reports/dsr?as_of=${m}&kecamatan=${kecamatan}`, api, 1000],
      ['DSR detail page', `${base}/reports/dsr?as_of=${m}&view=detail`, page, 2000],
      ['DSR detail API (a kecamatan)', `${base}/api/v1/reports/dsr?as_of=${m}&view=detail&kecamatan=${kecamatan}`, api, 2000],
      ['DRD rekap page', `${base}/reports/drd?period=${m}`, page, 1000],
      ['DRD rekap API by golongan', `${base}/api/v1/reports/drd?period=${m}&by=golongan`, api, 1000],
      ['DRD detail page', `${base}/reports/drd?period=${m}&view=detail`, page, 2000],
      ['Efektivitas rekap page', `${base}/reports/efektivitas?month=${m}`, page, 1000],
      ['Efektivitas detail API', `${base}/api/v1/reports/efektivitas?month=${m}&view=detail`, api, 2000],
      ['DSR rekap print view', `${base}/print/reports/dsr?as_of=${m}`, page, 1000],
    ] as const;
  console.log('\nreports, first request of a month (targets: rekap under 1 s, a detail page under 2 s):');
  for (const m of coldMonths.slice(0, 2)) {
    for (const [name, url, headers, target] of reportUrls(m)) {
      const took = await timed(url, headers);
      console.log(`  ${m} ${name.padEnd(32)} ${ms(took)}${took > target ? `  over ${target} ms` : ''}`);
    }
  }
  console.log(`${CONNECTIONS} concurrent clients on the DSR rekap, ${SECONDS} s (the default month):`);
  phase(`${CONNECTIONS} clients on the DSR rekap`);
  await load('DSR rekap', `${base}/reports/dsr`, page);
}

// Reports LPP and Menunggak per petugas (reports-b): rekap and a detail page, page and API, the first
// request (targets at 1,000,000 customers: a rekap under 1 s, a detail page under 2 s), then under load.
if (want('reports')) {
  const last = months.at(-1)!;
  const days = `from=${last}-01&to=${monthEnd(last)}`;
  const reportUrls = [
    ['page LPP rekap', `/reports/lpp?${days}`, page],
    ['page LPP detail', `/reports/lpp?${days}&view=detail`, page],
    ['API LPP rekap xlsx', `/api/v1/reports/lpp?${days}&format=xlsx`, api],
    ['page Menunggak rekap', `/reports/menunggak?as_of=${last}`, page],
    ['page Menunggak detail', `/reports/menunggak?as_of=${last}&view=detail`, page],
    ['API Menunggak rekap', `/api/v1/reports/menunggak?as_of=${last}`, api],
  ] as const;
  console.log(`\nreports LPP and Menunggak, ${last}: first request (targets: rekap < 1 s, detail page < 2 s)`);
  phase('reports LPP and Menunggak, first requests');
  for (const [name, path, headers] of reportUrls) console.log(`  ${name.padEnd(28)} ${ms(await timed(`${base}${path}`, headers))}`);
  console.log(`${CONNECTIONS} concurrent clients on each rekap page:`);
  phase(`${CONNECTIONS} clients on the LPP and Menunggak pages`);
  await load('LPP', `${base}/reports/lpp?${days}`, page);
  await load('Menunggak', `${base}/reports/menunggak?as_of=${last}`, page);
}

// 3. Memory.
clearInterval(sampler);
const endRss = rss();
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
console.log(`\nserver memory (RSS): peak ${mb(peakRss)}, at the end ${mb(endRss)} (target < 500 MB)`);
for (const p of phasePeaks) console.log(`  peak during ${p.phase.padEnd(42)} ${mb(p.peak)}`);
console.log('targets: p95 < 150 ms at 20 clients; server time within 2× of the raw queries; memory < 500 MB');

stopServer();
if (serverErrors.trim()) console.log(`\nserver stderr:\n${serverErrors.trim().split('\n').slice(-10).join('\n')}`);
process.exit(0);
