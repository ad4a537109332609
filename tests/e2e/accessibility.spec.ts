/**
 * Legible and accessible pages (issue 6 §7): axe (WCAG 2 A and AA, 2.1 AA) finds no serious or
 * critical violation on any page, and no visible text on any page, chart text included, is drawn
 * smaller than 12 px.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import type { Role } from '../../app/lib/roles';
import { signIn } from './support/session';

const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const MIN_FONT_PX = 12;

/** The serious and critical violations on the page as it is now, each with the elements it hits. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_AA).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}, ${v.nodes.length}×): ${v.help}\n    ${v.nodes.slice(0, 8).map((n) => n.target.join(' ')).join('\n    ')}`);
}

/** Waits until every chart on the page is the live ECharts one (its text is then drawn at its real size). */
async function chartsLive(page: Page): Promise<void> {
  const charts = page.locator('figure[data-chart]');
  const n = await charts.count();
  for (let i = 0; i < n; i++) await expect(charts.nth(i)).toHaveAttribute('data-live', 'true');
}

interface SmallText {
  text: string;
  px: number;
  where: string;
}

/**
 * Every visible text node drawn smaller than min px: HTML text at its computed font size, SVG text at
 * its computed font size times the SVG's scale on screen (a server SVG scaled down draws smaller).
 * Also how many visible SVG text nodes were measured, so a page whose charts drew nothing cannot pass.
 */
function smallText(page: Page, min: number): Promise<{ small: SmallText[]; svgTexts: number }> {
  return page.evaluate((minPx) => {
    const out: { text: string; px: number; where: string }[] = [];
    let svgTexts = 0;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      const el: Element | null = node.parentElement;
      if (!text || !el || el.closest('script, style, noscript, title')) continue;
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (box.width === 0 || box.height === 0 || style.visibility !== 'visible' || !el.checkVisibility({ opacityProperty: true })) continue;
      let px = Number.parseFloat(style.fontSize);
      if (el instanceof SVGGraphicsElement) {
        svgTexts++;
        const ctm = el.getScreenCTM();
        if (ctm) px *= Math.hypot(ctm.a, ctm.b);
      }
      if (px < minPx - 0.01) {
        const chart = el.closest('figure[data-chart]')?.getAttribute('data-chart');
        out.push({ text: text.slice(0, 40), px: Math.round(px * 10) / 10, where: chart ? `chart ${chart}` : `${el.tagName.toLowerCase()}.${el.className}` });
      }
    }
    return { small: out, svgTexts };
  }, min);
}

test('the sign-in page: no serious accessibility violation, no text under 12 px', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByLabel('Nama pengguna')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  expect((await smallText(page, MIN_FONT_PX)).small).toEqual([]);
});

test('the overview has no serious accessibility violation, in Indonesian and in English', async ({ page }) => {
  await signIn(page, 'director', '/?bulan=2025-06');
  await chartsLive(page);
  expect(await seriousViolations(page), 'Bahasa Indonesia').toEqual([]);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();
  await chartsLive(page);
  expect(await seriousViolations(page), 'English').toEqual([]);
});

test('the kecamatan page has no serious accessibility violation', async ({ page }) => {
  await signIn(page, 'director', '/?bulan=2025-06');
  await page.getByTestId('kecamatan-table').locator('a[data-kecamatan]').first().click();
  await expect(page.getByTestId('arrears-areas')).toBeVisible();
  await chartsLive(page);
  expect(await seriousViolations(page)).toEqual([]);
});

const SECTIONS: readonly { path: string; role: Role; heading: string }[] = [
  { path: '/arrears', role: 'director', heading: 'Tunggakan' },
  // the arrears drill-down's other levels (a kecamatan and a desa of the demo fixture)
  { path: '/arrears/17.02.09?bulan=2025-06&age=13-24', role: 'manager', heading: 'Tunggakan di Kecamatan Curup' },
  { path: '/arrears/17.02.09/17.02.09.1027?bulan=2025-06', role: 'supervisor', heading: 'Pelanggan menunggak di Pasar Tengah' },
  { path: '/channels', role: 'manager', heading: 'Adopsi online' },
  { path: '/channels?measure=value&scale=share&kecamatan=17.02.09', role: 'manager', heading: 'Adopsi online' },
  { path: '/channels/compare', role: 'manager', heading: 'Perbandingan kanal' },
  { path: '/channels/launch', role: 'manager', heading: 'Dampak peluncuran kanal' },
  { path: '/channels/reconciliation', role: 'director', heading: 'Rekonsiliasi' },
  { path: '/collections?from=2025-01&to=2025-06', role: 'supervisor', heading: 'Kinerja tim penagihan' },
  { path: '/collections/routes?team=T01&date=2025-07-01&per_collector=5', role: 'supervisor', heading: 'Rencana rute' },
  { path: '/data', role: 'admin', heading: 'Data' },
  { path: '/reports', role: 'manager', heading: 'Laporan' },
  { path: '/reports/dsr?as_of=2025-06', role: 'manager', heading: 'Daftar Sisa Rekening (DSR)' },
  { path: '/reports/dsr?as_of=2025-06&view=detail&kecamatan=17.02.09', role: 'director', heading: 'Daftar Sisa Rekening (DSR)' },
  { path: '/reports/drd?period=2025-06', role: 'director', heading: 'Daftar Rekening Ditagih (DRD)' },
  { path: '/reports/efektivitas?month=2025-06', role: 'supervisor', heading: 'Efektivitas Penagihan' },
  // reports-b: the LPP (rekap with refunds, detail) and Menunggak per petugas (a supervisor's, a detail)
  { path: '/reports/lpp?from=2024-07-01&to=2024-07-31', role: 'director', heading: 'Laporan Penerimaan Penagihan (LPP)' },
  { path: '/reports/lpp?from=2025-05-01&to=2025-05-31&view=detail', role: 'director', heading: 'Laporan Penerimaan Penagihan (LPP)' },
  { path: '/reports/menunggak?as_of=2025-05', role: 'supervisor', heading: 'Menunggak per Petugas' },
  { path: '/reports/menunggak?as_of=2025-05&view=detail', role: 'director', heading: 'Menunggak per Petugas' },
];

