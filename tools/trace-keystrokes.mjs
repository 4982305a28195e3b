#!/usr/bin/env node
// The tail of the search keystrokes in the Subscriptions step (10,000 offers): a Chromium
// trace of N keystrokes, cut into one window per keystroke (from `beforeinput` to the message
// after the next frame, as bench/catalog.mjs measures), printing
// - the renderer main thread's busy time per keystroke (median, p90, p95, mean): the part of
//   keystroke-to-paint that is work on that thread, without the machine's waiting;
// - self time per trace event (script, style, layout, paint...) over the slowest 10% of the
//   keystrokes: what the tail is made of;
// - the slowest keystrokes with the query they made.
// A diagnosis tool, not a benchmark: tracing adds its own cost. Frames are uncapped unless
// --vsync. tools/profile-keystroke.mjs gives the averages and a CPU profile instead.
//
// Usage: node tools/trace-keystrokes.mjs [--dist DIR] [--keys N] [--vsync] [--port P]
import { keySequence, launchChromium, openSubscriptions, option, ROOT, serveWithCatalog } from '../bench/catalog-page.mjs';
import { join } from 'node:path';

const DIST = option('dist', join(ROOT, 'dist'));
const KEYS = Number(option('keys', 100));
const PORT = Number(option('port', 8199));
const VSYNC = process.argv.includes('--vsync');
const server = await serveWithCatalog(DIST, PORT);
const browser = await launchChromium(!VSYNC);
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  // User-timing marks per keystroke k: kN at beforeinput, pN after the next frame.
  await page.addInitScript(() => {
    window.__keys = 0;
    let key = null;
    addEventListener('beforeinput', (e) => {
      if (e.target.type === 'search') performance.mark(`k${(key = ++window.__keys)}`);
    }, true);
    addEventListener('input', (e) => {
      if (e.target.type !== 'search' || !key) return;
      const k = key;
      key = null;
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => { performance.mark(`p${k}`); window.__painted = k; };
        ch.port2.postMessage(0);
      });
    });
  });
  await openSubscriptions(page, PORT);
  await browser.startTracing(page, { categories: ['devtools.timeline', 'blink.user_timing', 'disabled-by-default-devtools.timeline'] });
  const keys = keySequence(KEYS);
  for (let i = 0; i < keys.length; i++) {
    await page.keyboard.press(keys[i]);
    // Waits with a timer, not waitForFunction: its per-frame polling would be traced too.
    await page.evaluate((n) => new Promise((r) => { const c = () => (window.__painted >= n ? r() : setTimeout(c, 2)); c(); }), i + 1);
  }
  const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const marks = new Map(events.filter((e) => e.cat?.includes('user_timing') && /^[kp]\d+$/.test(e.name)).map((e) => [e.name, e.ts]));
  const spans = events.filter((e) => e.ph === 'X' && e.pid === main.pid && e.tid === main.tid && e.dur).sort((a, b) => a.ts - b.ts || b.dur - a.dur);

  let query = '';
  const rows = [];
  keys.forEach((key, i) => {
    query = key === 'Backspace' ? query.slice(0, -1) : query + (key === 'Space' ? ' ' : key);
    const start = marks.get(`k${i + 1}`);
    const end = marks.get(`p${i + 1}`);
    if (start === undefined || end === undefined) return;
    const inside = spans.filter((e) => e.ts + e.dur > start && e.ts < end);
    const busy = inside.filter((e) => e.name === 'RunTask').reduce((n, e) => n + e.dur, 0) / 1000;
    rows.push({ query, ms: (end - start) / 1000, busy, inside });
  });
  const q = (v, p) => [...v].sort((a, b) => a - b)[Math.min(v.length - 1, Math.floor(v.length * p))];
  const busy = rows.map((r) => r.busy);
  const painted = rows.map((r) => r.ms);
  console.log(`${rows.length} keystrokes, frames ${VSYNC ? 'at 60 Hz' : 'uncapped'}, traced (tracing adds its own cost)\n`);
  console.log('| per keystroke (ms) | median | p90 | p95 | mean |\n|---|---:|---:|---:|---:|');
  for (const [label, v] of [['keystroke → painted', painted], ['main thread busy', busy]]) {
    console.log(`| ${label} | ${q(v, 0.5).toFixed(1)} | ${q(v, 0.9).toFixed(1)} | ${q(v, 0.95).toFixed(1)} | ${(v.reduce((a, b) => a + b, 0) / v.length).toFixed(1)} |`);
  }

  // Self time per event name (its duration less that of the events nested in it).
  const slowest = [...rows].sort((a, b) => b.busy - a.busy).slice(0, Math.ceil(rows.length / 10));
  const self = new Map();
  for (const r of slowest) {
    const stack = [];
    for (const e of r.inside) {
      while (stack.length && stack.at(-1).end <= e.ts) stack.pop();
      const name = e.name === 'EventDispatch' ? `EventDispatch ${e.args?.data?.type}` : e.name;
      if (stack.length) self.set(stack.at(-1).name, (self.get(stack.at(-1).name) ?? 0) - e.dur);
      self.set(name, (self.get(name) ?? 0) + e.dur);
      stack.push({ name, end: e.ts + e.dur });
    }
  }
  console.log(`\nThe slowest 10% by main-thread time (${slowest.length} keystrokes), self time per keystroke:\n`);
  console.log('| event | ms |\n|---|---:|');
  for (const [name, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 14)) {
    console.log(`| ${name} | ${(us / 1000 / slowest.length).toFixed(2)} |`);
  }
  console.log('\nSlowest keystrokes to paint (query after the key: painted ms, main thread busy ms):');
  for (const r of [...rows].sort((a, b) => b.ms - a.ms).slice(0, 8)) console.log(`  ${JSON.stringify(r.query)}: ${r.ms.toFixed(1)}, ${r.busy.toFixed(1)}`);
} finally {
  await browser.close();
  server.kill('SIGTERM');
}
