// Review, submit and Done against the stub (HTTP mode, another origin: real CORS) and the
// demo backend: nothing lost, nothing created twice.
import { test, expect } from '@playwright/test';
import { STUB, acceptAgreement, fillValidUs, focusedId, openApp, resetStub, shot } from './helpers.mjs';

test.describe.configure({ mode: 'serial' });

async function faults(request, list) {
  const r = await request.post(`${STUB}/__stub/faults`, { data: { faults: list } });
  expect(r.ok()).toBe(true);
}

async function log(request, query = '') {
  return (await (await request.get(`${STUB}/__stub/log${query}`)).json()).items;
}

async function created(request, kind) {
  return (await log(request)).filter((e) => e.created === kind && !e.replayed);
}

/** Account info -> Subscriptions -> Review. */
async function toReview(page, opts) {
  await fillValidUs(page, opts);
  await page.getByRole('button', { name: 'Next: Subscriptions' }).click();
  await expect(page.locator('h1')).toHaveText('Subscriptions');
  await noSubscriptions(page);
  await expect(page.locator('h1')).toHaveText('Review');
}

/** Continue from Subscriptions with no offer: the wizard asks first. */
async function noSubscriptions(page) {
  await page.getByRole('button', { name: 'Next: Review' }).click();
  await page.getByRole('button', { name: 'Continue without subscriptions' }).click();
}

async function expectDone(page) {
  await expect(page.locator('h1')).toHaveText('Customer added', { timeout: 30_000 });
}

async function expectPasswordNowhere(page) {
  const password = (await page.locator('#cw-password').textContent()) ?? '';
  await page.getByRole('button', { name: 'Show password' }).click();
  const shown = (await page.locator('#cw-password').textContent()) ?? '';
  expect(shown.length).toBeGreaterThanOrEqual(8);
  expect(password).not.toContain(shown);
  const stores = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + location.href);
  expect(stores).not.toContain(shown);
  return shown;
}

test.beforeEach(async ({ request }) => {
  await resetStub(request);
});

