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
  const accept = req.headers['accept-encoding'] ?? '';
  const compressible = ['.html', '.js', '.css', '.wasm', '.json', '.svg', '.txt'].includes(ext);
  if (compressible && /\bbr\b/.test(accept)) {
    const key = `br:${file}`;
    if (!cache.has(key)) cache.set(key, existsSync(`${file}.br`) ? readFileSync(`${file}.br`) : brotliCompressSync(body));
    body = cache.get(key);
    headers['content-encoding'] = 'br';
  } else if (compressible && /\bgzip\b/.test(accept)) {
    const key = `gz:${file}`;
    if (!cache.has(key)) cache.set(key, existsSync(`${file}.gz`) ? readFileSync(`${file}.gz`) : gzipSync(body, { level: 9 }));
    body = cache.get(key);
    headers['content-encoding'] = 'gzip';
  }
  headers['content-length'] = body.length;
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}).listen(port, '127.0.0.1', () => console.log(`serving ${root} on http://127.0.0.1:${port}`));
