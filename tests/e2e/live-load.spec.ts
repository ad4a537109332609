/**
 * Loading data while the dashboard runs (issue 3 §1), on a server of its own: it starts with no
 * warehouse (pages say how to load data), picks one up without a restart, and keeps answering every
 * request while the real ETL loads more files and swaps the warehouse; the new figures then appear.
 */
import { expect, test } from '@playwright/test';
import { copyFileSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Warehouse } from '../../etl/warehouse/duckdb';
import { FIXTURE } from './support/paths';
import { isolatedServer, type IsolatedServer } from './support/isolated';
import { runScript, runScriptAsync } from './support/server';
import { signIn } from './support/session';

let server: IsolatedServer;
test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  server = await isolatedServer('live-load', 3114, { withWarehouse: false });
});
test.afterAll(async () => server?.stop());
test.use({ baseURL: 'http://localhost:3114' });

test('without a warehouse, pages say how to load data and the API answers 503', async ({ page }) => {
  await signIn(page, 'director');
  await expect(page.getByRole('heading', { name: 'Belum ada data' })).toBeVisible();
  await expect(page.getByText('npm run etl -- /path/to/exports')).toBeVisible();
  await expect(page.getByTestId('last-load')).toHaveText('belum ada');
  const data = await page.goto('/data');
  expect(data?.status()).toBe(503);
  await expect(page.getByRole('heading', { name: 'Belum ada data' })).toBeVisible();
  await expect(page.getByTestId('user-name')).toHaveText('direktur');
  for (const url of ['/api/v1/loads', '/api/v1/overview?as_of=2025-06']) {
    const res = await page.request.get(url);
    expect(res.status(), url).toBe(503);
    expect((await res.json()).error, url).toBe('warehouse_missing');
  }
});

test('a warehouse that appears is used without a restart', async ({ page }) => {
  copyFileSync(FIXTURE.warehouse, `${server.warehouse}.next`);
  renameSync(`${server.warehouse}.next`, server.warehouse);
  await signIn(page, 'director', '/data');
  await expect(page.getByRole('heading', { name: 'Riwayat muat' })).toBeVisible();
  await expect(page.getByTestId('latest-bill-period')).toHaveText('Juni 2025');
});

test('loading more data while serving: no request fails, and the new figures appear', async ({ page }) => {
  test.setTimeout(90_000);
  const token = runScript('app/cli/user.ts', ['token', 'direktur'], { KABA_USERS: server.users }).trim();
  const auth = { Authorization: `Bearer ${token}` };

  // An overdue bill at the end of June 2025, to be paid in full on 25 June by an extra file.
  const wh = await Warehouse.open(server.warehouse, { readOnly: true });
  const bill = await wh
    .one<{ customer_id: string; period: string; outstanding: number }>(
      `SELECT customer_id, period, outstanding FROM bill_balances
        WHERE due_on < DATE '2025-06-01' AND outstanding > 0 ORDER BY outstanding DESC, bill_id LIMIT 1`,
    )
    .finally(() => wh.close());
  const more = join(server.dir, 'more');
  mkdirSync(more, { recursive: true });
  writeFileSync(
    join(more, 'payments-e2e-extra.csv'),
    `payment_ref,channel_code,customer_id,period,paid_at,amount,penalty,admin_fee\nE2E-EXTRA-0001,LOKET,${bill.customer_id},${bill.period},2025-06-25T10:00:00,${bill.outstanding},0,0\n`,
  );

  const overview = async () => {
    const res = await fetch(`${server.baseURL}/api/v1/overview?as_of=2025-06`, { headers: auth });
    if (res.status !== 200) throw new Error(`overview answered ${res.status}: ${await res.text()}`);
    return (await res.json()) as { total_arrears: number };
  };
  const before = (await overview()).total_arrears;

  // Four clients asking for the overview and the load history without pause, all through the load.
  const failures: string[] = [];
  let requests = 0;
  let stop = false;
  const client = async () => {
    while (!stop) {
      for (const url of ['/api/v1/overview?as_of=2025-06', '/api/v1/loads?limit=5', '/data']) {
        try {
          const res = await fetch(`${server.baseURL}${url}`, { headers: url === '/data' ? { Cookie: await cookie } : auth, redirect: 'manual' });
          await res.arrayBuffer();
          if (res.status !== 200) failures.push(`${url}: ${res.status}`);
        } catch (error) {
          failures.push(`${url}: ${(error as Error).message}`);
        }
        requests++;
      }
    }
  };
  await signIn(page, 'director');
  const cookie = page.context().cookies().then((cs) => cs.map((c) => `${c.name}=${c.value}`).join('; '));
  const clients = Array.from({ length: 4 }, client);

  await runScriptAsync('etl/cli.ts', [more], { KABA_WAREHOUSE: server.warehouse }, [0, 2]);
  await expect.poll(async () => (await overview()).total_arrears, { timeout: 10_000 }).toBe(before - bill.outstanding);
  await new Promise((r) => setTimeout(r, 500));
  stop = true;
  await Promise.all(clients);
  expect(failures).toEqual([]);
  expect(requests).toBeGreaterThan(20);

  await page.goto('/data');
  await expect(page.getByRole('region', { name: 'Riwayat muat' }).getByText('payments-e2e-extra.csv')).toBeVisible();
});
