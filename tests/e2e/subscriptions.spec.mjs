// Subscriptions: search (Turkish-correct), filter, sort, the windowed list by keyboard, order
// lines, every quantity error, add-ons and prerequisites, unavailable and trial offers, the
// no-offer question, reload and Review round trips, load failure and retry, screenshots.
import { test, expect } from '@playwright/test';
import { openApp, fillValidUs, focusedId, shot } from './helpers.mjs';

async function toSubscriptions(page, opts = {}) {
  await openApp(page, opts);
  await fillValidUs(page);
  await page.getByRole('button', { name: opts.locale === 'tr' ? 'Sonraki: Abonelikler' : 'Next: Subscriptions' }).click();
  await expect(page.locator('h1')).toHaveText(opts.locale === 'tr' ? 'Abonelikler' : 'Subscriptions');
  if (opts.waitList !== false) await expect(page.getByRole('listbox')).toBeVisible();
}
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const search = (page) => page.getByRole('searchbox');
const list = (page) => page.getByRole('listbox', { name: /Offers|Teklifler/ });
// Rows are recycled, so DOM order is not display order: find a row by its exact name.
const option = (page, name) => list(page).locator('[role=option]:not([hidden])', {
  has: page.locator('.cw-offer__name', { hasText: new RegExp(`^${escape(name)}$`) }),
});
const count = (page) => page.locator('#cw-offer-count');
const order = (page) => page.locator('.cw-order');
const line = (page, name) => order(page).locator('.cw-line', { has: page.getByRole('heading', { name, exact: true }) });

/** Searches and chooses an offer by its exact name. */
async function choose(page, name) {
  await search(page).fill(name);
  await option(page, name).click();
}

test('search narrows the list as you type and shows how many offers match', async ({ page }) => {
  await toSubscriptions(page);
  await expect(count(page)).toHaveText('337 offers match');
  await search(page).pressSequentially('business basic');
  await expect(count(page)).toHaveText('4 offers match');
  await expect(list(page).getByRole('option')).toHaveCount(4);
  await expect(list(page).getByRole('option').first()).toContainText('Microsoft 365 Business Basic');
  // Case, diacritics and the offer id.
  await search(page).fill('BÜSİNESS BASİC');
  await expect(count(page)).toHaveText('4 offers match');
  await search(page).fill('cfq7ttc0cgxr');
  await expect(count(page)).toHaveText('1 offer matches');
  await search(page).fill('no such offer anywhere');
  await expect(count(page)).toContainText('No offers match');
  await search(page).fill('');
  await expect(count(page)).toHaveText('337 offers match');
  // Only the visible rows are in the DOM, each telling its position in the whole list.
  const rendered = await list(page).getByRole('option').count();
  expect(rendered).toBeLessThan(30);
  await expect(list(page).getByRole('option').first()).toHaveAttribute('aria-setsize', '337');
});

test('the live region says how many offers match once typing pauses, not at every keystroke', async ({ page }) => {
  await toSubscriptions(page);
  const spoken = page.locator('#cw-offer-count + [role=status]');
  await page.evaluate(() => {
    const el = document.querySelector('#cw-offer-count + [role=status]');
    window.__said = [];
    new MutationObserver(() => window.__said.push(el.textContent)).observe(el, { childList: true, characterData: true, subtree: true });
  });
  await search(page).pressSequentially('business basic');
  await expect(count(page)).toHaveText('4 offers match');
  await expect(spoken).toHaveText('4 offers match');
  // The count changed with several keystrokes; the live region spoke once.
  expect(await page.evaluate(() => window.__said)).toEqual(['4 offers match']);
});

