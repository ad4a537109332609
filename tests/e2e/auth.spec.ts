/**
 * Sign-in and roles (issue 3 §2): every route refuses anonymous visitors, each role signs in and sees
 * its menu, wrong passwords and too many attempts are told apart, sign-out ends the session, personal
 * data stays away from managers, forms need their CSRF token, API tokens work.
 */
import { expect, test, type APIResponse } from '@playwright/test';
import { FIXTURE } from './support/paths';
import { routeSamples } from './support/routes';
import { runScript } from './support/server';
import { demoUser, DEMO_USERS, signIn } from './support/session';

test.describe('without signing in', () => {
  const samples = routeSamples();

  test('every route file is covered', () => {
    expect(samples.filter((s) => s.kind === 'page').length).toBeGreaterThanOrEqual(6);
    expect(samples.filter((s) => s.kind === 'api').length).toBeGreaterThanOrEqual(3);
  });

  test('every page redirects to the sign-in page, remembering where it was going', async ({ request }) => {
    const pages = [...samples.filter((s) => s.kind === 'page').map((s) => s.url), '/data?bulan=2025-04', '/tidak/ada/sama/sekali'];
    for (const url of pages) {
      const res = await request.get(url, { maxRedirects: 0 });
      expect(res.status(), url).toBe(302);
      expect(res.headers().location, url).toBe(`/login?redirectTo=${encodeURIComponent(url)}`);
    }
  });

  test('loader data requests (client navigation) are redirected too', async ({ request }) => {
    for (const [url, route] of [
      ['/', 'routes/_app._index'],
      ['/data', 'routes/_app.data'],
      ['/data', 'routes/_app'],
      ['/arrears', 'routes/_app.arrears'],
    ]) {
      const res = await request.get(`${url}?_data=${encodeURIComponent(route)}`, { maxRedirects: 0 });
      expect(res.status(), route).toBe(204);
      expect(res.headers()['x-remix-redirect'], route).toMatch(/^\/login\?redirectTo=/);
      expect(await res.text()).toBe('');
    }
  });

  test('every API endpoint answers 401 JSON', async ({ request }) => {
    const urls = [...samples.filter((s) => s.kind === 'api').map((s) => s.url), '/api/v1/overview?as_of=2025-06&format=csv', '/api/v2/apa-saja'];
    const unauthorized = async (res: APIResponse, what: string) => {
      expect(res.status(), what).toBe(401);
      expect(res.headers()['content-type'], what).toContain('application/json');
      expect(res.headers()['www-authenticate'], what).toContain('Bearer');
      expect((await res.json()).error, what).toBe('unauthorized');
    };
    for (const url of urls) await unauthorized(await request.get(url, { maxRedirects: 0 }), `GET ${url}`);
    await unauthorized(await request.post('/api/v1/tidak-ada', { maxRedirects: 0 }), 'POST to an unknown endpoint');
  });

  test('a made-up or malformed token is refused', async ({ request }) => {
    for (const auth of ['Bearer kaba_bukan-token', 'Bearer', 'Basic YWRtaW46YWRtaW4tZGVtbw==']) {
      const res = await request.get('/api/v1/me', { headers: { Authorization: auth } });
      expect(res.status(), auth).toBe(401);
    }
  });

  test('sign-out and language only accept POST', async ({ request }) => {
    for (const url of ['/logout', '/language']) {
      const res = await request.get(url, { maxRedirects: 0 });
      expect(res.status()).toBe(302);
      expect(res.headers().location).toBe('/');
    }
  });
});

