// Account info: every field and rule, live checks, roles, the saved draft.
import { test, expect } from '@playwright/test';
import { openApp, fillValidUs, focusedId, shot } from './helpers.mjs';

const next = (page) => page.getByRole('button', { name: /Next: Subscriptions|Sonraki: Abonelikler/ }).click();
const err = (page, field) => page.locator(`#cw-${field}-error`);

// A valid customer in each country (postal codes outside the demo's correction table).
const COUNTRIES = {
  US: { city: 'Seattle', state: 'WA', postal: '98101', phone: '+1 206 555 0100' },
  GB: { city: 'London', postal: 'SW1A 1AA', phone: '+44 20 7946 0000' },
  DE: { city: 'Köln', postal: '50667', phone: '+49 221 1234567' },
  TR: { city: 'Kadıköy', state: 'İstanbul', postal: '34710', phone: '+90 216 555 01 00', reg: '1234567890' },
  BR: { city: 'São Paulo', state: 'SP', postal: '01311-000', phone: '+55 11 91234 5678', reg: '12.345.678/0001-90' },
  JP: { city: 'Chiyoda-ku', state: 'Tokyo', postal: '100-0001', phone: '+81 3 1234 5678' },
};

async function fillCountry(page, iso, c, prefix) {
  await page.selectOption('#cw-country', iso);
  await page.fill('#cw-company-name', `Contoso ${iso} Holdings`);
  await page.fill('#cw-domain-prefix', prefix);
  if (c.reg) await page.fill('#cw-registration-number', c.reg);
  await page.fill('#cw-address-line1', 'Test Street 1');
  await page.fill('#cw-city', c.city);
  if (c.state) {
    await expect(page.locator('select#cw-state')).toBeVisible();
    await page.selectOption('#cw-state', c.state);
  }
  await page.fill('#cw-postal-code', c.postal);
  await page.fill('#cw-first-name', 'Ayşe');
  await page.fill('#cw-last-name', 'Yılmaz');
  await page.fill('#cw-email', 'ayse@example.com');
  await page.fill('#cw-phone', c.phone);
  await page.selectOption('#cw-reseller', { index: 1 });
  await page.check('#cw-agreement-later');
}

for (const [iso, c] of Object.entries(COUNTRIES)) {
  test(`a valid ${iso} customer gets to Subscriptions`, async ({ page }) => {
    await openApp(page);
    await fillCountry(page, iso, c, `valid${iso.toLowerCase()}${Date.now() % 10000}`);
    await next(page);
    await expect(page.locator('h1')).toHaveText('Subscriptions');
  });
}

test('country-specific labels, culture and language defaults', async ({ page }) => {
  await openApp(page);
  await page.selectOption('#cw-country', 'US');
  await expect(page.locator('label[for=cw-postal-code]')).toHaveText('ZIP code');
  await page.selectOption('#cw-country', 'GB');
  await expect(page.locator('label[for=cw-postal-code]')).toHaveText('Postcode');
  await page.selectOption('#cw-country', 'DE');
  await expect(page.locator('label[for=cw-postal-code]')).toHaveText('Postal code (PLZ)');
  // A country whose rules do not require one says the postal code is optional.
  await page.selectOption('#cw-country', 'CI');
  await expect(page.locator('label[for=cw-postal-code]')).toHaveText('Postal code (optional)');
  await expect(page.locator('#cw-culture')).toHaveValue('fr-CI');
  await page.selectOption('#cw-country', 'DE');
  await expect(page.locator('label[for=cw-postal-code]')).toHaveText('Postal code (PLZ)');
  await page.selectOption('#cw-country', 'TR');
  await expect(page.locator('label[for=cw-state]')).toHaveText('Province');
  await expect(page.locator('#cw-culture')).toHaveValue('tr-TR');
  // Cultures read as names, with their codes.
  await expect(page.locator('#cw-culture option:checked')).toHaveText('Turkish (Türkiye) (tr-TR)');
  await expect(page.locator('#cw-registration-number')).toBeVisible();
  await expect(page.locator('label[for=cw-phone]')).not.toContainText('optional');
  await page.selectOption('#cw-country', 'US');
  await expect(page.locator('#cw-registration-number')).toHaveCount(0);
  await expect(page.locator('label[for=cw-phone]')).toContainText('(optional)');
});

