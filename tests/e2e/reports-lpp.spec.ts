/**
 * The LPP and Menunggak per petugas reports in the browser, on the e2e fixture (400 customers, 2023-01 …
 * 2025-06): the LPP's principal is the channel totals of `npm run report -- channels` (and the page's,
 * the API's and `npm run report -- lpp` are the same), the refunds are
 * listed apart and not in the totals, the API refuses bad days naming the parameter, the XLSX holds the
 * page's totals; Menunggak per petugas adds up to the month's movement (`npm run report -- movement`),
 * a supervisor sees their own team only, and an admin gives a team its areas on the Data page.
 */
import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { FIXTURE } from './support/paths';
import { runScript } from './support/server';
import { signIn } from './support/session';

// serial: the last test changes the team areas the others read
test.describe.configure({ mode: 'serial', timeout: 120_000 });

const report = (args: string[]) => JSON.parse(runScript('etl/report/cli.ts', [...args, '--format', 'json'], { KABA_WAREHOUSE: FIXTURE.warehouse }));
const digits = (text: string) => Number(text.replace(/[^\d]/g, ''));

/** The grand total of a column in the table's footer, by the columns' order in the report's JSON. */
async function footerValue(page: Page, columns: { key: string }[], key: string): Promise<number> {
  const cells = page.getByTestId('report-table').locator('tfoot tr').first().locator(':scope > th, :scope > td');
  return digits((await cells.nth(columns.findIndex((c) => c.key === key)).textContent()) ?? '');
}

test('the LPP of May 2025: its principal is the channel totals of the same month, in the page, the API and the XLSX', async ({ page }) => {
  const channels = report(['channels', '--from', '2025-05', '--to', '2025-05']);
  await signIn(page, 'director', '/reports/lpp?from=2025-05-01&to=2025-05-31');
  await expect(page.getByRole('heading', { name: 'Laporan Penerimaan Penagihan (LPP)', level: 1 })).toBeVisible();
  await expect(page.locator('[data-report="lpp"][data-view="rekap"]')).toBeVisible();
  const api = await (await page.request.get('/api/v1/reports/lpp?from=2025-05-01&to=2025-05-31')).json();
  expect(await footerValue(page, api.columns, 'principal')).toBe(channels.total_amount);
  // a subtotal per day
  await expect(page.locator('tr[data-row-type="subtotal"]').first()).toBeVisible();

  expect(api.report).toBe('lpp');
  expect([api.totals.principal, api.totals.payments]).toEqual([channels.total_amount, channels.total_payments]);
  expect(api.totals.penalty).toBe(channels.rows.reduce((s: number, r: { penalty: number }) => s + r.penalty, 0));
  expect(api.totals.admin_fee).toBe(channels.rows.reduce((s: number, r: { admin_fee: number }) => s + r.admin_fee, 0));
  expect(report(['lpp', '--from', '2025-05-01', '--to', '2025-05-31']).totals).toEqual(api.totals);

  const xlsx = await page.request.get('/api/v1/reports/lpp?from=2025-05-01&to=2025-05-31&format=xlsx');
  expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await xlsx.body()) as unknown as ArrayBuffer);
  const numbers: number[] = [];
  book.worksheets[0].eachRow((row) => row.eachCell((cell) => typeof cell.value === 'number' && numbers.push(cell.value)));
  expect(numbers).toContain(channels.total_amount);

  // the detail: one row per payment
  await page.locator('[data-view-link="detail"]').click();
  await expect(page.locator('[data-report="lpp"][data-view="detail"]')).toBeVisible();
  const detail = await (await page.request.get('/api/v1/reports/lpp?from=2025-05-01&to=2025-05-31&view=detail&page_size=1000')).json();
  const received = detail.rows.filter((r: { status: string }) => r.status === 'completed');
  expect(received.length).toBe(channels.total_payments);
  expect(received.reduce((s: number, r: { principal: number }) => s + r.principal, 0)).toBe(channels.total_amount);
  // the refunded and cancelled rows come after the received ones
  expect(detail.rows.slice(received.length).every((r: { status: string }) => r.status !== 'completed')).toBe(true);
});

test('the LPP lists the refunds and cancellations apart, outside its totals', async ({ page }) => {
  await signIn(page, 'director', '/reports/lpp?from=2024-07-01&to=2024-07-31');
  const api = await (await page.request.get('/api/v1/reports/lpp?from=2024-07-01&to=2024-07-31')).json();
  const lines = api.rows.filter((r: { row_type: string }) => r.row_type === 'line');
  const refunds = lines.filter((r: { status: string }) => r.status !== 'completed');
  expect(refunds.length).toBeGreaterThan(0);
  const received = lines.filter((r: { status: string }) => r.status === 'completed');
  expect(api.totals.principal).toBe(received.reduce((s: number, r: { principal: number }) => s + r.principal, 0));
  expect(api.totals.principal).toBe(report(['channels', '--from', '2024-07', '--to', '2024-07']).total_amount);
  // the page shows the rekap 100 lines at a time: the refunds are on the page of the first of them
  const firstRefund = api.rows.findIndex((r: { row_type: string; status: string }) => r.row_type === 'line' && r.status !== 'completed');
  await page.goto(`/reports/lpp?from=2024-07-01&to=2024-07-31&page=${Math.floor(firstRefund / 100) + 1}`);
  await expect(page.getByTestId('report-table').getByText('Refund', { exact: true }).first()).toBeVisible();
});

