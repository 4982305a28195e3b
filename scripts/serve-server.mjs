// Runs the three parts together on one machine: the stub Partner Center (tests/stub/server.mjs),
// the stand-in token authority and OIDC issuer (tests/stub/auth.mjs) and the server (server/)
// serving dist/ in front of them. `make serve` and the Playwright run through the server use it.
//
//   node scripts/serve-server.mjs [--port 8080] [--stub-port 8787] [--auth-port 8788]
//        [--control-port N] [--db sqlite://...|postgres://...] [--bin PATH] [--dist dist]
//        [--lease SECS] [--timeout SECS] [--roles AdminAgent,...]
//
// The browser is "signed in" with an id token from the stand-in issuer, written into the served
// page as its auth header (`app.dev_auth_header`): what a portal's sign-in would provide.
// --control-port: `POST /restart` SIGKILLs the server and starts it again (same journal), for
// the fault tests; `GET /health`.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const root = resolve(import.meta.dirname, '..');
const port = Number(opt('port', 8080));
const stubPort = Number(opt('stub-port', 8787));
const authPort = Number(opt('auth-port', 8788));
const controlPort = opt('control-port', null);
const bin = resolve(opt('bin', join(root, 'target/debug/customer-wizard-server')));
const dist = resolve(opt('dist', join(root, 'dist')));
const work = mkdtempSync(join(tmpdir(), 'cw-serve-'));
const db = opt('db', `sqlite://${join(work, 'journal.db')}?mode=rwc`);
const roles = opt('roles', 'AdminAgent').split(',');
const children = new Set();

if (!existsSync(bin)) {
  console.error(`no server binary at ${bin}: cargo build -p customer-wizard-server`);
  process.exit(2);
}

function start(cmd, argv, env, marker) {
  return new Promise((ok, fail) => {
    const child = spawn(cmd, argv, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    children.add(child);
    child.on('exit', () => children.delete(child));
    const lines = createInterface({ input: child.stdout });
    let ready = false;
    lines.on('line', (line) => {
      if (process.env.SERVE_VERBOSE || !ready) process.stdout.write(`${line}\n`);
      if (!ready && line.includes(marker)) {
        ready = true;
        ok(child);
      }
    });
    child.on('exit', (code) => { if (!ready) fail(new Error(`${cmd} ${argv.join(' ')} exited (${code}) before it was ready`)); });
  });
}

await Promise.all([
  start('node', [join(root, 'tests/stub/server.mjs')], { STUB_PORT: String(stubPort) }, 'stub listening on'),
  start('node', [join(root, 'tests/stub/auth.mjs')], { AUTH_PORT: String(authPort) }, 'auth stand-in listening on'),
]);
const auth = `http://127.0.0.1:${authPort}`;
const { token } = await (await fetch(`${auth}/__auth/id-token`, {
  method: 'POST',
  body: JSON.stringify({ sub: 'ada@contoso-partner.example', name: 'Ada Lovelace', roles, expiresIn: 12 * 3600 }),
})).json();
writeFileSync(join(work, 'refresh-token'), 'cw-test-refresh-token', { mode: 0o600 });
const config = join(work, 'server.toml');
writeFileSync(config, `listen = "127.0.0.1:${port}"
dist_dir = ${JSON.stringify(dist)}
log_format = "json"
[partner_center]
base_url = "http://127.0.0.1:${stubPort}"
timeout_secs = ${Number(opt('timeout', 30))}
[token]
authority_url = "${auth}/oauth2/token"
client_id = "cw-test-app"
client_secret = "cw-test-secret"
refresh_token_file = ${JSON.stringify(join(work, 'refresh-token'))}
[identity]
mode = "oidc"
[identity.oidc]
issuer = "${auth}"
audience = "api://customer-wizard"
[partner]
partner_type = "indirectProvider"
email_domain = "contoso-partner.example"
[journal]
database_url = ${JSON.stringify(db)}
${opt('lease', null) ? `lease_secs = ${Number(opt('lease'))}` : ''}
[app]
dev_auth_header = "Authorization: Bearer ${token}"
`, { mode: 0o600 });

let server;
const startServer = () => start(bin, ['--config', config], {}, 'listening on http://').then((c) => {
  server = c;
  console.log(`server pid ${c.pid}`);
});
await startServer();

if (controlPort) {
  createServer(async (req, res) => {
    if (req.url === '/health') return res.end('ok');
    if (req.url === '/restart' && req.method === 'POST') {
      const old = server;
      await new Promise((r) => { old.once('exit', r); old.kill('SIGKILL'); });
      await startServer();
      return res.end('restarted');
    }
    res.statusCode = 404;
    res.end();
  }).listen(Number(controlPort), '127.0.0.1');
}

console.log(`
  app (through the server):  http://127.0.0.1:${port}/
  stub Partner Center:       http://127.0.0.1:${stubPort}   (faults and log: tests/stub/README.md)
  token authority + OIDC:    ${auth}         (signed in as Ada Lovelace, ${roles.join(', ')})
  journal:                   ${db.replace(/\/\/[^@]*@/, '//')}
  health: /healthz  readiness: /readyz  metrics: /metrics        Ctrl-C stops all three
`);

const stop = () => {
  for (const c of children) c.kill('SIGTERM');
  rmSync(work, { recursive: true, force: true });
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
