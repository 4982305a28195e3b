// The offer list never cuts offer text (issue 8): at 320 and 390 px, in English and Turkish,
// the rows with the longest names, descriptions and badges wrap instead of being truncated;
// rows do not overlap; with larger text (200 %) too; and End/Home still bring the last/first
// option into view of the windowed list. Rows are as tall as their own content, not as the
// tallest row: a phone shows several offers at once.
import { test, expect } from '@playwright/test';
import { openApp, fillValidUs, shot } from './helpers.mjs';

const L = {
  en: { next1: 'Next: Subscriptions', subs: 'Subscriptions' },
  tr: { next1: 'Sonraki: Abonelikler', subs: 'Abonelikler' },
};
const list = (page) => page.getByRole('listbox', { name: /Offers|Teklifler/ });
const search = (page) => page.getByRole('searchbox');

/** Every rendered row, measured: the text parts must show all of their text. */
async function rowProblems(page) {
  return list(page).evaluate((lb) => {
    const problems = [];
    const rows = [...lb.querySelectorAll('[role=option]:not([hidden])')];
    const box = lb.getBoundingClientRect();
    const rects = [];
    for (const row of rows) {
      const r = row.getBoundingClientRect();
      const name = row.querySelector('.cw-offer__name').textContent;
      rects.push({ top: r.top, bottom: r.bottom, name });
      for (const sel of ['.cw-offer__name', '.cw-offer__desc', '.cw-offer__meta']) {
        const el = row.querySelector(sel);
        const e = el.getBoundingClientRect();
        if (el.scrollWidth > el.clientWidth + 1) problems.push(`${name} ${sel}: scrollWidth ${el.scrollWidth} > clientWidth ${el.clientWidth}`);
        if (el.scrollHeight > el.clientHeight + 1) problems.push(`${name} ${sel}: scrollHeight ${el.scrollHeight} > clientHeight ${el.clientHeight}`);
        if (e.bottom > r.bottom + 1 || e.top < r.top - 1) problems.push(`${name} ${sel}: outside its row vertically (${e.top}..${e.bottom} vs ${r.top}..${r.bottom})`);
        if (e.right > r.right + 1 || e.left < r.left - 1) problems.push(`${name} ${sel}: outside its row horizontally`);
        if (getComputedStyle(el).textOverflow === 'ellipsis' && getComputedStyle(el).whiteSpace === 'nowrap') problems.push(`${name} ${sel}: ellipsis`);
      }
      if (r.right > box.right + 1) problems.push(`${name}: row wider than the list`);
    }
    rects.sort((a, b) => a.top - b.top);
    for (let i = 1; i < rects.length; i++) {
      if (rects[i - 1].bottom > rects[i].top + 0.5) problems.push(`rows overlap: "${rects[i - 1].name}" ends at ${rects[i - 1].bottom}, "${rects[i].name}" starts at ${rects[i].top}`);
    }
    return problems;
  });
}

/** The rendered rows whose name or description takes more than one line. */
function wrappedRows(page) {
  return list(page).evaluate((lb) => [...lb.querySelectorAll('[role=option]:not([hidden])')]
    .filter((row) => ['.cw-offer__name', '.cw-offer__desc'].some((sel) => {
      const el = row.querySelector(sel);
      return el.getBoundingClientRect().height > 1.6 * parseFloat(getComputedStyle(el).lineHeight);
    })).length);
}

/** Whether the option is wholly inside the listbox's visible area (a row taller than the list,
 * with large text, from its top). */
function inView(page, id) {
  return page.evaluate((id) => {
    const o = document.getElementById(id);
    const lb = o?.closest('[role=listbox]');
    if (!o || !lb || o.hidden) return false;
    const r = o.getBoundingClientRect();
    const b = lb.getBoundingClientRect();
    const inner = b.top + lb.clientTop;
    if (r.height > lb.clientHeight) return Math.abs(r.top - inner) <= 1;
    return r.top >= b.top - 1 && r.bottom <= b.bottom + 1;
  }, id);
}

/** The rendered rows taller than their content (the lines of the body) plus padding and
 * border (+2 px for rounding). */
function tallRows(page) {
  return list(page).evaluate((lb) => [...lb.querySelectorAll('[role=option]:not([hidden])')].flatMap((row) => {
    const s = getComputedStyle(row);
    const frame = ['paddingTop', 'paddingBottom', 'borderTopWidth', 'borderBottomWidth'].reduce((a, k) => a + parseFloat(s[k]), 0);
    const body = row.querySelector('.cw-offer__body');
    const check = row.querySelector('.cw-offer__check');
    const content = Math.max(
      [...body.children].reduce((a, c) => a + c.getBoundingClientRect().height, 0),
      check.getBoundingClientRect().height + parseFloat(getComputedStyle(check).marginTop),
    );
    const h = row.getBoundingClientRect().height;
    return h > content + frame + 2 ? [`${row.querySelector('.cw-offer__name').textContent}: ${h} px tall, content ${content} + ${frame}`] : [];
  }));
}

/** How many options are wholly inside the listbox's visible area. */
function optionsInView(page) {
  return list(page).evaluate((lb) => {
    const b = lb.getBoundingClientRect();
    return [...lb.querySelectorAll('[role=option]:not([hidden])')].filter((o) => {
      const r = o.getBoundingClientRect();
      return r.top >= b.top - 1 && r.bottom <= b.bottom + 1;
    }).length;
  });
}

/** Errors the page reports, including those only dispatched as window `error` events (such as
 * "ResizeObserver loop completed with undelivered notifications"). */
