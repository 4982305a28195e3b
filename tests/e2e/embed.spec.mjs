// Embedding: a host page on another origin than the bundle, with a strict CSP, hostile global
// CSS and its own links, mounts the wizard, configures it, and hears its events.
import { test, expect } from '@playwright/test';
import { fillValidUs, resetStub, shot, STUB } from './helpers.mjs';

const HOST = `http://127.0.0.1:${process.env.HOST_PORT ?? 8091}`;
const APP = `http://127.0.0.1:${process.env.APP_PORT ?? 8090}`;

test.describe.configure({ mode: 'serial' });

async function openHost(page) {
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${HOST}/index.html?app=${encodeURIComponent(APP)}`);
  await expect(page.locator('body[data-ready=true]')).toBeAttached();
  return problems;
}

function mountInto(page, slot, config) {
  return page.evaluate(([slot, config]) => {
    window.host.handles[slot] = window.host.mount(document.getElementById(slot), config);
  }, [slot, config]);
}

const events = (page, name) => page.evaluate((n) => window.host.events.filter((e) => e.name === n), name);

test.beforeEach(async ({ request }) => resetStub(request));

test('mounts from another origin under a strict CSP, completes in HTTP mode, emits events', async ({ page, request }) => {
  const problems = await openHost(page);
  await mountInto(page, 'slot-a', { apiBase: STUB, locale: 'en', storage: 'session', auth: { headers: { Authorization: 'Bearer host-token' } } });
  const slot = page.locator('#slot-a');
  await expect(slot.locator('h1')).toHaveText('Account info');
  // The host keeps its title and its URL: an embedded wizard does not route.
  await expect(page).toHaveTitle('Host portal');
  await page.setViewportSize({ width: 1280, height: 900 });
  await shot(page, 'embed-host-1280');

  await fillValidUs(page, { prefix: 'embedded1', id: 'slot-a' });
  await expect.poll(async () => (await events(page, 'cw-draft-saved')).length).toBeGreaterThan(0);
  await slot.getByRole('button', { name: 'Next: Subscriptions' }).click();
  await expect(slot.locator('h1')).toHaveText('Subscriptions');
  expect(new URL(page.url()).hash).toBe('');
  await slot.getByRole('button', { name: 'Next: Review' }).click();
  await slot.getByRole('button', { name: 'Continue without subscriptions' }).click();
  await slot.getByRole('button', { name: 'Create customer' }).click();
  await expect(slot.locator('h1')).toHaveText('Customer added');
  await shot(page, 'embed-host-done-1280');

  const steps = (await events(page, 'cw-step-change')).map((e) => e.detail.step);
  expect(steps).toEqual(['subscriptions', 'review', 'done']);
  const submitted = await events(page, 'cw-submitted');
  expect(submitted).toHaveLength(1);
  expect(submitted[0].target).toBe('slot-a');
  const state = await (await request.get(`${STUB}/__stub/state`)).json();
  expect(submitted[0].detail.customerId).toBe(state.customers[0].id ?? state.customers[0].customer?.id);
  expect(submitted[0].detail.domain).toBe('embedded1.onmicrosoft.com');
  expect(Array.isArray(submitted[0].detail.orderIds)).toBe(true);
  // No event ever carries the password.
  const password = await slot.locator('#slot-a-password').textContent().catch(() => '');
  const all = JSON.stringify(await page.evaluate(() => window.host.events));
  expect(all).not.toMatch(/password/i);
  if (password) expect(all).not.toContain(password);
  // The host's auth header reached the API.
  const log = (await (await request.get(`${STUB}/__stub/log`)).json()).items;
  expect(log.every((e) => e.headers.Authorization === 'Bearer host-token')).toBe(true);
  expect(problems.filter((p) => /Content Security Policy|CSP/i.test(p))).toEqual([]);
});

test('an error and a cancel reach the host as events', async ({ page, request }) => {
  await openHost(page);
  await mountInto(page, 'slot-a', { apiBase: STUB, storage: 'none' });
  const slot = page.locator('#slot-a');
  await fillValidUs(page, { prefix: 'embederr1', id: 'slot-a' });
  await slot.getByRole('button', { name: 'Next: Subscriptions' }).click();
  await slot.getByRole('button', { name: 'Next: Review' }).click();
  await slot.getByRole('button', { name: 'Continue without subscriptions' }).click();
  await request.post(`${STUB}/__stub/faults`, { data: { faults: [{ method: 'POST', path: '/v1/customers', kind: 'business', code: 27002, description: 'Invalid city', data: ['CityInvalid'] }] } });
  await slot.getByRole('button', { name: 'Create customer' }).click();
  await expect(slot.locator('h1')).toHaveText('Account info');
  const errors = await events(page, 'cw-error');
  expect(errors).toHaveLength(1);
  expect(errors[0].detail).toMatchObject({ stage: 'create-customer', status: 400, code: 27002, retryable: false });
  await slot.getByRole('button', { name: 'Cancel' }).click();
  expect((await events(page, 'cw-cancel'))[0].detail).toEqual({ step: 'account' });
});

test('host links navigate normally and the wizard leaves them alone', async ({ page }) => {
  await openHost(page);
  await mountInto(page, 'slot-a', { storage: 'none', demoLatency: 0 });
  await expect(page.locator('#slot-a h1')).toHaveText('Account info');
  await page.click('#host-hash');
  await expect(page).toHaveURL(/#section-2$/);
  await expect(page.locator('#slot-a h1')).toHaveText('Account info');
  await page.click('#host-link');
  await expect(page).toHaveURL(/other\.html$/);
  await expect(page.locator('h1')).toHaveText('Other host page');
});

test('unmount leaves no DOM, listeners or timers behind', async ({ page }) => {
  await openHost(page);
  const client = await page.context().newCDPSession(page);
  const listeners = async () => {
    const { result } = await client.send('Runtime.evaluate', { expression: 'window' });
    const w = (await client.send('DOMDebugger.getEventListeners', { objectId: result.objectId })).listeners.length;
    const { result: d } = await client.send('Runtime.evaluate', { expression: 'document' });
    const doc = (await client.send('DOMDebugger.getEventListeners', { objectId: d.objectId })).listeners.length;
    return w + doc;
  };
  const before = await listeners();
  await mountInto(page, 'slot-a', { storage: 'session', demoLatency: 0 });
  await expect(page.locator('#slot-a h1')).toHaveText('Account info');
  await page.fill('#slot-a-company-name', 'Contoso Ltd');
  await page.fill('#slot-a-domain-prefix', 'contosoltd');
  await page.evaluate(() => window.host.handles['slot-a'].unmount());
  await expect(page.locator('#slot-a')).toBeEmpty();
  expect(await page.locator('#slot-a').getAttribute('data-cw-mounted')).toBeNull();
  expect(await listeners()).toBe(before);
  // Pending timers (the draft save, the domain check) were cancelled: no events arrive later.
  const count = (await page.evaluate(() => window.host.events.length));
  await page.evaluate(() => new Promise((r) => setTimeout(r, 1200)));
  expect(await page.evaluate(() => window.host.events.length)).toBe(count);
  // Mounting again works (the draft was kept in session storage).
  await mountInto(page, 'slot-a', { storage: 'session', demoLatency: 0 });
  await expect(page.locator('#slot-a-company-name')).toHaveValue('Contoso Ltd');
});

test('two instances side by side keep separate drafts', async ({ page }) => {
  await openHost(page);
  await mountInto(page, 'slot-a', { storage: 'local', demoLatency: 0 });
  await mountInto(page, 'slot-b', { storage: 'local', demoLatency: 0, locale: 'tr' });
  await expect(page.locator('#slot-a h1')).toHaveText('Account info');
  await expect(page.locator('#slot-b h1')).toHaveText('Hesap bilgileri');
  await page.fill('#slot-a-company-name', 'Alpha Ltd');
  await page.fill('#slot-b-company-name', 'Beta A.Ş.');
  await page.locator('#slot-a').getByRole('button', { name: 'Next: Subscriptions' }).click();
  await expect(page.locator('#slot-a .cw-error-summary')).toBeVisible();
  await expect(page.locator('#slot-b .cw-error-summary')).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes(':draft')).length)).toBe(2);
  await page.setViewportSize({ width: 1280, height: 1000 });
  await shot(page, 'embed-two-instances-1280');
  await page.reload();
  await expect(page.locator('body[data-ready=true]')).toBeAttached();
  await mountInto(page, 'slot-a', { storage: 'local', demoLatency: 0 });
  await mountInto(page, 'slot-b', { storage: 'local', demoLatency: 0 });
  await expect(page.locator('#slot-a-company-name')).toHaveValue('Alpha Ltd');
  await expect(page.locator('#slot-b-company-name')).toHaveValue('Beta A.Ş.');
});

test('a bad config gives one clear message in place and in the console', async ({ page }) => {
  const problems = await openHost(page);
  const thrown = await page.evaluate(() => {
    try {
      window.host.mount(document.getElementById('slot-a'), { apiBsae: 'https://x' });
      return null;
    } catch (e) {
      return String(e);
    }
  });
  expect(thrown).toContain('unknown configuration key "api-bsae"');
  await expect(page.locator('#slot-a [role=alert]')).toContainText('api-bsae');
  expect(problems.filter((p) => p.includes('api-bsae'))).toHaveLength(1);
});

test('the wizard keeps its looks inside hostile host CSS', async ({ page }) => {
  await openHost(page);
  await mountInto(page, 'slot-a', { storage: 'none', demoLatency: 0 });
  const input = page.locator('#slot-a-company-name');
  await expect(input).toBeVisible();
  const box = await input.boundingBox();
  expect(box.width).toBeGreaterThan(200);
  expect(box.height).toBeGreaterThanOrEqual(40);
  const h1 = page.locator('#slot-a h1');
  expect(await h1.evaluate((e) => getComputedStyle(e).textTransform)).toBe('none');
  expect(await h1.evaluate((e) => getComputedStyle(e).fontFamily)).not.toContain('Comic');
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, 'embed-hostile-390');
});

test('the standalone page and the example host run under the strict CSP line', async ({ page }) => {
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  await page.goto(`${APP}/embed-example.html`);
  await expect(page.locator('[data-customer-wizard] h1')).toHaveText('Account info');
  await page.fill('[data-customer-wizard] input[autocomplete=organization]', 'Contoso Ltd');
  await expect(page.locator('#portal-events li').first()).toContainText('cw-draft-saved');
  await page.setViewportSize({ width: 1280, height: 900 });
  await shot(page, 'embed-example-1280');
  await page.goto(`${APP}/index.html`);
  await expect(page.locator('h1')).toHaveText(/Account info|Hesap bilgileri/);
  expect(problems).toEqual([]);
});

test('path routing under a base: the step is in the path and Back moves between steps', async ({ page }) => {
  await openHost(page);
  await mountInto(page, 'slot-a', { storage: 'none', demoLatency: 0, routing: 'path', routeBase: '/portal/customers/new' });
  await expect(page).toHaveURL(/\/portal\/customers\/new\/account\?app=/);
  await fillValidUs(page, { id: 'slot-a' });
  await page.locator('#slot-a').getByRole('button', { name: 'Next: Subscriptions' }).click();
  await expect(page.locator('#slot-a h1')).toHaveText('Subscriptions');
  await expect(page).toHaveURL(/\/portal\/customers\/new\/subscriptions\?app=/);
  await page.goBack();
  await expect(page.locator('#slot-a h1')).toHaveText('Account info');
  await expect(page).toHaveURL(/\/portal\/customers\/new\/account/);
});
