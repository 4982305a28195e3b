// Playwright through the server: the release build served by server/ (target/debug binary),
// in front of the stub Partner Center and the stand-in token authority and OIDC issuer, all
// started by scripts/serve-server.mjs. E2E_DB picks the journal: `sqlite` (default) or a
// postgres:// URL (scripts/test-server.sh starts a throwaway PostgreSQL for it).
import { defineConfig } from '@playwright/test';
import base from './playwright.config.mjs';

const APP_PORT = Number(process.env.APP_PORT ?? 8090);
const STUB_PORT = Number(process.env.STUB_PORT ?? 8787);
const AUTH_PORT = Number(process.env.AUTH_PORT ?? 8788);
export const CONTROL_PORT = Number(process.env.CONTROL_PORT ?? 8789);
const db = process.env.E2E_DB && process.env.E2E_DB !== 'sqlite' ? `--db ${process.env.E2E_DB}` : '';
const label = db ? 'postgres' : 'sqlite';

export default defineConfig({
  ...base,
  testDir: 'tests/e2e-server',
  outputDir: `test-results/artifacts-server-${label}`,
  reporter: [['list'], ['html', { outputFolder: `test-results/report-server-${label}`, open: 'never' }]],
  use: { ...base.use, baseURL: `http://127.0.0.1:${APP_PORT}` },
  webServer: [
    {
      // A short Partner Center timeout and lease keep the fault tests quick.
      command: `node scripts/serve-server.mjs --port ${APP_PORT} --stub-port ${STUB_PORT} --auth-port ${AUTH_PORT} --control-port ${CONTROL_PORT} --timeout 4 --lease 4 ${db}`,
      url: `http://127.0.0.1:${APP_PORT}/readyz`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ],
});
