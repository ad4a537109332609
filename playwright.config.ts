/**
 * Browser tests against the built app (`npx remix build` first; npm test does). The web server is
 * tests/e2e/serve-fixture.ts: it generates a small demo utility, loads it into a warehouse of its
 * own under .tmp/e2e, seeds the demo users, and only then starts the server (server.ts), so the warehouse always
 * exists before the first request. Chromium is Debian's (/usr/bin/chromium, or CHROMIUM_PATH).
 */
import { defineConfig } from '@playwright/test';
import { E2E_PORT } from './tests/e2e/support/paths';

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: `http://localhost:${E2E_PORT}`,
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    command: 'npx tsx tests/e2e/serve-fixture.ts',
    url: `http://localhost:${E2E_PORT}/robots.txt`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
