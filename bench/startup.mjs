#!/usr/bin/env node
// Startup and input-latency benchmark: the Leptos app (dist/) against the React peer
// (bench/peer-react/dist/), in headless Debian Chromium, unthrottled and on a slow profile.
// See bench/README.md for what each number means.
//
// Usage: node bench/startup.mjs [--runs N] [--keys N] [--app-url URL] [--peer-url URL]
//                               [--conditions fast,slow] [--no-serve]
// Env:   APP_URL, PEER_URL, RUNS, KEYS, CONDITIONS, CHROMIUM (executable path)
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

// ---- options ---------------------------------------------------------------------------------
function option(name, env, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  if (i > 0 && process.argv[i + 1] !== undefined) return process.argv[i + 1];
  const eq = process.argv.find((a) => a.startsWith(`--${name}=`));
  if (eq) return eq.slice(name.length + 3);
  return process.env[env] ?? fallback;
}
// The app's demo mode, steered from its URL: demo-latency=0 because the demo backend otherwise
// waits 250 ms per simulated API call (the profile is fetched before the form renders), and
// demo-profile=direct because the default profile is an indirect provider, whose form has an
// extra reseller list (and fetch) that the peer does not have.
const APP_URL = option('app-url', 'APP_URL', 'http://127.0.0.1:8095/?demo-latency=0&demo-profile=direct');
const PEER_URL = option('peer-url', 'PEER_URL', 'http://127.0.0.1:8096/');
const RUNS = Number(option('runs', 'RUNS', 5));
const KEYS = Number(option('keys', 'KEYS', 100));
const CONDITION_NAMES = option('conditions', 'CONDITIONS', 'fast,slow').split(',');
const SERVE = !process.argv.includes('--no-serve');
const EXECUTABLE = process.env.CHROMIUM ?? '/usr/bin/chromium';

const CONDITIONS = {
  fast: { label: 'no throttling' },
  slow: {
    label: 'CPU 4x slower, 150 ms latency, 1.6 Mbps down, 750 kbps up',
    cpuRate: 4,
    network: { offline: false, latency: 150, downloadThroughput: 200_000, uploadThroughput: 93_750 },
  },
};
for (const c of CONDITION_NAMES) if (!CONDITIONS[c]) fail(`unknown condition "${c}" (fast, slow)`);

const TARGETS = [
  { name: 'app', url: APP_URL, dir: join(ROOT, 'dist'), missing: 'dist/ does not exist: run `make build` first (from the repository root).' },
  { name: 'peer', url: PEER_URL, dir: join(ROOT, 'bench/peer-react/dist'), missing: 'bench/peer-react/dist/ does not exist: run `cd bench/peer-react && npm ci && npm run build` first.' },
];

function fail(message) {
  console.error(`startup.mjs: ${message}`);
  process.exit(1);
}
const log = (...a) => console.error(...a);

// ---- static servers --------------------------------------------------------------------------
const servers = [];

async function reachable(url) {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
    await res.arrayBuffer();
    return res.ok;
  } catch {
    return false;
  }
}