for (const { path, role, heading } of SECTIONS) {
  test(`${path} (${role}): no serious accessibility violation, no text under 12 px`, async ({ page }) => {
    await signIn(page, role, path);
    await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    expect((await smallText(page, MIN_FONT_PX)).small).toEqual([]);
  });
}

test('the print view of a report (director): no serious accessibility violation, no text under 12 px', async ({ page }) => {
  await signIn(page, 'director', '/reports');
  await page.goto('/print/reports/drd?period=2025-06&by=golongan');
  await expect(page.getByRole('heading', { name: 'Daftar Rekening Ditagih (DRD)', level: 1 })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  expect((await smallText(page, MIN_FONT_PX)).small).toEqual([]);
});

test('no text on the overview is smaller than 12 px, chart text included', async ({ page, browser }) => {
  await signIn(page, 'director', '/?bulan=2025-06');
  await chartsLive(page);
  const live = await smallText(page, MIN_FONT_PX);
  expect(live.small, 'live charts').toEqual([]);
  expect(live.svgTexts).toBeGreaterThan(50);
  // without JavaScript: the server's SVG, scaled to its box
  const noScript = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  try {
    const plain = await noScript.newPage();
    await plain.goto(new URL('/?bulan=2025-06', page.url()).href);
    await expect(plain.locator('figure[data-chart] .chart-ssr svg')).toHaveCount(5);
    const ssr = await smallText(plain, MIN_FONT_PX);
    expect(ssr.small, 'server SVG').toEqual([]);
    expect(ssr.svgTexts).toBeGreaterThan(50);
  } finally {
    await noScript.close();
  }
});

test('no text on the kecamatan page is smaller than 12 px', async ({ page }) => {
  await signIn(page, 'director', '/?bulan=2025-06');
  await page.getByTestId('kecamatan-table').locator('a[data-kecamatan]').first().click();
  await expect(page.getByTestId('arrears-areas')).toBeVisible();
  await chartsLive(page);
  const { small, svgTexts } = await smallText(page, MIN_FONT_PX);
  expect(small).toEqual([]);
  expect(svgTexts).toBeGreaterThan(5);
});

// Issue 11: the directors' monthly report (outside the app's layout: signed in on the overview first)
test('the monthly report: no serious accessibility violation, no text under 12 px, in Indonesian and in English', async ({ page }) => {
  await signIn(page, 'director', '/?bulan=2025-06');
  for (const lang of ['id', 'en'] as const) {
    if (lang === 'en') {
      await page.goto('/?bulan=2025-06');
      await page.getByRole('button', { name: 'English' }).click();
      await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();
    }
    await page.goto('/print/monthly?bulan=2025-06');
    await expect(page.getByRole('heading', { name: lang === 'id' ? 'Laporan Bulanan Direksi' : "Directors' Monthly Report", level: 1 })).toBeVisible();
    await chartsLive(page);
    expect(await seriousViolations(page), lang).toEqual([]);
    const { small, svgTexts } = await smallText(page, MIN_FONT_PX);
    expect(small, lang).toEqual([]);
    expect(svgTexts).toBeGreaterThan(30);
  }
});

// Issue 8: the sealing candidates, the letters and a customer's ledger (opened from the candidates).
const LEDGER_PAGES: readonly { path: string; heading: string | RegExp }[] = [
  { path: '/sealing', heading: 'Calon segel' },
  { path: '/letters', heading: 'Surat penagihan' },
];

for (const { path, heading } of LEDGER_PAGES) {
  test(`${path} (supervisor): no serious accessibility violation, no text under 12 px`, async ({ page }) => {
    // a hundred rows and a form per desa: axe takes its time on a busy machine
    test.slow();
    await signIn(page, 'supervisor', path);
    await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    expect((await smallText(page, MIN_FONT_PX)).small).toEqual([]);
  });
}

test('a customer ledger (supervisor): no serious accessibility violation, no text under 12 px', async ({ page }) => {
  test.slow();
  await signIn(page, 'supervisor', '/sealing');
  await page.getByTestId('sealing-table').locator('tbody a').first().click();
  await expect(page.getByRole('heading', { name: /^Kartu piutang/, level: 1 })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  expect((await smallText(page, MIN_FONT_PX)).small).toEqual([]);
});
