#!/usr/bin/env node
// Where a search keystroke's time goes in the Subscriptions step (10,000 offers): a CPU
// profile (CDP Profiler) over N keystrokes, printed as self time per function. A diagnosis
// tool, not a benchmark: bench/catalog.mjs measures; this says why.
//
// Usage: node tools/profile-keystroke.mjs [--dist DIR] [--keys N] [--cpu RATE] [--port P] [--uncapped] [--scroll]
// --uncapped: the browser produces frames without the 60 Hz clock, as bench/catalog.mjs's
// "uncapped" condition.
// --scroll: instead of keystrokes, N frames of the catalog benchmark's scroll (two view heights
// per animation frame, every frame replacing every row).
// For wasm function names, DIR must hold a wasm with its name section (`make profile` builds one: scripts/profile-dist.sh).
import { keySequence, launchChromium, openSubscriptions, option, ROOT, serveWithCatalog } from '../bench/catalog-page.mjs';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const DIST = option('dist', join(ROOT, 'dist'));
const KEYS = Number(option('keys', 60));
const CPU = Number(option('cpu', 1));
const PORT = Number(option('port', 8198));
const server = await serveWithCatalog(DIST, PORT);

// This Chromium's profiles name wasm functions `wasm-function[N]`, but give each one's byte
// offset in the module (the call frame's column): the name is looked up by that offset in DIR's
// wasm (its code section for where each body starts, its name section for the names).
function wasmNamesByOffset(dir) {
  const file = readdirSync(dir).find((f) => f.endsWith('_bg.wasm'));
  if (!file) return () => null;
  const b = new Uint8Array(readFileSync(join(dir, file)));
  let p = 8;
  const leb = () => {
    let r = 0;
    for (let shift = 0; ; shift += 7) {
      const x = b[p++];
      r += (x & 0x7f) * 2 ** shift;
      if (!(x & 0x80)) return r;
    }
  };
  const str = () => {
    const len = leb();
    p += len;
    return new TextDecoder().decode(b.subarray(p - len, p));
  };
  let imports = 0;
  const starts = []; // [body offset, function index], ascending
  const names = new Map();
  while (p < b.length) {
    const id = b[p++];
    const end = leb() + p;
    if (id === 2) {
      for (let n = leb(); n > 0; n--) {
        str();
        str();
        const kind = b[p++];
        if (kind === 0) { leb(); imports++; }
        else if (kind === 1) { p++; const f = b[p++]; leb(); if (f & 1) leb(); }
        else if (kind === 2) { const f = b[p++]; leb(); if (f & 1) leb(); }
        else if (kind === 3) { p += 2; }
        else if (kind === 4) { p++; leb(); }
      }
    } else if (id === 10) {
      const n = leb();
      for (let i = 0; i < n; i++) {
        const size = leb();
        starts.push([p, imports + i]);
        p += size;
      }
    } else if (id === 0 && str() === 'name') {
      while (p < end) {
        const sub = b[p++];
        const subEnd = leb() + p;
        for (let n = sub === 1 ? leb() : 0; n > 0; n--) {
          const index = leb();
          names.set(index, str().replace(/::h[0-9a-f]{16}$/, ''));
        }
        p = subEnd;
      }
    }
    p = end;
  }
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    if (hi < 0 || offset < starts[0][0]) return null;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid][0] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return names.get(starts[lo][1]) ?? null;
  };
}
const nameAt = wasmNamesByOffset(DIST);
const fnName = (f) => (/^wasm-function\[/.test(f.functionName) && nameAt(f.columnNumber)) || f.functionName;

const keys = keySequence(KEYS);
const SCROLL = process.argv.includes('--scroll');
const unit = SCROLL ? 'frame' : 'key';

const browser = await launchChromium(process.argv.includes('--uncapped'));
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  await openSubscriptions(page, PORT);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU });
  // N animation frames, each scrolling the list by two view heights (from the top; wraps to the
  // top at the end): the worst case of bench/catalog.mjs's scroll test.
  const scrollAll = () => page.evaluate((n) => new Promise((resolve) => {
    const el = document.querySelector('#cw-offers');
    el.scrollTop = 0;
    let left = n;
    const tick = () => {
      if (left-- === 0) return resolve();
      el.scrollTop = el.scrollTop + el.clientHeight >= el.scrollHeight - 1 ? 0 : el.scrollTop + el.clientHeight * 2;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }), KEYS);
  const typeAll = async () => {
    if (SCROLL) return scrollAll();
    for (const k of keys) {
      await page.keyboard.press(k);
      // The next frame after the keystroke, so each keystroke's work is done before the next.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
    }
  };
  // First the browser's own work per keystroke (style, layout, paint...) from a trace of the
  // renderer's main thread, then a CPU profile of the script.
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  await typeAll();
  const trace = JSON.parse((await browser.stopTracing()).toString());
  const events = trace.traceEvents ?? trace;
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  // Self time per event (its duration less that of the events nested in it); event
  // dispatches are named by their DOM event type.
  const spans = events
    .filter((e) => e.ph === 'X' && main && e.pid === main.pid && e.tid === main.tid && e.dur)
    .sort((x, y) => x.ts - y.ts || y.dur - x.dur);
  const byName = new Map();
  const stack = [];
  for (const e of spans) {
    while (stack.length && stack.at(-1).end <= e.ts) stack.pop();
    const name = e.name === 'EventDispatch' ? `EventDispatch ${e.args?.data?.type}` : e.name;
    const parent = stack.at(-1);
    if (parent) byName.set(parent.name, (byName.get(parent.name) ?? 0) - e.dur);
    byName.set(name, (byName.get(name) ?? 0) + e.dur);
    stack.push({ name, end: e.ts + e.dur });
  }
  console.log(`Renderer main thread, ${KEYS} ${SCROLL ? 'scroll frames' : 'keystrokes'}, self time per trace event:\n`);
  console.log(`| event | ms | per ${unit} |\n|---|---:|---:|`);
  for (const [name, us] of [...byName].sort((a, b) => b[1] - a[1]).slice(0, 16)) {
    console.log(`| ${name} | ${(us / 1000).toFixed(1)} | ${(us / 1000 / KEYS).toFixed(2)} |`);
  }
  console.log('');
  await page.fill('#cw-offer-search', '');
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  await typeAll();
  const { profile } = await cdp.send('Profiler.stop');
  const self = new Map();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = profile.timeDeltas;
  const counts = new Map();
  profile.samples.forEach((id, i) => counts.set(id, (counts.get(id) ?? 0) + (dt[i] ?? 0)));
  let total = 0;
  for (const [id, us] of counts) {
    const n = byId.get(id);
    const f = n.callFrame;
    const name = `${fnName(f) || '(anonymous)'}${f.url ? ` ${f.url.split('/').pop().replace(/-[0-9a-f]{16}/, '')}` : ''}`;
    self.set(name, (self.get(name) ?? 0) + us);
    total += us;
  }
  const idle = self.get('(idle)') ?? 0;
  console.log(`${KEYS} ${SCROLL ? 'scroll frames' : 'keystrokes'}, CPU ${CPU}x: ${(total / 1000).toFixed(0)} ms sampled, ${((total - idle) / 1000).toFixed(0)} ms busy (${((total - idle) / 1000 / KEYS).toFixed(2)} ms per ${unit})\n`);
  console.log(`| self ms | per ${unit} | function |\n|---:|---:|---|`);
  for (const [name, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(option('top', 40)))) {
    if (name === '(idle)') continue;
    console.log(`| ${(us / 1000).toFixed(1)} | ${(us / 1000 / KEYS).toFixed(3)} | ${name.slice(0, 160)} |`);
  }
  // Inclusive time of the app's own functions (a sample counts for every function on its
  // stack): which memo, effect or handler the time is spent under.
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const incl = new Map();
  for (const [id, us] of counts) {
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const f = fnName(byId.get(at).callFrame);
      if (!/customer_wizard|tachys|reactive_graph/.test(f) || seen.has(f)) continue;
      seen.add(f);
      incl.set(f, (incl.get(f) ?? 0) + us);
    }
  }
  console.log(`\n| inclusive ms | per ${unit} | function |\n|---:|---:|---|`);
  for (const [name, us] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, Number(option('top', 40)))) {
    console.log(`| ${(us / 1000).toFixed(1)} | ${(us / 1000 / KEYS).toFixed(3)} | ${name.slice(0, 160)} |`);
  }
} finally {
  await browser.close();
  server.kill('SIGTERM');
}
