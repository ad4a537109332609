/**
 * The web server's access to the DuckDB warehouse: one read-only DuckDB instance per server process,
 * on the file KABA_WAREHOUSE names. Every page and API query goes through `withWarehouse`.
 *
 * Loading while the dashboard runs (decided with the ETL, etl/warehouse/swap.ts):
 *  - The ETL never writes the file the server reads. It copies the warehouse to `<path>.next`, loads
 *    the new files into the copy, rebuilds the derived tables, checkpoints, and renames the copy over
 *    `<path>` in one atomic step. A load that fails leaves `<path>` untouched.
 *  - DuckDB allows one writing process per file and readers only when none writes: the server only
 *    ever opens `<path>` READ_ONLY, and the ETL only ever writes `<path>.next`, so they never meet.
 *  - On a request, at most once a second, the server compares the file's identity (device, inode,
 *    size, mtime) with the file it has open. After a swap the path names a new inode: the server opens
 *    it (the request that noticed carries on with the old one, nobody waits for the open), and from
 *    then on new requests run on the new file. The old instance still reads its unlinked inode, which
 *    the filesystem keeps alive while it is open; it is closed when the last query running on it
 *    finishes (a reference count), and the disk space comes back then.
 *  - A missing warehouse is not a crash: pages show how to load data (npm run etl), the API answers
 *    503 with the same advice. If the file vanishes or a new file cannot be opened while an older one
 *    is open, the server keeps serving the older one and says so on stderr.
 *
 * Caching: a file never changes while it is open, so whatever is computed from it (the freshness
 * figures, an overview month, a chart's SVG) is kept with the open file (`WarehouseFile.cached`,
 * `cachedForFile`) and dropped with it: a load swaps in a new file, which starts with an empty cache.
 * Open files are numbered (`generation`) so that a page can name the file its figures came from.
 *
 * Memory: each instance gets DuckDB's memory limit KABA_SERVER_MEMORY_LIMIT (default 512MB, against
 * DuckDB's own default of 80% of the machine's memory); a query that needs more spills to
 * `<path>.tmp/` where DuckDB can spill (not every operator can: at 256MB the demo's whole-utility
 * sealing list ran out of memory). The demo's overview months stay well below it. DuckDB's allocator also hands the
 * memory a query freed back to the system instead of keeping it for the next query (on the demo,
 * ~45 MB less resident after the first months, with no slower queries).
 */
import { stat } from 'node:fs/promises';
import { json } from '@remix-run/node';
import { warehouseMonths } from '../../etl/queries/months';
import type { Scope } from '../../etl/queries/scope';
import { Warehouse } from '../../etl/warehouse/duckdb';
import { pickAsOfMonth, AS_OF_PARAM } from './as-of';
import { env, SIZE } from './env.server';
import { apiHeaders } from './http.server';

/** What the layout shows on every page, read once per warehouse file (the file never changes). */
export interface Freshness {
  /** the warehouse file as the server sees it */
  path: string;
  /** when the newest file was loaded, `YYYY-MM-DD HH:MM:SS` Jakarta time */
  lastLoadAt: string | null;
  /** files in the load history */
  filesLoaded: number;
  /** the latest bill period, `YYYY-MM` */
  latestBillPeriod: string | null;
  /** the latest day with a payment, `YYYY-MM-DD` */
  latestPaymentDate: string | null;
  /** when the derived tables were last rebuilt (warehouse_meta 'derived_at') */
  derivedAt: string | null;
  /** the months with arrears figures (arrears_movement), oldest first */
  months: string[];
  /**
   * The default as-of month: the latest month whose last day is on or before the latest payment in
   * the warehouse, i.e. the latest month whose payments are all in (arrears at a month end are only
   * right once that month's payments are loaded). Without payments, the latest month with figures.
   */
  lastCompleteMonth: string | null;
}

export type UnavailableReason = 'missing' | 'unreadable';

export class WarehouseUnavailableError extends Error {
  constructor(
    readonly reason: UnavailableReason,
    readonly path: string,
    cause?: unknown,
  ) {
    super(reason === 'missing' ? `no warehouse at ${path}: load data with npm run etl -- <files or folders>` : `cannot open the warehouse ${path}`, { cause });
  }
}

interface FileIdentity {
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
}

const sameFile = (a: FileIdentity, b: FileIdentity) => a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs;

