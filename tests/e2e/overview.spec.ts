/**
 * The directors' overview (issue 3 §3–5): charts as SVG in the server's HTML before any JavaScript,
 * the language switch, the as-of month, following a kecamatan (link and bar), and the figures equal
 * to what `npm run report` prints for the same warehouse and month.
 */
import { expect, test, type Page } from '@playwright/test';
import { FIXTURE } from './support/paths';
import { runScript } from './support/server';
import { signIn } from './support/session';

const CHARTS = ['trend', 'waterfall', 'age', 'kecamatan-bar', 'kecamatan-map'];

interface ArrearsReportJson {
  as_of: string;
  total_arrears: number;
  customers: number;
  rows: { group: string; code: string | null; arrears: number; customers: number }[];
}

/** `npx tsx etl/report/cli.ts arrears --as-of <day> --format json` on the fixture's warehouse. */
function reportArrears(asOf: string): ArrearsReportJson {
  return JSON.parse(runScript('etl/report/cli.ts', ['arrears', '--as-of', asOf, '--format', 'json'], { KABA_WAREHOUSE: FIXTURE.warehouse }));
}

function reportMovement(month: string): { opening: number; newly_overdue: number; recovered: number; written_off: number; closing: number } {
  return JSON.parse(runScript('etl/report/cli.ts', ['movement', '--month', month, '--format', 'json'], { KABA_WAREHOUSE: FIXTURE.warehouse }));
}

const kpi = (page: Page, name: string) => page.locator(`[data-kpi="${name}"]`);

test('the charts are SVG in the server HTML, before any JavaScript runs', async ({ page }) => {
  await signIn(page, 'director');
  // The request fixture of the signed-in context: the raw HTML the server sends, no script has run.
  const res = await page.request.get('/?bulan=2025-06');
  expect(res.status()).toBe(200);
  const html = await res.text();
  for (const name of CHARTS) {
    const figure = new RegExp(`<figure[^>]*data-chart="${name}"[^>]*>\\s*<div[^>]*class="chart-ssr"[^>]*>\\s*<svg[^>]*viewBox="0 0 \\d+ \\d+"`);
    expect(html, `chart ${name}`).toMatch(figure);
  }
  expect(html).toContain('data-live="false"');
  // ECharts is not in the page's initial scripts: it is loaded by import() after hydration.
  const scripts = [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="([^"]+\.js)"/g)].map((m) => m[1]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const src of scripts) expect(src).not.toMatch(/live\.client|echarts/);

  // With JavaScript on, each chart is taken over by the live ECharts instance.
  await page.goto('/?bulan=2025-06');
  for (const name of CHARTS) await expect(page.locator(`figure[data-chart="${name}"]`)).toHaveAttribute('data-live', 'true');
  await expect(page.locator('figure[data-chart="trend"] .chart-live svg')).toHaveCount(1);
});

test("the director's overview shows the same figures as npm run report", async ({ page }) => {
  const report = reportArrears('2025-06-30');
  const movement = reportMovement('2025-06');
  await signIn(page, 'director', '/?bulan=2025-06');
  await expect(page.getByRole('heading', { name: 'Ringkasan', level: 1 })).toBeVisible();
  await expect(kpi(page, 'total_arrears')).toHaveAttribute('data-value', String(report.total_arrears));
  await expect(kpi(page, 'total_arrears')).toContainText(`Rp${report.total_arrears.toLocaleString('id-ID')}`);
  await expect(kpi(page, 'customers_in_arrears')).toHaveAttribute('data-value', String(report.customers));
  const table = page.getByTestId('kecamatan-table');
  await expect(table.locator('tbody tr')).toHaveCount(report.rows.length);
  for (const row of report.rows) {
    const link = table.locator(`a[data-kecamatan="${row.code}"]`);
    await expect(link).toHaveText(row.group);
    await expect(link.locator('xpath=ancestor::tr').locator('td[data-value]').first()).toHaveAttribute('data-value', String(row.arrears));
  }
  // the waterfall adds up to the rupiah, with the report's movement
  const equation = page.getByTestId('waterfall-equation');
  for (const v of [movement.opening, movement.newly_overdue, movement.recovered, movement.closing]) {
    await expect(equation).toContainText(`Rp${v.toLocaleString('id-ID')}`);
  }
  expect(movement.closing).toBe(report.total_arrears);

  // the API serves the same figures, as JSON and as CSV
  const api = await (await page.request.get('/api/v1/overview?as_of=2025-06')).json();
  expect(api.total_arrears).toBe(report.total_arrears);
  expect(api.customers_in_arrears).toBe(report.customers);
  expect(api.by_kecamatan.map((k: { code: string; arrears: number; customers: number }) => [k.code, k.arrears, k.customers])).toEqual(
    report.rows.map((r) => [r.code, r.arrears, r.customers])
  );
  expect(api.movement).toMatchObject(movement);
  expect(api.current_arrears + api.legacy_arrears).toBe(report.total_arrears);
  expect(api.checks).toEqual({ movement_closing_equals_total_arrears: true, age_buckets_add_up_to_total_arrears: true });
  const csv = await page.request.get('/api/v1/overview?as_of=2025-06', { headers: { Accept: 'text/csv' } });
  expect(csv.headers()['content-type']).toContain('text/csv');
  expect(await csv.text()).toContain(`kpi,total_arrears,,${report.total_arrears}\n`);
});

