/**
 * Kanal Pembayaran for a manager: comparing two channels over a period (the table's totals are
 * `npm run report -- channels` for the same months), switching the adoption charts between count and
 * value, and the reconciliation's exception list exported as CSV and read back.
 */
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { FIXTURE } from './support/paths';
import { runScript } from './support/server';
import { signIn } from './support/session';

interface ReportChannel {
  channel_code: string;
  payments: number;
  amount: number;
  fee_cost: number;
  cost_per_million: number | null;
}

function channelsReport(from: string, to: string): { total_payments: number; total_amount: number; by_channel: ReportChannel[] } {
  return JSON.parse(runScript('etl/report/cli.ts', ['channels', '--from', from, '--to', to, '--format', 'json'], { KABA_WAREHOUSE: FIXTURE.warehouse }));
}

test.describe.configure({ timeout: 120_000 });

const digits = (text: string) => Number(text.replace(/[^\d]/g, ''));

test('a manager compares two channels over a period: the figures are the report’s', async ({ page }) => {
  const report = channelsReport('2025-01', '2025-06');
  const [first, second] = [...report.by_channel].sort((a, b) => b.amount - a.amount);
  await signIn(page, 'manager', '/channels/compare?from=2025-01&to=2025-06');
  const table = page.getByTestId('channels-compare');
  const columns = await table.locator('thead th').evaluateAll((ths) => ths.map((th) => th.getAttribute('data-column')));
  const cell = (row: ReturnType<typeof table.locator>, key: string) => row.locator(':scope > th, :scope > td').nth(columns.indexOf(key));
  for (const ch of [first, second]) {
    const row = table.locator(`tr[data-channel="${ch.channel_code}"]`);
    await expect(row).toBeVisible();
    expect(digits(await cell(row, 'payments').innerText())).toBe(ch.payments);
    expect(digits(await cell(row, 'amount').innerText())).toBe(ch.amount);
    expect(digits(await cell(row, 'fee_cost').innerText())).toBe(ch.fee_cost);
    await expect(row.locator('svg.ch-spark')).toHaveCount(1);
  }
  // the API's rows add up to the report's totals
  const api = await (await page.request.get('/api/v1/channels?from=2025-01&to=2025-06')).json();
  expect(api.rows.reduce((s: number, r: ReportChannel) => s + r.payments, 0)).toBe(report.total_payments);
  expect(api.rows.reduce((s: number, r: ReportChannel) => s + r.amount, 0)).toBe(report.total_amount);
  expect((await page.request.get('/api/v1/channels?from=2025-13')).status()).toBe(400);
  // sorting by cost per million: the dearest channel comes first
  await table.locator('th[data-column="cost_per_million"] a').click();
  await expect(page).toHaveURL(/ch-sort=-cost_per_million/);
  await expect(table.locator('th[data-column="cost_per_million"]')).toHaveAttribute('aria-sort', 'descending');
  const dearest = Math.max(...report.by_channel.map((c) => c.cost_per_million ?? 0));
  expect(digits(await cell(table.locator('tbody tr').first(), 'cost_per_million').innerText())).toBe(dearest);
});

test('the adoption charts switch between count and value, in the URL', async ({ page }) => {
  await signIn(page, 'manager', '/channels?from=2024-01&to=2025-06');
  await expect(page.getByRole('heading', { name: 'Adopsi online', level: 1 })).toBeVisible();
  const measure = page.getByRole('group', { name: 'Ukuran' });
  await expect(measure.getByRole('link', { name: 'Jumlah transaksi' })).toHaveAttribute('aria-current', 'true');
  await measure.getByRole('link', { name: 'Nilai' }).click();
  await expect(page).toHaveURL(/measure=value/);
  await expect(page.getByRole('group', { name: 'Ukuran' }).getByRole('link', { name: 'Nilai' })).toHaveAttribute('aria-current', 'true');
  await page.getByRole('group', { name: 'Skala' }).getByRole('link', { name: 'Porsi' }).click();
  await expect(page).toHaveURL(/scale=share/);
  await expect(page.locator('figure[data-chart="by-channel"]')).toBeVisible();
});

test('the reconciliation list of a month is exported as CSV and holds the page’s exceptions', async ({ page }) => {
  await signIn(page, 'director', '/channels/reconciliation?month=2025-06');
  const months = ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06'];
  const answers = await Promise.all(months.map(async (m) => (await page.request.get(`/api/v1/reconciliation?month=${m}`)).json()));
  const best = answers.sort((a, b) => b.exceptions.length - a.exceptions.length)[0];
  expect(best.exceptions.length).toBeGreaterThan(0);
  for (const r of best.rows) expect(r.applied + r.credit + r.duplicate + r.unmatched).toBe(r.received);
  await page.goto(`/channels/reconciliation?month=${best.month}`);
  const list = page.getByTestId('reconciliation-exceptions');
  await expect(list.locator('tbody tr').first()).toBeVisible();
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('group', { name: 'Unduh Pengecualian' }).getByRole('link', { name: 'CSV', exact: true }).click()]);
  const text = readFileSync((await file.path())!, 'utf8').replace(/^\uFEFF/, '');
  const lines = text.trim().split(/\r?\n/);
  expect(lines[0]).toContain('Referensi');
  expect(lines.length - 1).toBe(best.exceptions.length);
  for (const e of best.exceptions.slice(0, 5)) expect(text).toContain(e.payment_ref);

  // the bank file refused for its trailer is listed with its reason, on the page and in the API
  expect(best.refused_files.length).toBeGreaterThan(0);
  const refused = page.getByTestId('refused-files');
  await expect(refused.locator('tbody tr')).toHaveCount(best.refused_files.length);
  await expect(refused).toContainText(best.refused_files[0].file_name);
  await expect(refused).toContainText('trailer');
});
