/**
 * The directors' monthly report (`/print/monthly?bulan=`, issue 11): the kop, the month in sentences
 * written from the same figures the overview serves, the KPI cards with their score colours kept in
 * print, the kecamatan table, and Chromium's A4 PDF of exactly two pages (rendered to PNG beside the
 * test's output when pdftoppm is there, to look at). The overview itself prints whole too.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { formatMonth, formatRupiahCompact } from '../../app/i18n/format';
import { isolatedServer, type IsolatedServer } from './support/isolated';
import { E2E_PORT } from './support/paths';
import { pdfPages } from './support/pdf';
import { signIn } from './support/session';

const MONTH = '2025-06';
const REPORT = `/print/monthly?bulan=${MONTH}`;

interface OverviewJson {
  total_arrears: number;
  customers_in_arrears: number;
  vs_previous_month: { month: string; delta: number } | null;
  by_kecamatan: { code: string; name: string; arrears: number }[];
}

async function overviewFigures(page: Page): Promise<OverviewJson> {
  const res = await page.request.get(`/api/v1/overview?as_of=${MONTH}`);
  expect(res.status()).toBe(200);
  return res.json();
}

/** The PDF and, when pdftoppm is installed, one PNG per page, kept with the test's output to look at. */
function keep(pdf: Buffer, path: string): void {
  writeFileSync(path, pdf);
  spawnSync('pdftoppm', ['-png', '-r', '60', path, path.replace(/\.pdf$/, '')]);
}

test('the report: kop, title, month, and sentences written from the overview’s figures', async ({ page }) => {
  await signIn(page, 'director');
  const o = await overviewFigures(page);
  await page.goto(REPORT);
  await expect(page.getByRole('heading', { name: 'Laporan Bulanan Direksi', level: 1 })).toBeVisible();
  // the letterhead settings' defaults (the fixture has none set)
  await expect(page.locator('.mr-kop')).toContainText('Perumdam Tirta Bukit Kaba');
  await expect(page.locator('.mr-title')).toContainText(`Posisi akhir ${formatMonth(MONTH, 'id')}`);
  await expect(page.locator('.mr-title')).toContainText('Dicetak ');

  const arrears = page.locator('[data-sentence="arrears"]');
  const previous = o.vs_previous_month;
  if (!previous) throw new Error('the fixture has months before June 2025');
  const verb = previous.delta < 0 ? 'turun' : previous.delta > 0 ? 'naik' : 'tetap';
  await expect(arrears).toContainText(`Tunggakan per akhir Juni 2025 ${verb} ${formatRupiahCompact(Math.abs(previous.delta), 'id')}`);
  await expect(arrears).toContainText(`menjadi ${formatRupiahCompact(o.total_arrears, 'id')}`);
  for (const topic of ['year', 'movement', 'target', 'effectiveness', 'kecamatan']) await expect(page.locator(`[data-sentence="${topic}"]`)).toHaveCount(1);
  await expect(page.locator('[data-sentence="target"]')).toHaveText('Belum ada target pengurangan tunggakan (admin menetapkannya di halaman Data).');

  // the cards are the overview's, with the same figures
  await expect(page.locator('[data-kpi]')).toHaveCount(10);
  await expect(page.locator('[data-kpi="total_arrears"]')).toHaveAttribute('data-value', String(o.total_arrears));
  await expect(page.locator('[data-kpi="customers_in_arrears"]')).toHaveAttribute('data-value', String(o.customers_in_arrears));

  // every kecamatan with arrears, their total the month's arrears
  const table = page.getByTestId('monthly-kecamatan');
  await expect(table.locator('tbody tr')).toHaveCount(o.by_kecamatan.length);
  await expect(table.locator('tfoot')).toContainText(`Rp${o.total_arrears.toLocaleString('id-ID')}`);
  for (const name of ['trend', 'waterfall', 'age']) await expect(page.locator(`figure[data-chart="${name}"]`)).toHaveCount(1);
});

