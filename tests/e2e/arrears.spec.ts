/**
 * The arrears drill-down in Chromium (issue 8 §1): a director clicks from the overview down to a desa's
 * customers and on to a customer, and comes back with the back button; the filters change the figures
 * and stay in the URL; a manager sees the aggregates but no customer list. Through the API, on the demo
 * fixture, the levels add up to the overview's total.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { signIn } from './support/session';

const MONTH = '2025-06';

interface AreaBody {
  total_arrears: number;
  customers: number;
  rows: { code: string; name: string; arrears: number; customers: number; bills: number }[];
}
interface CustomerBody {
  total_arrears: number;
  customers: number;
  rows: { customer_id: string; desa_code: string; arrears: number; bills: number }[];
}

async function api<T>(request: APIRequestContext, search: string): Promise<T> {
  const res = await request.get(`/api/v1/arrears?${search}`);
  expect(res.status(), search).toBe(200);
  return (await res.json()) as T;
}

const total = (page: Page) => page.getByTestId('arrears-total');

test('a director drills from the overview to a customer and back with the back button', async ({ page }) => {
  await signIn(page, 'director', `/?bulan=${MONTH}`);
  const kecamatan = await api<AreaBody>(page.request, `as_of=${MONTH}&level=kecamatan`);
  const top = kecamatan.rows[0];
  await page.getByTestId('kecamatan-table').getByRole('link', { name: top.name, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/arrears/${top.code.replace(/\./g, '\\.')}\\?bulan=${MONTH}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Tunggakan di Kecamatan ${top.name}`);
  await expect(total(page)).toHaveAttribute('data-value', String(top.arrears));

  const desa = await api<AreaBody>(page.request, `as_of=${MONTH}&level=desa&kecamatan=${top.code}`);
  const busiest = desa.rows[0];
  const areas = page.getByTestId('arrears-areas');
  await expect(areas.locator('tbody tr')).toHaveCount(desa.rows.length);
  await areas.getByRole('link', { name: busiest.name, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/arrears/${top.code.replace(/\./g, '\\.')}/${busiest.code.replace(/\./g, '\\.')}\\?bulan=${MONTH}$`));
  await expect(total(page)).toHaveAttribute('data-value', String(busiest.arrears));
  const customers = page.getByTestId('arrears-customers');
  await expect(customers.locator('tbody tr')).toHaveCount(Math.min(50, busiest.customers));
  await page.screenshot({ path: 'test-results/arrears-customers.png', fullPage: true });

  const first = customers.locator('[data-customer-link]').first();
  const id = await first.getAttribute('data-customer-link');
  await first.click();
  await expect(page).toHaveURL(new RegExp(`/customers/${id}\\?bulan=${MONTH}$`));

  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`/arrears/[\\d.]+/${busiest.code.replace(/\./g, '\\.')}\\?bulan=${MONTH}$`));
  await expect(total(page)).toHaveAttribute('data-value', String(busiest.arrears));
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`/arrears/${top.code.replace(/\./g, '\\.')}\\?bulan=${MONTH}$`));
  await expect(total(page)).toHaveAttribute('data-value', String(top.arrears));
  await expect(page.getByTestId('arrears-areas').locator('tbody tr')).toHaveCount(desa.rows.length);
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`/\\?bulan=${MONTH}$`));
});

test('breadcrumbs go back up, keeping the month and the filters', async ({ page }) => {
  const kecamatan = await (async () => {
    await signIn(page, 'director', `/arrears?bulan=${MONTH}&status=active`);
    return api<AreaBody>(page.request, `as_of=${MONTH}&level=kecamatan&status=active`);
  })();
  const top = kecamatan.rows[0];
  await page.getByTestId('arrears-areas').getByRole('link', { name: top.name, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/arrears/${top.code.replace(/\./g, '\\.')}\\?bulan=${MONTH}&status=active$`));
  await page.getByRole('navigation', { name: 'Jejak wilayah' }).getByRole('link', { name: 'Semua kecamatan' }).click();
  await expect(page).toHaveURL(new RegExp(`/arrears\\?bulan=${MONTH}&status=active$`));
  await expect(total(page)).toHaveAttribute('data-value', String(kecamatan.total_arrears));
});

test('the filters change the figures and stay in the URL', async ({ page }) => {
  await signIn(page, 'director', `/arrears?bulan=${MONTH}`);
  const all = await api<AreaBody>(page.request, `as_of=${MONTH}&level=kecamatan`);
  await expect(total(page)).toHaveAttribute('data-value', String(all.total_arrears));

  const filters = page.getByRole('form', { name: 'Saring' });
  await filters.getByLabel('Umur tunggakan').selectOption('>60');
  await filters.getByLabel('Tunggakan minimal (Rp)').fill('1000000');
  await filters.getByRole('button', { name: 'Terapkan' }).click();
  await expect(page).toHaveURL(/[?&]age=%3E60(&|$)/);
  await expect(page).toHaveURL(/[?&]min_amount=1000000(&|$)/);
  const filtered = await api<AreaBody>(page.request, `as_of=${MONTH}&level=kecamatan&age=%3E60&min_amount=1000000`);
  expect(filtered.total_arrears).toBeLessThan(all.total_arrears);
  await expect(total(page)).toHaveAttribute('data-value', String(filtered.total_arrears));

  // choosing a kecamatan in the bar moves it into the path; the other filters stay
  const kec = filtered.rows[0];
  await page.getByRole('form', { name: 'Saring' }).getByLabel('Kecamatan').selectOption(kec.code);
  await page.getByRole('form', { name: 'Saring' }).getByRole('button', { name: 'Terapkan' }).click();
  await expect(page).toHaveURL(new RegExp(`/arrears/${kec.code.replace(/\./g, '\\.')}\\?`));
  await expect(page).toHaveURL(/age=%3E60/);
  await expect(total(page)).toHaveAttribute('data-value', String(kec.arrears));
  await page.screenshot({ path: 'test-results/arrears-desa-filtered.png', fullPage: true });

  await page.goBack();
  await expect(total(page)).toHaveAttribute('data-value', String(filtered.total_arrears));
  await expect(page.getByRole('form', { name: 'Saring' }).getByLabel('Umur tunggakan')).toHaveValue('>60');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the filter bar is a plain GET form', async ({ page }) => {
    await signIn(page, 'director', `/arrears?bulan=${MONTH}`);
    const filters = page.getByRole('form', { name: 'Saring' });
    await filters.getByLabel('Status pelanggan').selectOption('sealed');
    await filters.getByRole('button', { name: 'Terapkan' }).click();
    await expect(page).toHaveURL(/[?&]status=sealed(&|$)/);
    const sealed = await api<AreaBody>(page.request, `as_of=${MONTH}&level=kecamatan&status=sealed`);
    await expect(total(page)).toHaveAttribute('data-value', String(sealed.total_arrears));
  });
});

test('a manager sees the kecamatan and desa levels, but no customer list (403, and no link to it)', async ({ page }) => {
  await signIn(page, 'manager', `/arrears?bulan=${MONTH}`);
  const kecamatan = await api<AreaBody>(page.request, `as_of=${MONTH}&level=kecamatan`);
  const top = kecamatan.rows[0];
  await page.getByTestId('arrears-areas').getByRole('link', { name: top.name, exact: true }).click();
  await expect(total(page)).toHaveAttribute('data-value', String(top.arrears));
  const areas = page.getByTestId('arrears-areas');
  await expect(areas.locator('tbody tr').first()).toBeVisible();
  await expect(areas.locator('tbody a')).toHaveCount(0);
  const desa = await api<AreaBody>(page.request, `as_of=${MONTH}&level=desa&kecamatan=${top.code}`);
  const list = await page.request.get(`/arrears/${top.code}/${desa.rows[0].code}?bulan=${MONTH}`);
  expect(list.status()).toBe(403);
  expect((await page.request.get(`/api/v1/arrears?as_of=${MONTH}&level=customer`)).status()).toBe(403);
  expect((await page.request.get(`/export/arrears-customers?format=csv&kecamatan=${top.code}&desa=${desa.rows[0].code}`)).status()).toBe(403);
});

test('through the API: customers add up to their desa, desa to their kecamatan, kecamatan to the overview', async ({ page }) => {
  await signIn(page, 'director', `/?bulan=${MONTH}`);
  const overview = (await (await page.request.get(`/api/v1/overview?as_of=${MONTH}`)).json()) as { total_arrears: number; customers_in_arrears: number };
  for (const filter of ['', '&status=active', '&age=13-24&min_amount=200000']) {
    const kecamatan = await api<AreaBody>(page.request, `as_of=${MONTH}&level=kecamatan${filter}`);
    if (filter === '') expect([kecamatan.total_arrears, kecamatan.customers]).toEqual([overview.total_arrears, overview.customers_in_arrears]);
    expect(kecamatan.rows.reduce((s, r) => s + r.arrears, 0)).toBe(kecamatan.total_arrears);
    const customers = await api<CustomerBody>(page.request, `as_of=${MONTH}&level=customer&page_size=1000${filter}`);
    expect([customers.total_arrears, customers.customers]).toEqual([kecamatan.total_arrears, kecamatan.customers]);
    expect(customers.rows.length).toBe(customers.customers);
    for (const k of kecamatan.rows) {
      const desa = await api<AreaBody>(page.request, `as_of=${MONTH}&level=desa&kecamatan=${k.code}${filter}`);
      const sums = (rows: { arrears: number; customers?: number; bills: number }[]) => [
        rows.reduce((s, r) => s + r.arrears, 0),
        rows.reduce((s, r) => s + (r.customers ?? 1), 0),
        rows.reduce((s, r) => s + r.bills, 0),
      ];
      expect(sums(desa.rows), k.code).toEqual([k.arrears, k.customers, k.bills]);
      for (const d of desa.rows) expect(sums(customers.rows.filter((c) => c.desa_code === d.code)), d.code).toEqual([d.arrears, d.customers, d.bills]);
    }
  }
});

test('the API names a bad parameter', async ({ page }) => {
  await signIn(page, 'director');
  for (const [search, param] of [
    ['as_of=1999-01', 'as_of'],
    ['level=rt', 'level'],
    ['level=customer&page_size=5000', 'page_size'],
    ['age=99', 'age'],
  ]) {
    const res = await page.request.get(`/api/v1/arrears?${search}`);
    expect(res.status(), search).toBe(400);
    expect((await res.json()).param).toBe(param);
  }
  const arrow = await page.request.get(`/api/v1/arrears?as_of=${MONTH}&format=arrow`);
  expect(arrow.headers()['content-type']).toBe('application/vnd.apache.arrow.stream');
});