/** An open warehouse file as the queries on it see it. */
export interface WarehouseFile {
  readonly wh: Warehouse;
  /** numbers the files this gateway has opened, from 1: a new load makes a new number */
  readonly generation: number;
  /**
   * compute() once per file and key (the file never changes, so neither does the result), kept
   * until the file is replaced or the entry is among the least recently used of a full cache.
   * Concurrent callers share one computation; a failed one is not kept.
   */
  cached<T>(key: string, compute: () => Promise<T>): Promise<T>;
}

/** Entries kept per open file: overview months, kecamatan lists, chart SVGs (a few KB to a few tens of KB each). */
const CACHE_ENTRIES = 512;

class Generation implements WarehouseFile {
  refs = 0;
  retired = false;
  readonly openedAt = Date.now();
  /** promises (cached) and plain values (memo); least recently used first */
  private readonly cache = new Map<string, unknown>();

  constructor(
    readonly generation: number,
    readonly wh: Warehouse,
    readonly file: FileIdentity,
  ) {}

  cached<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const hit = this.get<Promise<T>>(key);
    if (hit) return hit;
    const result = compute();
    this.set(key, result);
    result.catch(() => {
      if (this.cache.get(key) === result) this.cache.delete(key);
    });
    return result;
  }

  /** The synchronous twin of cached(), for values computed while rendering (chart SVGs). */
  memo<T>(key: string, compute: () => T): T {
    const hit = this.get<T>(key);
    if (hit !== undefined) return hit;
    const value = compute();
    this.set(key, value);
    return value;
  }

  private get<T>(key: string): T | undefined {
    const hit = this.cache.get(key) as T | undefined;
    if (hit !== undefined) {
      this.cache.delete(key);
      this.cache.set(key, hit); // most recently used last
    }
    return hit;
  }

  private set(key: string, value: unknown): void {
    this.cache.set(key, value);
    if (this.cache.size > CACHE_ENTRIES) this.cache.delete(this.cache.keys().next().value as string);
  }
}

/**
 * When a query frees more than this at once, DuckDB returns its allocator's free memory to the system
 * (DuckDB's default, 512 MiB, is never reached by the overview's queries, so the memory stayed with
 * the process: 16 MB did not help either, 4 MB did).
 */
const ALLOCATOR_FLUSH_THRESHOLD = '4MB';

export interface GatewayOptions {
  /** how often a request may look at the file for a swap (default 1000 ms) */
  checkIntervalMs?: number;
  /** DuckDB's memory limit for this server's instances (default KABA_SERVER_MEMORY_LIMIT, or 512MB) */
  memoryLimit?: string;
  log?: (message: string) => void;
}

/** The reference-counted, swap-aware holder of the open warehouse. One per server process. */
export class WarehouseGateway {
  private current: Generation | null = null;
  private readonly retired = new Set<Generation>();
  private lastCheck = 0;
  private checking: Promise<Generation | null> | null = null;
  private readonly checkIntervalMs: number;
  private readonly memoryLimit: string;
  private readonly log: (message: string) => void;
  private generations = 0;
  private closed = false;
  private failedFile: FileIdentity | null = null;
  private lastWarning: string | null = null;

  constructor(
    readonly path: string,
    options: GatewayOptions = {},
  ) {
    this.checkIntervalMs = options.checkIntervalMs ?? 1000;
    this.memoryLimit = options.memoryLimit ?? env.serverMemoryLimit;
    this.log = options.log ?? ((m) => console.error(`[kaba] ${m}`));
  }

  /**
   * Runs fn on the current warehouse file; the instance stays open until fn settles, whatever happens
   * meanwhile. fn may keep results with the file (file.cached).
   */
  async with<T>(fn: (wh: Warehouse, file: WarehouseFile) => Promise<T>): Promise<T> {
    const generation = await this.acquire();
    try {
      return await fn(generation.wh, generation);
    } finally {
      this.release(generation);
    }
  }

  /** Last load, latest bill period, months…: read once per file. */
  freshness(): Promise<Freshness> {
    return this.with((wh, file) => file.cached('freshness', () => readFreshness(wh, this.path)));
  }

  /**
   * compute() once per key for the file of that generation while it is open (its cache, see
   * WarehouseFile.cached); for a file already closed, computed and not kept. Synchronous: for what is
   * computed while a page renders, from figures a loader read from that file.
   */
  memo<T>(generation: number, key: string, compute: () => T): T {
    const open = this.current?.generation === generation ? this.current : [...this.retired].find((g) => g.generation === generation);
    return open && !this.closed ? open.memo(key, compute) : compute();
  }

