// A small static server for dist/ (tests and benchmarks): correct MIME types, an SPA fallback
// to index.html, precompressed .br/.gz when the client accepts them, immutable caching for
// hashed file names, and optional extra headers (e.g. a strict CSP) from SERVE_HEADERS (JSON).
// Usage: node scripts/serve.mjs <dir> <port>
import { createServer } from 'node:http';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { join, normalize, extname } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';

const root = process.argv[2] ?? 'dist';
const port = Number(process.argv[3] ?? 8080);
const extra = process.env.SERVE_HEADERS ? JSON.parse(process.env.SERVE_HEADERS) : {};
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json; charset=utf-8',
  '.png': 'image/png', '.svg': 'image/svg+xml', '.txt': 'text/plain; charset=utf-8',
};
const cache = new Map();

// Compressed bodies, cached per file and modification time (a rebuild is picked up at once);
// a precompressed sibling (.br / .gz) is used when present.
function compressed(kind, file, body, cacheable) {
  if (!cacheable) return kind === 'br' ? brotliCompressSync(body) : gzipSync(body, { level: 9 });
  const key = `${kind}:${file}`;
  const mtime = statSync(file).mtimeMs;
  const hit = cache.get(key);
  if (hit && hit.mtime === mtime) return hit.body;
  const sibling = `${file}.${kind}`;
  const out = existsSync(sibling) ? readFileSync(sibling)
    : kind === 'br' ? brotliCompressSync(body) : gzipSync(body, { level: 9 });
  cache.set(key, { mtime, body: out });
  return out;
}

createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  let path = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '');
  let file = join(root, path);
  if (!existsSync(file) || statSync(file).isDirectory()) {
    const index = join(file, 'index.html');
    file = existsSync(index) ? index : extname(path) ? null : join(root, 'index.html');
  }
  if (!file || !existsSync(file)) {
    res.writeHead(404, { 'content-type': 'text/plain' });
    return res.end('not found');
  }
  const ext = extname(file);
  const headers = {
    'content-type': types[ext] ?? 'application/octet-stream',
    'access-control-allow-origin': '*',
    vary: 'accept-encoding',
    // Hashed names never change; everything else is revalidated.
    'cache-control': /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
    ...extra,
  };
  let body = readFileSync(file);
  let cacheable = true;
  // Tests only (SERVE_TEST_ATTRS=1): `?cw-test-attrs=<JSON>` adds data attributes to the mount
  // element, so a test can configure the app (e.g. its API base URL) as a host page would.
  const attrs = url.searchParams.get('cw-test-attrs');
  if (process.env.SERVE_TEST_ATTRS === '1' && attrs && ext === '.html') {
    const esc = (v) => String(v).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
    const text = Object.entries(JSON.parse(attrs)).map(([k, v]) => ` data-${k}="${esc(v)}"`).join('');
    body = Buffer.from(body.toString('utf8').replace('<main id="customer-wizard"', `<main id="customer-wizard"${text}`));
    cacheable = false;
  }
  const accept = req.headers['accept-encoding'] ?? '';
  const compressible = ['.html', '.js', '.css', '.wasm', '.json', '.svg', '.txt'].includes(ext);
  if (compressible && /\bbr\b/.test(accept)) {
    body = compressed('br', file, body, cacheable);
    headers['content-encoding'] = 'br';
  } else if (compressible && /\bgzip\b/.test(accept)) {
    body = compressed('gz', file, body, cacheable);
    headers['content-encoding'] = 'gzip';
  }
  headers['content-length'] = body.length;
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}).listen(port, '127.0.0.1', () => console.log(`serving ${root} on http://127.0.0.1:${port}`));
