/**
 * The Laporan section in Chromium (issue 11): the index, each report with its rekap and detail, the
 * totals against the dashboard's API (DSR = arrears, efektivitas = the overview), the XLSX download
 * read back equal to the report's JSON, a manager kept to the rekap, and the print view: Chromium's
 * PDF of a long DSR has several pages, the header row on every page, "Halaman X dari N" and the
 * signature boxes (rendered to PNG with pdftoppm to look at).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { signIn } from './support/session';

const MONTH = '2025-06';

interface ReportBody {
  report: string;
  view: string;
  filters: Record<string, string | number | null>;
  columns: { key: string; label: string; format: string; group_label: string | null }[];
  rows: Record<string, string | number | null>[];
  totals: Record<string, number | null>;
  count: number;
}

async function report(request: APIRequestContext, id: string, search: string): Promise<ReportBody> {
  const res = await request.get(`/api/v1/reports/${id}?${search}`);
  expect(res.status(), `${id}?${search}`).toBe(200);
  return (await res.json()) as ReportBody;
}


async function footValue(page: Page, body: ReportBody, key: string): Promise<string | null> {
  const index = body.columns.findIndex((c) => c.key === key);
  return page.getByTestId('report-table').locator('tfoot tr > *').nth(index).getAttribute('data-value');
}

async function download(page: Page, link: Locator): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

test('the index lists the reports and the directors’ monthly report', async ({ page }) => {
  await signIn(page, 'director', '/reports');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Laporan');
  for (const id of ['dsr', 'drd', 'efektivitas', 'monthly']) await expect(page.locator(`[data-report="${id}"] a`)).toHaveAttribute('href', `/reports/${id}`);
  await page.getByRole('link', { name: 'Daftar Sisa Rekening (DSR)' }).click();
  await expect(page).toHaveURL(/\/reports\/dsr$/);
});

test('DSR: the rekap totals the arrears of the month end; detail and back; the XLSX equals the JSON', async ({ page }) => {
  await signIn(page, 'director', `/reports/dsr?as_of=${MONTH}`);
  const arrears = (await (await page.request.get(`/api/v1/arrears?as_of=${MONTH}`)).json()) as { total_arrears: number };
  const rekap = await report(page.request, 'dsr', `as_of=${MONTH}&view=rekap`);
  expect(rekap.totals.amount).toBe(arrears.total_arrears);
  await expect(page.locator('[data-report="dsr"]')).toHaveAttribute('data-view', 'rekap');
  expect(await footValue(page, rekap, 'amount')).toBe(String(arrears.total_arrears));
  await expect(page.getByTestId('report-table').locator('thead th[scope="colgroup"]').first()).toHaveText('1 bln');
  await page.screenshot({ path: 'test-results/reports-dsr-rekap.png', fullPage: true });

  await page.getByRole('link', { name: 'Rincian', exact: true }).click();
  await expect(page).toHaveURL(/view=detail/);
  const detail = await report(page.request, 'dsr', `as_of=${MONTH}&view=detail`);
  expect(detail.totals.amount).toBe(arrears.total_arrears);
  await expect(page.getByTestId('report-table').locator('tbody tr')).toHaveCount(Math.min(100, detail.count));
  expect(await footValue(page, detail, 'amount')).toBe(String(arrears.total_arrears));
  await page.getByRole('link', { name: 'Rekap', exact: true }).click();
  await expect(page.locator('[data-report="dsr"]')).toHaveAttribute('data-view', 'rekap');

  const csv = await download(page, page.getByRole('group', { name: /^Unduh/ }).getByRole('link', { name: 'CSV', exact: true }));
  const csvLines = csv.bytes.toString('utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
  expect(csvLines[0]).toBe(['Golongan', ...rekap.columns.slice(1).map((c) => `${c.group_label} ${c.label}`)].join(','));
  expect(csvLines).toHaveLength(rekap.rows.length + 2);
  expect(csvLines.at(-1)).toMatch(new RegExp(`^Jumlah,.*,${arrears.total_arrears}$`));

  const xlsx = await download(page, page.getByRole('group', { name: /^Unduh/ }).getByRole('link', { name: 'Excel' }));
  expect(xlsx.name).toBe(`kaba-dsr-rekap-${MONTH}.xlsx`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  // kop (2 rows), title, details, group headers, header: the lines start at row 7
  expect(sheet.getCell(3, 1).value).toBe('Daftar Sisa Rekening (DSR)');
  const lines = rekap.rows.map((r) => rekap.columns.map((c) => r[c.key]));
  const read = lines.map((_, i) => (sheet.getRow(7 + i).values as unknown[]).slice(1, rekap.columns.length + 1).map((v) => v ?? null));
  expect(read).toEqual(lines.map((l) => l.map((v) => v ?? null)));
  const totals = (sheet.getRow(7 + lines.length).values as unknown[]).slice(1);
  expect(totals[0]).toBe('Jumlah');
  expect(totals[rekap.columns.findIndex((c) => c.key === 'amount')]).toBe(arrears.total_arrears);
});

test('DRD: per wilayah with subtotals, per golongan through the form; the detail adds up to the rekap', async ({ page }) => {
  await signIn(page, 'director', `/reports/drd?period=${MONTH}`);
  const wilayah = await report(page.request, 'drd', `period=${MONTH}`);
  const detail = await report(page.request, 'drd', `period=${MONTH}&view=detail&page_size=1000`);
  expect(wilayah.totals.total_amount).toBe(detail.totals.total_amount);
  expect(wilayah.totals.bills).toBe(detail.count);
  await expect(page.locator('tr[data-row-type="subtotal"]').first()).toBeVisible();
  await expect(page.locator('tr[data-row-type="subtotal"] th').first()).toHaveText(/^Subjumlah /);
  await page.screenshot({ path: 'test-results/reports-drd-rekap.png', fullPage: true });
  expect(await footValue(page, wilayah, 'total_amount')).toBe(String(wilayah.totals.total_amount));
  await page.getByLabel('Rekap per').selectOption('golongan');
  await page.getByRole('button', { name: 'Terapkan' }).click();
  await expect(page).toHaveURL(/by=golongan/);
  const golongan = await report(page.request, 'drd', `period=${MONTH}&by=golongan`);
  expect(golongan.totals.total_amount).toBe(wilayah.totals.total_amount);
  await expect(page.getByTestId('report-table').locator('tbody tr')).toHaveCount(golongan.rows.length);
});

test('Efektivitas: the parts add up to the overview’s two variants; one kecamatan through the form, on the page and in print', async ({ page }) => {
  await signIn(page, 'director', `/reports/efektivitas?month=${MONTH}`);
  const body = await report(page.request, 'efektivitas', `month=${MONTH}`);
  const overview = (await (await page.request.get(`/api/v1/overview?as_of=${MONTH}`)).json()) as {
    collection_effectiveness: { billed: number; own_bills: { collected: number; ratio: number }; all_receipts: { collected: number; ratio: number } };
  };
  const ce = overview.collection_effectiveness;
  expect([body.totals.billed, body.totals.collected_own, body.totals.collected_all]).toEqual([ce.billed, ce.own_bills.collected, ce.all_receipts.collected]);
  expect(body.totals.ratio_own).toBeCloseTo(ce.own_bills.ratio, 12);
  expect(body.rows.map((r) => r.part)).toEqual(['this_month', 'rest_of_year', 'older']);
  await expect(page.getByTestId('report-table').locator('tbody th')).toHaveText(['Rekening bulan ini', 'Rekening 11 bulan sebelumnya', 'Rekening lebih lama dan saldo awal']);

  // one kecamatan through the form: its customers' figures, a part of the utility's, in the page and the print view
  const kecamatan = '17.02.09';
  await page.getByLabel('Kecamatan').selectOption(kecamatan);
  await page.getByRole('button', { name: 'Terapkan' }).click();
  await expect(page).toHaveURL(new RegExp(`kecamatan=${kecamatan.replaceAll('.', '\\.')}`));
  const filtered = await report(page.request, 'efektivitas', `month=${MONTH}&kecamatan=${kecamatan}`);
  expect(filtered.filters).toMatchObject({ month: MONTH, kecamatan, tariff_class: null });
  expect(filtered.totals.billed).toBeGreaterThan(0);
  expect(filtered.totals.billed).toBeLessThan(ce.billed);
  expect(filtered.totals.collected_all).toBeLessThan(ce.all_receipts.collected);
  expect(await footValue(page, filtered, 'billed')).toBe(String(filtered.totals.billed));
  await page.getByRole('link', { name: 'Cetak A4' }).click();
  await expect(page).toHaveURL(new RegExp(`/print/reports/efektivitas\\?.*kecamatan=${kecamatan.replaceAll('.', '\\.')}`));
  await expect(page.locator('.rp-title')).toContainText('Kecamatan: ');
  await expect(page.getByTestId('report-sheet').locator('tbody tr')).toHaveCount(filtered.rows.length);
});

test('a manager reads the rekap, not the detail with names; a bad parameter is named', async ({ page }) => {
  await signIn(page, 'manager', `/reports/dsr?as_of=${MONTH}`);
  await expect(page.getByText('Rincian memuat nama pelanggan')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Rincian', exact: true })).toHaveCount(0);
  expect((await page.request.get(`/api/v1/reports/dsr?as_of=${MONTH}&view=detail`)).status()).toBe(403);
  expect((await page.request.get(`/api/v1/reports/dsr?as_of=${MONTH}`)).status()).toBe(200);
  const bad = await page.request.get('/api/v1/reports/dsr?as_of=2025-13');
  expect(bad.status()).toBe(400);
  expect(await bad.json()).toMatchObject({ error: 'bad_request', param: 'as_of' });
  expect(await (await page.request.get('/api/v1/reports/drd?channel=LOKET')).json()).toMatchObject({ param: 'channel' });
  expect((await page.request.get('/api/v1/reports/nope')).status()).toBe(404);
});

test('the print view: a long DSR on A4 landscape, header on every page, page numbers, signature boxes', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, 'admin', '/data');
  // an admin names the first signer on the Data page
  const form = page.getByTestId('report-settings');
  await form.getByLabel('Nama').first().fill('Sri Wahyuni');
  await form.getByLabel('NIP/NIK').first().fill('19800101 200501 2 001');
  await form.getByRole('button', { name: 'Simpan tanda tangan' }).click();
  await expect(page.getByText('Tanda tangan laporan disimpan.')).toBeVisible();

  const kecamatan = '17.02.09';
  await page.goto(`/reports/dsr?as_of=${MONTH}&view=detail&kecamatan=${kecamatan}`);
  await page.getByRole('link', { name: 'Cetak A4' }).click();
  await expect(page).toHaveURL(/\/print\/reports\/dsr\?.*paper=a4/);
  const detail = await report(page.request, 'dsr', `as_of=${MONTH}&view=detail&kecamatan=${kecamatan}`);
  await expect(page.getByTestId('report-sheet').locator('tbody tr')).toHaveCount(detail.count);
  await expect(page.getByTestId('signatures')).toContainText('Sri Wahyuni');
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: 'test-results/reports-print.png' });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  writeFileSync('test-results/reports-dsr.pdf', pdf);
  const info = execFileSync('pdfinfo', ['test-results/reports-dsr.pdf']).toString();
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
  expect(pages).toBeGreaterThan(2);
  expect(info).toMatch(/Page size:\s+841\.\d+ x 59[45]\.\d+ pts/); // A4 landscape
  const text = execFileSync('pdftotext', ['-layout', 'test-results/reports-dsr.pdf', '-']).toString();
  const sheets = text.split('\f').filter((s) => s.trim() !== '');
  expect(sheets).toHaveLength(pages);
  sheets.forEach((sheet, i) => {
    expect(sheet, `page ${i + 1}`).toContain('sambungan');
    expect(sheet, `page ${i + 1}`).toContain(`Halaman ${i + 1} dari ${pages}`);
  });
  expect(sheets.at(-1)).toContain('Sri Wahyuni');
  expect(sheets.at(-1)).toContain('Mengetahui');
  execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '1', 'test-results/reports-dsr.pdf', 'test-results/reports-dsr-first']);
  execFileSync('pdftoppm', ['-r', '60', '-png', '-f', String(pages), '-l', String(pages), 'test-results/reports-dsr.pdf', 'test-results/reports-dsr-last']);

  // F4: 330 × 215 mm
  await page.goto(`/print/reports/dsr?as_of=${MONTH}&view=rekap&paper=f4`);
  const f4 = await page.pdf({ preferCSSPageSize: true });
  writeFileSync('test-results/reports-dsr-f4.pdf', f4);
  expect(execFileSync('pdfinfo', ['test-results/reports-dsr-f4.pdf']).toString()).toMatch(/Page size:\s+935\.\d+ x 609\.\d+ pts/);
});
