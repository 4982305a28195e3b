// Shared helpers for the end-to-end tests.
import { expect } from '@playwright/test';
import { mkdirSync } from 'node:fs';

export const STUB = `http://127.0.0.1:${process.env.STUB_PORT ?? 8787}`;
export const SHOTS = 'test-results/screenshots';
mkdirSync(SHOTS, { recursive: true });

/**
 * Opens the app. mode 'demo' uses the in-browser demo backend; mode 'http' points the app at
 * the stub server on another origin (so CORS is real). Both configure the app through data
 * attributes on the mount element, which the test server adds (`cw-test-attrs`).
 */
export async function openApp(page, { mode = 'demo', locale = 'en', query = '', attrs = {} } = {}) {
  const all = { locale, 'demo-latency': '0', ...attrs };
  if (mode === 'http') all['api-base'] = STUB;
  const params = new URLSearchParams(query);
  params.set('cw-test-attrs', JSON.stringify(all));
  await page.goto(`/?${params}`);
  // The app itself, not only the prerendered first screen (tests/e2e/prerender.spec.mjs).
  await expect(page.locator('#customer-wizard[data-cw-mounted] h1')).toBeVisible();
}

export async function resetStub(request) {
  await request.post(`${STUB}/__stub/reset`);
}

/** Fills Account info with a valid US customer (indirect provider: picks a reseller). `id` is
 * the wizard instance's id prefix (`cw` on the standalone page). */
export async function fillValidUs(page, { prefix = `contoso${Date.now() % 100000}`, id = 'cw' } = {}) {
  const f = (name) => `#${id}-${name}`;
  await page.selectOption(f('country'), 'US');
  await page.fill(f('company-name'), 'Contoso Pharmaceuticals Inc.');
  await page.fill(f('domain-prefix'), prefix);
  await page.fill(f('address-line1'), '1 Microsoft Way');
  await page.fill(f('city'), 'Redmond');
  await expect(page.locator(`select${f('state')}`)).toBeVisible();
  await page.selectOption(f('state'), 'WA');
  await page.fill(f('postal-code'), '98053');
  await page.fill(f('first-name'), 'Ada');
  await page.fill(f('last-name'), 'Lovelace');
  await page.fill(f('email'), 'ada@contosopharma.com');
  if (await page.locator(f('reseller')).count()) {
    await expect(page.locator(`${f('reseller')} option`)).not.toHaveCount(1);
    await page.selectOption(f('reseller'), { index: 1 });
  }
  await page.check(f('agreement-later'));
}

/** Attests the Microsoft Customer Agreement now, signed by Ada Lovelace on `date` (ISO; the
 * English date field takes it as typed). */
export async function acceptAgreement(page, date = '2026-11-20') {
  await page.check('#cw-agreement');
  await page.fill('#cw-signer-first-name', 'Ada');
  await page.fill('#cw-signer-last-name', 'Lovelace');
  await page.fill('#cw-signer-email', 'ada@contosopharma.com');
  await page.fill('#cw-date-agreed', date);
}

/** The id of the focused element. */
export function focusedId(page) {
  return page.evaluate(() => document.activeElement?.id ?? '');
}

export async function shot(page, name) {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}