test('every field has the right autocomplete token', async ({ page }) => {
  await openApp(page);
  const tokens = {
    country: 'country', 'company-name': 'organization', 'address-line1': 'address-line1',
    'address-line2': 'address-line2', city: 'address-level2', 'postal-code': 'postal-code',
    'first-name': 'given-name', 'last-name': 'family-name', email: 'email', phone: 'tel',
  };
  for (const [id, token] of Object.entries(tokens)) {
    await expect(page.locator(`#cw-${id}`)).toHaveAttribute('autocomplete', token);
  }
});

test('every error message, shown after Continue and updated as the user types', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openApp(page);
  await page.selectOption('#cw-country', 'US');
  await page.fill('#cw-company-name', 'A');
  await expect(err(page, 'company-name')).toHaveCount(0);
  await next(page);
  await expect.poll(() => focusedId(page)).toBe('cw-error-summary');
  await shot(page, 'account-errors-en-1280');
  const cases = [
    ['company-name', 'A', 'not a single character'],
    ['company-name', '!!!', 'must contain letters or digits'],
    ['company-name', 'GmbH', 'not only its legal form'],
    ['domain-prefix', 'con-toso', 'only contain letters and digits'],
    ['domain-prefix', 'a'.repeat(28), '27 characters or fewer'],
    ['email', 'ada@', 'correct format'],
    ['email', 'bill@microsoft.com', 'not a microsoft.com address'],
    ['email', 'me@contoso-partner.example', "not one at your own company's domain"],
    // The field is "ZIP code" in the US, and so is the message, with the two US forms.
    ['postal-code', '9810', 'Enter a ZIP code of 5 digits, like 98052, or of 5 and 4 digits, like 98052-6399'],
    ['postal-code', '', 'Enter the ZIP code'],
    ['phone', '555-abc', 'phone number in the format'],
    ['address-line1', 'x'.repeat(300), '250 characters or fewer'],
    ['city', '', 'Enter the town or city'],
    ['first-name', '   ', 'Enter the first name'],
  ];
  for (const [field, value, message] of cases) {
    await page.fill(`#cw-${field}`, value);
    await expect(err(page, field)).toContainText(message);
    await expect(page.locator(`#cw-${field}`)).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator(`#cw-${field}`)).toHaveAttribute('aria-describedby', new RegExp(`cw-${field}-error`));
  }
  // Clears as soon as the field is valid.
  await page.fill('#cw-company-name', 'Contoso Ltd');
  await expect(err(page, 'company-name')).toHaveCount(0);
  await expect(page.locator('#cw-company-name')).not.toHaveAttribute('aria-invalid', 'true');
  // Summary links move focus to the field.
  await page.locator('.cw-error-summary a[href="#cw-email"]').click();
  await expect.poll(() => focusedId(page)).toBe('cw-email');
  // Agreement date in the future.
  await page.check('#cw-agreement');
  await page.fill('#cw-date-agreed', '2099-01-01');
  await expect(err(page, 'date-agreed')).toContainText('today or in the past');
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, 'account-errors-en-390');
});

test('warnings show but do not block', async ({ page }) => {
  await openApp(page);
  await fillValidUs(page);
  await page.fill('#cw-company-name', 'Test Ltd');
  await expect(page.locator('#cw-company-name-warning')).toContainText('test name');
  await page.fill('#cw-company-name', 'contoso.com');
  await expect(page.locator('#cw-company-name-warning')).toContainText('web address');
  await next(page);
  await expect(page.locator('h1')).toHaveText('Subscriptions');
});

test('switching country re-validates and keeps what still applies', async ({ page }) => {
  await openApp(page);
  await fillValidUs(page);
  await page.selectOption('#cw-country', 'GB');
  await next(page);
  // A US ZIP code is not a UK postcode; the name, email and street are kept.
  await expect(err(page, 'postal-code')).toContainText('Enter a postcode in the format used in this country');
  await expect(page.locator('#cw-company-name')).toHaveValue('Contoso Pharmaceuticals Inc.');
  await expect(page.locator('#cw-address-line1')).toHaveValue('1 Microsoft Way');
  await page.fill('#cw-postal-code', 'SW1A 2AA');
  await page.fill('#cw-state', '');
  await next(page);
  await expect(page.locator('h1')).toHaveText('Subscriptions');
});