// The Turkish page searches the Turkish catalog (offers.tr.json), where more descriptions say
// "iş" and "işletme".
for (const [locale, labels] of Object.entries({
  en: { count: (n) => `${n} offers match`, is: 133, isletme: 2 },
  tr: { count: (n) => `${n} teklif eşleşiyor`, is: 177, isletme: 22 },
})) {
  test(`Turkish search: "İş", "İŞLETME" and dotless "ı" (${locale})`, async ({ page }) => {
    await toSubscriptions(page, { locale });
    // "İş ortağı" is only in the Turkish descriptions of Business Central.
    await search(page).fill('İş ortağı');
    await expect(count(page)).toHaveText(labels.count(4));
    await expect(option(page, 'Dynamics 365 Business Central Essentials')).toBeVisible();
    await search(page).fill('İş');
    await expect(count(page)).toHaveText(labels.count(labels.is));
    // Upper-case Turkish İ and Ş find the lower-case "işletmeler".
    await search(page).fill('İŞLETME');
    await expect(count(page)).toHaveText(labels.count(labels.isletme));
    await expect(option(page, 'Microsoft Teams Essentials')).toBeVisible();
    // A Turkish keyboard lower-cases I to ı: "ıntune" still finds Intune.
    await search(page).fill('ıntune');
    await expect(count(page)).toHaveText(labels.count(30));
    await search(page).fill('essentıals');
    await expect(count(page)).toHaveText(labels.count(13));
  });
}

test('category filter and sort order', async ({ page }) => {
  await toSubscriptions(page);
  await page.getByLabel('Category').selectOption('Security');
  await expect(count(page)).toHaveText('41 offers match');
  const cats = await list(page).locator('.cw-offer:not([hidden]) .cw-offer__category').allTextContents();
  expect(cats.length).toBeGreaterThan(3);
  expect(new Set(cats)).toEqual(new Set(['Security']));
  // Search within the category.
  await search(page).fill('defender');
  const n = Number((await count(page).textContent()).split(' ')[0]);
  expect(n).toBeGreaterThan(0);
  expect(n).toBeLessThan(41);
  await page.getByLabel('Category').selectOption('');
  await search(page).fill('');
  const first = await list(page).getByRole('option').first().locator('.cw-offer__name').textContent();
  await page.getByLabel('Sort by').selectOption('desc');
  const firstDesc = await list(page).getByRole('option').first().locator('.cw-offer__name').textContent();
  expect(firstDesc).not.toBe(first);
  expect(firstDesc.localeCompare(first)).toBeGreaterThan(0);
});