test('HTTP: full flow creates one customer, attests, shows credentials once', async ({ page, request }) => {
  await openApp(page, { mode: 'http' });
  await fillValidUs(page, { prefix: 'httpflow1' });
  await acceptAgreement(page);
  await page.getByRole('button', { name: 'Next: Subscriptions' }).click();
  await noSubscriptions(page);
  await expect(page.getByRole('button', { name: 'Update account info' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Update indirect reseller' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Update agreement' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Update subscriptions' })).toBeVisible();
  await expect(page.getByText('Not provided').first()).toBeVisible();
  // Updating lands on the answer given: the chosen reseller (not the optional search box
  // above it), the agreement's checked choice.
  await page.getByRole('button', { name: 'Update indirect reseller' }).click();
  await expect.poll(() => focusedId(page)).toBe('cw-reseller');
  await page.getByRole('button', { name: 'Save and return to Review' }).click();
  await page.getByRole('button', { name: 'Update agreement' }).click();
  await expect.poll(() => focusedId(page)).toBe('cw-agreement');
  await page.getByRole('button', { name: 'Save and return to Review' }).click();
  await expect(page.locator('h1')).toHaveText('Review');
  await shot(page, 'review-en-1280');
  await page.getByRole('button', { name: 'Create customer' }).click();
  await expectDone(page);
  await expect(page.locator('#cw-sign-in')).toHaveText('admin@httpflow1.onmicrosoft.com');
  await expect(page.getByText('cannot be shown again')).toBeVisible();
  const password = await expectPasswordNowhere(page);
  await shot(page, 'done-en-1280');

  const customers = await created(request, 'customer');
  expect(customers).toHaveLength(1);
  expect((await created(request, 'agreement'))).toHaveLength(1);
  const state = await (await request.get(`${STUB}/__stub/state`)).json();
  expect(state.customers[0].credentials?.password ?? state.customers[0].userCredentials?.password).toBe(password);
  // Indirect provider: the reseller's id (a GUID) goes to AssociatedPartnerId.
  expect(customers[0].body.AssociatedPartnerId).toMatch(/^[0-9a-f-]{36}$/);
  // One correlation id for the run; every call has its own request id.
  const entries = await log(request);
  expect(new Set(entries.map((e) => e.headers['MS-CorrelationId'])).size).toBe(1);
  expect(entries.every((e) => /^[0-9a-f-]{36}$/.test(e.headers['MS-RequestId']))).toBe(true);
  expect(entries.every((e) => e.status !== 400 || e.fault)).toBe(true);

  // While the password is shown, the next steps name it.
  await expect(page.getByText('with the name and password above')).toBeVisible();

  // The password is gone after a reload, and the next steps no longer point to it.
  await page.reload();
  await expect(page.locator('h1')).toHaveText('Customer added');
  await expect(page.getByText('can no longer be displayed')).toBeVisible();
  await expect(page.getByText('with the name above, once the password has been reset')).toBeVisible();
  await expect(page.getByText('with the name and password above')).toHaveCount(0);
  await expect(page.locator('#cw-password')).toHaveCount(0);
});

test('HTTP: a timeout on create customer is retried with the same MS-RequestId: one customer', async ({ page, request }) => {
  await openApp(page, { mode: 'http', attrs: { timeout: '1500' } });
  await toReview(page, { prefix: 'timeout1' });
  await faults(request, [{ method: 'POST', path: '/v1/customers', kind: 'timeout' }]);
  await page.getByRole('button', { name: 'Create customer' }).click();
  await expectDone(page);
  const posts = await log(request, '?method=POST&path=/v1/customers');
  expect(posts.length).toBe(2);
  expect(posts[0].headers['MS-RequestId']).toBe(posts[1].headers['MS-RequestId']);
  expect(await created(request, 'customer')).toHaveLength(1);
});

test('HTTP: the connection dropped after the customer was stored: one customer', async ({ page, request }) => {
  await openApp(page, { mode: 'http' });
  await toReview(page, { prefix: 'dropped1' });
  await faults(request, [{ method: 'POST', path: '/v1/customers', kind: 'drop-after' }]);
  await page.getByRole('button', { name: 'Create customer' }).click();
  await expectDone(page);
  expect(await created(request, 'customer')).toHaveLength(1);
  const posts = await log(request, '?method=POST&path=/v1/customers');
  expect(posts.at(-1).replayed).toBe(true);
});

test('HTTP: double-clicking submit sends one request', async ({ page, request }) => {
  await openApp(page, { mode: 'http' });
  await toReview(page, { prefix: 'double1' });
  await faults(request, [{ method: 'POST', path: '/v1/customers', kind: 'latency', ms: 800 }]);
  await page.getByRole('button', { name: 'Create customer' }).dblclick();
  await expectDone(page);
  expect(await log(request, '?method=POST&path=/v1/customers')).toHaveLength(1);
});

test('HTTP: 27002 StateInvalid takes the user to the state field, then succeeds', async ({ page, request }) => {
  await openApp(page, { mode: 'http' });
  await toReview(page, { prefix: 'state1' });
  await faults(request, [{ method: 'POST', path: '/v1/customers', kind: 'business', code: 27002, description: 'The state is not valid for this address', data: ['StateInvalid'] }]);
  await page.getByRole('button', { name: 'Create customer' }).click();
  await expect(page.locator('h1')).toHaveText('Account info');
  // Partner Center's description is generic ("A property has invalid data."): the field says what was refused.
  await expect(page.locator('#cw-state-error')).toContainText('Partner Center did not accept this state');
  await expect(page.locator('.cw-error-summary a[href="#cw-state"]')).toBeVisible();
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('cw-error-summary');
  await page.selectOption('#cw-state', 'OR');
  await expect(page.locator('#cw-state-error')).toHaveCount(0);
  // Continue names where it goes: straight back to Review.
  await page.getByRole('button', { name: 'Save and return to Review' }).click();
  await expect(page.locator('h1')).toHaveText('Review');
  await page.getByRole('button', { name: 'Create customer' }).click();
  await expectDone(page);
  expect(await created(request, 'customer')).toHaveLength(1);
});

test('HTTP: 600061 (already attested) counts as done', async ({ page, request }) => {
  await openApp(page, { mode: 'http' });
  await fillValidUs(page, { prefix: 'attest1' });
  await acceptAgreement(page, '2026-11-01');
  await page.getByRole('button', { name: 'Next: Subscriptions' }).click();
  await noSubscriptions(page);
  await faults(request, [{ method: 'POST', path: '/v1/customers/*', kind: 'business', status: 409, code: 600061, description: 'Already attested' }]);
  await page.getByRole('button', { name: 'Create customer' }).click();
  await expectDone(page);
});

test('HTTP: a reload in the middle of submit resumes: one customer', async ({ page, request }) => {
  await openApp(page, { mode: 'http' });
  await toReview(page, { prefix: 'reload1' });
  await faults(request, [{ method: 'POST', path: '/v1/customers', kind: 'latency', ms: 1500 }]);
  await page.getByRole('button', { name: 'Create customer' }).click();
  await expect(page.getByText('Create the customer account: in progress')).toBeVisible();
  await expect.poll(async () => (await log(request, '?method=POST&path=/v1/customers')).length).toBe(1);
  await page.reload();
  await expectDone(page);
  const posts = await log(request, '?method=POST&path=/v1/customers');
  expect(new Set(posts.map((p) => p.headers['MS-RequestId'])).size).toBe(1);
  expect(await created(request, 'customer')).toHaveLength(1);
  // The resumed call got the stored answer; the draft is cleared after success.
  await expect(page.locator('#cw-sign-in')).toHaveText('admin@reload1.onmicrosoft.com');
  await expect(page.getByText('We restored the details')).toHaveCount(0);
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
  expect(stored).not.toContain('ada@contosopharma.com');
  expect(stored).not.toContain('1 Microsoft Way');
});

test('HTTP: a 500 that keeps failing shows Retry, and Retry resumes', async ({ page, request }) => {
  await openApp(page, { mode: 'http' });
  await toReview(page, { prefix: 'retry1' });
  await faults(request, [{ method: 'POST', path: '/v1/customers', kind: 'status', status: 503, times: 4 }]);
  await page.getByRole('button', { name: 'Create customer' }).click();
  // The progress appears above the button: focus moves to it, and it is in view.
  await expect.poll(() => focusedId(page)).toBe('cw-submit-progress');
  await expect(page.locator('#cw-submit-progress')).toBeInViewport();
  await expect(page.getByText('Create the customer account: failed')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('alert')).toContainText('Something went wrong');
  await expect(page.locator('#cw-submit-progress h2')).toHaveText('The submission did not finish');
  await expect.poll(() => focusedId(page)).toBe('cw-submit-progress');
  await expect(page.locator('#cw-company-name')).toHaveCount(0);
  // One way to try again: the step's own button, renamed (not a second "Create customer").
  await expect(page.getByRole('button', { name: 'Try again' })).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Create customer' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Try again' }).click();
  await expectDone(page);
  expect(await created(request, 'customer')).toHaveLength(1);
});

test('HTTP: a 429 is retried after Retry-After', async ({ page, request }) => {
  await faults(request, [{ method: 'GET', path: '/v1/profiles/me', kind: 'rate-limit', retryAfter: 1 }]);
  await openApp(page, { mode: 'http' });
  await expect(page.locator('#cw-reseller')).toBeVisible();
  const calls = await log(request, '?path=/v1/profiles/me');
  expect(calls.map((c) => c.status)).toEqual([429, 200]);
  expect(Date.parse(calls[1].time) - Date.parse(calls[0].time)).toBeGreaterThanOrEqual(900);
});

test('HTTP: a malformed answer shows a clear error and nothing typed is lost', async ({ page, request }) => {
  await openApp(page, { mode: 'http' });
  await fillValidUs(page, { prefix: 'malformed1' });
  await faults(request, [{ path: '/v1/offers', kind: 'malformed' }]);
  await page.getByRole('button', { name: 'Next: Subscriptions' }).click();
  await expect(page.getByText('could not be read')).toBeVisible();
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await expect(page.locator('#cw-company-name')).toHaveValue('Contoso Pharmaceuticals Inc.');
});

test('HTTP: offline shows a clear message', async ({ page, context }) => {
  await openApp(page, { mode: 'http' });
  await fillValidUs(page, { prefix: 'offline1' });
  await context.setOffline(true);
  await page.getByRole('button', { name: 'Next: Subscriptions' }).click();
  // The address check cannot run offline: the user is told and may go on.
  await expect(page.getByText('We could not check the address')).toBeVisible();
  await page.getByRole('button', { name: 'Next: Subscriptions' }).click();
  await expect(page.getByText('You are offline')).toBeVisible();
  await context.setOffline(false);
});

test('demo: fault injection: customers time out once, then one customer is created', async ({ page }) => {
  await openApp(page, { query: 'demo-faults=customers:timeout*1' });
  await toReview(page, { prefix: 'demotimeout1' });
  await page.getByRole('button', { name: 'Create customer' }).click();
  await expectDone(page);
  await expectPasswordNowhere(page);
});

test('demo: a dropped connection after the customer was stored does not create it twice', async ({ page }) => {
  await openApp(page, { query: 'demo-faults=customers:drop*1' });
  await toReview(page, { prefix: 'demodrop1' });
  await page.getByRole('button', { name: 'Create customer' }).click();
  await expectDone(page);
  // The retry got the stored answer (without a password: the demo never stores one).
  await expect(page.getByText('can no longer be displayed')).toBeVisible();
  await expect(page.getByText('with the name above, once the password has been reset')).toBeVisible();
  const state = await page.evaluate(() => JSON.parse(sessionStorage.getItem('customer-wizard:demo-backend')));
  expect(state.customers.filter(([, d]) => d === 'demodrop1')).toHaveLength(1);
});

test('demo: a domain created in this session is refused the second time', async ({ page }) => {
  await openApp(page);
  await toReview(page, { prefix: 'demotwice1' });
  await page.getByRole('button', { name: 'Create customer' }).click();
  await expectDone(page);
  await page.getByRole('button', { name: 'Add another customer' }).click();
  await expect(page.locator('#cw-company-name')).toHaveValue('');
  await fillValidUs(page, { prefix: 'demotwice1' });
  await expect(page.locator('#cw-domain-status')).toContainText('already in use');
});

/** Account info -> Subscriptions with one line of `name` (quantity `qty`) and, optionally,
 * a second offer from another sales group -> Review. */
async function toReviewWithLines(page, prefix, lines) {
  await fillValidUs(page, { prefix });
  await page.getByRole('button', { name: 'Next: Subscriptions' }).click();
  await expect(page.getByRole('listbox')).toBeVisible();
  for (const [name, qty] of lines) {
    await page.getByRole('searchbox').fill(name);
    await page.getByRole('listbox').locator('[role=option]:not([hidden])', { has: page.locator('.cw-offer__name', { hasText: new RegExp(`^${name}$`) }) }).click();
    const line = page.locator('.cw-line', { has: page.getByRole('heading', { name, exact: true }) });
    // An offer sold in one quantity only (Azure plan) shows it as text, no input.
    await expect(line.locator('input[inputmode=numeric], .cw-line__fixed')).toHaveCount(1);
    if (await line.locator('.cw-line__fixed').count()) await expect(line.locator('.cw-line__fixed')).toContainText(String(qty));
    else await line.locator('input[inputmode=numeric]').fill(String(qty));
  }
  await page.getByRole('button', { name: 'Next: Review' }).click();
  await expect(page.locator('h1')).toHaveText('Review');
}

test('HTTP: orders per sales group, with the reseller MPN id on each line; every call reached the stub', async ({ page, request }) => {
  await openApp(page, { mode: 'http' });
  await page.fill('#cw-domain-prefix', 'contoso');
  await expect(page.locator('#cw-domain-status')).toContainText('already in use');
  await page.getByRole('button', { name: 'Get the invitation link' }).click();
  await expect(page.locator('#cw-relationship-link')).toHaveValue(/^https:/);
  await toReviewWithLines(page, 'orders1', [['Microsoft 365 Business Basic', 12], ['Azure plan', 1]]);
  await expect(page.getByText('Microsoft 365 Business Basic')).toBeVisible();
  await page.getByRole('button', { name: 'Create customer and place order' }).click();
  await expectDone(page);
  const orders = await created(request, 'order');
  expect(orders).toHaveLength(2);
  const lines = orders.flatMap((o) => o.body.lineItems);
  expect(lines.map((l) => l.quantity).sort()).toEqual([1, 12]);
  expect(lines.every((l) => /^\d+$/.test(l.partnerIdOnRecord))).toBe(true);
  await expect(page.locator('#cw-orders li')).toHaveCount(2);
  await expect(page.locator('#cw-orders')).toContainText('Microsoft 365 Business Basic × 12');
  await expect(page.locator('#cw-orders')).toContainText('Azure plan × 1');
  const routes = new Set((await log(request)).map((e) => `${e.method} ${e.path.replace(/[0-9a-f-]{36}/, '{id}').replace(/\/domains\/.*/, '/domains/{d}').replace(/rules\/[A-Z]{2}/, 'rules/{c}')}`));
  for (const r of ['GET /v1/profiles/me', 'GET /v1/countryvalidationrules/{c}', 'HEAD /v1/domains/{d}', 'POST /v1/validations/address',
    'GET /v1/relationships', 'GET /v1/offers', 'GET /v1/customers/relationshiprequests', 'POST /v1/customers', 'POST /v1/customers/{id}/orders']) {
    expect([...routes], r).toContain(r);
  }
});

test('HTTP: right after a reload, Review says what is still loading, and Create waits for it', async ({ page, request }) => {
  await openApp(page, { mode: 'http' });
  await toReviewWithLines(page, 'slowreview1', [['Microsoft 365 Business Basic', 4]]);
  const slowly = () => faults(request, ['/v1/profiles/me', '/v1/relationships', '/v1/offers'].map((path) => ({ method: 'GET', path, kind: 'latency', ms: 2500, times: 1 })));
  const reseller = page.locator('.cw-summary-card', { has: page.getByRole('heading', { name: 'Indirect reseller' }) }).locator('dd');
  const offer = page.locator('.cw-summary-list__row', { hasText: '4 ×' }).locator('dt');
  await slowly();
  await page.reload();
  await expect(page.locator('h1')).toHaveText('Review');
  // The reseller's section is there at once (no section popping in), saying it is loading;
  // the chosen offer too, never as its raw id. Then both are named.
  await expect(reseller).toHaveText('Loading…');
  await expect(offer).toHaveText('Loading…');
  await expect(page.getByText('CFQ7TTC0CGXR')).toHaveCount(0);
  await expect(offer).toHaveText('Microsoft 365 Business Basic', { timeout: 10_000 });
  await expect(reseller).toHaveText(/ · /, { timeout: 10_000 });
  await expect(page.getByText('CFQ7TTC0CGXR')).toHaveCount(0);
  const create = page.getByRole('button', { name: 'Create customer and place order' });
  // A press while loading that the user then walks away from is forgotten: nothing is sent.
  await slowly();
  await page.reload();
  await expect(offer).toHaveText('Loading…');
  await create.click();
  await expect(create).toHaveAttribute('aria-disabled', 'true');
  await page.getByRole('button', { name: 'Update subscriptions' }).click();
  await expect(page.locator('h1')).toHaveText('Subscriptions');
  await expect(page.getByRole('listbox')).toBeVisible({ timeout: 10_000 });
  await page.getByRole('button', { name: 'Save and return to Review' }).click();
  await expect(page.locator('h1')).toHaveText('Review');
  await expect(offer).toHaveText('Microsoft 365 Business Basic');
  await expect(create).not.toHaveAttribute('aria-disabled', 'true');
  expect(await created(request, 'customer')).toHaveLength(0);
  // Create pressed while loading waits (and says so, also to a screen reader), then goes on
  // by itself.
  await slowly();
  await page.reload();
  await expect(offer).toHaveText('Loading…');
  await create.click();
  await expect(create).toHaveAttribute('aria-disabled', 'true');
  await expect(page.locator('.cw-nav [role=status]')).toHaveText('Still loading: this goes on by itself in a moment');
  await expect(page.locator('.cw-nav__status')).toBeVisible();
  expect(await created(request, 'customer')).toHaveLength(0);
  await expectDone(page);
  expect(await created(request, 'customer')).toHaveLength(1);
  await expect(page.locator('#cw-orders')).toContainText('Microsoft 365 Business Basic × 4');
});

test('HTTP: the connection dropped after the order was stored: exactly one order', async ({ page, request }) => {
  await openApp(page, { mode: 'http' });
  await toReviewWithLines(page, 'droporder1', [['Microsoft 365 Business Basic', 5]]);
  await faults(request, [{ method: 'POST', path: '/v1/customers/*', kind: 'drop-after' }]);
  await page.getByRole('button', { name: 'Create customer and place order' }).click();
  await expectDone(page);
  expect(await created(request, 'order')).toHaveLength(1);
  expect(await created(request, 'customer')).toHaveLength(1);
});

test('HTTP: 900275 takes the user to that line\'s quantity; the fix succeeds with one customer', async ({ page, request }) => {
  await openApp(page, { mode: 'http' });
  await toReviewWithLines(page, 'qty1', [['Microsoft 365 Business Basic', 7]]);
  await faults(request, [{ method: 'POST', path: '/v1/customers/*', kind: 'business', code: 900275, description: 'Quantity out of range', data: ['0', 'CFQ7TTC0CGXR:0002'] }]);
  await page.getByRole('button', { name: 'Create customer and place order' }).click();
  await expect(page.locator('h1')).toHaveText('Subscriptions');
  await expect(page.locator('.cw-error-summary')).toContainText('did not accept this number of licenses');
  const qty = page.locator('.cw-line input[inputmode=numeric]');
  await expect(qty).toHaveAttribute('aria-invalid', 'true');
  await qty.fill('6');
  await expect(qty).not.toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('button', { name: 'Save and return to Review' }).click();
  await expect(page.locator('h1')).toHaveText('Review');
  // The customer already exists: the button says what is left, and resumes at the order.
  await page.getByRole('button', { name: 'Place the order' }).click();
  await expectDone(page);
  expect(await created(request, 'customer')).toHaveLength(1);
  const orders = await created(request, 'order');
  expect(orders).toHaveLength(1);
  expect(orders[0].body.lineItems[0].quantity).toBe(6);
});

test('demo: a failing order shows partial success, then Retry places it', async ({ page }) => {
  await openApp(page, { query: 'demo-faults=orders:503*4' });
  await toReviewWithLines(page, 'demopartial1', [['Microsoft 365 Business Basic', 3]]);
  await page.getByRole('button', { name: 'Create customer and place order' }).click();
  await expect(page.getByText('The customer account was created, but not everything else was done yet')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText('Create the customer account: done')).toBeVisible();
  await expect(page.getByText('Place order 1 of 1: failed')).toBeVisible();
  // The customer exists: its details can no longer be changed here, and starting again (which
  // would lose its sign-in details) is not offered; the order can still be changed.
  await expect(page.getByRole('button', { name: 'Update account info' })).toBeDisabled();
  await expect(page.getByText('The customer has been created with these details').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cancel', exact: true })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Update subscriptions' })).toBeEnabled();
  // The way out of an order that keeps failing is said.
  await expect(page.getByText('To finish without the subscriptions, remove them with “Update subscriptions”')).toBeVisible();
  // A reload resumes the run; the restored draft's "Start again" is not offered (it would lose
  // the created customer's sign-in details).
  await page.reload();
  await expect(page.getByText('We restored the details')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start again with an empty form' })).toHaveCount(0);
  await expect(page.getByText('Place order 1 of 1: failed')).toBeVisible({ timeout: 20_000 });
  // Leaving Review forgets the failure: back from Subscriptions the button says what is left.
  await page.getByRole('button', { name: 'Update subscriptions' }).click();
  await page.getByRole('button', { name: 'Save and return to Review' }).click();
  await expect(page.locator('h1')).toHaveText('Review');
  await expect(page.locator('#cw-submit-progress')).toHaveCount(0);
  await page.getByRole('button', { name: 'Place the order' }).click();
  await expectDone(page);
  await expect(page.locator('#cw-orders li')).toHaveCount(1);
});

test('demo: while the submission runs nothing can be changed or cancelled', async ({ page }) => {
  await openApp(page, { query: 'demo-latency=700' });
  await toReviewWithLines(page, 'demobusy1', [['Microsoft 365 Business Basic', 3]]);
  await page.getByRole('button', { name: 'Create customer and place order' }).click();
  await expect(page.locator('#cw-submit-progress')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Update subscriptions' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Update account info' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Cancel', exact: true })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Back', exact: true })).toBeDisabled();
  await expectDone(page);
});