test('a taken domain says the customer may exist and offers the relationship request', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp(page);
  await page.fill('#cw-domain-prefix', 'contoso');
  await expect(page.locator('#cw-domain-status')).toContainText('contoso.onmicrosoft.com is already in use');
  await page.getByRole('button', { name: 'Get the invitation link' }).click();
  await expect(page.locator('#cw-relationship-link')).toHaveValue(/^https:\/\/admin\.microsoft\.com\//);
  await expect(page.locator('#cw-relationship-email')).toHaveValue(/global admin/);
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByText('Copied')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^https:\/\/admin\.microsoft\.com\//);
  await next(page);
  await expect(err(page, 'domain-prefix')).toContainText('request a relationship');
  await page.fill('#cw-domain-prefix', 'contosonew2026');
  await expect(page.locator('#cw-domain-status')).toContainText('is available');
  await expect(err(page, 'domain-prefix')).toHaveCount(0);
  await shot(page, 'account-domain-1280');
});

test('an address suggestion is accepted with one click', async ({ page }) => {
  await openApp(page);
  await fillValidUs(page);
  await page.fill('#cw-postal-code', '98052');
  await next(page);
  await expect(page.getByText('The address service suggests a correction')).toBeVisible();
  await expect.poll(() => focusedId(page)).toBe('cw-address-check');
  await shot(page, 'account-address-suggestion-1280');
  await page.getByRole('button', { name: 'Use this address' }).click();
  await expect(page.locator('h1')).toHaveText('Subscriptions');
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await expect(page.locator('#cw-postal-code')).toHaveValue('98052-6399');
});

test('"keep the address I entered" goes on with it', async ({ page }) => {
  await openApp(page);
  await fillValidUs(page);
  await page.fill('#cw-postal-code', '98052');
  await next(page);
  await page.getByRole('button', { name: 'Keep the address I entered' }).click();
  await expect(page.locator('h1')).toHaveText('Subscriptions');
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await expect(page.locator('#cw-postal-code')).toHaveValue('98052');
});

test('a reload restores the draft with a notice, which can be discarded', async ({ page }) => {
  await openApp(page);
  await page.fill('#cw-company-name', 'Kalıcı Taslak A.Ş.');
  await page.fill('#cw-email', 'taslak@example.com');
  await expect.poll(() => page.evaluate(() => localStorage.getItem('customer-wizard:cw:draft') ?? '')).toContain('Kalıcı Taslak');
  await page.reload();
  await expect(page.getByText('We restored the details you entered earlier.')).toBeVisible();
  await expect(page.locator('#cw-company-name')).toHaveValue('Kalıcı Taslak A.Ş.');
  await page.evaluate(() => {
    window.__nextSave = new Promise((r) => document.addEventListener('cw-draft-saved', r, { capture: true, once: true }));
  });
  await page.getByRole('button', { name: 'Start again with an empty form' }).click();
  await expect(page.locator('#cw-company-name')).toHaveValue('');
  // The button is gone with the notice: focus is on the step's heading, not lost.
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('cw-heading');
  // The autosave after the reset keeps no empty draft (the next visit would first say it is
  // loading one, then show an empty form).
  await page.evaluate(() => window.__nextSave);
  expect(await page.evaluate(() => localStorage.getItem('customer-wizard:cw:draft'))).toBeNull();
  await page.reload();
  await expect(page.getByText('We restored')).toHaveCount(0);
});

test('what was typed just before a reload is kept: the pending save runs when the page is hidden', async ({ page }) => {
  await openApp(page);
  // Reloaded at once, well inside the autosave's half-second wait.
  await page.fill('#cw-company-name', 'Son Saniye A.Ş.');
  await page.reload();
  await expect(page.locator('#cw-company-name')).toHaveValue('Son Saniye A.Ş.');
});

test('an expired draft is not restored', async ({ page }) => {
  await openApp(page);
  await page.evaluate(() => localStorage.setItem('customer-wizard:cw:draft', JSON.stringify({
    v: 1, saved_at: Date.now() - 8 * 86400000, draft: { account: { company_name: 'Old Draft Ltd' } },
  })));
  await page.reload();
  await expect(page.locator('#cw-company-name')).toHaveValue('');
});