test.describe('signing in', () => {
  const menus: Record<string, string[]> = {
    director: ['Ringkasan', 'Tunggakan', 'Kanal Pembayaran', 'Penagihan', 'Laporan', 'Data'],
    manager: ['Ringkasan', 'Tunggakan', 'Kanal Pembayaran', 'Penagihan', 'Laporan'],
    supervisor: ['Ringkasan', 'Tunggakan', 'Penagihan', 'Laporan'],
    admin: ['Ringkasan', 'Tunggakan', 'Kanal Pembayaran', 'Penagihan', 'Laporan', 'Data'],
  };
  const roleNames: Record<string, string> = { director: 'Direktur', manager: 'Manajer', supervisor: 'Supervisor', admin: 'Admin' };

  for (const { role } of DEMO_USERS) {
    test(`as ${role}: the layout with the role's menu, the as-of month and the freshness`, async ({ page }) => {
      await signIn(page, role);
      await expect(page).toHaveURL(/\/$/);
      await expect(page.getByTestId('user-role')).toContainText(roleNames[role]);
      const nav = page.getByRole('navigation', { name: 'Navigasi utama' });
      await expect(nav.getByRole('link')).toHaveText(menus[role]);
      await expect(page.getByRole('combobox', { name: 'Per bulan' })).toHaveValue('2025-06');
      await expect(page.getByTestId('latest-bill-period')).toHaveText('Juni 2025');
      await expect(page.getByTestId('last-load')).toHaveText(/^\d{1,2} \w{3} \d{4} \d{2}:\d{2}$/);
      await expect(page.getByRole('button', { name: 'Keluar' })).toBeVisible();
    });
  }

  test('a supervisor sees their team, and no access to pages outside their role', async ({ page }) => {
    await signIn(page, 'supervisor');
    await expect(page.getByTestId('user-role')).toContainText(/Tim \S+/);
    for (const path of ['/data', '/channels']) {
      const res = await page.goto(path);
      expect(res?.status()).toBe(403);
      await expect(page.getByRole('heading', { name: 'Tidak ada akses' })).toBeVisible();
      await expect(page.getByTestId('user-name')).toHaveText('supervisor');
    }
  });

  test('a wrong password says so, keeps the name, and does not sign in', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('Nama pengguna').fill('direktur');
    await page.getByLabel('Kata sandi').fill('bukan-sandinya');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await expect(page.getByRole('alert')).toHaveText('Nama pengguna atau kata sandi salah.');
    await expect(page.getByLabel('Nama pengguna')).toHaveValue('direktur');
    await expect(page).toHaveURL(/\/login/);
    const res = await page.request.get('/api/v1/me');
    expect(res.status()).toBe(401);
  });

  test('too many failures on one account are refused for a while, in the page language', async ({ page }) => {
    await page.goto('/login');
    for (let i = 0; i < 5; i++) {
      await page.getByLabel('Nama pengguna').fill('penyusup');
      await page.getByLabel('Kata sandi').fill(`tebakan-${i}`);
      await page.getByRole('button', { name: 'Masuk' }).click();
      await expect(page.getByRole('alert')).toHaveText('Nama pengguna atau kata sandi salah.');
    }
    await page.getByLabel('Kata sandi').fill('tebakan-lagi');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await expect(page.getByRole('alert')).toHaveText(/^Terlalu banyak percobaan masuk yang gagal\. Coba lagi dalam 1[45] menit\.$/);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByLabel('User name').fill('penyusup');
    await page.getByLabel('Password').fill('tebakan-lagi');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toHaveText(/^Too many failed sign-ins\. Try again in 1[45] minutes\.$/);
  });

  test('after signing in, the page asked for is shown', async ({ page }) => {
    await page.goto('/data?bulan=2025-03');
    await expect(page).toHaveURL(/\/login\?redirectTo=%2Fdata%3Fbulan%3D2025-03$/);
    const user = demoUser('admin');
    await page.getByLabel('Nama pengguna').fill(user.name);
    await page.getByLabel('Kata sandi').fill(user.password);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await expect(page).toHaveURL(/\/data\?bulan=2025-03$/);
    await expect(page.getByRole('heading', { name: 'Data', level: 1 })).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Per bulan' })).toHaveValue('2025-03');
  });
});

test('signing out ends the session', async ({ page }) => {
  await signIn(page, 'manager');
  await page.getByRole('button', { name: 'Keluar' }).click();
  await expect(page).toHaveURL(/\/login\?signedOut=1$/);
  await expect(page.getByRole('status')).toHaveText('Anda telah keluar.');
  expect((await page.request.get('/api/v1/me')).status()).toBe(401);
  await page.goto('/arrears');
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Farrears$/);
});

test('the language switch is remembered across pages and sign-ins', async ({ page, context }) => {
  await signIn(page, 'director');
  await expect(page.locator('html')).toHaveAttribute('lang', 'id');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await expect(nav.getByRole('link', { name: 'Payment channels' })).toBeVisible();
  await nav.getByRole('link', { name: 'Arrears' }).click();
  await expect(page.getByRole('heading', { name: 'Arrears', level: 1 })).toBeVisible();
  // a page the switch was not made on is English too
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const cookie = (await context.cookies()).find((c) => c.name === 'kaba_lang');
  expect(cookie?.expires).toBeGreaterThan(Date.now() / 1000 + 300 * 24 * 3600);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to Kaba' })).toBeVisible();
  await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
  await expect(page.getByRole('heading', { name: 'Masuk ke Kaba' })).toBeVisible();
});

