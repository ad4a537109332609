/**
 * The data table (app/ui/data-table) on the arrears drill-down's desa level (/arrears/<kecamatan>) and the Data page: sorting by clicking a
 * header (the URL says it), pages of rejected rows, and the exports: the CSV and XLSX downloaded from
 * the kecamatan page hold exactly the page's rows; a manager cannot export the rejected lines.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { FIXTURE } from './support/paths';
import { runScript } from './support/server';
import { signIn } from './support/session';

interface ReportRow {
  group: string;
  code: string | null;
  arrears: number;
  customers: number;
}

function reportByDesa(asOf: string): ReportRow[] {
  const out = runScript('etl/report/cli.ts', ['arrears', '--as-of', asOf, '--by', 'desa', '--format', 'json'], { KABA_WAREHOUSE: FIXTURE.warehouse });
  return (JSON.parse(out) as { rows: ReportRow[] }).rows;
}

/** The kecamatan with the most desa in arrears at the end of June 2025, and those desa. */
function busiestKecamatan(): { code: string; desa: ReportRow[] } {
  const rows = reportByDesa('2025-06-30').filter((r) => r.code && r.arrears !== 0);
  const byKecamatan = new Map<string, ReportRow[]>();
  for (const r of rows) byKecamatan.set(r.code!.slice(0, 8), [...(byKecamatan.get(r.code!.slice(0, 8)) ?? []), r]);
  const [code, desa] = [...byKecamatan.entries()].sort((a, b) => b[1].length - a[1].length)[0];
  return { code, desa };
}

interface PageRow {
  name: string;
  code: string;
  arrears: number;
  customers: number;
}

/** The rows the page shows, read from the table: names, codes and the exact figures. */
async function pageRows(table: Locator): Promise<PageRow[]> {
  return table.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => {
      const cell = (key: string) => tr.children[[...tr.closest('table')!.querySelectorAll('thead th')].findIndex((th) => th.getAttribute('data-column') === key)];
      return {
        name: cell('name').textContent!.trim(),
        code: cell('code').textContent!.trim(),
        arrears: Number(cell('arrears').getAttribute('data-value')),
        customers: Number(cell('customers').getAttribute('data-value')),
      };
    }),
  );
}

/** A small RFC 4180 reader, enough for the export (quoted fields, doubled quotes). */
function parseCsv(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === delimiter) {
      row.push(field);
      field = '';
    } else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else {
      field += c;
    }
  }
  return rows;
}

async function download(page: Page, link: Locator): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

test('sorting the desa by clicking a header: the URL changes, and so does the order', async ({ page }) => {
  const { code, desa } = busiestKecamatan();
  expect(desa.length).toBeGreaterThanOrEqual(3);
  await signIn(page, 'director', `/arrears/${code}?bulan=2025-06`);
  const table = page.getByTestId('arrears-areas');
  const names = () => table.locator('tbody th').allInnerTexts();
  const byArrears = [...desa].sort((a, b) => b.arrears - a.arrears || a.group.localeCompare(b.group, 'id')).map((d) => d.group);
  expect(await names()).toEqual(byArrears);
  await expect(table.locator('th[data-column="arrears"]')).toHaveAttribute('aria-sort', 'descending');

  await table.getByRole('link', { name: 'Desa/kelurahan', exact: true }).click();
  await expect(page).toHaveURL(/[?&]desa-sort=name(&|$)/);
  await expect(table.locator('th[data-column="name"]')).toHaveAttribute('aria-sort', 'ascending');
  await expect(table.locator('th[data-column="arrears"]')).toHaveAttribute('aria-sort', 'none');
  const ascending = [...byArrears].sort((a, b) => a.localeCompare(b, 'id', { numeric: true, sensitivity: 'base' }));
  expect(await names()).toEqual(ascending);

  await table.getByRole('link', { name: 'Desa/kelurahan', exact: true }).click();
  await expect(page).toHaveURL(/[?&]desa-sort=-name(&|$)/);
  await expect(table.locator('th[data-column="name"]')).toHaveAttribute('aria-sort', 'descending');
  expect(await names()).toEqual([...ascending].reverse());
  // the month stays, and the totals row still covers every desa
  expect(page.url()).toContain('bulan=2025-06');
  const total = desa.reduce((s, d) => s + d.arrears, 0);
  await expect(table.locator('tfoot td[data-value]').first()).toHaveAttribute('data-value', String(total));
});

