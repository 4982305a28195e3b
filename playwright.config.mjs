// Playwright: end-to-end tests against the release build in Debian's Chromium.
// The static server (dist/) and the stub REST server are started and stopped here.
import { defineConfig } from '@playwright/test';

export const APP_PORT = Number(process.env.APP_PORT ?? 8090);
export const STUB_PORT = Number(process.env.STUB_PORT ?? 8787);

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/artifacts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['html', { outputFolder: 'test-results/report', open: 'never' }]],
  use: {
    baseURL: `http://127.0.0.1:${APP_PORT}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
      ],
    },
  },
  webServer: [
    {
      command: `node scripts/serve.mjs dist ${APP_PORT}`,
      env: { SERVE_TEST_ATTRS: '1' },
      url: `http://127.0.0.1:${APP_PORT}/index.html`,
      reuseExistingServer: false,
    },
    {
      command: `node tests/stub/server.mjs`,
      env: { STUB_PORT: String(STUB_PORT) },
      url: `http://127.0.0.1:${STUB_PORT}/__stub/health`,
      reuseExistingServer: false,
    },
  ],
});
