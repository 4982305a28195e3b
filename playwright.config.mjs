// Playwright: end-to-end tests against the release build in Debian's Chromium.
// The static server (dist/) and the stub REST server are started and stopped here.
import { defineConfig } from '@playwright/test';

export const APP_PORT = Number(process.env.APP_PORT ?? 8090);
export const STUB_PORT = Number(process.env.STUB_PORT ?? 8787);
export const HOST_PORT = Number(process.env.HOST_PORT ?? 8091);
const app = `http://127.0.0.1:${APP_PORT}`;
const stub = `http://127.0.0.1:${STUB_PORT}`;
// The host page's CSP: the brief's strict line, plus the bundle's origin (a CDN) and the API.
const hostCsp = `default-src 'self'; script-src 'self' 'wasm-unsafe-eval' ${app}; style-src 'self' ${app}; connect-src 'self' ${app} ${stub}; img-src 'self' data:`;
// The app's own pages get the strict line as is (plus the stub for HTTP mode).
const appCsp = `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self' ${stub}; img-src 'self' data:`;

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
      env: { SERVE_TEST_ATTRS: '1', SERVE_HEADERS: JSON.stringify({ 'content-security-policy': appCsp }) },
      url: `http://127.0.0.1:${APP_PORT}/index.html`,
      reuseExistingServer: false,
    },
    {
      command: `node scripts/serve.mjs tests/e2e/host ${HOST_PORT}`,
      env: { SERVE_HEADERS: JSON.stringify({ 'content-security-policy': hostCsp }) },
      url: `http://127.0.0.1:${HOST_PORT}/index.html`,
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
