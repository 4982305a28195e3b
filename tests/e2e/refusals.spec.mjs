// What Partner Center refuses at submit, against the stub (HTTP mode) acting as an idempotent
// server: its own 27002 format routed to each field, a corrected request sent with a new
// MS-RequestId (every stage), and a reload on Subscriptions or Review while the profile is
// still on its way (issue 16, items 1-3).
import { test, expect } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { STUB, acceptAgreement, fillValidUs, focusedId, openApp, resetStub } from './helpers.mjs';

test.describe.configure({ mode: 'serial' });

// Screenshots of what the user sees, for the closing note.
const SHOTS16 = process.env.SHOTS16 ?? 'test-results/screenshots/refusals';
mkdirSync(SHOTS16, { recursive: true });
const shot16 = (page, name) => page.screenshot({ path: `${SHOTS16}/${name}.png`, fullPage: true });

async function faults(request, list) {
  const r = await request.post(`${STUB}/__stub/faults`, { data: { faults: list } });
  expect(r.ok()).toBe(true);
}

async function log(request, query = '') {
  return (await (await request.get(`${STUB}/__stub/log${query}`)).json()).items;
}

const ids = (entries) => entries.map((e) => e.headers['MS-RequestId']);

async function noSubscriptions(page) {
  await page.getByRole('button', { name: 'Next: Review' }).click();
  await page.getByRole('button', { name: 'Continue without subscriptions' }).click();
}

/** Account info (with the agreement accepted when `mca`) -> Subscriptions -> Review. */
async function toReview(page, { prefix, mca = false }) {
  await fillValidUs(page, { prefix });
  if (mca) await acceptAgreement(page);
  await page.getByRole('button', { name: 'Next: Subscriptions' }).click();
  await expect(page.locator('h1')).toHaveText('Subscriptions');
  await noSubscriptions(page);
  await expect(page.locator('h1')).toHaveText('Review');
}

async function expectDone(page) {
  await expect(page.locator('h1')).toHaveText('Customer added', { timeout: 30_000 });
}