test('the list works by keyboard: arrows, Home/End, Enter and Space add and remove', async ({ page }) => {
  await toSubscriptions(page);
  await search(page).fill('microsoft 365 e3');
  await search(page).press('ArrowDown');
  await expect.poll(() => focusedId(page)).toBe('cw-offers');
  const lb = list(page);
  await expect(lb).toHaveAttribute('aria-activedescendant', 'cw-offer-0');
  await page.keyboard.press('ArrowDown');
  await expect(lb).toHaveAttribute('aria-activedescendant', 'cw-offer-1');
  await page.keyboard.press('Home');
  await expect(lb).toHaveAttribute('aria-activedescendant', 'cw-offer-0');
  await page.keyboard.press('Enter');
  await expect(line(page, 'Microsoft 365 E3')).toBeVisible();
  await expect(page.locator('#cw-offer-0')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Space');
  await expect(line(page, 'Microsoft 365 E3')).toHaveCount(0);
  // End reaches the last option of the whole list, which is then rendered.
  await search(page).fill('');
  await search(page).press('ArrowDown');
  await page.keyboard.press('End');
  await expect(lb).toHaveAttribute('aria-activedescendant', 'cw-offer-336');
  await expect(page.locator('#cw-offer-336')).toHaveAttribute('aria-posinset', '337');
  await page.keyboard.press('PageUp');
  const active = await lb.getAttribute('aria-activedescendant');
  expect(Number(active.split('-').pop())).toBeLessThan(336);
  await expect(page.locator(`#${active}`)).toBeVisible();
});

test('choosing offers adds lines; the summary counts lines and licenses; remove takes a line out', async ({ page }) => {
  await toSubscriptions(page);
  const bar = page.locator('.cw-subs-bar');
  await expect(bar).toContainText('0 offers chosen');
  await choose(page, 'Microsoft 365 Business Basic');
  await choose(page, 'Dynamics 365 Sales Enterprise');
  await expect(order(page).locator('.cw-line')).toHaveCount(2);
  await expect(bar).toContainText('2 offers chosen · 2 licenses');
  const basic = line(page, 'Microsoft 365 Business Basic');
  await basic.getByLabel('Number of licenses').fill('10');
  await expect(bar).toContainText('2 offers chosen · 11 licenses');
  // A quantity the offer does not allow (over its 300) is not counted: it would not be ordered.
  await basic.getByLabel('Number of licenses').fill('301');
  await expect(bar).toContainText('2 offers chosen · 1 license');
  await basic.getByLabel('Number of licenses').fill('10');
  await expect(bar).toContainText('2 offers chosen · 11 licenses');
  await basic.getByRole('button', { name: 'One more license' }).click();
  await expect(basic.getByLabel('Number of licenses')).toHaveValue('11');
  await basic.getByRole('button', { name: 'One license fewer' }).click();
  await basic.getByRole('button', { name: 'One license fewer' }).click();
  await expect(basic.getByLabel('Number of licenses')).toHaveValue('9');
  // Bounds: + stops at the maximum, - at the minimum.
  await basic.getByLabel('Number of licenses').fill('300');
  await basic.getByRole('button', { name: 'One more license' }).click();
  await expect(basic.getByLabel('Number of licenses')).toHaveValue('300');
  await basic.getByLabel('Number of licenses').fill('1');
  await basic.getByRole('button', { name: 'One license fewer' }).click();
  await expect(basic.getByLabel('Number of licenses')).toHaveValue('1');
  await expect(basic.getByLabel('Number of licenses')).toHaveAttribute('inputmode', 'numeric');
  await expect(basic.getByLabel('Number of licenses')).toHaveAttribute('type', 'text');
  // Billing, term, friendly name (optional).
  await basic.getByLabel('Term').selectOption('P1Y');
  await basic.getByLabel('Billing frequency').selectOption('annual');
  await expect(basic.getByLabel('Friendly name (optional)')).toBeVisible();
  await basic.getByLabel('Friendly name (optional)').fill('Head office');
  // The +/- buttons say which offer they change (several lines each have a pair).
  await expect(basic.getByRole('button', { name: 'One more license of Microsoft 365 Business Basic', exact: true })).toBeVisible();
  await expect(basic.getByRole('button', { name: 'One license fewer of Microsoft 365 Business Basic', exact: true })).toBeVisible();
  // Review shows the commitment term with the quantity and billing frequency.
  await page.getByRole('button', { name: 'Next: Review' }).click();
  await expect(page.locator('h1')).toHaveText('Review');
  await expect(page.locator('.cw-summary-list__row', { hasText: 'Microsoft 365 Business Basic (Head office)' }).locator('dd'))
    .toHaveText('1 × 1 year, Annual');
  await page.getByRole('button', { name: 'Update subscriptions' }).click();
  await expect(page.locator('h1')).toHaveText('Subscriptions');
  // Remove.
  await line(page, 'Dynamics 365 Sales Enterprise').getByRole('button', { name: 'Remove Dynamics 365 Sales Enterprise' }).click();
  await expect(order(page).locator('.cw-line')).toHaveCount(1);
  await expect(bar).toContainText('1 offer chosen · 1 license');
  // Choosing a chosen offer again takes it out.
  await search(page).fill('Microsoft 365 Business Basic');
  await expect(option(page, 'Microsoft 365 Business Basic')).toHaveAttribute('aria-selected', 'true');
  await option(page, 'Microsoft 365 Business Basic').click();
  await expect(order(page).locator('.cw-line')).toHaveCount(0);
});

const QUANTITY_ERRORS = [
  ['', 'Enter the number of licenses'],
  ['abc', 'Enter the number of licenses in digits, like 5'],
  ['2.5', 'Enter a whole number of licenses, without a decimal point or thousands separator'],
  ['0', 'The number of licenses cannot be 0. To leave this offer out, remove it'],
  ['-3', 'The number of licenses cannot be negative'],
  ['301', 'The number of licenses must be 300 or fewer'],
  ['99999999999', 'That number is far too large: the number of licenses must be 300 or fewer'],
];

test('every kind of bad quantity blocks Continue with its own message, in the summary and at the field', async ({ page }) => {
  await toSubscriptions(page);
  await choose(page, 'Microsoft 365 Business Basic');
  const qty = line(page, 'Microsoft 365 Business Basic').getByLabel('Number of licenses');
  for (const [value, message] of QUANTITY_ERRORS) {
    await qty.fill(value);
    await page.getByRole('button', { name: 'Next: Review' }).click();
    await expect(page.locator('h1')).toHaveText('Subscriptions');
    const summary = page.locator('.cw-error-summary');
    await expect(summary).toContainText(`Microsoft 365 Business Basic: ${message}`);
    await expect(line(page, 'Microsoft 365 Business Basic').locator('.cw-error-message')).toContainText(message);
    await expect(qty).toHaveAttribute('aria-invalid', 'true');
    await expect(page).toHaveTitle(/^Error: Subscriptions/);
  }
  // The summary link moves focus to the field.
  await page.locator('.cw-error-summary a').first().click();
  await expect.poll(() => focusedId(page)).toBe('cw-line-cfq7ttc0cgxr-0002-quantity');
  await shot(page, 'subscriptions-quantity-error-1280');
  // Below an offer's minimum.
  await choose(page, 'Dynamics 365 Finance');
  const fin = line(page, 'Dynamics 365 Finance').getByLabel('Number of licenses');
  await expect(fin).toHaveValue('20');
  await fin.fill('5');
  await qty.fill('12');
  await page.getByRole('button', { name: 'Next: Review' }).click();
  await expect(page.locator('.cw-error-summary')).toContainText('Dynamics 365 Finance: The number of licenses must be 20 or more');
  await expect(page.locator('.cw-error-summary li')).toHaveCount(1);
  await fin.fill('25');
  await page.getByRole('button', { name: 'Next: Review' }).click();
  await expect(page.locator('h1')).toHaveText('Review');
});

test('an offer sold per device asks for a quantity, not a number of licenses, in English and Turkish', async ({ page }) => {
  await toSubscriptions(page);
  await choose(page, 'Microsoft Teams Rooms Basic');
  const rooms = line(page, 'Microsoft Teams Rooms Basic');
  await expect(rooms.getByLabel('Number of licenses')).toHaveCount(0);
  const qty = rooms.getByLabel('Quantity', { exact: true });
  await expect(rooms.getByRole('button', { name: 'One more of Microsoft Teams Rooms Basic' })).toBeVisible();
  await qty.fill('');
  await page.getByRole('button', { name: 'Next: Review' }).click();
  await expect(page.locator('.cw-error-summary')).toContainText('Microsoft Teams Rooms Basic: Enter a quantity');
  await qty.fill('30');
  await expect(rooms.locator('.cw-error-message')).toContainText('The quantity must be 25 or fewer');
  // A license offer next to it keeps its own wording.
  await choose(page, 'Microsoft 365 Business Basic');
  await expect(line(page, 'Microsoft 365 Business Basic').getByLabel('Number of licenses')).toBeVisible();
  await page.locator('#cw-ui-language').selectOption('tr');
  await expect(rooms.getByLabel('Miktar', { exact: true })).toHaveValue('30');
  await expect(rooms.locator('.cw-error-message')).toContainText('Miktar en fazla 25 olmalıdır');
  await expect(rooms.getByRole('button', { name: 'Microsoft Teams Rooms Basic: bir azalt' })).toBeVisible();
  await rooms.scrollIntoViewIfNeeded();
  await shot(page, 'subscriptions-device-quantity-tr-1280');
});

test('an add-on needs a prerequisite: the prompt adds both, cancel adds nothing, a removed prerequisite is flagged', async ({ page }) => {
  await toSubscriptions(page);
  await search(page).fill('Microsoft Teams Premium');
  await option(page, 'Microsoft Teams Premium').click();
  const prompt = page.getByRole('group', { name: 'Microsoft Teams Premium is an add-on' });
  await expect(prompt).toBeVisible();
  await expect.poll(() => focusedId(page)).toBe('cw-prereq');
  await prompt.getByRole('button', { name: 'Cancel' }).click();
  await expect(prompt).toHaveCount(0);
  await expect(order(page).locator('.cw-line')).toHaveCount(0);
  // Escape cancels too, back in the list.
  await option(page, 'Microsoft Teams Premium').click();
  await expect.poll(() => focusedId(page)).toBe('cw-prereq');
  await page.keyboard.press('Escape');
  await expect(prompt).toHaveCount(0);
  await expect.poll(() => focusedId(page)).toBe('cw-offers');
  await expect(order(page).locator('.cw-line')).toHaveCount(0);

  await option(page, 'Microsoft Teams Premium').click();
  await expect(prompt.getByLabel('Offer to add with it')).toHaveValue('0');
  const firstChoice = await prompt.getByLabel('Offer to add with it').locator('option').first().textContent();
  await prompt.getByRole('button', { name: 'Add both' }).click();
  await expect(order(page).locator('.cw-line')).toHaveCount(2);
  await expect(line(page, firstChoice)).toBeVisible();
  await expect(line(page, 'Microsoft Teams Premium')).toBeVisible();

  // Take the prerequisite away: the add-on is flagged at once and Continue is blocked.
  await line(page, firstChoice).getByRole('button', { name: /^Remove/ }).click();
  const addon = line(page, 'Microsoft Teams Premium');
  await expect(addon.locator('.cw-error-message')).toContainText('This add-on needs one of the offers it builds on');
  await page.getByRole('button', { name: 'Next: Review' }).click();
  await expect(page.locator('.cw-error-summary')).toContainText('Microsoft Teams Premium: This add-on needs');
  await shot(page, 'subscriptions-addon-error-1280');
  await addon.getByRole('button', { name: 'Add this offer' }).click();
  await expect(order(page).locator('.cw-line')).toHaveCount(2);
  await expect(addon.locator('.cw-error-message')).toHaveCount(0);
  // Billed differently from its prerequisite, it would land in another order.
  await line(page, firstChoice).getByLabel('Term').selectOption('P1Y');
  await line(page, firstChoice).getByLabel('Billing frequency').selectOption('annual');
  await page.getByRole('button', { name: 'Next: Review' }).click();
  // The add-on's one-month term offers monthly billing only: the message says what to choose
  // and that the term comes first; then, with a year's term, annual billing clears it.
  const billing = addon.getByLabel('Billing frequency');
  await expect(page.locator('.cw-error-summary')).toContainText(`${firstChoice} is billed “Annual”: choose the 1 year term, then “Annual” billing`);
  await expect(billing.locator('option', { hasText: 'Annual' })).toHaveCount(0);
  await addon.getByLabel('Term').selectOption('P1Y');
  await expect(addon.locator('.cw-error-message')).toContainText(`${firstChoice} is billed “Annual”: choose “Annual” billing for this add-on too`);
  await billing.selectOption('annual');
  await expect(addon.locator('.cw-error-message')).toHaveCount(0);
});

test('unavailable offers are shown as such and cannot be chosen; trials are labelled', async ({ page }) => {
  await toSubscriptions(page);
  await search(page).fill('Office 365 ProPlus');
  const legacy = option(page, 'Office 365 ProPlus');
  await expect(legacy).toHaveAttribute('aria-disabled', 'true');
  await expect(legacy).toContainText('Not available for purchase');
  await legacy.click({ force: true });
  await search(page).press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(order(page).locator('.cw-line')).toHaveCount(0);
  await expect(legacy).toHaveAttribute('aria-selected', 'false');
  await search(page).fill('Microsoft 365 Business Basic Trial');
  await expect(option(page, 'Microsoft 365 Business Basic Trial')).toContainText('Trial');
  await expect(option(page, 'Microsoft 365 Business Basic Trial').locator('.cw-badge--trial')).toBeVisible();
  await option(page, 'Microsoft 365 Business Basic Trial').click();
  await expect(line(page, 'Microsoft 365 Business Basic Trial')).toContainText('Trial');
  await expect(line(page, 'Microsoft 365 Business Basic Trial').getByLabel('Billing frequency')).toHaveValue('none');
});

test('a recycled row shows only its own offer\'s badges and state', async ({ page }) => {
  await toSubscriptions(page);
  // Each search puts its offer in the first row: the same element shows one offer, then another.
  const check = async (name, { unavailable, trial }) => {
    await search(page).fill(name);
    const row = option(page, name);
    await expect(row).toBeVisible();
    if (unavailable) await expect(row).toHaveAttribute('aria-disabled', 'true');
    else await expect(row).not.toHaveAttribute('aria-disabled', /.*/);
    await expect(row.locator('.cw-badge--unavailable')).toBeVisible({ visible: unavailable });
    await expect(row.locator('.cw-badge--trial')).toBeVisible({ visible: trial });
  };
  await check('Office 365 ProPlus', { unavailable: true, trial: false });
  await check('Microsoft 365 Business Basic Trial', { unavailable: false, trial: true });
  await check('Office 365 ProPlus', { unavailable: true, trial: false });
  await check('Microsoft 365 Business Premium', { unavailable: false, trial: false });
});

test('continuing with no offer asks first; the customer can be created without subscriptions', async ({ page }) => {
  await toSubscriptions(page);
  await page.getByRole('button', { name: 'Next: Review' }).click();
  const q = page.getByRole('alertdialog', { name: 'Continue without subscriptions?' });
  await expect(q).toBeVisible();
  await expect.poll(() => focusedId(page)).toBe('cw-subs-confirm');
  await expect(page.locator('h1')).toHaveText('Subscriptions');
  await shot(page, 'subscriptions-confirm-empty-390');
  await q.getByRole('button', { name: 'Choose offers' }).click();
  await expect(q).toHaveCount(0);
  await expect.poll(() => focusedId(page)).toBe('cw-offer-search');
  await page.getByRole('button', { name: 'Next: Review' }).click();
  await q.getByRole('button', { name: 'Continue without subscriptions' }).click();
  await expect(page.locator('h1')).toHaveText('Review');
  await expect(page.getByText('No subscriptions: only the customer record is created')).toBeVisible();
});

test('chosen lines survive a reload and come back from Review', async ({ page }) => {
  await toSubscriptions(page);
  await choose(page, 'Microsoft 365 Business Premium');
  const l = line(page, 'Microsoft 365 Business Premium');
  await l.getByLabel('Number of licenses').fill('7');
  await l.getByLabel('Friendly name (optional)').fill('Sales team');
  // The draft is saved shortly after the last change.
  await expect.poll(() => page.evaluate(() => localStorage.getItem('customer-wizard:cw:draft') ?? '')).toContain('Sales team');
  await page.reload();
  await expect(page.locator('h1')).toHaveText('Subscriptions');
  const again = line(page, 'Microsoft 365 Business Premium');
  await expect(again.getByLabel('Number of licenses')).toHaveValue('7');
  await expect(again.getByLabel('Friendly name (optional)')).toHaveValue('Sales team');
  await page.getByRole('button', { name: 'Next: Review' }).click();
  await expect(page.locator('h1')).toHaveText('Review');
  await page.getByRole('button', { name: 'Update subscriptions' }).click();
  await expect(page.locator('h1')).toHaveText('Subscriptions');
  await expect(line(page, 'Microsoft 365 Business Premium').getByLabel('Number of licenses')).toHaveValue('7');
  // Continue names where it goes: straight back to Review.
  await page.getByRole('button', { name: 'Save and return to Review' }).click();
  await expect(page.locator('h1')).toHaveText('Review');
});

test('a failed catalog load says so and Try again loads it', async ({ page }) => {
  // More failures than the client's own retries (3), so the user sees it.
  await toSubscriptions(page, { attrs: { 'demo-faults': 'offers:503*4' }, waitList: false });
  const alert = page.getByRole('alert').filter({ hasText: 'Could not load the offers.' });
  await expect(alert).toBeVisible();
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(count(page)).toHaveText('337 offers match');
});

for (const [w, h] of [[390, 844], [1280, 900], [320, 640]]) {
  test(`at ${w} px: no horizontal scrolling, the summary stays in view; screenshots`, async ({ page }) => {
    await page.setViewportSize({ width: w, height: h });
    await toSubscriptions(page);
    await choose(page, 'Microsoft 365 Business Basic');
    await choose(page, 'Microsoft Teams Essentials');
    await search(page).fill('');
    await page.getByRole('button', { name: 'Next: Review' }).click();
    await expect(page.locator('h1')).toHaveText('Review');
    await page.getByRole('button', { name: 'Update subscriptions' }).click();
    await line(page, 'Microsoft Teams Essentials').getByLabel('Number of licenses').fill('1,5');
    await page.getByRole('button', { name: 'Save and return to Review' }).click();
    await expect(page.locator('.cw-error-summary')).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(overflow, `horizontal scroll at ${w}px`).toBe(false);
    // The summary bar is on screen while the page is scrolled to the list.
    await list(page).scrollIntoViewIfNeeded();
    await expect(page.locator('.cw-subs-bar')).toBeInViewport();
    if (w !== 320) {
      await page.screenshot({ path: `test-results/screenshots/subscriptions-${w}.png` });
      await shot(page, `subscriptions-full-${w}`);
    }
  });
}

test("at 320 px with text at 200 %, a line's quantity and its +/- buttons stay on screen", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await toSubscriptions(page);
  // Text zoom through the CSSOM (the page's CSP refuses inline style sheets).
  await page.evaluate(() => document.documentElement.style.setProperty('font-size', '200%'));
  await choose(page, 'Microsoft 365 Business Basic');
  const basic = line(page, 'Microsoft 365 Business Basic');
  for (const control of [
    basic.getByRole('button', { name: 'One license fewer of Microsoft 365 Business Basic' }),
    basic.getByLabel('Number of licenses'),
    basic.getByRole('button', { name: 'One more license of Microsoft 365 Business Basic' }),
  ]) {
    // Page coordinates: left and right edges inside the page's width.
    const [left, right, width] = await control.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return [r.left + window.scrollX, r.right + window.scrollX, document.documentElement.clientWidth];
    });
    expect(left).toBeGreaterThanOrEqual(0);
    expect(right).toBeLessThanOrEqual(width);
  }
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
  expect(overflow, 'horizontal scroll at 320 px, 200 % text').toBe(false);
  await shot(page, 'line-320-text-200');
});

