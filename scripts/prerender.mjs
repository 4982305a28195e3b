// Build step (called by scripts/post-build.mjs): the wizard's first screen as HTML, rendered
// natively by the app's own components (src/view/prerender.rs, `cargo run --features ssr --bin
// prerender`), in every locale, standalone and embedded. Country names and their order come
// from this runtime's Intl, as the browser's Intl gives them to the running app.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const LOCALES = ['en-US', 'tr-TR'];

/** Every region code Intl names, per locale, sorted as Intl.Collator sorts the names. */
function regionNames() {
  const out = {};
  for (const locale of LOCALES) {
    const names = new Intl.DisplayNames([locale], { type: 'region' });
    const region = [];
    for (let a = 65; a < 91; a++) {
      for (let b = 65; b < 91; b++) {
        const code = String.fromCharCode(a, b);
        let name;
        try { name = names.of(code); } catch { continue; }
        if (name && name !== code) region.push([code, name]);
      }
    }
    region.sort((x, y) => x[1].localeCompare(y[1], locale));
    out[locale] = { region };
  }
  return out;
}

/** `{ instance, <locale>: { standalone, embedded, loading, title } }`, markup without the
 * hydration comments (the app replaces the screen, it does not hydrate it). */
export function prerender() {
  const tmp = mkdtempSync(join(tmpdir(), 'cw-prerender-'));
  try {
    const names = join(tmp, 'names.json');
    writeFileSync(names, JSON.stringify(regionNames()));
    // The native build must not see trunk's wasm settings.
    const env = { ...process.env };
    for (const k of Object.keys(env)) if (k.startsWith('CARGO_') && k !== 'CARGO_HOME') delete env[k];
    delete env.RUSTFLAGS;
    const out = execFileSync('cargo', ['run', '--quiet', '--features', 'ssr', '--bin', 'prerender', '--', names], {
      env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 << 20,
    });
    const screens = JSON.parse(out);
    for (const v of Object.values(screens)) {
      if (typeof v !== 'object') continue;
      for (const k of ['standalone', 'embedded', 'loading']) v[k] = v[k].replace(/<!>|<!--[^]*?-->/g, '');
    }
    return screens;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(prerender(), null, 1));
