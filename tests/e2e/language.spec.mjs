// Every word in the user's language and nothing hidden sent (issue 16, items 4-6): control
// characters refused at their field, tabs and line breaks turned into spaces; examples from
// the customer's country; the offer catalog in the UI language (demo and HTTP mode); the
// agreement date in the UI language's format.
import { test, expect } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { openApp, fillValidUs, resetStub, STUB } from './helpers.mjs';

const SHOTS = '/work/wt/shots/16b';
mkdirSync(SHOTS, { recursive: true });
const shot = (page, name, fullPage = true) => page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage });
const err = (page, field) => page.locator(`#cw-${field}-error`);
const next = (page) => page.getByRole('button', { name: /Next: Subscriptions|Sonraki: Abonelikler/ }).click();
const stubLog = async (request) => (await (await request.get(`${STUB}/__stub/log`)).json()).items;

/** Inserts text at the caret as a paste or a dictation does (the browser's own editing path,
 * which is where a pasted line break becomes a space). */
async function paste(page, selector, text) {
  await page.locator(selector).focus();
  await page.keyboard.insertText(text);
}

test('a control character gets a message at its field in English and Turkish and never reaches a request', async ({ page, request }) => {
  await resetStub(request);
  await openApp(page, { mode: 'http' });
  await fillValidUs(page, { prefix: 'hiddenchar1' });
  await page.fill('#cw-company-name', 'NUL\u0000byte Ltd');
  await page.fill('#cw-city', 'Red\u0007mond');
  await page.fill('#cw-last-name', 'Love\u009blace');
  await next(page);
  await expect(page.locator('h1')).toHaveText('Account info');
  await expect(err(page, 'company-name')).toHaveText(
    "Error: The company legal name contains a hidden character that can't be used: clear the field and type it again",
  );
  await expect(err(page, 'city')).toContainText('The town or city contains a hidden character');
  await expect(err(page, 'last-name')).toContainText('The last name contains a hidden character');
  await expect(page.locator('#cw-company-name')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('.cw-error-summary a[href="#cw-company-name"]')).toContainText('hidden character');
  await page.selectOption('#cw-ui-language', 'tr');
  await expect(err(page, 'company-name')).toContainText(
    'Şirketin yasal adı alanında kullanılamayan gizli bir karakter var: alanı temizleyip yeniden yazın',
  );
  await expect(err(page, 'city')).toContainText('İlçe veya şehir alanında kullanılamayan gizli bir karakter var');
  await page.setViewportSize({ width: 320, height: 800 });
  await page.locator('label[for=cw-company-name]').evaluate((el) => el.scrollIntoView());
  await shot(page, 'control-character-tr-320', false);
  // Nothing with a control character was sent: no address check, no customer.
  const sent = JSON.stringify(await stubLog(request));
  expect(sent).not.toMatch(/\\u0000|\\u0007|\\u009b|\u009b/);
  expect((await stubLog(request)).filter((e) => e.method === 'POST')).toHaveLength(0);
  // Typed again, the message goes.
  await page.fill('#cw-company-name', 'NUL byte Ltd');
  await expect(err(page, 'company-name')).toHaveCount(0);
});

test('a tab or line break typed or pasted into a one-line field becomes a space', async ({ page }) => {
  await openApp(page);
  await page.fill('#cw-company-name', 'Contoso\tPharmaceuticals');
  await expect(page.locator('#cw-company-name')).toHaveValue('Contoso Pharmaceuticals');
  await page.fill('#cw-address-line1', '');
  await paste(page, '#cw-address-line1', '1 Microsoft Way\r\nBuilding 92');
  await expect(page.locator('#cw-address-line1')).toHaveValue('1 Microsoft Way Building 92');
  await page.fill('#cw-first-name', '');
  await paste(page, '#cw-first-name', 'Ada\tMary');
  await expect(page.locator('#cw-first-name')).toHaveValue('Ada Mary');
  await next(page);
  for (const f of ['company-name', 'address-line1', 'first-name']) await expect(err(page, f)).toHaveCount(0);
  // The draft holds the spaces too (what is restored and sent).
  await expect.poll(() => page.evaluate(() => localStorage.getItem('customer-wizard:cw:draft') ?? '')).toContain('1 Microsoft Way Building 92');
});

for (const [locale, t] of Object.entries({
  en: { like: 'like +1 425 555 0100', tr: 'like +90' },
  tr: { like: 'örneğin +1 425 555 0100', tr: 'örneğin +90' },
})) {
  test(`an invalid phone number's example is the customer's country's (${locale})`, async ({ page }) => {
    await openApp(page, { locale });
    await fillValidUs(page);
    await page.fill('#cw-phone', '12');
    await next(page);
    await expect(err(page, 'phone')).toContainText(t.like);
    await expect(err(page, 'phone')).not.toContainText('+90');
    // A Turkish customer is shown a Turkish number, a British one a British postcode.
    await page.selectOption('#cw-country', 'TR');
    await expect(err(page, 'phone')).toContainText(t.tr);
    await page.selectOption('#cw-country', 'GB');
    await page.fill('#cw-postal-code', '123');
    await expect(err(page, 'postal-code')).toContainText('SW1A 1AA');
    await expect(err(page, 'phone')).toContainText('+44 20 7946 0958');
  });
}

const trDescription = 'En fazla 300 kullanıcılı kuruluşlar için web ve mobil Office uygulamaları';
const enDescription = 'Web and mobile Office apps, business email';
const basic = (page) => page.getByRole('listbox').locator('[role=option]:not([hidden])', {
  has: page.locator('.cw-offer__name', { hasText: /^Microsoft 365 Business Basic$/ }),
});