async function collectErrors(page) {
  const errors = [];
  await page.addInitScript(() => window.addEventListener('error', (e) => console.error(`window error: ${e.message}`)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

async function expectWhole(page, what) {
  await expect.poll(() => rowProblems(page), { message: what }).toEqual([]);
  await expect.poll(() => tallRows(page), { message: `${what}: no row taller than its content` }).toEqual([]);
}

for (const locale of ['en', 'tr']) {
  for (const [w, h] of [[320, 640], [390, 844]]) {
    test(`offer text is never cut at ${w} px (${locale}); rows do not overlap; End/Home reach the ends`, async ({ page }) => {
      const errors = await collectErrors(page);
      await page.setViewportSize({ width: w, height: h });
      await openApp(page, { locale });
      await fillValidUs(page);
      await page.getByRole('button', { name: L[locale].next1 }).click();
      await expect(page.locator('h1')).toHaveText(L[locale].subs);
      await expect(list(page)).toBeVisible();
      const opts = list(page).locator('[role=option]:not([hidden])');
      // The longest names (Windows 365 ... Hybrid Benefit), the longest descriptions (the
      // Turkish sentence plus more), an unavailable offer with a long category and badge, an
      // add-on, and the whole list from the top.
      for (const [query, name] of [
        ['Hybrid Benefit', 'Windows 365 Business 4 vCPU, 16 GB, 128 GB (with Windows Hybrid Benefit)'],
        ['Türkçe dil desteği', null],
        ['Sales Enterprise Edition', 'Dynamics 365 for Sales Enterprise Edition (Legacy)'],
        ['Additional Environment Addon', 'Dynamics 365 Business Central Additional Environment Addon'],
        ['', null],
      ]) {
        await search(page).fill(query);
        await expect(opts.first()).toBeVisible();
        if (name) await expect(opts.filter({ hasText: name }).first()).toBeVisible();
        await expectWhole(page, `rows of "${query}"`);
        if (query) expect(await wrappedRows(page), `some rows of "${query}" wrap`).toBeGreaterThan(0);
      }
      // A chosen offer shows one more badge.
      await search(page).fill('Hybrid Benefit');
      await opts.filter({ hasText: 'Windows 365 Business 4 vCPU, 16 GB, 512 GB (with Windows Hybrid Benefit)' }).click();
      await expect(list(page).locator('.cw-offer--chosen')).toHaveCount(1);
      await expectWhole(page, 'rows with a chosen offer');
      if (w === 320) await shot(page, `offer-rows-${locale}-${w}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, 'horizontal scroll').toBeLessThanOrEqual(0);

      // Keyboard: End brings the last option of the whole list into view, Home the first.
      await search(page).fill('');
      const lb = list(page);
      const n = Number(await opts.first().getAttribute('aria-setsize'));
      await lb.focus();
      await page.keyboard.press('End');
      await expect(lb).toHaveAttribute('aria-activedescendant', `cw-offer-${n - 1}`);
      await expect.poll(() => inView(page, `cw-offer-${n - 1}`)).toBe(true);
      await expectWhole(page, 'rows at the end');
      await page.keyboard.press('PageUp');
      const active = await lb.getAttribute('aria-activedescendant');
      await expect.poll(() => inView(page, active)).toBe(true);
      await page.keyboard.press('Home');
      await expect(lb).toHaveAttribute('aria-activedescendant', 'cw-offer-0');
      await expect.poll(() => inView(page, 'cw-offer-0')).toBe(true);
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await expect(lb).toHaveAttribute('aria-activedescendant', 'cw-offer-2');
      await expect.poll(() => inView(page, 'cw-offer-2')).toBe(true);

      // Text zoomed to 200 % (the root font size doubles; the window does not resize).
      await page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
      await search(page).fill('Hybrid Benefit');
      await expect(opts.first()).toBeVisible();
      await expectWhole(page, 'rows with 200 % text');
      const m = Number(await opts.first().getAttribute('aria-setsize'));
      await lb.focus();
      await page.keyboard.press('End');
      await expect(lb).toHaveAttribute('aria-activedescendant', `cw-offer-${m - 1}`);
      await expect.poll(() => inView(page, `cw-offer-${m - 1}`)).toBe(true);
      await expectWhole(page, 'rows at the end with 200 % text');
      expect(errors, 'page errors').toEqual([]);
    });
  }
}

test('rows are as tall as their content: a catalog of short names shows many offers at 390 px', async ({ page }) => {
  const errors = await collectErrors(page);
  // The demo catalog with short names and descriptions.
  await page.route('**/demo/offers.json', async (route) => {
    const res = await route.fetch();
    const body = await res.json();
    body.items.forEach((o, i) => { o.name = `Offer ${i + 1}`; o.description = 'Short.'; });
    await route.fulfill({ response: res, json: body });
  });
  await page.setViewportSize({ width: 390, height: 844 });
  await openApp(page);
  await fillValidUs(page);
  await page.getByRole('button', { name: L.en.next1 }).click();
  await expect(page.locator('h1')).toHaveText(L.en.subs);
  await expect(list(page).locator('[role=option]').filter({ hasText: 'Offer 1' }).first()).toBeVisible();
  await expectWhole(page, 'short rows');
  const n = await optionsInView(page);
  expect(n, 'offers wholly in view').toBeGreaterThanOrEqual(3);
  // Scrolled into the middle, the rows still tile the view.
  await list(page).evaluate((lb) => { lb.scrollTop = lb.scrollHeight / 2; });
  await expectWhole(page, 'short rows, scrolled');
  await expect.poll(() => optionsInView(page)).toBeGreaterThanOrEqual(3);
  expect(errors, 'page errors').toEqual([]);
});
