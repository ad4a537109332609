/**
 * The Data page on a server of its own (it changes settings): the load history, rejected rows a page
 * at a time, and the arrears reduction target only admins may set.
 */
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { isolatedServer, type IsolatedServer } from './support/isolated';
import { signIn } from './support/session';

let server: IsolatedServer;
test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  server = await isolatedServer('data-page', 3113);
});
test.afterAll(async () => server?.stop());
test.use({ baseURL: 'http://localhost:3113' });

test('the load history and the rejected rows, fifty at a time', async ({ page }) => {
  await signIn(page, 'director', '/data');
  const history = page.getByRole('region', { name: 'Riwayat muat' });
  await expect(history.getByRole('row').filter({ hasText: 'customers.csv' })).toHaveCount(1);
  await expect(history.getByText(/^\d+ berkas dimuat$/)).toBeVisible();
  const rejects = page.getByRole('region', { name: 'Baris yang ditolak' });
  const count = Number(((await page.getByTestId('rejects-count').textContent()) ?? '').replace(/\D/g, ''));
  expect(count).toBeGreaterThan(50);
  await expect(rejects.getByRole('table').getByRole('row')).toHaveCount(51);
  await expect(rejects.getByText(`Baris 1–50 dari ${count}`)).toBeVisible();
  await rejects.getByRole('link', { name: 'Berikutnya' }).click();
  await expect(page).toHaveURL(/rejects-page=2/);
  await expect(rejects.getByText(new RegExp(`^Baris 51–${Math.min(100, count)} dari ${count}$`))).toBeVisible();
  await rejects.getByRole('combobox', { name: 'Berkas' }).selectOption('customers.csv');
  await rejects.getByRole('button', { name: 'Tampilkan' }).click();
  await expect(page).toHaveURL(/file=customers\.csv/);
  await expect(rejects.getByRole('table').getByRole('row').filter({ hasText: 'customers.csv' }).first()).toBeVisible();
  await expect(rejects.getByRole('table').getByRole('row').filter({ hasNotText: 'customers.csv' })).toHaveCount(1); // the header
  // directors may read but not set the target
  await expect(page.getByRole('button', { name: 'Simpan target' })).toHaveCount(0);
});

test('an admin sets the arrears reduction target; it is stored in settings.json', async ({ page }) => {
  await signIn(page, 'admin', '/data');
  const target = page.getByRole('region', { name: 'Target penurunan tunggakan' });
  await expect(page.getByTestId('arrears-target')).toHaveText('Belum ada target.');
  await target.getByLabel('Penurunan (%)').fill('150');
  await target.getByLabel('Dibandingkan dengan bulan').fill('2025-06');
  await target.getByLabel('Paling lambat tanggal').fill('2026-12-31');
  await target.getByRole('button', { name: 'Simpan target' }).click();
  await expect(target.getByRole('alert')).toHaveText('Penurunan harus antara 0,1 dan 100 persen.');
  await target.getByLabel('Penurunan (%)').fill('25');
  await target.getByRole('button', { name: 'Simpan target' }).click();
  await expect(target.getByRole('status')).toHaveText('Target disimpan.');
  await expect(page.getByTestId('arrears-target')).toContainText('Turun 25% dari Juni 2025 paling lambat 31 Desember 2026');
  await expect(page.getByTestId('arrears-target')).toContainText('ditetapkan oleh admin');
  const stored = JSON.parse(readFileSync(server.settings, 'utf8'));
  expect(stored.arrears_target).toMatchObject({ percent: 25, base_month: '2025-06', by_date: '2026-12-31', set_by: 'admin' });
});

test('only admins may post the target', async ({ page }) => {
  await signIn(page, 'director', '/data');
  const csrf = await page.locator('input[name=csrf]').first().inputValue();
  const res = await page.request.post('/data', { form: { csrf, percent: '10', base_month: '2025-06', by_date: '2026-06-30' }, maxRedirects: 0 });
  expect(res.status()).toBe(403);
  expect(JSON.parse(readFileSync(server.settings, 'utf8')).arrears_target.percent).toBe(25);
});