test('a user without an eligible role is told why', async ({ page }) => {
  await openApp(page, { query: 'demo-profile=no-role' });
  await expect(page.locator('h1')).toHaveText('You cannot add customers');
  await expect(page.getByText('Global admin, User management admin, Admin agent or Sales agent')).toBeVisible();
  await expect(page.locator('#cw-company-name')).toHaveCount(0);
});

test('a global admin may add customers but not attest the agreement', async ({ page }) => {
  await openApp(page, { query: 'demo-profile=global-admin' });
  await expect(page.locator('#cw-agreement')).toBeDisabled();
  await expect(page.getByText('Only Admin agents and Sales agents can confirm')).toBeVisible();
  // Direct partner: no reseller to choose.
  await expect(page.locator('#cw-reseller')).toHaveCount(0);
});

test('an indirect provider picks the reseller; it is required', async ({ page }) => {
  await openApp(page);
  await expect(page.locator('#cw-reseller option').nth(1)).toHaveText(/ · .+ · \d+/);
  await next(page);
  await expect(err(page, 'reseller')).toContainText('Choose the indirect reseller');
  await page.selectOption('#cw-reseller', { index: 2 });
  await expect(err(page, 'reseller')).toHaveCount(0);
});

test('Turkish: messages, labels and a valid Turkish customer', async ({ page }) => {
  await openApp(page, { locale: 'tr' });
  await next(page);
  await expect(page.locator('.cw-error-summary')).toContainText('Bir sorun var');
  await expect(err(page, 'company-name')).toContainText('Şirketin yasal adını girin');
  await page.fill('#cw-email', 'ada@');
  await expect(err(page, 'email')).toContainText('E-posta adresini doğru biçimde girin');
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, 'account-errors-tr-390');
  await fillCountry(page, 'TR', COUNTRIES.TR, `istanbul${Date.now() % 10000}`);
  await expect(page.locator('label[for=cw-state]')).toHaveText('İl');
  await next(page);
  await expect(page.locator('h1')).toHaveText('Abonelikler');
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByRole('button', { name: 'Geri', exact: true }).click();
  await shot(page, 'account-valid-tr-1280');
});

test('the reseller list can be searched by name, location or partner ID', async ({ page }) => {
  await openApp(page);
  const options = page.locator('#cw-reseller option');
  // Wait for the list to load before counting it.
  await expect.poll(() => options.count()).toBeGreaterThan(25);
  const all = await options.count();
  await page.fill('#cw-reseller-search', 'izmir');
  await expect.poll(() => options.count()).toBeLessThan(all);
  await expect(options.nth(1)).toContainText('İzmir');
  await page.selectOption('#cw-reseller', { index: 1 });
  const chosen = await page.locator('#cw-reseller').inputValue();
  await page.fill('#cw-reseller-search', 'no reseller like this');
  // The chosen one stays.
  await expect(page.locator('#cw-reseller')).toHaveValue(chosen);
  await page.fill('#cw-reseller-search', '');
  await expect(options).toHaveCount(all);
});

test('Continue while the domain is still being checked waits for the answer: a taken domain does not get through', async ({ page }) => {
  await openApp(page, { attrs: { 'demo-latency': '1200' } });
  await fillValidUs(page, { prefix: 'contosofree2026' });
  await expect(page.locator('#cw-domain-status')).toContainText('is available', { timeout: 15_000 });
  // A taken domain typed, and Continue pressed before the check can have answered.
  await page.fill('#cw-domain-prefix', 'contoso');
  await page.getByRole('button', { name: 'Next: Subscriptions' }).click();
  await expect(page.locator('#cw-domain-status')).toContainText('already in use', { timeout: 15_000 });
  await expect(page.locator('h1')).toHaveText('Account info');
  await expect(page.locator('.cw-error-summary')).toContainText('This domain is already in use');
  await expect(page.locator('#cw-domain-prefix-error')).toContainText('request a relationship');
  // A free domain, Continue pressed at once: it goes on once the check says so.
  await page.fill('#cw-domain-prefix', 'contosofree2027');
  await page.getByRole('button', { name: 'Next: Subscriptions' }).click();
  await expect(page.locator('h1')).toHaveText('Subscriptions', { timeout: 15_000 });
});
