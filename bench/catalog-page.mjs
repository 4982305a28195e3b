// What bench/catalog.mjs and tools/profile-keystroke.mjs both do in the page: fill Account
// info so that Continue leads to Subscriptions, and the keystrokes typed into the search.

// Offer-name words, typed and then erased, so that nearly every keystroke changes the result.
const WORDS = ['microsoft 365 business premium', 'dynamics sales', 'teams phone', 'windows 365 enterprise', 'defender endpoint', 'İşletme', 'ıntune'];

/** The first `n` keys (Playwright key names) of typing and erasing WORDS in turn. */
export function keySequence(n) {
  const keys = [];
  let w = 0;
  while (keys.length < n) {
    const word = WORDS[w++ % WORDS.length];
    for (const ch of word) keys.push(ch === ' ' ? 'Space' : ch);
    for (let i = 0; i < word.length; i++) keys.push('Backspace');
  }
  return keys.slice(0, n);
}

/** Fills Account info with a valid US customer (agreement accepted later). */
export async function fillAccount(page) {
  await page.selectOption('#cw-country', 'US');
  await page.fill('#cw-company-name', 'Contoso Pharmaceuticals Inc.');
  await page.fill('#cw-domain-prefix', 'contosobench');
  await page.fill('#cw-address-line1', '1 Microsoft Way');
  await page.fill('#cw-city', 'Redmond');
  await page.waitForSelector('select#cw-state');
  await page.selectOption('#cw-state', 'WA');
  // A ZIP code the demo's address check verifies as is (98052 would offer a correction).
  await page.fill('#cw-postal-code', '98101');
  await page.fill('#cw-first-name', 'Ada');
  await page.fill('#cw-last-name', 'Lovelace');
  await page.fill('#cw-email', 'ada@contosopharma.com');
  await page.check('#cw-agreement-later');
}