test('the CSV and XLSX downloaded from the kecamatan page hold the page’s rows, in its order', async ({ page }) => {
  const { code } = busiestKecamatan();
  await signIn(page, 'director', `/arrears/${code}?bulan=2025-06&desa-sort=customers`);
  const table = page.getByTestId('arrears-areas');
  const rows = await pageRows(table);
  expect(rows.length).toBeGreaterThanOrEqual(3);
  const exports = table.getByRole('group', { name: /^Unduh / });

  const csv = await download(page, exports.getByRole('link', { name: 'CSV', exact: true }));
  expect(csv.name).toBe(`kaba-arrears-desa-${code}-2025-06.csv`);
  expect(csv.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  const [header, ...lines] = parseCsv(csv.bytes.toString('utf8').slice(1), ',');
  const HEADER = ['Desa/kelurahan', 'Kode', 'Tunggakan', 'Bagian', 'Pelanggan', 'Lembar', 'Selisih thd bulan lalu', 'Selisih thd 12 bulan lalu', 'Bayar daring (12 bln)'];
  expect(header).toEqual(HEADER);
  expect(lines.map((l) => ({ name: l[0], code: l[1], arrears: Number(l[2]), customers: Number(l[4]) }))).toEqual(rows);

  const semicolon = await download(page, exports.getByRole('link', { name: 'CSV (;)' }));
  const [semiHeader, ...semiLines] = parseCsv(semicolon.bytes.toString('utf8').slice(1), ';');
  expect(semiHeader[0]).toBe('Desa/kelurahan');
  expect(semiLines.map((l) => Number(l[2]))).toEqual(rows.map((r) => r.arrears));
  expect(semiLines.every((l) => /^0,\d+$|^1$/.test(l[3]))).toBe(true); // shares with a decimal comma

  const xlsx = await download(page, exports.getByRole('link', { name: 'Excel' }));
  expect(xlsx.name).toBe(`kaba-arrears-desa-${code}-2025-06.xlsx`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  expect(sheet.getCell('A1').value).toBe('Desa/kelurahan');
  expect(String(sheet.getCell('A2').value)).toContain('Per 30 Juni 2025');
  expect(String(sheet.getCell('A2').value)).toContain(code);
  expect(sheet.getRow(3).values).toEqual([undefined, ...HEADER]);
  expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
  const sheetRows = rows.map((_, i) => sheet.getRow(4 + i));
  expect(sheetRows.map((r) => ({ name: r.getCell(1).value, code: r.getCell(2).value, arrears: r.getCell(3).value, customers: r.getCell(5).value }))).toEqual(rows);
  expect(sheetRows[0].getCell(3).numFmt).toBe('#,##0');
  expect(sheetRows[0].getCell(4).numFmt).toBe('0.0%');
  const totals = sheet.getRow(4 + rows.length);
  expect(totals.getCell(1).value).toBe('Jumlah');
  expect(totals.getCell(3).value).toBe(rows.reduce((s, r) => s + r.arrears, 0));
});

test('the rejected rows a page at a time, with page links', async ({ page }) => {
  await signIn(page, 'director', '/data');
  const rejects = page.getByRole('region', { name: 'Baris yang ditolak' }).first();
  const count = Number(((await page.getByTestId('rejects-count').textContent()) ?? '').replace(/\D/g, ''));
  expect(count).toBeGreaterThan(50);
  const pager = rejects.getByRole('navigation', { name: 'Halaman Baris yang ditolak' });
  await expect(pager.getByText(`Baris 1–50 dari ${count}`)).toBeVisible();
  await expect(pager.locator('[aria-current="page"]')).toHaveText('1');
  const firstPage = await rejects.locator('tbody tr').allInnerTexts();
  // the header row stays in view while the rows scroll under it
  const box = rejects.locator('.dt-scroll');
  await box.evaluate((el) => el.scrollTo(0, 600));
  expect(await box.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
  const [boxAt, headAt] = [await box.boundingBox(), await rejects.locator('thead th').first().boundingBox()];
  expect(Math.abs((headAt?.y ?? -99) - (boxAt?.y ?? 0))).toBeLessThan(3);
  await pager.getByRole('link', { name: 'Halaman 2' }).click();
  await expect(page).toHaveURL(/[?&]rejects-page=2(&|$)/);
  await expect(pager.getByText(new RegExp(`^Baris 51–${Math.min(100, count)} dari ${count}$`))).toBeVisible();
  await expect(pager.locator('[aria-current="page"]')).toHaveText('2');
  expect(await rejects.locator('tbody tr').allInnerTexts()).not.toEqual(firstPage);
  await pager.getByRole('link', { name: 'Sebelumnya' }).click();
  await expect(page).not.toHaveURL(/rejects-page/);
  expect(await rejects.locator('tbody tr').allInnerTexts()).toEqual(firstPage);
  // the load history on the same page keeps its own parameters
  await page.getByRole('region', { name: 'Riwayat muat' }).first().getByRole('link', { name: 'Dibaca', exact: true }).click();
  await expect(page).toHaveURL(/[?&]loads-sort=-rows_read(&|$)/);
  await expect(page).not.toHaveURL(/rejects-/);
});

test('a manager cannot export the rejected lines (personal data), and bad parameters are named', async ({ page }) => {
  await signIn(page, 'manager');
  for (const url of ['/export/data-rejects?format=csv', '/export/data-rejects?format=xlsx&file=customers.csv', '/export/data-loads?format=csv']) {
    const res = await page.request.get(url, { maxRedirects: 0 });
    expect(res.status(), url).toBe(403);
    expect(await res.text()).not.toContain('Rahmat Hidayat');
  }
  const { code } = busiestKecamatan();
  const ok = await page.request.get(`/export/kecamatan-desa?format=csv&kecamatan=${code}&bulan=2025-06`);
  expect(ok.status()).toBe(200);
  expect(ok.headers()['content-disposition']).toBe(`attachment; filename="kaba-kecamatan-desa-${code}-2025-06.csv"`);
  for (const [query, param] of [
    [`format=pdf&kecamatan=${code}`, 'format'],
    ['format=csv&kecamatan=17.02', 'kecamatan'],
    ['format=csv&kecamatan=17.02.99', 'kecamatan'],
    [`format=csv&kecamatan=${code}&bulan=2025-13`, 'bulan'],
    [`format=csv&kecamatan=${code}&desa-sort=phone`, 'desa-sort'],
  ]) {
    const res = await page.request.get(`/export/kecamatan-desa?${query}`);
    expect(res.status(), query).toBe(400);
    const body = await res.json();
    expect(body.param, query).toBe(param);
    expect(body.message).toContain(param);
  }
  expect((await page.request.get('/export/tidak-ada?format=csv')).status()).toBe(404);
  // the overview's tables are aggregates: every role may export them
  const overview = await page.request.get('/export/overview-kecamatan?format=xlsx&bulan=2025-06');
  expect(overview.status()).toBe(200);
  expect(overview.headers()['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('sorting and paging are plain links', async ({ page }) => {
    const { code } = busiestKecamatan();
    await signIn(page, 'director', `/arrears/${code}?bulan=2025-06`);
    const table = page.getByTestId('arrears-areas');
    await table.getByRole('link', { name: 'Pelanggan', exact: true }).click();
    await expect(page).toHaveURL(/[?&]desa-sort=-customers(&|$)/);
    await expect(table.locator('th[data-column="customers"]')).toHaveAttribute('aria-sort', 'descending');
    const customers = (await pageRows(table)).map((r) => r.customers);
    expect(customers.length).toBeGreaterThanOrEqual(3);
    expect(customers).toEqual([...customers].sort((a, b) => b - a));
    await page.goto('/data');
    await page.getByRole('navigation', { name: 'Halaman Baris yang ditolak' }).getByRole('link', { name: 'Berikutnya' }).click();
    await expect(page).toHaveURL(/[?&]rejects-page=2(&|$)/);
  });
});

test('an empty selection says so instead of showing an empty table', async ({ page }) => {
  await signIn(page, 'director', '/data?file=tidak-ada.csv');
  const rejects = page.getByRole('region', { name: 'Baris yang ditolak' }).first();
  await expect(rejects.getByText('Tidak ada baris yang ditolak.')).toBeVisible();
  await expect(rejects.getByRole('table')).toHaveCount(0);
});

test('a director downloads every rejected line of a file, raw text included', async ({ page }) => {
  await signIn(page, 'director', '/data?file=customers.csv');
  const res = await page.request.get('/export/data-rejects?format=csv&file=customers.csv');
  expect(res.status()).toBe(200);
  const [header, ...lines] = parseCsv((await res.text()).replace(/^\uFEFF/, ''), ',');
  expect(header).toEqual(['Berkas', 'Baris', 'Alasan', 'Isi baris']);
  expect(lines.length).toBe(Number(((await page.getByTestId('rejects-count').textContent()) ?? '').replace(/\D/g, '')));
  expect(lines.some((l) => l[3].includes('Rahmat Hidayat'))).toBe(true);
});

test('the tables pass axe (WCAG 2 AA) on the kecamatan page and the Data page', async ({ page }) => {
  const { code } = busiestKecamatan();
  for (const [role, url] of [
    ['director', `/arrears/${code}?bulan=2025-06`],
    ['admin', '/data'],
  ] as const) {
    await signIn(page, role, url);
    const result = await new AxeBuilder({ page }).include('.dt').withTags(['wcag2a', 'wcag2aa']).analyze();
    const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), url).toEqual([]);
    await page.screenshot({ path: `test-results/data-table-${role}.png`, fullPage: true });
    await page.getByRole('button', { name: 'Keluar' }).click();
  }
});
