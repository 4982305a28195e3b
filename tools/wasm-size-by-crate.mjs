#!/usr/bin/env node
// Where the wasm's code bytes go, by crate: reads the code section's function body sizes and
// the name section of a wasm that still has it (the release build straight from cargo, before
// wasm-bindgen and wasm-opt), demangles the legacy Rust symbol names and sums body bytes by the
// first path segment (for a generic function, the crate that defines it: tachys's `build` for
// an app view counts as tachys). A diagnosis tool for the size work, not a measurement of
// shipped bytes: wasm-opt and brotli shrink crates unevenly.
//
// Usage: node tools/wasm-size-by-crate.mjs [WASM] [--top N] [--crate NAME]
//   --crate NAME: list the largest functions of one crate instead.
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const file = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'))
  ?? 'target/wasm32-unknown-unknown/release/customer_wizard.wasm';
const top = Number(opt('top', 30));
const only = opt('crate', null);
const buf = readFileSync(file);

let at = 8;
const u32 = () => {
  let r = 0;
  let shift = 0;
  for (;;) {
    const b = buf[at++];
    r |= (b & 0x7f) << shift;
    if (!(b & 0x80)) return r >>> 0;
    shift += 7;
  }
};
const str = () => {
  const n = u32();
  const s = buf.toString('utf8', at, at + n);
  at += n;
  return s;
};

let imports = 0;
const sections = new Map();
const bodies = [];
const names = new Map();
while (at < buf.length) {
  const id = buf[at++];
  const size = u32();
  const end = at + size;
  sections.set(id, (sections.get(id) ?? 0) + size);
  if (id === 2) {
    // Imported functions come first in the function index space.
    for (let n = u32(); n > 0; n--) {
      str();
      str();
      const kind = buf[at++];
      if (kind === 0) { u32(); imports++; } else if (kind === 1) { at++; const f = u32(); u32(); if (f & 1) u32(); } else if (kind === 2) { const f = u32(); u32(); if (f & 1) u32(); } else if (kind === 3) { at += 2; } else { at++; u32(); }
    }
  } else if (id === 10) {
    for (let n = u32(); n > 0; n--) {
      const len = u32();
      bodies.push(len);
      at += len;
    }
  } else if (id === 0 && str() === 'name') {
    while (at < end) {
      const sub = buf[at++];
      const len = u32();
      const subEnd = at + len;
      if (sub === 1) for (let n = u32(); n > 0; n--) { const idx = u32(); names.set(idx, str()); }
      at = subEnd;
    }
  }
  at = end;
}
if (names.size === 0) throw new Error(`${file} has no name section (use the wasm cargo builds, before wasm-opt)`);

// Legacy mangling: _ZN <len><ident>... E, with $LT$, $GT$, $u20$, .. for ::, and a 17h<hash> tail.
const demangle = (s) => {
  if (!s.startsWith('_ZN')) return s;
  const parts = [];
  let i = 3;
  while (i < s.length && s[i] !== 'E') {
    let n = 0;
    while (s[i] >= '0' && s[i] <= '9') n = n * 10 + Number(s[i++]);
    if (!n) break;
    parts.push(s.slice(i, i + n));
    i += n;
  }
  if (/^h[0-9a-f]{16}$/.test(parts.at(-1) ?? '')) parts.pop();
  return parts.join('::')
    .replace(/\$LT\$/g, '<').replace(/\$GT\$/g, '>').replace(/\$u20\$/g, ' ').replace(/\$RF\$/g, '&')
    .replace(/\$C\$/g, ',').replace(/\$BP\$/g, '*').replace(/\$u7b\$/g, '{').replace(/\$u7d\$/g, '}')
    .replace(/\$u5b\$/g, '[').replace(/\$u5d\$/g, ']').replace(/\$u27\$/g, "'").replace(/\$u3b\$/g, ';')
    .replace(/\.\./g, '::').replace(/^_</, '<');
};
// The crate a function belongs to: the first path segment, or for `<T as Trait>::f` the
// crate of T (`<impl ...>` blocks name their own module).
const crateOf = (name) => {
  // v0 mangling (the standard library's precompiled parts): the first crate named.
  if (name.startsWith('_R')) {
    const m = name.match(/C(?:s[0-9a-zA-Z]*_)?(\d+)/);
    return m ? name.substr(m.index + m[0].length, Number(m[1])) : name;
  }
  // A blanket impl (`<T as tachys::view::Render>::build`): the trait's crate.
  const blanket = name.match(/^<+[A-Z][A-Za-z0-9]?(?:<[^>]*>)? as ([a-z_][a-z0-9_]*)::/);
  if (blanket) return blanket[1];
  const m = name.match(/^<+(?:impl )?&?(?:mut )?(?:dyn )?([A-Za-z_][A-Za-z0-9_]*)/);
  if (m) return m[1];
  return name.split('::')[0] || name;
};

const byCrate = new Map();
const fns = [];
let total = 0;
// wasm-bindgen runs the `__wbindgen_describe_*` functions to learn the types of imports and
// exports, and removes them: not shipped, left out here.
let described = 0;
bodies.forEach((len, k) => {
  const name = demangle(names.get(imports + k) ?? `func${imports + k}`);
  if (name.startsWith('__wbindgen_describe')) {
    described += len;
    return;
  }
  const crate = crateOf(name);
  total += len;
  const c = byCrate.get(crate) ?? { bytes: 0, count: 0 };
  c.bytes += len;
  c.count++;
  byCrate.set(crate, c);
  fns.push({ name, crate, len });
});

if (only) {
  const list = fns.filter((f) => f.crate === only).sort((a, b) => b.len - a.len);
  const sum = list.reduce((n, f) => n + f.len, 0);
  console.log(`${only}: ${list.length} functions, ${sum} bytes of code\n`);
  console.log('| bytes | function |\n|---:|---|');
  for (const f of list.slice(0, top)) console.log(`| ${f.len} | ${f.name.slice(0, 180)} |`);
} else {
  console.log(`${file}: ${fns.length} functions, ${total} bytes of code, ${sections.get(11) ?? 0} bytes of data (strings, tables); left out: ${described} bytes of wasm-bindgen's describe functions\n`);
  console.log('| crate | functions | bytes | share |\n|---|---:|---:|---:|');
  for (const [crate, c] of [...byCrate].sort((a, b) => b[1].bytes - a[1].bytes).slice(0, top)) {
    console.log(`| ${crate} | ${c.count} | ${c.bytes} | ${(100 * c.bytes / total).toFixed(1)} % |`);
  }
}