  /** Looks at the file now (not waiting for the interval) and moves to a new one if it was swapped. */
  async refresh(): Promise<void> {
    await this.checking?.catch(() => undefined); // a check already running may have looked too early
    await this.startCheck();
  }

  /** Instances open right now (the current one plus retired ones still finishing queries): for tests. */
  get openInstances(): number {
    return (this.current ? 1 : 0) + this.retired.size;
  }

  /** Closes the current instance (and retired ones once idle). */
  close(): void {
    this.closed = true;
    if (this.current) this.retire(this.current);
    this.current = null;
  }

  private async acquire(): Promise<Generation> {
    if (this.closed) throw new Error('the warehouse gateway is closed');
    let generation = this.current;
    if (Date.now() - this.lastCheck >= this.checkIntervalMs || generation === null) {
      const checking = this.startCheck();
      // Requests keep running on the open file while a new one is being opened; only the very first
      // requests, with nothing open yet, wait.
      if (generation === null) generation = await checking;
    }
    if (generation?.retired) generation = this.current;
    if (generation === null) throw new WarehouseUnavailableError('missing', this.path);
    generation.refs++;
    return generation;
  }

  /** One check at a time; its result is awaited by whoever needs it, and never left unhandled. */
  private startCheck(): Promise<Generation | null> {
    if (!this.checking) {
      const checking = this.check().finally(() => {
        if (this.checking === checking) this.checking = null;
      });
      checking.catch(() => undefined);
      this.checking = checking;
    }
    return this.checking;
  }

  private release(generation: Generation): void {
    generation.refs--;
    if (generation.retired && generation.refs === 0) this.closeGeneration(generation);
  }

  private async check(): Promise<Generation | null> {
    this.lastCheck = Date.now();
    const s = await stat(this.path).catch(() => null);
    const current = this.current;
    if (s === null) {
      if (current) this.warnOnce('gone', `warehouse ${this.path} is gone; still serving the file opened ${new Date(current.openedAt).toISOString()}`);
      return current;
    }
    // Identity taken before opening: if the file is swapped again meanwhile, the next check reopens.
    const file: FileIdentity = { dev: s.dev, ino: s.ino, size: s.size, mtimeMs: s.mtimeMs };
    if (current && sameFile(current.file, file)) return current;
    // A file that failed to open is not retried every second; a changed file is.
    if (current && this.failedFile && sameFile(this.failedFile, file)) return current;
    let wh: Warehouse;
    try {
      wh = await this.open();
    } catch (error) {
      if (!current) throw new WarehouseUnavailableError('unreadable', this.path, error);
      this.failedFile = file;
      this.warnOnce('unreadable', `cannot open the new warehouse file (${(error as Error).message}); still serving the previous one`);
      return current;
    }
    if (this.closed) {
      wh.close();
      return null;
    }
    this.failedFile = null;
    this.lastWarning = null;
    const next = new Generation(++this.generations, wh, file);
    this.current = next;
    if (current) {
      this.retire(current);
      this.log(`warehouse ${this.path} was replaced: new requests read the new file`);
    }
    return next;
  }

  /** The file read-only, with this server's memory settings. */
  private async open(): Promise<Warehouse> {
    // SET takes no bound parameters: the limit goes into the SQL text only once it is a plain size.
    if (!SIZE.test(this.memoryLimit)) throw new Error(`memory limit ${JSON.stringify(this.memoryLimit)} is not a size like 256MB`);
    const wh = await Warehouse.open(this.path, { readOnly: true });
    try {
      await wh.run(`SET memory_limit = '${this.memoryLimit}'`);
      await wh.run(`SET allocator_bulk_deallocation_flush_threshold = '${ALLOCATOR_FLUSH_THRESHOLD}'`);
      return wh;
    } catch (error) {
      wh.close();
      throw error;
    }
  }

  private warnOnce(kind: string, message: string): void {
    if (this.lastWarning === kind) return;
    this.lastWarning = kind;
    this.log(message);
  }

  private retire(generation: Generation): void {
    generation.retired = true;
    if (generation.refs === 0) this.closeGeneration(generation);
    else this.retired.add(generation);
  }

  private closeGeneration(generation: Generation): void {
    this.retired.delete(generation);
    try {
      generation.wh.close();
    } catch (error) {
      this.log(`closing an old warehouse instance failed: ${(error as Error).message}`);
    }
  }
}