async function toSubscriptions(page, locale) {
  await fillValidUs(page);
  await next(page);
  await expect(page.locator('h1')).toHaveText(locale === 'tr' ? 'Abonelikler' : 'Subscriptions');
  await expect(page.getByRole('listbox')).toBeVisible();
}

test('demo: the catalog is in Turkish on a Turkish page, and in English again after switching, keeping the chosen lines', async ({ page }) => {
  await openApp(page, { locale: 'tr' });
  await toSubscriptions(page, 'tr');
  await page.getByRole('searchbox').fill('business basic');
  await expect(basic(page)).toContainText(trDescription);
  await expect(basic(page).locator('.cw-offer__category')).toHaveText('Üretkenlik');
  await expect(page.getByLabel('Kategori').locator('option', { hasText: 'Güvenlik' })).toHaveCount(1);
  await basic(page).click();
  await page.locator('.cw-line').getByLabel('Lisans sayısı').fill('12');
  await page.getByRole('searchbox').fill('microsoft 365 business');
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, 'subscriptions-tr-catalog-390');
  await page.setViewportSize({ width: 1280, height: 900 });
  await shot(page, 'subscriptions-tr-catalog-1280');
  // English again: the catalog is read again, the line stays as typed.
  await page.selectOption('#cw-ui-language', 'en');
  await page.getByRole('searchbox').fill('business basic');
  await expect(basic(page)).toContainText(enDescription);
  await expect(basic(page).locator('.cw-offer__category')).toHaveText('Productivity');
  await expect(page.getByLabel('Category').locator('option', { hasText: 'Security' })).toHaveCount(1);
  await expect(page.locator('.cw-line').getByLabel('Number of licenses')).toHaveValue('12');
  await expect(page.locator('.cw-line')).toHaveCount(1);
  // And back: the Turkish catalog comes from the cache, at once.
  await page.selectOption('#cw-ui-language', 'tr');
  await expect(basic(page)).toContainText(trDescription);
});

test('HTTP: the offers are asked for in the UI language (X-Locale) and shown in it', async ({ page, request }) => {
  await resetStub(request);
  await openApp(page, { mode: 'http', locale: 'tr' });
  await toSubscriptions(page, 'tr');
  await page.getByRole('searchbox').fill('business basic');
  await expect(basic(page)).toContainText(trDescription);
  await expect(basic(page).locator('.cw-offer__category')).toHaveText('Üretkenlik');
  const offers = async () => (await stubLog(request)).filter((e) => e.path === '/v1/offers');
  expect((await offers()).every((e) => e.headers['X-Locale'] === 'tr-TR')).toBe(true);
  await page.selectOption('#cw-ui-language', 'en');
  await expect(basic(page)).toContainText(enDescription);
  expect((await offers()).some((e) => e.headers['X-Locale'] === 'en-US')).toBe(true);
});

for (const [locale, t] of Object.entries({
  en: { hint: 'dd/mm/yyyy', typed: '20/11/2026', bad: '31/02/2026', badMsg: 'Enter a real date as day, month and year', future: '01/01/2099', futureMsg: 'today or in the past', review: 'November 20, 2026', next: 'Next: Subscriptions' },
  tr: { hint: 'gg.aa.yyyy', typed: '20.11.2026', bad: '31.02.2026', badMsg: 'Geçerli bir tarihi gün, ay ve yıl olarak girin', future: '01.01.2099', futureMsg: 'bugün veya geçmişte', review: '20 Kasım 2026', next: 'Sonraki: Abonelikler' },
})) {
  test(`HTTP: the agreement date is shown and read in the UI language's format and sent as ISO (${locale})`, async ({ page, request }) => {
    await resetStub(request);
    await openApp(page, { mode: 'http', locale });
    await fillValidUs(page, { prefix: `datefmt${locale}${Date.now() % 10000}` });
    await page.check('#cw-agreement');
    await page.fill('#cw-signer-first-name', 'Ada');
    await page.fill('#cw-signer-last-name', 'Lovelace');
    await page.fill('#cw-signer-email', 'ada@contosopharma.com');
    const date = page.locator('#cw-date-agreed');
    await expect(date).toHaveAttribute('type', 'text');
    await expect(page.locator('#cw-date-agreed-hint')).toContainText(t.hint);
    await expect(date).toHaveAttribute('aria-describedby', /cw-date-agreed-hint/);
    await date.fill(t.bad);
    await page.getByRole('button', { name: t.next }).click();
    await expect(err(page, 'date-agreed')).toContainText(t.badMsg);
    await date.fill(t.future);
    await expect(err(page, 'date-agreed')).toContainText(t.futureMsg);
    await date.fill(t.typed);
    await expect(err(page, 'date-agreed')).toHaveCount(0);
    await page.setViewportSize({ width: 320, height: 800 });
    await date.scrollIntoViewIfNeeded();
    await page.locator('.cw-conditional').screenshot({ path: `${SHOTS}/date-field-${locale}-320.png` });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole('button', { name: t.next }).click();
    await page.getByRole('button', { name: locale === 'tr' ? 'Sonraki: Gözden geçir' : 'Next: Review' }).click();
    await page.getByRole('button', { name: locale === 'tr' ? 'Abonelik olmadan devam et' : 'Continue without subscriptions' }).click();
    await expect(page.getByText(t.review)).toBeVisible();
    await page.getByRole('button', { name: locale === 'tr' ? 'Müşteri oluştur' : 'Create customer' }).click();
    await expect(page.locator('h1')).toHaveText(locale === 'tr' ? 'Müşteri eklendi' : 'Customer added', { timeout: 30_000 });
    const agreements = (await stubLog(request)).filter((e) => e.method === 'POST' && e.path.endsWith('/agreements'));
    expect(agreements.map((e) => e.body.dateAgreed)).toEqual(['2026-11-20']);
  });
}