async function serve(target) {
  const { hostname, port } = new URL(target.url);
  if (!['127.0.0.1', 'localhost'].includes(hostname)) return; // someone else's server
  const child = spawn(process.execPath, [join(ROOT, 'scripts/serve.mjs'), target.dir, port], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const outcome = await new Promise((resolve) => {
    child.stdout.on('data', (d) => /serving/.test(d) && resolve('up'));
    child.on('exit', () => resolve('exited'));
  });
  if (outcome === 'up') {
    servers.push(child);
    return;
  }
  if (/EADDRINUSE/.test(stderr) && (await reachable(target.url))) {
    log(`note: port ${port} is already in use; measuring whatever serves ${target.url}`);
    return;
  }
  fail(`could not serve ${target.dir} on port ${port}:\n${stderr}`);
}

function stopServers() {
  for (const child of servers) if (child.exitCode === null) child.kill('SIGTERM');
}
process.on('exit', stopServers);
process.on('SIGINT', () => process.exit(130));

// ---- in-page instrumentation (runs before any page script) -----------------------------------
// - ready: performance.now() in the first animation frame after #cw-company-name exists and is
//   not disabled (a MutationObserver notices it; navigation start is 0).
// - key samples: capture-phase keydown on window (before any app listener) starts a clock; the
//   first change of #cw-company-name-error (appears, disappears or its text changes) stops it
//   at the next animation frame.
// - wasm: every WebAssembly.Memory exported by an instance the page creates.
const INSTRUMENT = () => {
  const b = (window.__bench = { ready: null, appeared: null, samples: [], memories: new Set(),
    accepted: null, validated: null, validatedFrame: null, cls: 0 });
  // The first typed character the email field takes (the prerendered one counts: it is a real
  // field), the email's error message appearing, and every layout shift of the load.
  addEventListener('input', (e) => {
    if (b.accepted === null && e.isTrusted && e.target && e.target.id === 'cw-email') b.accepted = performance.now();
  }, true);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) b.cls += e.value;
  }).observe({ type: 'layout-shift', buffered: true });
  const grab = (r) => {
    const inst = r instanceof WebAssembly.Instance ? r : r && r.instance;
    if (inst) for (const v of Object.values(inst.exports)) if (v instanceof WebAssembly.Memory) b.memories.add(v);
    return r;
  };
  for (const k of ['instantiate', 'instantiateStreaming']) {
    const orig = WebAssembly[k];
    if (orig) WebAssembly[k] = function (...args) { return orig.apply(this, args).then(grab); };
  }
  b.wasmBytes = () => [...b.memories].reduce((n, m) => n + m.buffer.byteLength, 0);

  const errorState = () => {
    const el = document.getElementById('cw-company-name-error');
    return el ? el.textContent : null;
  };
  let keyAt = null;
  let lastError = null;
  addEventListener('keydown', (e) => {
    if (e.target && e.target.id === 'cw-company-name') {
      keyAt = performance.now();
      lastError = errorState();
    }
  }, true);
  new MutationObserver(() => {
    if (b.appeared === null) {
      const field = document.getElementById('cw-company-name');
      if (field && !field.disabled) {
        b.appeared = performance.now();
        requestAnimationFrame(() => (b.ready = performance.now()));
      }
    }
    if (b.mounted === undefined && document.querySelector('[data-cw-mounted]')) b.mounted = performance.now();
    if (b.validated === null && document.getElementById('cw-email-error')) {
      b.validated = performance.now();
      requestAnimationFrame(() => (b.validatedFrame = performance.now()));
    }
    if (keyAt !== null) {
      const now = errorState();
      if (now !== lastError) {
        const start = keyAt;
        const dom = performance.now() - start;
        keyAt = null;
        requestAnimationFrame(() => b.samples.push({ dom, frame: performance.now() - start }));
      }
    }
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['disabled', 'data-cw-mounted'] });
};

// ---- one fresh page load ---------------------------------------------------------------------
async function networkIdle(inflight, quietMs = 500, timeoutMs = 60_000) {
  const start = Date.now();
  let quietSince = inflight.size === 0 ? Date.now() : null;
  while (Date.now() - start < timeoutMs) {
    if (inflight.size === 0) {
      quietSince ??= Date.now();
      if (Date.now() - quietSince >= quietMs) return;
    } else quietSince = null;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`network not idle after ${timeoutMs} ms (${inflight.size} in flight)`);
}

/** A fresh load's network without cache, at the condition's network and CPU speed. */
async function throttle(cdp, condition) {
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (condition.network) await cdp.send('Network.emulateNetworkConditions', condition.network);
  if (condition.cpuRate) await cdp.send('Emulation.setCPUThrottlingRate', { rate: condition.cpuRate });
}

/** Evaluates an expression in the page over CDP (awaiting a promise), returning its value. */
function evaluator(cdp) {
  return async (expression) => {
    const r = await cdp.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
    if (r.exceptionDetails) throw new Error(r.exceptionDetails.exception?.description ?? r.exceptionDetails.text);
    return r.result.value;
  };
}

