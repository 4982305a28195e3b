// What bench/catalog.mjs and the diagnosis tools (tools/profile-keystroke.mjs,
// tools/trace-keystrokes.mjs) share: fill Account info so that Continue leads to
// Subscriptions, the keystrokes typed into the search, and for the tools, serving a dist/ with
// the 10k catalog, launching Chromium and opening Subscriptions.
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The value after `--name` on the command line, or `fallback`. */
export function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}

/** Serves `dist` on `port` with the 10k catalog copied in; the server stops when Node exits. */
export async function serveWithCatalog(dist, port) {
  const src = join(ROOT, 'public/demo/offers-10k.json');
  if (!existsSync(src)) throw new Error('run bench/catalog.mjs once (it generates public/demo/offers-10k.json)');
  mkdirSync(join(dist, 'public/demo'), { recursive: true });
  copyFileSync(src, join(dist, 'public/demo/offers-10k.json'));
  const server = spawn(process.execPath, [join(ROOT, 'scripts/serve.mjs'), dist, String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((resolve) => server.stdout.on('data', (d) => /serving/.test(d) && resolve()));
  process.on('exit', () => server.kill('SIGTERM'));
  return server;
}

/** Debian's Chromium, headless; `uncapped`: frames without the 60 Hz clock. */
export function launchChromium(uncapped) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
      ...(uncapped ? ['--disable-frame-rate-limit', '--disable-gpu-vsync'] : [])],
  });
}

/** Opens the app on `port` with the 10k catalog, goes to Subscriptions and focuses the search. */
export async function openSubscriptions(page, port) {
  page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
  await page.goto(`http://127.0.0.1:${port}/?demo-catalog=10k&demo-latency=0&demo-profile=direct&locale=en`);
  await fillAccount(page);
  await page.getByRole('button', { name: 'Next: Subscriptions' }).click();
  await page.waitForFunction(() => /10,?000 offers match/.test(document.querySelector('[id$=offer-count]')?.textContent ?? ''), null, { timeout: 120_000 });
  await page.click('#cw-offer-search');
}

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