/** The same screen in Turkish (the wizard's language switch), then back to English. */
async function shotBoth(page, name) {
  await shot16(page, `${name}-en`);
  await page.selectOption('#cw-ui-language', 'tr');
  await expect(page.locator('html')).toHaveAttribute('lang', 'tr');
  await shot16(page, `${name}-tr`);
  await page.selectOption('#cw-ui-language', 'en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
}

// The first load after the servers start (wasm compile on a busy machine) may take longer than
// a test's own first step allows: warm up once.
test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${process.env.APP_PORT ?? 8090}/`);
  await expect(page.locator('h1')).toBeVisible({ timeout: 30_000 });
  await page.close();
});

test.beforeEach(async ({ request }) => {
  await resetStub(request);
});

/** From Account info back to Review and Create customer again: Done, with the refused create
 * and the new one as two operations (two MS-RequestIds). */
async function resubmitAfterRefusal(page, request) {
  await page.getByRole('button', { name: 'Save and return to Review' }).click();
  await expect(page.locator('h1')).toHaveText('Review');
  await page.getByRole('button', { name: 'Create customer' }).click();
  await expectDone(page);
  const posts = await log(request, '?method=POST&path=/v1/customers');
  expect(posts.map((p) => p.status)).toEqual([400, 201]);
  expect(new Set(ids(posts)).size).toBe(2);
}

test("HTTP: Partner Center's own 27002 format sends each property to its field; the fix succeeds", async ({ page, request }) => {
  await openApp(page, { mode: 'http' });
  await toReview(page, { prefix: `pc27002a${Date.now() % 100000}` });
  await faults(request, [{
    method: 'POST', path: '/v1/customers', kind: 'business', code: 27002, source: 'PartnerFD',
    description: 'A property has invalid data.',
    data: ['property_name:  PostalCodeInvalid - Details', 'PROPERTY_NAME:cityinvalid-Details'],
  }]);
  await page.getByRole('button', { name: 'Create customer' }).click();
  // Not a "Something went wrong" with a Try again on Review: each field says what was refused.
  await expect(page.locator('h1')).toHaveText('Account info');
  await expect(page.locator('#cw-postal-code-error')).toHaveText(/Partner Center did not accept this ZIP code/);
  await expect(page.locator('#cw-city-error')).toHaveText(/Partner Center did not accept this town or city/);
  await expect(page.locator('#cw-postal-code')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('.cw-error-summary a[href="#cw-postal-code"]')).toBeVisible();
  await expect(page.locator('.cw-error-summary a[href="#cw-city"]')).toBeVisible();
  await expect.poll(() => focusedId(page)).toBe('cw-error-summary');
  await expect(page.getByRole('button', { name: 'Try again' })).toHaveCount(0);
  await shotBoth(page, 'item1-fields');
  await page.fill('#cw-postal-code', '98004');
  await page.fill('#cw-city', 'Bellevue');
  await expect(page.locator('#cw-postal-code-error')).toHaveCount(0);
  await expect(page.locator('#cw-city-error')).toHaveCount(0);
  await resubmitAfterRefusal(page, request);
});

test('HTTP: a property no field holds is named on Account info; submitting again succeeds', async ({ page, request }) => {
  await openApp(page, { mode: 'http' });
  await toReview(page, { prefix: `pc27002b${Date.now() % 100000}` });
  await faults(request, [{
    method: 'POST', path: '/v1/customers', kind: 'business', code: 27002, source: 'PartnerFD',
    description: 'A property has invalid data.', data: ['property_name:  TaxIdInvalid - Details'],
  }]);
  await page.getByRole('button', { name: 'Create customer' }).click();
  await expect(page.locator('h1')).toHaveText('Account info');
  const summary = page.locator('.cw-error-summary');
  await expect(summary).toContainText('Partner Center did not accept the value of “TaxId”');
  await expect.poll(() => focusedId(page)).toBe('cw-error-summary');
  await shotBoth(page, 'item1-unknown-property');
  // Nothing to change here: the user may submit again (a new operation, a new id).
  await resubmitAfterRefusal(page, request);
});

test('HTTP: after a 27100 the user picks another domain and Submit succeeds with a new MS-RequestId', async ({ page, request }) => {
  const taken = `pcrace${Date.now() % 100000}`;
  await openApp(page, { mode: 'http' });
  await toReview(page, { prefix: taken });
  // Someone else takes the domain after the live check said it was free.
  const other = await request.post(`${STUB}/v1/customers`, {
    headers: { 'MS-RequestId': crypto.randomUUID(), 'MS-CorrelationId': crypto.randomUUID(), 'Content-Type': 'application/json' },
    data: {
      enableGDAPByDefault: false,
      CompanyProfile: { Domain: `${taken}.onmicrosoft.com` },
      BillingProfile: {
        Email: 'it@fabrikam.example', Culture: 'en-US', Language: 'en', CompanyName: 'Fabrikam Inc.',
        DefaultAddress: { FirstName: 'Kim', LastName: 'Akers', AddressLine1: '1 Main St', City: 'Redmond', State: 'WA', PostalCode: '98052', Country: 'US' },
      },
    },
  });
  expect(other.status()).toBe(201);
  await page.getByRole('button', { name: 'Create customer' }).click();
  await expect(page.locator('h1')).toHaveText('Account info');
  await expect(page.locator('#cw-domain-prefix-error')).toContainText('already in use');
  // Not "available" under the field at the same time.
  await expect(page.locator('#cw-domain-status')).not.toContainText('is available');
  await shotBoth(page, 'item2-domain-taken');
  await page.fill('#cw-domain-prefix', `${taken}b`);
  await expect(page.locator('#cw-domain-status')).toContainText('is available');
  await expect(page.locator('#cw-domain-prefix-error')).toHaveCount(0);
  await shotBoth(page, 'item2-domain-fixed');
  await page.getByRole('button', { name: 'Save and return to Review' }).click();
  await expect(page.locator('h1')).toHaveText('Review');
  await page.getByRole('button', { name: 'Create customer' }).click();
  await expectDone(page);
  await expect(page.locator('#cw-sign-in')).toHaveText(`admin@${taken}b.onmicrosoft.com`);
  await shotBoth(page, 'item2-done');
  const posts = (await log(request, '?method=POST&path=/v1/customers')).slice(1); // the app's
  expect(posts.map((p) => p.status)).toEqual([409, 201]);
  expect(posts.every((p) => !p.replayed)).toBe(true);
  expect(new Set(ids(posts)).size).toBe(2);
});

test('HTTP: a refused agreement, once corrected, is attested with a new MS-RequestId', async ({ page, request }) => {
  await openApp(page, { mode: 'http' });
  await toReview(page, { prefix: `pcagree${Date.now() % 100000}`, mca: true });
  await faults(request, [{
    method: 'POST', path: '/v1/customers/*', kind: 'business', code: 27002, source: 'PartnerFD',
    description: 'A property has invalid data.', data: ['property_name:  EmailInvalid - Details'],
  }]);
  await page.getByRole('button', { name: 'Create customer' }).click();
  await expect(page.locator('h1')).toHaveText('Account info');
  await expect(page.locator('#cw-signer-email-error')).toContainText('Partner Center did not accept this email address of the person who accepted');
  await page.fill('#cw-signer-email', 'ada.lovelace@contosopharma.com');
  await page.getByRole('button', { name: 'Save and return to Review' }).click();
  // The customer exists already: the button says what is left to do.
  await expect(page.getByRole('button', { name: 'Create customer' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Finish adding the customer' }).click();
  await expectDone(page);
  const attests = await log(request, '?method=POST&path=/v1/customers/*');
  expect(attests.map((p) => p.status)).toEqual([400, 201]);
  expect(new Set(ids(attests)).size).toBe(2);
  expect(attests[1].body.primaryContact.email).toBe('ada.lovelace@contosopharma.com');
  // The customer was created once: the retry resumed at the agreement.
  expect(await log(request, '?method=POST&path=/v1/customers')).toHaveLength(1);
});

test('HTTP: Try again after a refused order is a new operation, not a replay of the refusal', async ({ page, request }) => {
  await openApp(page, { mode: 'http' });
  await fillValidUs(page, { prefix: `pcorder${Date.now() % 100000}` });
  await page.getByRole('button', { name: 'Next: Subscriptions' }).click();
  await expect(page.getByRole('listbox')).toBeVisible();
  await page.getByRole('searchbox').fill('Microsoft 365 Business Basic');
  await page.getByRole('listbox').locator('[role=option]:not([hidden])', { has: page.locator('.cw-offer__name', { hasText: /^Microsoft 365 Business Basic$/ }) }).click();
  await page.locator('.cw-line input[inputmode=numeric]').fill('3');
  await page.getByRole('button', { name: 'Next: Review' }).click();
  await expect(page.locator('h1')).toHaveText('Review');
  await faults(request, [{ method: 'POST', path: '/v1/customers/*', kind: 'business', code: 12345, description: 'The order could not be placed right now.' }]);
  await page.getByRole('button', { name: 'Create customer and place order' }).click();
  await expect(page.getByText('Place order 1 of 1: failed')).toBeVisible();
  await page.getByRole('button', { name: 'Try again' }).click();
  await expectDone(page);
  const orders = await log(request, '?method=POST&path=/v1/customers/*');
  expect(orders.map((p) => p.status)).toEqual([400, 201]);
  expect(new Set(ids(orders)).size).toBe(2);
});

for (const mode of ['http', 'demo']) {
  for (const step of ['Subscriptions', 'Review']) {
    test(`${mode}: a reload on ${step} with the agreement accepted stays there while the profile is slow`, async ({ page, request }) => {
      const query = mode === 'demo' ? 'demo-faults=profiles:slow1500*99' : '';
      await openApp(page, { mode, query });
      // The (slow) profile says indirect provider: the reseller is asked for.
      await expect(page.locator('#cw-reseller')).toBeVisible();
      await fillValidUs(page, { prefix: `pcreload${Date.now() % 100000}` });
      await acceptAgreement(page);
      await page.getByRole('button', { name: 'Next: Subscriptions' }).click();
      await expect(page.locator('h1')).toHaveText('Subscriptions');
      if (step === 'Review') {
        await noSubscriptions(page);
        await expect(page.locator('h1')).toHaveText('Review');
      }
      if (mode === 'http') await faults(request, [{ method: 'GET', path: '/v1/profiles/me', kind: 'latency', ms: 1500 }]);
      // The profile's answer: the stub's route, or the demo backend's data file.
      const profile = page.waitForResponse((r) => /\/v1\/profiles\/me|\/demo\/profile\.json/.test(r.url()), { timeout: 15_000 });
      await page.reload();
      await expect(page.locator('h1')).toHaveText(step);
      await expect.poll(() => focusedId(page)).toBe('cw-heading');
      // Once the profile has answered (a Sales agent of an indirect provider in both
      // backends), still there: Review now offers to update the reseller.
      await profile;
      if (step === 'Review') await expect(page.getByRole('button', { name: 'Update indirect reseller' })).toBeVisible();
      await expect(page.locator('h1')).toHaveText(step);
      await expect(page).toHaveURL(new RegExp(`#${step.toLowerCase()}$`));
      if (mode === 'http') {
        const calls = await log(request, '?path=/v1/profiles/me');
        expect(calls.at(-1).fault).toBe('latency');
      }
    });
  }
}

test('HTTP: a reload on Review by a user who may not attest goes to the agreement once the profile says so', async ({ page, request }) => {
  await openApp(page, { mode: 'http' });
  await toReview(page, { prefix: `pcnoattest${Date.now() % 100000}`, mca: true });
  expect((await request.post(`${STUB}/__stub/profile?preset=global-admin`)).ok()).toBe(true);
  await faults(request, [{ method: 'GET', path: '/v1/profiles/me', kind: 'latency', ms: 800 }]);
  await page.reload();
  await expect(page.locator('h1')).toHaveText('Account info');
  await expect(page.getByText('Only Admin agents and Sales agents can confirm')).toBeVisible();
  await expect.poll(() => focusedId(page)).toBe('cw-heading');
});
