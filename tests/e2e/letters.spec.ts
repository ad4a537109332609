/**
 * Letters, sealing candidates and the customer ledger in Chromium (issue 8 §5): a supervisor issues
 * and prints the letters to the kepala desa / lurah of every desa of a kecamatan, and Chromium's PDF
 * of the print view has one A4 page per letter; the same selection again the same day is refused;
 * the letters show in a listed customer's ledger; a manager gets no ledger (403), page or API.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { isolatedServer, type IsolatedServer } from './support/isolated';
import { pdfPages } from './support/pdf';
import { signIn } from './support/session';

const PORT = 3272;
let server: IsolatedServer;
test.describe.configure({ mode: 'serial' });
// a store of its own, new each run: issuing the same selection twice on one day is refused
const STATE = join(process.cwd(), '.tmp', 'e2e-letters-state.duckdb');
test.beforeAll(async () => {
  for (const file of [STATE, `${STATE}.wal`]) rmSync(file, { force: true });
  server = await isolatedServer('letters', PORT, { env: { KABA_STATE: STATE } });
});
test.afterAll(async () => server?.stop());
test.use({ baseURL: `http://localhost:${PORT}` });

let firstCustomer = '';

test('a supervisor prints the letters to every desa of a kecamatan: one A4 page per letter', async ({ page }, info) => {
  await signIn(page, 'supervisor', '/letters');
  const form = page.getByRole('region', { name: 'Buat surat' });
  await form.getByLabel('Jenis surat').selectOption('kepala-desa');
  const area = form.getByLabel('Kode kecamatan atau desa');
  const kecamatan = await area.locator('option').first().getAttribute('value');
  expect(kecamatan).toMatch(/^\d{2}\.\d{2}\.\d{2}$/);
  await area.selectOption(kecamatan ?? '');
  await form.getByRole('button', { name: 'Terbitkan dan cetak' }).click();
  await page.waitForURL(/\/print\/letters\/\d+$/);
  const letters = page.locator('article.letter');
  // the redirect after issuing is a client navigation: the URL changes before the letters are drawn
  await expect(letters.first()).toBeVisible();
  const count = await letters.count();
  expect(count).toBeGreaterThan(1);
  // numbered consecutively from the year's sequence: 690/1/TBK/XII/2026, 690/2/…
  const numbers = await letters.evaluateAll((els) => els.map((e) => e.getAttribute('data-number') ?? ''));
  const seqs = numbers.map((n) => Number(n.split('/')[1]));
  expect(seqs).toEqual(seqs.map((_, i) => seqs[0] + i));
  await expect(letters.first()).toContainText('Kepada Yth.');
  await expect(letters.first()).toContainText('belum termasuk denda');
  await expect(letters.first()).toContainText(/Kepala Desa|Lurah/);
  firstCustomer = ((await letters.first().locator('.letter-list tbody tr td').nth(1).textContent()) ?? '').trim();
  await page.screenshot({ path: info.outputPath('letters-screen.png'), fullPage: false });
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  writeFileSync(info.outputPath('letters.pdf'), pdf);
  expect(pdfPages(pdf)).toBe(count);
});

test('the same selection the same day is refused with a link to the letters already issued', async ({ page }) => {
  await signIn(page, 'supervisor', '/letters');
  const form = page.getByRole('region', { name: 'Buat surat' });
  await form.getByLabel('Jenis surat').selectOption('kepala-desa');
  const area = form.getByLabel('Kode kecamatan atau desa');
  await area.selectOption((await area.locator('option').first().getAttribute('value')) ?? '');
  await form.getByRole('button', { name: 'Terbitkan dan cetak' }).click();
  await expect(page.getByRole('alert')).toContainText('sudah diterbitkan hari ini');
  // the issued letters are listed with their follow-up
  await expect(page.getByTestId('area-letters').locator('tbody tr').first()).toBeVisible();
});

test('the letters show in a listed customer’s ledger, with the running balance', async ({ page }, info) => {
  expect(firstCustomer).toMatch(/^\d+$/);
  await signIn(page, 'supervisor', `/customers/${firstCustomer}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Kartu piutang');
  await expect(page.getByTestId('ledger-table').locator('tbody tr').first()).toBeVisible();
  await expect(page.getByTestId('ledger-letters')).toContainText('/TBK/');
  await page.screenshot({ path: info.outputPath('ledger.png'), fullPage: true });
  const api = await page.request.get(`/api/v1/customers/${firstCustomer}`);
  expect(api.status()).toBe(200);
  const body = await api.json();
  expect(Object.keys(body)).toEqual(['customer', 'arrears', 'credit', 'lines', 'visits', 'letters']);
  expect(body.letters.length).toBeGreaterThan(0);
  expect(body.lines.at(-1).balance).toBe(body.lines.reduce((s: number, l: { amount: number }) => s + l.amount, 0));
});

test('the sealing candidates follow the policy in words; the API names a bad parameter (400) and an unknown customer (404)', async ({ page }, info) => {
  await signIn(page, 'supervisor', '/sealing');
  await expect(page.getByTestId('sealing-policy')).toHaveText('Kebijakan: sambungan aktif (belum disegel) dengan 3 lembar rekening atau lebih yang lewat jatuh tempo.');
  const candidates = Number(await page.getByTestId('sealing-count').getAttribute('data-value'));
  expect((await (await page.request.get('/api/v1/sealing')).json()).customers).toBe(candidates);
  await page.screenshot({ path: info.outputPath('sealing.png'), fullPage: false });
  const bad = await page.request.get(`/api/v1/customers/${firstCustomer}?as_of=2024-13`);
  expect(bad.status()).toBe(400);
  expect((await bad.json()).message).toMatch(/^as_of/);
  expect((await page.request.get('/api/v1/customers/0999999999')).status()).toBe(404);
  const sealing = await page.request.get('/api/v1/sealing?age=99');
  expect(sealing.status()).toBe(400);
  expect((await sealing.json()).message).toMatch(/^age/);
  expect((await page.request.get('/api/v1/letters?from=2026-02-30')).status()).toBe(400);
  expect((await page.request.get('/api/v1/sealing')).status()).toBe(200);
});

test('a manager gets no ledger and no sealing list (403), page or API', async ({ page }) => {
  await signIn(page, 'manager', '/');
  const response = await page.goto(`/customers/${firstCustomer}`);
  expect(response?.status()).toBe(403);
  expect((await page.request.get(`/api/v1/customers/${firstCustomer}`)).status()).toBe(403);
  expect((await page.request.get('/api/v1/sealing')).status()).toBe(403);
  expect((await page.goto('/sealing'))?.status()).toBe(403);
});
