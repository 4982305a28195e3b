// The wizard through the server (server/) against the stub Partner Center: the app as served
// by the server (api-base and sign-in from the served page), the server's own Partner Center
// token on every call, and the fault matrix: timeouts, a drop after Partner Center committed,
// 500, 429, an answer lost between the server and the browser, and the server SIGKILLed and
// restarted between the customer and the order. Each must end with one customer and one order.
import { test, expect } from '@playwright/test';
import { STUB, acceptAgreement, fillValidUs, resetStub, shot } from '../e2e/helpers.mjs';

const CONTROL = `http://127.0.0.1:${process.env.CONTROL_PORT ?? 8789}`;
const DB = process.env.E2E_DB && process.env.E2E_DB !== 'sqlite' ? 'postgres' : 'sqlite';

test.describe.configure({ mode: 'serial' });

async function faults(request, list) {
  expect((await request.post(`${STUB}/__stub/faults`, { data: { faults: list } })).ok()).toBe(true);
}
async function log(request, query = '') {
  return (await (await request.get(`${STUB}/__stub/log${query}`)).json()).items;
}
async function created(request, kind) {
  return (await log(request)).filter((e) => e.created === kind && !e.replayed);
}

async function open(page) {
  await page.goto('/');
  await expect(page.locator('h1')).toHaveText('Account info');
}

/** Account info (with the agreement attested) -> one line of Business Basic -> Review. */
async function toReview(page, prefix) {
  await fillValidUs(page, { prefix });
  await acceptAgreement(page);
  await page.getByRole('button', { name: 'Next: Subscriptions' }).click();
  await expect(page.getByRole('listbox')).toBeVisible();
  const name = 'Microsoft 365 Business Basic';
  await page.getByRole('searchbox').fill(name);
  await page.getByRole('listbox').locator('[role=option]:not([hidden])', { has: page.locator('.cw-offer__name', { hasText: new RegExp(`^${name}$`) }) }).click();
  const line = page.locator('.cw-line', { has: page.getByRole('heading', { name, exact: true }) });
  await line.locator('input[inputmode=numeric]').fill('5');
  await page.getByRole('button', { name: 'Next: Review' }).click();
  await expect(page.locator('h1')).toHaveText('Review');
}

async function submitAndExpectDone(page) {
  await page.getByRole('button', { name: 'Create customer and place order' }).click();
  await expect(page.locator('h1')).toHaveText('Customer added', { timeout: 45_000 });
}

async function expectOneOfEach(request) {
  expect(await created(request, 'customer')).toHaveLength(1);
  expect(await created(request, 'agreement')).toHaveLength(1);
  expect(await created(request, 'order')).toHaveLength(1);
}

const unique = (p) => `${p}${DB[0]}${Date.now() % 1000000}`;

test.beforeEach(async ({ request }) => {
  await resetStub(request);
});

test(`${DB}: the wizard completes through the server with its own Partner Center token`, async ({ page, request }) => {
  const browserCalls = [];
  page.on('request', (r) => browserCalls.push(r.url()));
  await open(page);
  const prefix = unique('srvflow');
  await toReview(page, prefix);
  await shot(page, `server-${DB}-review`);
  await submitAndExpectDone(page);
  await expect(page.locator('#cw-sign-in')).toHaveText(`admin@${prefix}.onmicrosoft.com`);
  await page.getByRole('button', { name: 'Show password' }).click();
  expect(((await page.locator('#cw-password').textContent()) ?? '').length).toBeGreaterThanOrEqual(8);
  await shot(page, `server-${DB}-done`);
  await expectOneOfEach(request);
  // The browser spoke to the server only; Partner Center saw the server's token, never the
  // browser's sign-in.
  expect(browserCalls.every((u) => u.startsWith(page.url().split('/').slice(0, 3).join('/')))).toBe(true);
  const entries = await log(request);
  expect(entries.length).toBeGreaterThan(5);
  expect(entries.every((e) => /^Bearer pc-at-/.test(e.headers.Authorization ?? ''))).toBe(true);
  expect(new Set(entries.map((e) => e.headers['MS-CorrelationId'])).size).toBe(1);
});

test(`${DB}: a timeout on create customer: the server answers 504, the app retries, one customer`, async ({ page, request }) => {
  await open(page);
  await toReview(page, unique('srvtimeout'));
  await faults(request, [{ method: 'POST', path: '/v1/customers', kind: 'timeout' }]);
  await submitAndExpectDone(page);
  const posts = await log(request, '?method=POST&path=/v1/customers');
  expect(posts.length).toBe(2);
  expect(posts[0].headers['MS-RequestId']).toBe(posts[1].headers['MS-RequestId']);
  await expectOneOfEach(request);
});

test(`${DB}: the connection dropped after Partner Center created the customer: one customer`, async ({ page, request }) => {
  await open(page);
  await toReview(page, unique('srvdrop'));
  await faults(request, [{ method: 'POST', path: '/v1/customers', kind: 'drop-after' }]);
  await submitAndExpectDone(page);
  await expectOneOfEach(request);
});

test(`${DB}: 500 on the agreement, then 429 with Retry-After on the customer: retried, one of each`, async ({ page, request }) => {
  await open(page);
  await toReview(page, unique('srv500'));
  await faults(request, [
    { method: 'POST', path: '/v1/customers', kind: 'rate-limit', retryAfter: 1 },
    { method: 'POST', path: '/v1/customers/*', kind: 'status', status: 500 },
  ]);
  await submitAndExpectDone(page);
  await expectOneOfEach(request);
  const throttled = (await log(request, '?method=POST&path=/v1/customers')).filter((e) => e.status === 429);
  expect(throttled).toHaveLength(1);
});

test(`${DB}: the answer is lost between the server and the browser: the retry is replayed without the password`, async ({ page, request }) => {
  await open(page);
  await toReview(page, unique('srvlost'));
  let lost = false;
  await page.route('**/api/v1/customers', async (route) => {
    if (lost) return route.fallback();
    lost = true;
    await route.fetch(); // the server created the customer and recorded the answer...
    await route.abort('connectionreset'); // ...which never reaches the browser
  });
  await submitAndExpectDone(page);
  expect(await created(request, 'customer')).toHaveLength(1);
  expect(await log(request, '?method=POST&path=/v1/customers')).toHaveLength(1);
  // The journal keeps no password: the replay says where to reset it.
  await expect(page.getByText('can no longer be displayed')).toBeVisible();
  await expect(page.locator('#cw-password')).toHaveCount(0);
  await shot(page, `server-${DB}-done-replayed`);
});

test(`${DB}: the server is SIGKILLed between the customer and the order, and restarted: one of each`, async ({ page, request }) => {
  await open(page);
  await toReview(page, unique('srvkill'));
  await faults(request, [{ method: 'POST', path: '/v1/customers/*', kind: 'latency', ms: 2500, times: 2 }]);
  await page.getByRole('button', { name: 'Create customer and place order' }).click();
  // The order is on its way to Partner Center (in its log from the first byte): kill now.
  await expect.poll(async () => (await log(request, '?method=POST&path=/v1/customers/*')).filter((e) => e.path.endsWith('/orders')).length, { timeout: 20_000 }).toBe(1);
  expect((await request.post(`${CONTROL}/restart`)).ok()).toBe(true);
  await expect(page.locator('h1')).toHaveText('Customer added', { timeout: 60_000 });
  await expectOneOfEach(request);
});