test('at 320 px, a control reached with Tab is never under the sticky summary bar', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await toSubscriptions(page);
  await choose(page, 'Microsoft 365 Business Basic');
  await choose(page, 'Dynamics 365 Sales Enterprise');
  // From the first line's quantity, Tab through the lines' controls.
  await line(page, 'Microsoft 365 Business Basic').getByLabel('Number of licenses').focus();
  await page.evaluate(() => window.scrollTo(0, 0));
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab');
    const [bottom, barTop, id] = await page.evaluate(() => {
      const el = document.activeElement;
      const bar = document.querySelector('.cw-subs-bar');
      // The focus ring is drawn 3 px outside the control.
      return [el.getBoundingClientRect().bottom + 3, bar.getBoundingClientRect().top, el.id || el.textContent];
    });
    if (!(await page.evaluate(() => !!document.activeElement.closest('.cw-order')))) break;
    expect(bottom, `focused ${id}`).toBeLessThanOrEqual(barTop);
  }
});

test('an offer sold in one quantity only (Azure plan) shows it as text, without a stepper', async ({ page }) => {
  await toSubscriptions(page);
  await choose(page, 'Azure plan');
  const azure = line(page, 'Azure plan');
  await expect(azure.locator('.cw-line__fixed')).toHaveText('1 (this offer is sold in this quantity only)');
  await expect(azure.getByLabel('Number of licenses')).toHaveCount(0);
  await expect(azure.getByRole('button', { name: /One more license/ })).toHaveCount(0);
  // Other offers keep their stepper.
  await choose(page, 'Microsoft 365 Business Basic');
  await expect(line(page, 'Microsoft 365 Business Basic').getByLabel('Number of licenses')).toHaveValue('1');
  // The summary counts licenses only: an Azure plan is not one.
  await expect(page.locator('.cw-subs-bar')).toContainText('2 offers chosen · 1 license');
  await page.getByRole('button', { name: 'Next: Review' }).click();
  await expect(page.locator('h1')).toHaveText('Review');
  await expect(page.locator('.cw-summary-list__row', { has: page.locator('dt', { hasText: /^Azure plan$/ }) }).locator('dd')).toContainText('1 ×');
});
