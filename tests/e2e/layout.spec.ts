/**
 * The signed-in layout (issue 3 §1): the as-of month kept across the navigation, the placeholders,
 * security headers and the CSP nonce that lets Remix's own scripts (and only those) run.
 */
import { expect, test, type ConsoleMessage } from '@playwright/test';
import { signIn } from './support/session';

test('the as-of month is chosen in the top bar and kept across the navigation', async ({ page }) => {
  await signIn(page, 'director', '/arrears');
  // the top bar's month (the arrears page's filter bar has one of its own, further down)
  const month = page.getByRole('combobox', { name: 'Per bulan' }).first();
  await expect(month).toHaveValue('2025-06');
  const nav = page.getByRole('navigation', { name: 'Navigasi utama' });
  await expect(nav.getByRole('link', { name: 'Penagihan' })).toHaveAttribute('href', '/collections');
  await month.selectOption({ label: 'Maret 2025' });
  await expect(page).toHaveURL(/\/arrears\?bulan=2025-03$/);
  await expect(nav.getByRole('link', { name: 'Penagihan' })).toHaveAttribute('href', '/collections?bulan=2025-03');
  await nav.getByRole('link', { name: 'Data' }).click();
  await expect(page).toHaveURL(/\/data\?bulan=2025-03$/);
  await expect(month).toHaveValue('2025-03');
  await expect(nav.getByRole('link', { name: 'Data' })).toHaveAttribute('aria-current', 'page');
});

test('a month the warehouse does not have falls back to the last complete month', async ({ page }) => {
  await signIn(page, 'manager', '/arrears?bulan=2031-01');
  await expect(page.getByRole('combobox', { name: 'Per bulan' }).first()).toHaveValue('2025-06');
  const nav = page.getByRole('navigation', { name: 'Navigasi utama' });
  await expect(nav.getByRole('link', { name: 'Ringkasan' })).toHaveAttribute('href', '/');
});

test('an unknown page inside the app is a 404 with the layout', async ({ page }) => {
  await signIn(page, 'manager');
  const res = await page.goto('/tidak-ada');
  expect(res?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Halaman tidak ditemukan' })).toBeVisible();
  await expect(page.getByTestId('user-name')).toHaveText('manajer');
});

test('pages carry the security headers, and the CSP nonce is on every inline script', async ({ page }) => {
  await signIn(page, 'admin');
  const res = await page.goto('/data');
  const h = res!.headers();
  const csp = h['content-security-policy'];
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}'/);
  expect(csp).not.toContain("'unsafe-eval'");
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(h['x-content-type-options']).toBe('nosniff');
  expect(h['referrer-policy']).toBe('same-origin');
  expect(h['x-frame-options']).toBe('DENY');
  expect(h['cache-control']).toBe('private, no-store');
  const nonce = /'nonce-([^']+)'/.exec(csp)![1];
  const html = await res!.text();
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)];
  expect(inline.length).toBeGreaterThan(0);
  for (const [, attrs] of inline) expect(attrs).toContain(`nonce="${nonce}"`);
  // the same page again is served from the rendered documents (app/lib/document-cache.server.ts):
  // its own nonce, in the header and on every inline script, and otherwise the same document
  const again = await page.request.get('/data');
  const cspAgain = again.headers()['content-security-policy'];
  expect(cspAgain).not.toBe(csp);
  const nonceAgain = /'nonce-([^']+)'/.exec(cspAgain)![1];
  const htmlAgain = await again.text();
  expect(htmlAgain).not.toContain(nonce);
  for (const [, attrs] of htmlAgain.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)) expect(attrs).toContain(`nonce="${nonceAgain}"`);
  expect(htmlAgain.replaceAll(nonceAgain, 'NONCE')).toBe(html.replaceAll(nonce, 'NONCE'));
});

test('API answers and redirects carry the security headers too', async ({ page, request }) => {
  for (const res of [await request.get('/api/v1/me'), await request.get('/', { maxRedirects: 0 })]) {
    const h = res.headers();
    expect(h['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(h['x-content-type-options']).toBe('nosniff');
    expect(h['x-frame-options']).toBe('DENY');
  }
  await signIn(page, 'director');
  const api = await page.request.get('/api/v1/loads?limit=1');
  expect(api.headers()['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
  expect(api.headers()['cache-control']).toBe('private, no-store');
});

test('the app hydrates and navigates on the client with no console errors (CSP violations included)', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await signIn(page, 'admin', '/arrears');
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
  const nav = page.getByRole('navigation', { name: 'Navigasi utama' });
  await nav.getByRole('link', { name: 'Data' }).click();
  await expect(page.getByRole('heading', { name: 'Riwayat muat' })).toBeVisible();
  await nav.getByRole('link', { name: 'Penagihan' }).click();
  await expect(page.getByRole('heading', { name: 'Penagihan', level: 1 })).toBeVisible();
  // no full page load happened: the marker survived, so React took over (its scripts ran under the CSP)
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
  expect(problems).toEqual([]);
});

test('the favicon and robots.txt are served', async ({ request }) => {
  expect((await request.get('/favicon.svg')).headers()['content-type']).toContain('image/svg+xml');
  expect(await (await request.get('/robots.txt')).text()).toContain('Disallow: /');
});

test('screenshot of the signed-in layout', async ({ page }, info) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await signIn(page, 'admin', '/data');
  await expect(page.getByRole('heading', { name: 'Riwayat muat' })).toBeVisible();
  await page.screenshot({ path: info.outputPath('layout-data.png') });
  await page.goto('/collections?bulan=2025-03');
  await page.screenshot({ path: info.outputPath('layout-placeholder.png') });
});