async function measure(browser, target, condition) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  try {
    await context.addInitScript(INSTRUMENT);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);

    const inflight = new Set();
    const net = { bytes: 0, requests: 0, failed: 0, files: [] };
    const urls = new Map();
    cdp.on('Network.requestWillBeSent', (e) => {
      inflight.add(e.requestId);
      urls.set(e.requestId, e.request.url);
    });
    cdp.on('Network.loadingFinished', (e) => {
      inflight.delete(e.requestId);
      net.bytes += e.encodedDataLength;
      net.requests += 1;
      net.files.push({ url: urls.get(e.requestId), bytes: e.encodedDataLength });
    });
    cdp.on('Network.loadingFailed', (e) => {
      inflight.delete(e.requestId);
      net.failed += 1;
    });
    await throttle(cdp, condition);

    // Until the heap is measured, the page is read over CDP only: Playwright's own evaluate
    // helpers would otherwise be injected into the page's heap before it is measured.
    const evaluate = evaluator(cdp);
    await page.goto(target.url, { waitUntil: 'commit' });
    const READY = `new Promise((resolve, reject) => {
      const limit = performance.now() + 60000;
      const poll = () => {
        if (window.__bench && window.__bench.ready !== null && document.readyState === 'complete') resolve(true);
        else if (performance.now() > limit) reject(new Error('timeout'));
        else requestAnimationFrame(poll);
      };
      poll();
    })`;
    try {
      await evaluate(READY);
    } catch (e) {
      const state = await evaluate(`({ field: !!document.getElementById('cw-company-name'),
        appeared: window.__bench && window.__bench.appeared, readyState: document.readyState })`).catch(String);
      throw new Error(`${target.name}: #cw-company-name never became ready (${JSON.stringify(state)}, ${inflight.size} requests in flight): ${e.message}`);
    }
    await networkIdle(inflight);
    const timing = await evaluate(`(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      return {
        readyMs: window.__bench.ready,
        appearedMs: window.__bench.appeared,
        fcpMs: fcp ? fcp.startTime : null,
        domContentLoadedMs: nav.domContentLoadedEventEnd,
        loadMs: nav.loadEventEnd,
        domElements: document.getElementsByTagName('*').length,
        wasmMemory: window.__bench.wasmBytes(),
        // The app: prerendered screen, then the handover; nothing typed yet.
        cls: window.__bench.cls,
      };
    })()`);

    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const dom = await cdp.send('Memory.getDOMCounters');

    // Keystroke -> validation message. Errors show only after a failed submit, in both apps.
    await page.click('button[type=submit]');
    await page.waitForSelector('#cw-company-name-error', { timeout: 30_000 });
    await page.click('#cw-company-name');
    await page.waitForFunction(() => document.activeElement?.id === 'cw-company-name');
    // "Z" (single character: error), then "z" (valid: no error) and Backspace in turn.
    for (let i = 0; i < KEYS; i++) {
      const key = i === 0 ? 'Z' : i % 2 === 1 ? 'z' : 'Backspace';
      await page.keyboard.press(key);
      try {
        await page.waitForFunction((n) => window.__bench.samples.length >= n, i + 1, { timeout: 30_000 });
      } catch {
        const state = await page.evaluate(() => ({
          value: document.getElementById('cw-company-name')?.value,
          error: document.getElementById('cw-company-name-error')?.textContent ?? null,
        }));
        throw new Error(`keystroke ${i} (${key}) changed no error message: ${JSON.stringify(state)}`);
      }
    }
    const keySamples = await page.evaluate(() => window.__bench.samples);

    return {
      bytes: net.bytes,
      requests: net.requests,
      failedRequests: net.failed,
      files: net.files,
      ...timing,
      jsHeapUsed: heap.usedSize,
      jsHeapTotal: heap.totalSize,
      domNodesInRenderer: dom.nodes,
      jsEventListeners: dom.jsEventListeners,
      keySamples,
    };
  } finally {
    await context.close();
  }
}