test.describe('personal data', () => {
  // The generator's deliberately bad customers.csv rows carry a customer's name, address and phone.
  const NAME = 'Rahmat Hidayat';

  test('a director sees the rejected lines with names on the Data page', async ({ page }) => {
    await signIn(page, 'director', '/data?file=customers.csv');
    const table = page.getByRole('table').filter({ hasText: 'Alasan' });
    await expect(table).toContainText(NAME);
    expect((await (await page.request.get('/api/v1/loads?file=customers.csv')).text()).includes(NAME)).toBe(true);
  });

  test('a manager gets no access to the Data page and aggregates only from the API', async ({ page }) => {
    await signIn(page, 'manager');
    const res = await page.goto('/data?file=customers.csv');
    expect(res?.status()).toBe(403);
    expect(await res?.text()).not.toContain(NAME);
    await expect(page.getByRole('heading', { name: 'Tidak ada akses' })).toBeVisible();
    const data = await page.request.get('/data?file=customers.csv&_data=routes%2F_app.data');
    expect(data.status()).toBe(403);
    expect(await data.text()).not.toContain(NAME);
    const api = await page.request.get('/api/v1/loads?file=customers.csv');
    expect(api.status()).toBe(200);
    const body = await api.json();
    expect(body.rejects.personal_data_hidden).toBe(true);
    expect(body.rejects.count).toBeGreaterThan(0);
    expect(body.rejects.rows.every((r: { raw: string | null; reason: string }) => r.raw === null && r.reason.length > 0)).toBe(true);
    expect(JSON.stringify(body)).not.toContain(NAME);
  });
});

test.describe('cross-site requests', () => {
  test('state-changing forms need the session’s CSRF token and our Origin', async ({ page }) => {
    await signIn(page, 'admin', '/data');
    const form = { percent: '20', base_month: '2025-06', by_date: '2026-12-31' };
    const noToken = await page.request.post('/data', { form, maxRedirects: 0 });
    expect(noToken.status()).toBe(403);
    const csrf = await page.locator('input[name=csrf]').first().inputValue();
    // A foreign Origin: Remix itself aborts document POSTs (with a 500) before any action runs;
    // our check refuses the same on data requests (client-side form submissions).
    const foreign = await page.request.post('/data', { form: { ...form, csrf }, headers: { Origin: 'http://evil.example' }, maxRedirects: 0 });
    expect(foreign.status()).toBeGreaterThanOrEqual(400);
    const foreignData = await page.request.post('/data?_data=routes%2F_app.data', { form: { ...form, csrf }, headers: { Origin: 'http://evil.example' }, maxRedirects: 0 });
    expect(foreignData.status()).toBe(403);
    const sameSite = await page.request.post('/data?_data=routes%2F_app.data', { form: { ...form, percent: 'x', csrf }, headers: { Origin: new URL(page.url()).origin }, maxRedirects: 0 });
    expect(sameSite.status()).toBe(400); // got past the CSRF check to the form validation
    const logout = await page.request.post('/logout', { form: {}, maxRedirects: 0 });
    expect(logout.status()).toBe(403);
    // still signed in, target unchanged
    expect((await page.request.get('/api/v1/me')).status()).toBe(200);
    const settings = await page.request.get('/data?_data=routes%2F_app.data');
    expect((await settings.json()).target?.percent).not.toBe(20);
  });

  test('the session cookie is HttpOnly and SameSite=Lax', async ({ page, context }) => {
    await signIn(page, 'admin');
    const session = (await context.cookies()).find((c) => c.name === 'kaba_session');
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe('Lax');
    expect(session!.expires - Date.now() / 1000).toBeLessThanOrEqual(8 * 3600 + 5);
  });
});

test('an API token made with `npm run user -- token NAME` has its user’s role', async ({ request }) => {
  const token = runScript('app/cli/user.ts', ['token', 'manajer'], { KABA_USERS: FIXTURE.users }).trim();
  expect(token).toMatch(/^kaba_[A-Za-z0-9_-]{43}$/);
  const me = await request.get('/api/v1/me', { headers: { Authorization: `Bearer ${token}` } });
  expect(me.status()).toBe(200);
  expect(await me.json()).toEqual({ name: 'manajer', role: 'manager', teams: [], can_see_personal_data: false });
  const overview = await request.get('/api/v1/overview?as_of=2025-06', { headers: { Authorization: `Bearer ${token}` } });
  expect(overview.status()).toBe(200);
  const pageWithToken = await request.get('/data', { headers: { Authorization: `Bearer ${token}` }, maxRedirects: 0 });
  expect(pageWithToken.status()).toBe(302); // tokens are for the API; pages want a session
});