async function readFreshness(wh: Warehouse, path: string): Promise<Freshness> {
  const tables = new Set(
    (await wh.query<{ name: string }>(`SELECT table_name AS name FROM duckdb_tables() WHERE schema_name = 'main'`)).map((r) => r.name),
  );
  const has = (name: string) => tables.has(name);
  if (!has('load_files')) throw new WarehouseUnavailableError('unreadable', path);
  const meta = await wh.one<{ last_load_at: string | null; files: number; latest_bill_period: string | null; latest_payment_date: string | null; derived_at: string | null }>(
    `SELECT (SELECT strftime(max(loaded_at), '%Y-%m-%d %H:%M:%S') FROM load_files) AS last_load_at,
            (SELECT count(*) FROM load_files)::BIGINT AS files,
            ${has('bills') ? '(SELECT max(period) FROM bills)' : 'NULL::VARCHAR'} AS latest_bill_period,
            ${has('payments') ? `(SELECT strftime(max(paid_on), '%Y-%m-%d') FROM payments)` : 'NULL::VARCHAR'} AS latest_payment_date,
            ${has('warehouse_meta') ? `(SELECT max(value) FROM warehouse_meta WHERE key = 'derived_at')` : 'NULL::VARCHAR'} AS derived_at`,
  );
  const months = has('arrears_movement') ? await warehouseMonths(wh) : [];
  const complete = meta.latest_payment_date === null ? months : months.filter((m) => m.month_end <= meta.latest_payment_date!);
  return {
    path,
    lastLoadAt: meta.last_load_at,
    filesLoaded: meta.files,
    latestBillPeriod: meta.latest_bill_period,
    latestPaymentDate: meta.latest_payment_date,
    derivedAt: meta.derived_at,
    months: months.map((m) => m.month),
    lastCompleteMonth: complete.at(-1)?.month ?? months.at(-1)?.month ?? null,
  };
}

// One gateway per server process; kept on globalThis so a development rebuild does not open another.
const globalStore = globalThis as typeof globalThis & { __kabaWarehouse?: WarehouseGateway };

export function warehouseGateway(): WarehouseGateway {
  return (globalStore.__kabaWarehouse ??= new WarehouseGateway(env.warehouse));
}

/** A thrown WarehouseUnavailableError as the 503 Response pages and API clients understand. */
function unavailableResponse(error: WarehouseUnavailableError): Response {
  return json(
    { error: `warehouse_${error.reason}`, message: error.message, path: error.path },
    { status: 503, headers: apiHeaders({ 'Retry-After': '60' }) },
  );
}

async function translated<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof WarehouseUnavailableError) {
      if (error.reason === 'unreadable') console.error(`[kaba] ${error.message}:`, error.cause ?? '');
      throw unavailableResponse(error);
    }
    throw error;
  }
}

/**
 * Runs fn with the warehouse (read-only) and its file's cache. Throws a 503 Response `{ error:
 * 'warehouse_missing' | 'warehouse_unreadable', message, path }` when there is none: loaders and API
 * routes just let it propagate (the layout's error boundary turns it into the "how to load data" page).
 */
export function withWarehouse<T>(fn: (wh: Warehouse, file: WarehouseFile) => Promise<T>): Promise<T> {
  return translated(() => warehouseGateway().with(fn));
}

/**
 * A scoped query's result, once per open file and request shape: what the scope lets it return (personal
 * data, teams) is part of the key, so one user's rows never answer another's. For results of a page's
 * size: whole lists (exports) are not kept.
 */
export function withScopedCache<T>(what: string, args: unknown, scope: Scope, compute: (wh: Warehouse, file: WarehouseFile) => Promise<T>): Promise<T> {
  return withWarehouse((wh, file) => file.cached(`${what}:${JSON.stringify([args, scope.personalData, scope.teams])}`, () => compute(wh, file)));
}

/** compute() once per key for the warehouse file of that generation while it is open (WarehouseGateway.memo). */
export function cachedForFile<T>(generation: number, key: string, compute: () => T): T {
  return warehouseGateway().memo(generation, key, compute);
}

/** Last load, latest bill period, derived_at, months and the default as-of month (cached per file). */
export function warehouseFreshness(): Promise<Freshness> {
  return translated(() => warehouseGateway().freshness());
}

/** The as-of month of a request: `?bulan=` when the warehouse has it, else the last complete month. */
export async function asOfMonth(request: Request, param: string = AS_OF_PARAM): Promise<string | null> {
  const freshness = await warehouseFreshness();
  return pickAsOfMonth(new URL(request.url).searchParams.get(param), freshness.months, freshness.lastCompleteMonth);
}