// ---- one fresh load used as early as the page allows ------------------------------------------
// The user's view of startup: the first field visible (first frame with #cw-company-name), the
// email field taking typed text, and an invalid email + Enter answered by the validation
// message (#cw-email-error), all from navigation start; the bytes received before the first
// contentful paint; the layout shift of the whole load (for the app: the prerendered screen,
// then the handover). A separate load from measure(): Playwright's helpers, used here to type
// as soon as the field is there, would skew the heap figures.
async function measureEarly(browser, target, condition) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  try {
    await context.addInitScript(INSTRUMENT);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const inflight = new Set();
    cdp.on('Network.requestWillBeSent', (e) => inflight.add(e.requestId));
    cdp.on('Network.loadingFinished', (e) => inflight.delete(e.requestId));
    cdp.on('Network.loadingFailed', (e) => inflight.delete(e.requestId));
    await throttle(cdp, condition);
    // Over CDP only: Playwright's locators answer only once its utility world exists, which in
    // the app's page is after the wasm loaded (measured: ~1 s late), not when the field shows.
    const evaluate = evaluator(cdp);
    await page.goto(target.url, { waitUntil: 'commit' });
    const at = await evaluate(`new Promise((resolve, reject) => {
      const limit = performance.now() + 60000;
      const poll = () => {
        const el = document.getElementById('cw-email');
        if (el && !el.disabled && window.__bench && window.__bench.ready !== null) {
          el.scrollIntoView({ block: 'center' });
          const r = el.getBoundingClientRect();
          resolve({ x: r.x + r.width / 2, y: r.y + r.height / 2 });
        } else if (performance.now() > limit) reject(new Error('no email field'));
        else requestAnimationFrame(poll);
      };
      poll();
    })`);
    for (const type of ['mousePressed', 'mouseReleased']) {
      await cdp.send('Input.dispatchMouseEvent', { type, x: at.x, y: at.y, button: 'left', clickCount: 1 });
    }
    for (const ch of 'ada@') {
      await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: ch, text: ch });
      await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: ch });
    }
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, text: '\r' });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13 });
    await evaluate(`new Promise((resolve, reject) => {
      const limit = performance.now() + 60000;
      const poll = () => {
        if (window.__bench.validatedFrame !== null) resolve(true);
        else if (performance.now() > limit) reject(new Error('no validation message'));
        else requestAnimationFrame(poll);
      };
      poll();
    })`);
    await networkIdle(inflight);
    return await page.evaluate(() => {
      const b = window.__bench;
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
      const nav = performance.getEntriesByType('navigation')[0];
      const before = performance.getEntriesByType('resource').filter((r) => fcp !== null && r.responseEnd <= fcp);
      return {
        visibleMs: b.ready,
        acceptedMs: b.accepted,
        validatedMs: b.validatedFrame,
        fcpMs: fcp,
        bytesBeforePaint: nav.transferSize + before.reduce((n, r) => n + r.transferSize, 0),
        filesBeforePaint: before.map((r) => r.name.split('/').pop()),
        // What the validation waits for on the app's page: the wasm's last byte, then the app
        // mounted (compiled, instantiated, rendered, handed over).
        wasmLoadedMs: performance.getEntriesByType('resource').find((r) => /\.wasm$/.test(r.name))?.responseEnd ?? null,
        mountedMs: b.mounted ?? null,
      };
    });
  } finally {
    await context.close();
  }
}