test('every role sees the overview', async ({ page }) => {
  const report = reportArrears('2025-06-30');
  for (const role of ['manager', 'supervisor', 'admin'] as const) {
    await page.context().clearCookies();
    await signIn(page, role);
    await expect(kpi(page, 'total_arrears')).toHaveAttribute('data-value', String(report.total_arrears));
  }
});

test('the overview switches to English and back', async ({ page }) => {
  await signIn(page, 'director');
  await expect(page.getByRole('heading', { name: 'Ringkasan', level: 1 })).toBeVisible();
  await expect(kpi(page, 'total_arrears')).toContainText('Total tunggakan');
  await expect(kpi(page, 'total_arrears').locator('.kpi-value')).toHaveText(/^Rp[\d,]+ (M|jt)$/);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();
  await expect(kpi(page, 'total_arrears')).toContainText('Total arrears');
  await expect(kpi(page, 'total_arrears').locator('.kpi-value')).toHaveText(/^Rp[\d.]+(B|M)$/);
  await expect(page.getByRole('heading', { name: /^Arrears movement in June 2025$/ })).toBeVisible();
  // the server-rendered charts are in English too
  const html = await (await page.request.get('/')).text();
  expect(html).toContain('Total arrears');
  await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
  await expect(page.getByRole('heading', { name: 'Ringkasan', level: 1 })).toBeVisible();
});

test('changing the month shows that month', async ({ page }) => {
  const march = reportArrears('2025-03-31');
  await signIn(page, 'director');
  await expect(page.getByText('Posisi tunggakan pelanggan per akhir Juni 2025')).toBeVisible();
  await page.getByRole('combobox', { name: 'Per bulan' }).selectOption({ label: 'Maret 2025' });
  await expect(page).toHaveURL(/\/\?bulan=2025-03$/);
  await expect(page.getByText('Posisi tunggakan pelanggan per akhir Maret 2025')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Pergerakan tunggakan Maret 2025' })).toBeVisible();
  await expect(kpi(page, 'total_arrears')).toHaveAttribute('data-value', String(march.total_arrears));
  await expect(page.locator('.ov')).toHaveAttribute('data-as-of', '2025-03');
});

test('a kecamatan link leads to its desa, for the same month', async ({ page }) => {
  const report = reportArrears('2025-03-31');
  const top = report.rows[0];
  await signIn(page, 'director', '/?bulan=2025-03');
  await page.getByTestId('kecamatan-table').getByRole('link', { name: top.group, exact: true }).click();
  // into the arrears drill-down (the old /kecamatan/<code> page redirects there)
  await expect(page).toHaveURL(new RegExp(`/arrears/${top.code!.replace(/\./g, '\\.')}\\?bulan=2025-03$`));
  await expect(page.getByRole('heading', { name: `Kecamatan ${top.group}`, level: 1 })).toBeVisible();
  await expect(page.getByTestId('arrears-total')).toHaveAttribute('data-value', String(top.arrears));
  const desa = reportDesa('2025-03-31').rows.filter((r) => r.code?.startsWith(`${top.code}.`));
  await expect(page.getByTestId('arrears-areas').locator('tbody tr')).toHaveCount(desa.length);
  await expect(page.getByTestId('arrears-areas').locator('tbody tr').first().locator('th')).toHaveText(desa[0].group);
  await page.goBack();
  await expect(page).toHaveURL(/\/\?bulan=2025-03$/);
});

test('clicking a kecamatan bar follows it', async ({ page }) => {
  const report = reportArrears('2025-06-30');
  await signIn(page, 'director', '/?bulan=2025-06');
  const chart = page.locator('figure[data-chart="kecamatan-bar"]');
  await expect(chart).toHaveAttribute('data-live', 'true');
  // the bars are the chart's paths in the bar colour, largest first
  await chart.locator('.chart-live path[fill="#1f6fb2"]').first().click();
  await expect(page).toHaveURL(new RegExp(`/arrears/${report.rows[0].code!.replace(/\./g, '\\.')}\\?bulan=2025-06$`));
  await expect(page.getByRole('heading', { name: `Kecamatan ${report.rows[0].group}`, level: 1 })).toBeVisible();
});

function reportDesa(asOf: string): ArrearsReportJson {
  return JSON.parse(
    runScript('etl/report/cli.ts', ['arrears', '--as-of', asOf, '--by', 'desa', '--format', 'json'], { KABA_WAREHOUSE: FIXTURE.warehouse })
  );
}
