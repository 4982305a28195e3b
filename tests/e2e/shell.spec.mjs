// The wizard shell: steps, Back / Continue, focus, title, history, languages.
import { test, expect } from '@playwright/test';
import { openApp, fillValidUs, focusedId, shot } from './helpers.mjs';

const T = {
  en: {
    account: 'Account info', subs: 'Subscriptions', review: 'Review', app: 'Add a new customer',
    next1: 'Next: Subscriptions', next2: 'Next: Review', back: 'Back', stepOf: (n) => `Step ${n} of 3`,
    noSubs: 'Continue without subscriptions',
    create: 'Create customer', error: 'Error: ',
  },
  tr: {
    account: 'Hesap bilgileri', subs: 'Abonelikler', review: 'Gözden geçir', app: 'Yeni müşteri ekle',
    next1: 'Sonraki: Abonelikler', next2: 'Sonraki: Gözden geçir', back: 'Geri', stepOf: (n) => `Adım ${n} / 3`,
    noSubs: 'Abonelik olmadan devam et',
    create: 'Müşteri oluştur', error: 'Hata: ',
  },
};

for (const [locale, t] of Object.entries(T)) {
  test(`walks Account -> Subscriptions -> Review and back, focus and title follow (${locale})`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await openApp(page, { locale });
    await expect(page).toHaveTitle(`${t.account} – ${t.app}`);
    await expect(page.locator('.cw-root')).toHaveAttribute('lang', locale);
    await expect(page.getByText(t.stepOf(1))).toBeVisible();
    await shot(page, `shell-account-${locale}-1280`);

    await fillValidUs(page);
    await page.getByRole('button', { name: t.next1 }).click();
    await expect(page.locator('h1')).toHaveText(t.subs);
    await expect(page).toHaveTitle(`${t.subs} – ${t.app}`);
    await expect.poll(() => focusedId(page)).toBe('cw-heading');
    await expect(page.getByText(t.stepOf(2))).toBeVisible();

    await page.getByRole('button', { name: t.next2 }).click();
    // With no offer chosen, Continue asks first.
    await page.getByRole('button', { name: t.noSubs }).click();
    await expect(page.locator('h1')).toHaveText(t.review);
    await expect(page).toHaveTitle(`${t.review} – ${t.app}`);
    await expect.poll(() => focusedId(page)).toBe('cw-heading');
    await expect(page.getByRole('button', { name: t.create })).toBeVisible();
    await shot(page, `shell-review-${locale}-1280`);

    await page.getByRole('button', { name: t.back, exact: true }).click();
    await expect(page.locator('h1')).toHaveText(t.subs);
    await expect.poll(() => focusedId(page)).toBe('cw-heading');
    await page.getByRole('button', { name: t.back, exact: true }).click();
    await expect(page.locator('h1')).toHaveText(t.account);
    await expect(page).toHaveTitle(`${t.account} – ${t.app}`);
    await expect.poll(() => focusedId(page)).toBe('cw-heading');
    // Nothing typed was lost on the way.
    await expect(page.locator('#cw-company-name')).toHaveValue('Contoso Pharmaceuticals Inc.');
    await expect(page.locator('#cw-state')).toHaveValue('WA');
  });

  test(`a failed Continue shows the error summary, focuses it and prefixes the title (${locale})`, async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openApp(page, { locale });
    await expect(page.locator('.cw-error-summary')).toHaveCount(0);
    await page.getByRole('button', { name: t.next1 }).click();
    await expect(page.locator('.cw-error-summary')).toBeVisible();
    await expect.poll(() => focusedId(page)).toBe('cw-error-summary');
    await expect(page).toHaveTitle(`${t.error}${t.account} – ${t.app}`);
    await expect(page.locator('h1')).toHaveText(t.account);
    await shot(page, `shell-account-errors-${locale}-390`);
  });
}

test('the browser Back button moves between steps and nothing skips past an invalid step', async ({ page }) => {
  await openApp(page);
  // A deep link past an invalid step lands on the first invalid one.
  await page.evaluate(() => { location.hash = 'review'; });
  await expect(page.locator('h1')).toHaveText('Account info');
  await fillValidUs(page);
  await page.getByRole('button', { name: 'Next: Subscriptions' }).click();
  await expect(page.locator('h1')).toHaveText('Subscriptions');
  await page.getByRole('button', { name: 'Next: Review' }).click();
  await page.getByRole('button', { name: 'Continue without subscriptions' }).click();
  await expect(page.locator('h1')).toHaveText('Review');
  await page.goBack();
  await expect(page.locator('h1')).toHaveText('Subscriptions');
  await page.goBack();
  await expect(page.locator('h1')).toHaveText('Account info');
  await page.goForward();
  await expect(page.locator('h1')).toHaveText('Subscriptions');
  // Making Account info invalid again closes the way forward.
  await page.goBack();
  await page.fill('#cw-company-name', '');
  await page.goForward();
  await expect(page.locator('h1')).toHaveText('Account info');
});

