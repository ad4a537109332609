/**
 * The server's warehouse gateway against real DuckDB files: read-only access, the freshness figures,
 * and the swap the ETL makes (etl/warehouse/swap.ts) while queries are running.
 */
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WarehouseGateway, WarehouseUnavailableError } from '../../../app/lib/warehouse.server';
import type { Warehouse } from '../../../etl/warehouse/duckdb';
import { openWarehouseForLoad } from '../../../etl/warehouse/open';
import { withWarehouseCopy } from '../../../etl/warehouse/swap';

let dir: string;
let path: string;
let gateway: WarehouseGateway | null = null;
const logs: string[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kaba-gateway-'));
  path = join(dir, 'warehouse.duckdb');
  logs.length = 0;
});
afterEach(() => {
  gateway?.close();
  gateway = null;
  rmSync(dir, { recursive: true, force: true });
});

async function addLoad(wh: Warehouse, name: string, loadedAt: string): Promise<void> {
  await wh.run(
    `INSERT INTO load_files VALUES ((SELECT coalesce(max(file_id), 0) + 1 FROM load_files), $name, $name, 'payments', 'canonical', 'x', $at::TIMESTAMP, 1, 1, 0, 0, 100, 0.1)`,
    { name, at: loadedAt },
  );
}

/** A small warehouse: one load, bills to 2025-06, payments to 2025-06-15, movement for three months. */
async function createWarehouse(): Promise<void> {
  const wh = await openWarehouseForLoad(path);
  try {
    await addLoad(wh, 'bills.csv', '2025-07-02 08:00:00');
    await wh.run(`INSERT INTO bills VALUES (1, 'C1', '2025-06', '2025-07-01', '2025-07-20', 10, 1000, 0, 0, 1000, 1, 2)`);
    await wh.run(`INSERT INTO payments VALUES (1, 'R1', 'LOKET', 'C1', '2025-05', '2025-06-15 10:00:00', '2025-06-15', 1000, 0, 0, 'completed', 1, 2)`);
    await wh.run(`CREATE TABLE arrears_movement AS SELECT * FROM (VALUES
      ('2025-04', DATE '2025-04-30', 0::BIGINT, 0::BIGINT, 0::BIGINT, 0::BIGINT, 0::BIGINT),
      ('2025-05', DATE '2025-05-31', 0, 0, 0, 0, 0),
      ('2025-06', DATE '2025-06-30', 0, 0, 0, 0, 0)) t(month, month_end, opening, newly_overdue, recovered, written_off, closing)`);
    await wh.run(`INSERT INTO warehouse_meta VALUES ('derived_at', '2025-07-02 08:01:00')`);
    await wh.run('CHECKPOINT');
  } finally {
    wh.close();
  }
}

const loads = (wh: Warehouse) => wh.query<{ file_name: string }>(`SELECT file_name FROM load_files ORDER BY file_id`).then((r) => r.map((x) => x.file_name));

/** The ETL's own copy-and-swap, adding one more loaded file. */
function loadMore(name: string): Promise<void> {
  return withWarehouseCopy(path, async (wh) => {
    await addLoad(wh, name, '2025-08-01 09:30:00');
    return { result: undefined, changed: true };
  });
}