// ---- statistics and output -------------------------------------------------------------------
function quantile(values, q) {
  const v = values.filter((x) => x !== null && x !== undefined).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const pos = (v.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return v[lo] + (v[hi] - v[lo]) * (pos - lo);
}
const median = (values) => quantile(values, 0.5);

function summarize(loads, early) {
  const m = (k) => median(loads.map((l) => l[k]));
  const e = (k) => median(early.map((l) => l[k]));
  const frames = loads.flatMap((l) => l.keySamples.map((s) => s.frame));
  const doms = loads.flatMap((l) => l.keySamples.map((s) => s.dom));
  return {
    bytes: m('bytes'),
    requests: m('requests'),
    readyMs: m('readyMs'),
    fcpMs: m('fcpMs'),
    loadMs: m('loadMs'),
    keyDomMedianMs: median(doms),
    keyDomP95Ms: quantile(doms, 0.95),
    keyMedianMs: median(frames),
    keyP95Ms: quantile(frames, 0.95),
    keySamples: frames.length,
    jsHeapUsed: m('jsHeapUsed'),
    wasmMemory: m('wasmMemory'),
    memoryTotal: median(loads.map((l) => l.jsHeapUsed + l.wasmMemory)),
    domElements: m('domElements'),
    jsEventListeners: m('jsEventListeners'),
    visibleMs: e('visibleMs'),
    acceptedMs: e('acceptedMs'),
    validatedMs: e('validatedMs'),
    bytesBeforePaint: e('bytesBeforePaint'),
    clsMax: Math.max(...loads.map((l) => l.cls)),
    wasmLoadedMs: e('wasmLoadedMs'),
    mountedMs: e('mountedMs'),
  };
}

const ROWS = [
  ['visibleMs', 'used early: first field visible (ms)', (v) => v.toFixed(0)],
  ['acceptedMs', 'used early: email field takes typed text (ms)', (v) => v.toFixed(0)],
  ['validatedMs', 'used early: invalid email + Enter → message shown (ms)', (v) => v.toFixed(0)],
  ['bytesBeforePaint', 'used early: KB received before first contentful paint', (v) => (v / 1024).toFixed(1)],
  ['wasmLoadedMs', 'used early: wasm received (ms)', (v) => v.toFixed(0)],
  ['mountedMs', 'used early: app mounted, screen handed over (ms)', (v) => v.toFixed(0)],
  ['clsMax', 'layout shift until the network is idle, no input (CLS, worst load)', (v) => v.toFixed(3)],
  ['bytes', 'transferred (KB, encoded)', (v) => (v / 1024).toFixed(1)],
  ['requests', 'requests', (v) => String(v)],
  ['readyMs', 'first field ready (ms)', (v) => v.toFixed(0)],
  ['fcpMs', 'first contentful paint (ms)', (v) => v.toFixed(0)],
  ['loadMs', 'load event end (ms)', (v) => v.toFixed(0)],
  ['keyDomMedianMs', 'keystroke → error in DOM, median (ms)', (v) => v.toFixed(2)],
  ['keyDomP95Ms', 'keystroke → error in DOM, p95 (ms)', (v) => v.toFixed(2)],
  ['keyMedianMs', 'keystroke → next frame with error, median (ms)', (v) => v.toFixed(1)],
  ['keyP95Ms', 'keystroke → next frame with error, p95 (ms)', (v) => v.toFixed(1)],
  ['jsHeapUsed', 'JS heap used after GC (MB)', (v) => (v / 2 ** 20).toFixed(2)],
  ['wasmMemory', 'wasm linear memory (MB)', (v) => (v / 2 ** 20).toFixed(2)],
  ['memoryTotal', 'JS heap + wasm memory (MB)', (v) => (v / 2 ** 20).toFixed(2)],
  ['domElements', 'DOM elements in the document', (v) => String(Math.round(v))],
  ['jsEventListeners', 'JS event listeners', (v) => String(Math.round(v))],
];

function table(app, peer) {
  const lines = ['| metric | app | peer | app/peer |', '|---|---:|---:|---:|'];
  for (const [key, label, fmt] of ROWS) {
    const a = app[key];
    const p = peer[key];
    const cell = (v) => (v === null || v === undefined ? '–' : fmt(v));
    const ratio = a !== null && a !== undefined && p ? (a / p).toFixed(2) : '–';
    lines.push(`| ${label} | ${cell(a)} | ${cell(p)} | ${ratio} |`);
  }
  return lines.join('\n');
}

// ---- main ------------------------------------------------------------------------------------
for (const t of TARGETS) if (!existsSync(join(t.dir, 'index.html'))) fail(t.missing);
if (SERVE) for (const t of TARGETS) await serve(t);
for (const t of TARGETS) if (!(await reachable(t.url))) fail(`${t.url} does not answer`);

const browser = await chromium.launch({
  executablePath: EXECUTABLE,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const results = {
  date: new Date().toISOString(),
  browser: `Chromium ${browser.version()}`,
  runs: RUNS,
  keystrokes: KEYS,
  urls: { app: APP_URL, peer: PEER_URL },
  conditions: {},
};
const tables = [];
try {
  for (const cname of CONDITION_NAMES) {
    const condition = CONDITIONS[cname];
    const loads = { app: [], peer: [] };
    const early = { app: [], peer: [] };
    // One discarded warm-up load each (first process start, disk cache of the server files).
    for (const t of TARGETS) await measure(browser, t, condition);
    for (let i = 0; i < RUNS; i++) {
      for (const t of TARGETS) {
        const r = await measure(browser, t, condition);
        loads[t.name].push(r);
        log(`${cname} ${t.name} #${i + 1}: ready ${r.readyMs.toFixed(0)} ms, ${(r.bytes / 1024).toFixed(1)} KB, key median ${median(r.keySamples.map((s) => s.frame)).toFixed(1)} ms`);
        const x = await measureEarly(browser, t, condition);
        early[t.name].push(x);
        log(`${cname} ${t.name} #${i + 1} used early: visible ${x.visibleMs.toFixed(0)} ms, takes text ${x.acceptedMs.toFixed(0)} ms, validation ${x.validatedMs.toFixed(0)} ms, ${(x.bytesBeforePaint / 1024).toFixed(1)} KB before paint (${x.filesBeforePaint.join(' ')}); CLS ${r.cls.toFixed(3)}`);
      }
    }
    const summary = { app: summarize(loads.app, early.app), peer: summarize(loads.peer, early.peer) };
    results.conditions[cname] = {
      label: condition.label,
      summary,
      loads: Object.fromEntries(Object.entries(loads).map(([k, v]) => [k, v.map(({ keySamples, ...rest }) => ({
        ...rest,
        keyDomMedianMs: median(keySamples.map((s) => s.dom)),
        keyMedianMs: median(keySamples.map((s) => s.frame)),
        keyP95Ms: quantile(keySamples.map((s) => s.frame), 0.95),
      }))])),
      early,
    };
    tables.push(`### ${cname}: ${condition.label}\n\n${table(summary.app, summary.peer)}\n`);
  }
} finally {
  await browser.close();
  stopServers();
}

mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
writeFileSync(join(ROOT, 'bench/results/startup.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log(`${results.browser}, median of ${RUNS} fresh loads per cell; keystroke figures pool ${KEYS} keystrokes per load.\n`);
console.log(tables.join('\n'));
console.log('Written: bench/results/startup.json');