test('printed, the report is two A4 pages and the score colours stay', async ({ page }, testInfo) => {
  await signIn(page, 'director');
  await page.goto(REPORT);
  for (const name of ['trend', 'waterfall', 'age']) await expect(page.locator(`figure[data-chart="${name}"]`)).toHaveAttribute('data-live', 'true');
  // the browser's default: no background graphics; print-color-adjust keeps the scores' colours anyway
  const pdf = await page.pdf({ format: 'A4' });
  keep(pdf, testInfo.outputPath('monthly-report.pdf'));
  expect(pdfPages(pdf)).toBe(2);

  // (after the PDF: print media in a 1280-px window is not a page, its charts would be drawn for that width)
  await page.emulateMedia({ media: 'print' });
  const badge = page.locator('.score-badge').first();
  await expect(badge).toBeVisible();
  expect(await badge.evaluate((el) => getComputedStyle(el).printColorAdjust)).toBe('exact');
  expect(await badge.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
  // the screen's toolbar is not printed
  await expect(page.locator('.mr-bar')).toBeHidden();
});

test('in English the report is in English, and still two pages', async ({ page }, testInfo) => {
  await signIn(page, 'director', `/?bulan=${MONTH}`);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();
  await page.goto(REPORT);
  await expect(page.getByRole('heading', { name: "Directors' Monthly Report", level: 1 })).toBeVisible();
  await expect(page.locator('[data-sentence="arrears"]')).toContainText('Arrears at the end of June 2025');
  await expect(page.locator('[data-sentence="target"]')).toHaveText('No arrears reduction target is set (an admin sets it on the Data page).');
  const pdf = await page.pdf({ format: 'A4' });
  keep(pdf, testInfo.outputPath('monthly-report-en.pdf'));
  expect(pdfPages(pdf)).toBe(2);
});

test('the overview and /reports/monthly lead to the month’s report, and its kecamatan table downloads', async ({ page }) => {
  await signIn(page, 'manager', `/?bulan=${MONTH}`);
  await page.getByRole('link', { name: 'Cetak laporan bulanan' }).click();
  await expect(page).toHaveURL(new RegExp(`/print/monthly\\?bulan=${MONTH}$`));
  await expect(page.getByRole('heading', { name: 'Laporan Bulanan Direksi', level: 1 })).toBeVisible();
  // its place among the Laporan
  await page.goto(`/reports/monthly?bulan=${MONTH}`);
  await expect(page).toHaveURL(new RegExp(`/print/monthly\\?bulan=${MONTH}$`));
  const csv = await page.request.get(`/export/monthly-kecamatan?bulan=${MONTH}&format=csv`);
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain('Perubahan sebulan');
});

test('printing the overview itself: every chart whole on its page, the scores coloured, no page mostly empty', async ({ page }, testInfo) => {
  await signIn(page, 'director', `/?bulan=${MONTH}`);
  for (const name of ['trend', 'waterfall', 'age', 'kecamatan-bar', 'kecamatan-map']) {
    await expect(page.locator(`figure[data-chart="${name}"]`)).toHaveAttribute('data-live', 'true');
  }
  const pdf = await page.pdf({ format: 'A4' });
  keep(pdf, testInfo.outputPath('overview.pdf'));
  // before the print CSS: five pages, the trend cut in two and most of the second page empty
  expect(pdfPages(pdf)).toBeLessThanOrEqual(3);
  await page.emulateMedia({ media: 'print' });
  expect(await page.locator('.score-badge').first().evaluate((el) => getComputedStyle(el).printColorAdjust)).toBe('exact');
  // a live chart drawn again at its printed box: its drawing is as wide as the box
  const trend = page.locator('figure[data-chart="trend"]');
  const [box, drawn] = await trend.evaluate((f) => [f.getBoundingClientRect().width, Number(f.querySelector('.chart-live svg')?.getAttribute('width'))]);
  expect(Math.abs(box - drawn)).toBeLessThan(2);
});

test.describe('with a reduction target set', () => {
  // a server of its own: the target is a setting the other specs read
  const port = E2E_PORT + 1000;
  let server: IsolatedServer | undefined;
  test.beforeAll(async () => {
    server = await isolatedServer('monthly', port);
    writeFileSync(server.settings, JSON.stringify({ arrears_target: { percent: 12.5, by_date: '2025-12-31', base_month: '2024-12' } }));
  });
  test.afterAll(async () => server?.stop());
  test.use({ baseURL: `http://localhost:${port}` });

  test('the target sentence and the trend’s status say where it stands, on the same two pages', async ({ page }, testInfo) => {
    await signIn(page, 'director');
    await page.goto(REPORT);
    const sentence = page.locator('[data-sentence="target"]');
    await expect(sentence).toContainText('Target pengurangan 12,5% menjadi ');
    await expect(sentence).toContainText(' pada 31 Desember 2025: ');
    // the sentence and the trend's status chip agree
    const status = ((await page.getByTestId('target-status').textContent()) ?? '').trim();
    expect(status).not.toBe('');
    await expect(sentence).toContainText(`: ${status.toLowerCase()}`);
    for (const name of ['trend', 'waterfall', 'age']) await expect(page.locator(`figure[data-chart="${name}"]`)).toHaveAttribute('data-live', 'true');
    const pdf = await page.pdf({ format: 'A4' });
    keep(pdf, testInfo.outputPath('monthly-report-target.pdf'));
    expect(pdfPages(pdf)).toBe(2);
  });
});
