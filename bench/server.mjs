// Load benchmark of the server's proxy path (not a timed test): requests per second and p50 /
// p99 latency of GET /api/v1/countryvalidationrules/US through the server to the stub Partner
// Center, side by side with the same call made to the stub directly (the floor), and the
// server's resident memory before and after. Uses scripts/serve-server.mjs to start the stub,
// the stand-in authority and issuer, and the server.
//
//   node bench/server.mjs [--bin target/server/customer-wizard-server] [--seconds 10]
//        [--concurrency 32] [--port 8080] [--stub-port 8787] [--auth-port 8788]
// Writes bench/results/server.json.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { createInterface } from 'node:readline';
import { resolve } from 'node:path';

const args = process.argv.slice(2);
const opt = (n, d) => { const i = args.indexOf(`--${n}`); return i >= 0 ? args[i + 1] : d; };
const root = resolve(import.meta.dirname, '..');
const bin = resolve(opt('bin', `${root}/target/server/customer-wizard-server`));
const seconds = Number(opt('seconds', 10));
const concurrency = Number(opt('concurrency', 32));
const port = Number(opt('port', 8080));
const stubPort = Number(opt('stub-port', 8787));
const authPort = Number(opt('auth-port', 8788));

const child = spawn('node', [`${root}/scripts/serve-server.mjs`, '--bin', bin, '--port', port, '--stub-port', stubPort, '--auth-port', authPort].map(String),
  { stdio: ['ignore', 'pipe', 'inherit'] });
let pid;
await new Promise((ok, fail) => {
  const lines = createInterface({ input: child.stdout });
  lines.on('line', (l) => {
    const m = /^server pid (\d+)/.exec(l);
    if (m) pid = Number(m[1]);
    if (l.includes('Ctrl-C stops all three')) ok();
  });
  child.on('exit', () => fail(new Error('serve-server exited')));
});
const rss = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
const page = await (await fetch(`http://127.0.0.1:${port}/`)).text();
const authHeader = /data-auth-header="Authorization: ([^"]+)"/.exec(page)[1];

async function load(base, path, headers) {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const url = new URL(path, base);
  const times = [];
  let errors = 0;
  const one = () => new Promise((ok) => {
    const t0 = process.hrtime.bigint();
    const req = request({ agent, host: url.hostname, port: url.port, path: url.pathname + url.search, headers }, (res) => {
      res.resume();
      res.on('end', () => {
        if (res.statusCode !== 200) errors++;
        times.push(Number(process.hrtime.bigint() - t0) / 1e6);
        ok();
      });
    });
    req.on('error', () => { errors++; ok(); });
    req.end();
  });
  // Warm-up (token grant, JWKS, connections), not measured.
  await Promise.all(Array.from({ length: concurrency }, one));
  times.length = 0;
  const end = Date.now() + seconds * 1000;
  const started = Date.now();
  await Promise.all(Array.from({ length: concurrency }, async () => { while (Date.now() < end) await one(); }));
  const elapsed = (Date.now() - started) / 1000;
  agent.destroy();
  times.sort((a, b) => a - b);
  const q = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
  return { requests: times.length, errors, rps: times.length / elapsed, p50: q(0.5), p99: q(0.99) };
}

const headers = { authorization: authHeader, 'ms-requestid': '5f0c2b1e-7a54-4ae7-bd4b-1a1e7f1b1c02', 'ms-correlationid': '0ba8c3a5-7a54-4ae7-bd4b-1a1e7f1b1c01', accept: 'application/json' };
const before = rss();
const direct = await load(`http://127.0.0.1:${stubPort}`, '/v1/countryvalidationrules/US', headers);
const proxied = await load(`http://127.0.0.1:${port}`, '/api/v1/countryvalidationrules/US', headers);
const after = rss();
child.kill('SIGTERM');

const f = (n, d = 1) => n.toFixed(d);
console.log(`\n${cpus().length} CPUs, load average ${f(loadavg()[0], 2)}; ${concurrency} concurrent keep-alive clients, ${seconds} s each; binary ${bin.replace(root + '/', '')}\n`);
console.log('| GET countryvalidationrules/US | requests/s | p50 (ms) | p99 (ms) | errors |');
console.log('|---|---:|---:|---:|---:|');
console.log(`| stub directly (floor) | ${f(direct.rps, 0)} | ${f(direct.p50, 2)} | ${f(direct.p99, 2)} | ${direct.errors} |`);
console.log(`| through the server (auth check, token, relay) | ${f(proxied.rps, 0)} | ${f(proxied.p50, 2)} | ${f(proxied.p99, 2)} | ${proxied.errors} |`);
console.log(`\nserver resident memory: ${f(before)} MB after start and warm-up, ${f(after)} MB after the run`);
mkdirSync(`${root}/bench/results`, { recursive: true });
writeFileSync(`${root}/bench/results/server.json`, JSON.stringify({ date: new Date().toISOString(), concurrency, seconds, direct, proxied, rssMb: { before, after } }, null, 2));
process.exit(0);