test('phone and desktop screenshots of the shell', async ({ page }) => {
  for (const [w, h] of [[390, 844], [1280, 800]]) {
    await page.setViewportSize({ width: w, height: h });
    await openApp(page);
    await shot(page, `shell-account-en-${w}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(overflow).toBe(false);
  }
});

test('switching the language keeps everything typed and re-labels the page', async ({ page }) => {
  await openApp(page);
  await page.fill('#cw-company-name', 'Işık Yazılım A.Ş.');
  await page.getByRole('button', { name: 'Next: Subscriptions' }).click();
  await expect(page.locator('#cw-email-error')).toHaveText(/Enter the email address/);
  await page.selectOption('#cw-ui-language', 'tr');
  await expect(page.locator('.cw-root')).toHaveAttribute('lang', 'tr');
  await expect(page.locator('h1')).toHaveText('Hesap bilgileri');
  await expect(page.locator('#cw-email-error')).toHaveText(/E-posta adresini girin/);
  await expect(page.locator('#cw-company-name')).toHaveValue('Işık Yazılım A.Ş.');
  await expect(page).toHaveTitle('Hata: Hesap bilgileri – Yeni müşteri ekle');
  await expect(page.getByText('Yanıtlarınız yazdıkça bu cihaza kaydedilir.')).toBeVisible();
});

test('Cancel asks before deleting what was typed; keeping it is the default way out', async ({ page }) => {
  await openApp(page);
  await page.fill('#cw-company-name', 'Contoso Pharmaceuticals Inc.');
  const cancel = page.getByRole('button', { name: 'Cancel', exact: true });
  const dialog = page.getByRole('alertdialog', { name: "Delete this customer's details?" });
  await cancel.click();
  await expect(dialog).toBeVisible();
  await expect(cancel).toHaveAttribute('aria-expanded', 'true');
  await expect.poll(() => focusedId(page)).toBe('cw-cancel-confirm');
  await shot(page, 'cancel-confirm-en-1280');
  await dialog.getByRole('button', { name: 'Keep editing' }).click();
  await expect(dialog).toHaveCount(0);
  await expect.poll(() => focusedId(page)).toBe('cw-cancel');
  await expect(page.locator('#cw-company-name')).toHaveValue('Contoso Pharmaceuticals Inc.');
  // Escape is "keep editing" too.
  await cancel.click();
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.locator('#cw-company-name')).toHaveValue('Contoso Pharmaceuticals Inc.');
  // Deleting starts again, and a reload does not bring the draft back.
  await cancel.click();
  await dialog.getByRole('button', { name: 'Delete and start again' }).click();
  await expect(page.locator('#cw-company-name')).toHaveValue('');
  await page.reload();
  await expect(page.locator('h1')).toHaveText('Account info');
  await expect(page.locator('#cw-company-name')).toHaveValue('');
});

for (const [locale, names] of Object.entries({
  en: { account: 'Update account info', agreement: 'Update agreement', subs: 'Update subscriptions', back: 'Save and return to Review', language: ['Language of communications', 'English'], culture: ['Culture (formats)', 'American English (en-US)'] },
  tr: { account: 'Hesap bilgilerini güncelle', agreement: 'Sözleşmeyi güncelle', subs: 'Abonelikleri güncelle', back: 'Kaydet ve Gözden geçir adımına dön', language: ['İletişim dili', 'İngilizce'], culture: ['Kültür (biçimler)', 'Amerikan İngilizcesi (en-US)'] },
})) {
  test(`Review's Update controls name what they update, land on it, and Continue says it returns (${locale})`, async ({ page }) => {
    const t = T[locale];
    await openApp(page, { locale });
    await fillValidUs(page);
    await page.getByRole('button', { name: t.next1 }).click();
    await page.getByRole('button', { name: t.next2 }).click();
    await page.getByRole('button', { name: t.noSubs }).click();
    await expect(page.locator('h1')).toHaveText(t.review);
    for (const name of [names.account, names.agreement, names.subs]) {
      await expect(page.getByRole('button', { name, exact: true })).toBeVisible();
    }
    // The language and culture the customer gets (here the country's defaults), as sent.
    for (const [key, value] of [names.language, names.culture]) {
      await expect(page.locator('.cw-summary-list__row', { has: page.locator('dt', { hasText: key }) }).locator('dd')).toHaveText(value);
    }
    await page.getByRole('button', { name: names.agreement, exact: true }).click();
    await expect(page.locator('h1')).toHaveText(t.account);
    // Focus is on the answer given (fillValidUs chose "later"), not at the top of a long form
    // nor on the first choice.
    await expect.poll(() => focusedId(page)).toBe('cw-agreement-later');
    await page.getByRole('button', { name: names.back }).click();
    await expect(page.locator('h1')).toHaveText(t.review);
  });
}

test('the language chosen in the wizard is kept on reload and is the page language', async ({ page }) => {
  // No locale from the host: the browser's (English), until the user picks one.
  await page.goto(`/?cw-test-attrs=${encodeURIComponent(JSON.stringify({ 'demo-latency': '0' }))}`);
  await expect(page.locator('h1')).toHaveText('Account info');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.fill('#cw-company-name', 'Işık Yazılım A.Ş.');
  await page.selectOption('#cw-ui-language', 'tr');
  await expect(page.locator('html')).toHaveAttribute('lang', 'tr');
  await page.reload();
  await expect(page.locator('h1')).toHaveText('Hesap bilgileri');
  await expect(page.locator('html')).toHaveAttribute('lang', 'tr');
  await expect(page.locator('#cw-company-name')).toHaveValue('Işık Yazılım A.Ş.');
});

test('after the customer is created, browser Back stays on Done (no empty Review to submit again)', async ({ page }) => {
  await openApp(page);
  await fillValidUs(page);
  await page.getByRole('button', { name: 'Next: Subscriptions' }).click();
  await page.getByRole('button', { name: 'Next: Review' }).click();
  await page.getByRole('button', { name: 'Continue without subscriptions' }).click();
  await page.getByRole('button', { name: 'Create customer' }).click();
  await expect(page.locator('h1')).toHaveText('Customer added', { timeout: 30_000 });
  await expect(page.getByText('Your answers are saved on this device as you type.')).toHaveCount(0);
  await page.goBack();
  await expect(page.locator('h1')).toHaveText('Customer added');
  await expect(page.getByRole('button', { name: 'Create customer' })).toHaveCount(0);
});
