// Size report of a built dist/: raw, gzip and brotli bytes per file and in total.
// Usage: node scripts/size.mjs [dist] [--budget-brotli BYTES] [--json]
// With --budget-brotli it exits 1 when the shipped app (wasm + JS + CSS, not demo data)
// exceeds the budget.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--')) ?? 'dist';
const budgetIdx = args.indexOf('--budget-brotli');
const budget = budgetIdx >= 0 ? Number(args[budgetIdx + 1]) : null;

function* walk(d) {
  for (const name of readdirSync(d)) {
    const p = join(d, name);
    if (statSync(p).isDirectory()) yield* walk(p);
    else yield p;
  }
}

const rows = [];
for (const file of walk(dir)) {
  const rel = relative(dir, file);
  const buf = readFileSync(file);
  // The example host page is a demo of embedding, not part of the app.
  const kind = rel.startsWith('embed-example') ? 'example' : rel.endsWith('.wasm') ? 'wasm' : rel.endsWith('.js') ? 'js' : rel.endsWith('.css') ? 'css'
    : rel.endsWith('.html') ? 'html' : rel.startsWith('public/demo') ? 'demo-data' : 'other';
  rows.push({
    file: rel, kind, raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length,
    brotli: brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  });
}
rows.sort((a, b) => b.brotli - a.brotli);
const app = rows.filter((r) => ['wasm', 'js', 'css', 'html'].includes(r.kind));
const sum = (rs, k) => rs.reduce((s, r) => s + r[k], 0);
const fmt = (n) => n.toLocaleString('en-US').padStart(10);
const demo = rows.filter((r) => r.kind === 'demo-data');
console.log(`${'file'.padEnd(48)} ${'raw'.padStart(10)} ${'gzip'.padStart(10)} ${'brotli'.padStart(10)}`);
for (const r of app) console.log(`${r.file.slice(0, 48).padEnd(48)} ${fmt(r.raw)} ${fmt(r.gzip)} ${fmt(r.brotli)}`);
console.log(`${`demo data (${demo.length} files, fetched on demand)`.padEnd(48)} ${fmt(sum(demo, 'raw'))} ${fmt(sum(demo, 'gzip'))} ${fmt(sum(demo, 'brotli'))}`);
console.log(`${'app total (wasm + js + css + html)'.padEnd(48)} ${fmt(sum(app, 'raw'))} ${fmt(sum(app, 'gzip'))} ${fmt(sum(app, 'brotli'))}`);
if (args.includes('--json')) console.log(JSON.stringify({ app: { raw: sum(app, 'raw'), gzip: sum(app, 'gzip'), brotli: sum(app, 'brotli') }, rows }));
if (budget !== null) {
  const total = sum(app, 'brotli');
  if (total > budget) {
    console.error(`size budget exceeded: app is ${total} bytes brotli, budget ${budget}`);
    process.exit(1);
  }
  console.log(`size budget ok: ${total} <= ${budget} bytes brotli`);
}
