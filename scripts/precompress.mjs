// Writes .br (quality 11) and .gz (level 9) next to the app's files in dist/ so that the server
// (server/, tower-http's ServeDir) sends them as they are instead of compressing per request.
// Only the top level (wasm, glue, CSS, embed.js, boot.js); index.html is served from memory.
// Usage: node scripts/precompress.mjs [dist]
import { readdirSync, readFileSync, writeFileSync, statSync, existsSync } from 'node:fs';
import { join, extname } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const dir = process.argv[2] ?? 'dist';
let n = 0;
for (const name of readdirSync(dir)) {
  const file = join(dir, name);
  if (!['.wasm', '.js', '.css', '.html'].includes(extname(name)) || name === 'index.html') continue;
  if (!statSync(file).isFile()) continue;
  const body = readFileSync(file);
  for (const [ext, make] of [
    ['.br', () => brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } })],
    ['.gz', () => gzipSync(body, { level: 9 })],
  ]) {
    const out = file + ext;
    if (existsSync(out) && statSync(out).mtimeMs >= statSync(file).mtimeMs) continue;
    writeFileSync(out, make());
    n++;
  }
}
console.log(`precompressed ${n} file(s) in ${dir}`);