describe('WarehouseGateway', () => {
  it('reads the warehouse read-only', async () => {
    await createWarehouse();
    gateway = new WarehouseGateway(path, { log: (m) => logs.push(m) });
    expect(await gateway.with(loads)).toEqual(['bills.csv']);
    await expect(gateway.with((wh) => wh.run(`DELETE FROM load_files`))).rejects.toThrow(/read-only/i);
  });

  it('reports freshness: last load, latest bill period, derived_at, and the last complete month', async () => {
    await createWarehouse();
    gateway = new WarehouseGateway(path);
    expect(await gateway.freshness()).toEqual({
      path,
      lastLoadAt: '2025-07-02 08:00:00',
      filesLoaded: 1,
      latestBillPeriod: '2025-06',
      latestPaymentDate: '2025-06-15',
      derivedAt: '2025-07-02 08:01:00',
      months: ['2025-04', '2025-05', '2025-06'],
      // June's payments are only in up to the 15th: May is the last complete month
      lastCompleteMonth: '2025-05',
    });
  });

  it('moves to the swapped file; queries running on the old one finish on it, then it is closed', async () => {
    await createWarehouse();
    gateway = new WarehouseGateway(path, { checkIntervalMs: 0, log: (m) => logs.push(m) });
    const before = await gateway.freshness();

    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const slow = gateway.with(async (wh) => {
      started();
      await held;
      return loads(wh); // still the old file, after the swap
    });
    await running;

    await loadMore('payments-2025-07.csv');
    await gateway.refresh();
    expect(await gateway.with(loads)).toEqual(['bills.csv', 'payments-2025-07.csv']);
    expect(gateway.openInstances).toBe(2);
    expect((await gateway.freshness()).lastLoadAt).toBe('2025-08-01 09:30:00');
    expect(before.lastLoadAt).toBe('2025-07-02 08:00:00');

    release();
    expect(await slow).toEqual(['bills.csv']);
    expect(gateway.openInstances).toBe(1);
    expect(logs.some((m) => m.includes('replaced'))).toBe(true);
  });

  it('serves every request while loads swap the file underneath', async () => {
    await createWarehouse();
    gateway = new WarehouseGateway(path, { checkIntervalMs: 0, log: () => {} });
    const g = gateway;
    let stop = false;
    const seen = new Set<number>();
    let requests = 0;
    const client = async () => {
      while (!stop) {
        const n = (await g.with(loads)).length;
        seen.add(n);
        requests++;
      }
    };
    const clients = Array.from({ length: 8 }, client);
    for (let i = 1; i <= 3; i++) {
      await loadMore(`more-${i}.csv`);
      await new Promise((r) => setTimeout(r, 30));
    }
    await g.refresh();
    await new Promise((r) => setTimeout(r, 30));
    stop = true;
    await Promise.all(clients); // any failed request rejects here
    expect(requests).toBeGreaterThan(20);
    expect(Math.max(...seen)).toBe(4);
    expect(g.openInstances).toBe(1);
  });

  it('says how to load data when there is no warehouse, and picks it up once there is one', async () => {
    gateway = new WarehouseGateway(path, { checkIntervalMs: 0 });
    const error = await gateway.with(loads).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WarehouseUnavailableError);
    expect((error as WarehouseUnavailableError).reason).toBe('missing');
    expect((error as Error).message).toContain('npm run etl');
    await createWarehouse();
    expect(await gateway.with(loads)).toEqual(['bills.csv']);
  });

  it('calls a file that is not a warehouse unreadable', async () => {
    writeFileSync(path, 'this is not a DuckDB file');
    gateway = new WarehouseGateway(path, { checkIntervalMs: 0 });
    const error = await gateway.with(loads).catch((e: unknown) => e);
    expect((error as WarehouseUnavailableError).reason).toBe('unreadable');
  });

  it('keeps serving the open file if the path disappears or is replaced by something unreadable', async () => {
    await createWarehouse();
    gateway = new WarehouseGateway(path, { checkIntervalMs: 0, log: (m) => logs.push(m) });
    expect(await gateway.with(loads)).toEqual(['bills.csv']);
    renameSync(path, `${path}.moved`);
    await gateway.refresh();
    expect(await gateway.with(loads)).toEqual(['bills.csv']);
    writeFileSync(path, 'garbage');
    await gateway.refresh();
    expect(await gateway.with(loads)).toEqual(['bills.csv']);
    expect(logs.join('\n')).toMatch(/gone[\s\S]*cannot open the new warehouse/);
  });

  it('keeps what is computed from a file with that file, and starts afresh on the file a load swaps in', async () => {
    await createWarehouse();
    gateway = new WarehouseGateway(path, { checkIntervalMs: 0, log: () => {} });
    const g = gateway;
    let computed = 0;
    const loadsOnce = () =>
      g.with((wh, file) =>
        file.cached('loads', async () => {
          computed++;
          return { generation: file.generation, loads: await loads(wh) };
        }),
      );
    const [a, b] = await Promise.all([loadsOnce(), loadsOnce()]);
    expect(await loadsOnce()).toBe(a);
    expect(b).toBe(a);
    expect(computed).toBe(1);
    expect(a).toEqual({ generation: 1, loads: ['bills.csv'] });

    // a failure is not kept
    let failures = 0;
    const failing = () => g.with((_, file) => file.cached('failing', () => Promise.reject(new Error(`failure ${++failures}`))));
    await expect(failing()).rejects.toThrow('failure 1');
    await expect(failing()).rejects.toThrow('failure 2');

    await loadMore('payments-2025-07.csv');
    await g.refresh();
    expect(await loadsOnce()).toEqual({ generation: 2, loads: ['bills.csv', 'payments-2025-07.csv'] });
    expect(computed).toBe(2);
    expect((await g.freshness()).lastLoadAt).toBe('2025-08-01 09:30:00');
  });

  it('memo: keeps a value with the file of its generation while that file is open', async () => {
    await createWarehouse();
    gateway = new WarehouseGateway(path, { checkIntervalMs: 0, log: () => {} });
    const g = gateway;
    expect(await g.with(async (_, file) => file.generation)).toBe(1);
    let renders = 0;
    const svg = (generation: number) => g.memo(generation, 'svg:trend', () => `<svg>${generation}:${++renders}</svg>`);
    expect(svg(1)).toBe('<svg>1:1</svg>');
    expect(svg(1)).toBe('<svg>1:1</svg>');

    // a request still running on the old file keeps it open, and its cache with it
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const slow = g.with(async () => {
      started();
      await held;
    });
    await running;
    await loadMore('payments-2025-07.csv');
    await g.refresh();
    expect(await g.with(async (_, file) => file.generation)).toBe(2);
    expect(svg(1)).toBe('<svg>1:1</svg>');
    expect(svg(2)).toBe('<svg>2:2</svg>');
    expect(svg(2)).toBe('<svg>2:2</svg>');
    release();
    await slow;
    // the old file is closed: its values are computed but no longer kept
    expect(g.openInstances).toBe(1);
    expect(svg(1)).toBe('<svg>1:3</svg>');
    expect(svg(1)).toBe('<svg>1:4</svg>');
  });

  it("opens the file with the server's DuckDB memory limit", async () => {
    await createWarehouse();
    const limit = (g: WarehouseGateway) => g.with((wh) => wh.one<{ limit: string }>(`SELECT current_setting('memory_limit') AS limit`)).then((r) => r.limit);
    gateway = new WarehouseGateway(path, { checkIntervalMs: 0 });
    expect(await limit(gateway)).toBe('488.2 MiB'); // the default 512MB (10^6 bytes each)
    // and freed memory goes back to the system
    const flush = await gateway.with((wh) => wh.one<{ v: string }>(`SELECT current_setting('allocator_bulk_deallocation_flush_threshold') AS v`));
    expect(flush.v).toBe('3.8 MiB');
    gateway.close();
    gateway = new WarehouseGateway(path, { checkIntervalMs: 0, memoryLimit: '64MB' });
    expect(await limit(gateway)).toBe('61.0 MiB');
    gateway.close();
    gateway = new WarehouseGateway(path, { checkIntervalMs: 0, memoryLimit: "1GB'; SET threads = 1; --" });
    const error = await limit(gateway).catch((e: unknown) => e);
    expect((error as WarehouseUnavailableError).reason).toBe('unreadable');
    expect(String((error as Error).cause)).toMatch(/not a size like 256MB/);
  });
});
