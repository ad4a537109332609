/**
 * Penagihan on a server of its own (saving a plan writes its state store): a supervisor sees only
 * their team's collectors, plans a day, saves it and prints one route sheet per collector; another
 * team's figures stay out of reach; a manager sees no collector figures.
 */
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { isolatedServer, type IsolatedServer } from './support/isolated';
import { signIn } from './support/session';

const PORT = 3292;

/** Page objects in a PDF, also those Chromium packs into compressed object streams. */
function pdfPageCount(pdf: Buffer): number {
  const text = pdf.toString('latin1');
  let all = text;
  for (const m of text.matchAll(/stream\r?\n/g)) {
    const start = (m.index ?? 0) + m[0].length;
    const end = text.indexOf('endstream', start);
    try {
      all += inflateSync(pdf.subarray(start, end)).toString('latin1');
    } catch {
      // not a deflated stream (or an image): nothing to count in it
    }
  }
  return (all.match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}
let server: IsolatedServer;
// planning and printing take a few seconds of both cores; the shared machine may be busy
test.describe.configure({ mode: 'serial', timeout: 180_000 });
test.beforeAll(async () => {
  server = await isolatedServer('collections', PORT, { env: { KABA_STATE: join('.tmp', 'e2e-collections', 'state.duckdb') } });
});
test.afterAll(async () => server?.stop());
test.use({ baseURL: `http://localhost:${PORT}` });

test('a supervisor sees the leaderboard of their own team only, sortable, with the charts', async ({ page }) => {
  await signIn(page, 'supervisor', '/collections?from=2025-01&to=2025-06');
  const board = page.getByTestId('leaderboard');
  const rows = board.locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  const teams = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-team')));
  expect(new Set(teams)).toEqual(new Set(['T01']));
  await expect(page.locator('figure[data-chart="collections-trend"]')).toBeVisible();
  await expect(page.locator('figure[data-chart="collections-outcomes"]')).toBeVisible();
  await expect(page.getByTestId('by-kecamatan').locator('tbody tr').first()).toBeVisible();
  await board.getByRole('link', { name: /Kunjungan/ }).first().click();
  await expect(page).toHaveURL(/lb-sort=-?visits/);
  await page.screenshot({ path: 'test-results/collections-performance.png', fullPage: true });
});

test('a supervisor cannot see another team: empty page, 403 from the API, no plan', async ({ page }) => {
  await signIn(page, 'supervisor', '/collections?from=2025-01&to=2025-06&team=T02');
  await expect(page.getByTestId('leaderboard')).toContainText('Tidak ada kunjungan');
  const api = await page.request.get('/api/v1/collections?from=2025-01&to=2025-06&team=T02');
  expect(api.status()).toBe(403);
  const own = await page.request.get('/api/v1/collections?from=2025-01&to=2025-06');
  expect(own.status()).toBe(200);
  const body = await own.json();
  expect(body.rows.length).toBeGreaterThan(0);
  expect(new Set(body.rows.map((r: { team_id: string }) => r.team_id))).toEqual(new Set(['T01']));
  expect((await page.request.get('/api/v1/collections?from=2025-13&to=2025-06')).status()).toBe(400);
  await page.goto('/collections/routes?team=T02&date=2025-07-01');
  await expect(page.getByTestId('plan-problem')).toContainText('no team T02');
  await expect(page.getByTestId('plan')).toHaveCount(0);
});

test('a supervisor plans a day, saves it and prints a route sheet per collector', async ({ page }) => {
  await signIn(page, 'supervisor', '/collections/routes');
  const form = page.getByTestId('plan-form');
  await form.getByLabel('Tanggal').fill('2025-07-01');
  await form.getByLabel('Kunjungan per petugas').fill('10');
  await form.getByRole('button', { name: 'Buat rencana' }).click();
  await expect(page).toHaveURL(/date=2025-07-01/);
  const routes = page.getByTestId('plan-routes').locator(':scope > li');
  const collectors = await routes.count();
  expect(collectors).toBeGreaterThan(1);
  for (const r of await routes.all()) {
    expect(Number(await r.getAttribute('data-length'))).toBeLessThanOrEqual(Number(await r.getAttribute('data-unoptimised')));
    expect(Number(await r.getAttribute('data-bound'))).toBeLessThanOrEqual(Number(await r.getAttribute('data-length')));
    expect(await r.locator('li').count()).toBeLessThanOrEqual(10);
  }
  await page.screenshot({ path: 'test-results/collections-planner.png', fullPage: true });
  await page.getByTestId('save-plan').click();
  await expect(page).toHaveURL(/\/collections\/routes\/\d+$/);
  await expect(page.getByTestId('plan-stops').locator('tbody tr').first()).toBeVisible();
  await page.screenshot({ path: 'test-results/collections-saved-plan.png', fullPage: true });
  const planId = page.url().split('/').pop();

  const saved = await page.request.get(`/api/v1/routes?team=T01&date=2025-07-01`);
  expect(saved.status()).toBe(200);
  const plans = (await saved.json()).plans;
  expect(plans.map((p: { plan_id: number }) => String(p.plan_id))).toContain(planId);

  const csv = await page.request.get(`/export/route-plan?plan=${planId}&format=csv`);
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain('Hasil (isi)');

  await page.getByTestId('print-link').click();
  await expect(page.getByTestId('route-sheet')).toHaveCount(collectors);
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: 'test-results/collections-sheets.png', fullPage: true });
  const pdf = await page.pdf({ format: 'A4', landscape: true, path: 'test-results/collections-sheets.pdf', preferCSSPageSize: true });
  const pages = pdfPageCount(pdf);
  expect(pages).toBeGreaterThanOrEqual(collectors);
});

test('a manager sees no collector figures', async ({ page }) => {
  await signIn(page, 'manager', '/collections');
  await expect(page.getByTestId('collections-denied')).toBeVisible();
  expect((await page.request.get('/api/v1/collections?from=2025-01&to=2025-06')).status()).toBe(403);
});

test('an admin changes the recent-visit days on the Data page; the planner states and uses them', async ({ page }) => {
  await signIn(page, 'admin', '/data');
  const settings = page.getByTestId('collection-settings');
  await settings.getByLabel('Hari sejak kunjungan terakhir (0–90)').fill('120');
  await settings.getByRole('button', { name: 'Simpan pengaturan rute' }).click();
  await expect(page.getByTestId('collection-settings').getByRole('alert')).toContainText('0 sampai 90');
  await page.getByTestId('collection-settings').getByLabel('Hari sejak kunjungan terakhir (0–90)').fill('21');
  await page.getByTestId('collection-settings').getByRole('button', { name: 'Simpan pengaturan rute' }).click();
  await expect(page.getByTestId('collection-settings').getByRole('status')).toBeVisible();
  await expect(page.getByTestId('collection-settings')).toContainText('dalam 21 hari');
  expect(JSON.parse(readFileSync(server.settings, 'utf8')).collections).toMatchObject({ recent_visit_days: 21, set_by: 'admin' });

  await page.goto('/collections/routes');
  await expect(page.locator('main')).toContainText('dikunjungi 21 hari terakhir');
});