test('the LPP API names the bad parameter; a manager reads the rekap, not the detail', async ({ page, browser }) => {
  const manager = await browser.newPage();
  await signIn(manager, 'manager', '/reports/lpp?from=2025-05-01&to=2025-05-31');
  expect((await manager.request.get('/api/v1/reports/lpp?from=2025-05-01&to=2025-05-31')).status()).toBe(200);
  expect((await manager.request.get('/api/v1/reports/lpp?from=2025-05-01&to=2025-05-31&view=detail')).status()).toBe(403);
  await manager.close();
  await signIn(page, 'director', '/reports');
  for (const [query, param] of [
    ['from=2025-05-31&to=2025-05-01', 'to'],
    ['from=2024-01-01&to=2025-01-01', 'to'],
    ['from=2025-02-30&to=2025-03-01', 'from'],
    ['from=2025-05-01&to=2025-05-31&view=list', 'view'],
    ['from=2025-05-01&to=2025-05-31&status=active', 'status'],
  ]) {
    const res = await page.request.get(`/api/v1/reports/lpp?${query}`);
    expect(res.status(), query).toBe(400);
    expect((await res.json()).param, query).toBe(param);
  }
});

test('Menunggak per petugas of May 2025 adds up to the month’s movement; a supervisor sees their own team', async ({ page, browser }) => {
  const movement = report(['movement', '--month', '2025-05']);
  await signIn(page, 'director', '/reports/menunggak?as_of=2025-05');
  await expect(page.getByRole('heading', { name: 'Menunggak per Petugas', level: 1 })).toBeVisible();
  const api = await (await page.request.get('/api/v1/reports/menunggak?as_of=2025-05')).json();
  expect(api.totals).toMatchObject({ to_collect: movement.opening + movement.newly_overdue, collected: movement.recovered, written_off: movement.written_off, arrears: movement.closing });
  expect(await footerValue(page, api.columns, 'arrears')).toBe(movement.closing);
  expect(report(['menunggak', '--month', '2025-05']).totals).toEqual(api.totals);
  const teams = new Set(api.rows.map((r: { team_id: string | null }) => r.team_id));
  expect(teams.size).toBeGreaterThan(1);

  const supervisor = await browser.newPage();
  await signIn(supervisor, 'supervisor', '/reports/menunggak?as_of=2025-05');
  const own = await (await supervisor.request.get('/api/v1/reports/menunggak?as_of=2025-05')).json();
  expect(new Set(own.rows.map((r: { team_id: string | null }) => r.team_id))).toEqual(new Set(['T01']));
  expect(own.totals.arrears).toBe(api.rows.filter((r: { team_id: string; row_type: string }) => r.team_id === 'T01' && r.row_type === 'line').reduce((s: number, r: { arrears: number }) => s + r.arrears, 0));
  await expect(supervisor.getByTestId('report-table')).toContainText('Tim Penagihan Curup');
  // another team: a 403 in the API, as GET /api/v1/collections
  expect((await supervisor.request.get('/api/v1/reports/menunggak?as_of=2025-05&team=T02')).status()).toBe(403);
  await supervisor.close();

  // the print view: the same grand total under the kop
  await page.goto('/print/reports/menunggak?as_of=2025-05&view=rekap');
  await expect(page.getByText('Menunggak per Petugas', { exact: false }).first()).toBeVisible();
  await expect(page.locator('tfoot')).toContainText(movement.closing.toLocaleString('id-ID'));
});

test('an admin gives a team its areas on the Data page, and the report follows; back to the default', async ({ page }) => {
  await signIn(page, 'admin', '/data');
  const form = page.getByTestId('team-areas-settings');
  await expect(form).toContainText('Memakai wilayah bawaan dari kunjungan.');
  const t03 = form.locator('input[name="areas_T03"]');
  const before = await t03.inputValue();
  await t03.fill('17.02.09');
  await form.getByRole('button', { name: 'Simpan wilayah tim' }).click();
  // Curup is T01's by default: two teams may not share it
  await expect(page.getByRole('alert')).toContainText('17.02.09 is covered by both');
  await form.locator('input[name="areas_T01"]').fill('');
  await form.getByRole('button', { name: 'Simpan wilayah tim' }).click();
  await expect(page.getByRole('status')).toContainText('Wilayah tim disimpan.');
  const api = await (await page.request.get('/api/v1/reports/menunggak?as_of=2025-05&team=T01')).json();
  expect(api.rows).toEqual([]);
  const t03Rows = await (await page.request.get('/api/v1/reports/menunggak?as_of=2025-05&team=T03&kecamatan=17.02.09')).json();
  expect(t03Rows.totals.customers).toBeGreaterThan(0);
  await page.getByTestId('team-areas-settings').getByRole('button', { name: 'Kembali ke bawaan' }).click();
  await expect(page.getByTestId('team-areas-settings')).toContainText('Memakai wilayah bawaan dari kunjungan.');
  await expect(page.getByTestId('team-areas-settings').locator('input[name="areas_T03"]')).toHaveValue(before);
});
