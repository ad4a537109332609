import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Warehouse } from '../../etl/warehouse/duckdb';
import { nextPath } from '../../etl/warehouse/swap';
import { BASE_FILES, bills, fixture, payments, type Fixture } from '../support/fixture';

let fx: Fixture;

function etl(paths: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'etl/cli.ts', ...paths], {
    env: { ...process.env, KABA_WAREHOUSE: fx.warehousePath, ...env },
    encoding: 'utf8',
  });
}

async function counts(path: string) {
  const wh = await Warehouse.open(path, { readOnly: true });
  try {
    return await wh.one<{ files: number; bills: number; payments: number }>(
      `SELECT (SELECT count(*) FROM load_files) AS files, (SELECT count(*) FROM bills) AS bills,
              (SELECT count(*) FROM payments) AS payments`,
    );
  } finally {
    wh.close();
  }
}

beforeAll(() => {
  fx = fixture();
});
afterAll(() => fx.cleanup());

describe('a load killed half way', () => {
  it('leaves the warehouse exactly as it was, and loads cleanly when run again', async () => {
    const base = Object.entries(BASE_FILES).map(([name, lines]) => fx.file(name, lines));
    expect(etl(base).status).toBe(0);
    const before = await counts(fx.warehousePath);

    const rows = Array.from({ length: 5000 }, (_, i) =>
      `0100000001,${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')},2000-02-02,2000-02-20,10,18000,23000,0,41000`,
    );
    const billsFile = fx.file('bills.csv', bills(rows.slice(0, 300)));
    const paymentsFile = fx.file('payments.csv', payments(['P1,LOKET,0100000001,,2001-01-05T10:00:00,41000,0,0']));

    const killed = etl([billsFile, paymentsFile], { KABA_TEST_KILL_BEFORE_COMMIT: 'payments.csv' });
    expect(killed.signal).toBe('SIGKILL');
    expect(await counts(fx.warehousePath)).toEqual(before);

    // Inside the abandoned copy, the file committed before the kill is there and the killed one is not:
    // each file is its own transaction.
    const abandoned = await counts(nextPath(fx.warehousePath));
    expect(abandoned).toEqual({ files: before.files + 1, bills: 300, payments: 0 });

    const rerun = etl([billsFile, paymentsFile]);
    expect(rerun.status).toBe(0);
    expect(await counts(fx.warehousePath)).toEqual({ files: before.files + 2, bills: 300, payments: 1 });
  });
});
