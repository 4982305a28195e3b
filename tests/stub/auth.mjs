// Stand-in for the two identity services the server talks to, on one port, for tests and
// `make serve` (never for production):
//  - the Partner Center token authority (Entra ID's `oauth2/token`): a refresh-token grant
//    (Secure Application Model) answering App+User access tokens;
//  - the portal's OIDC issuer: discovery document and JWKS, and a control call that signs
//    id tokens (RS256) for a user with roles, as a portal's sign-in would.
// Node built-ins only.
//
//   AUTH_PORT=9000 node tests/stub/auth.mjs   -> "auth stand-in listening on http://127.0.0.1:9000"
//
// env: AUTH_PORT (0 = any), AUTH_CLIENT_ID (default "cw-test-app"), AUTH_CLIENT_SECRET
// (default "cw-test-secret"), AUTH_REFRESH_TOKEN (default "cw-test-refresh-token"),
// AUTH_AUDIENCE (default "api://customer-wizard").
//
// Control (`/__auth`, JSON):
//   POST /__auth/config {expiresIn, delayMs, revoked, rotate, fail}: grant behaviour
//        (rotate: each grant returns a new refresh token and the old one stops working;
//         fail: answer 503 to grants)
//   GET  /__auth/log   -> {grants, refused, items: [{time, ok, refreshToken: "<last 4>"}]}
//   POST /__auth/reset
//   POST /__auth/id-token {sub, name, roles, aud, expiresIn, forge} -> {token}
//        (forge: signed with a key the JWKS does not publish)
//   GET  /__auth/health
import { createServer } from 'node:http';
import { generateKeyPairSync, createSign, randomBytes, randomUUID } from 'node:crypto';

const port = Number(process.env.AUTH_PORT ?? 8788);
const clientId = process.env.AUTH_CLIENT_ID ?? 'cw-test-app';
const clientSecret = process.env.AUTH_CLIENT_SECRET ?? 'cw-test-secret';
const initialRefresh = process.env.AUTH_REFRESH_TOKEN ?? 'cw-test-refresh-token';
const defaultAudience = process.env.AUTH_AUDIENCE ?? 'api://customer-wizard';

const key = generateKeyPairSync('rsa', { modulusLength: 2048 });
const forgeKey = generateKeyPairSync('rsa', { modulusLength: 2048 });
const kid = randomUUID();
let issuer = '';

const fresh = () => ({
  config: { expiresIn: 3600, delayMs: 0, revoked: false, rotate: false, fail: false },
  refreshTokens: new Set([initialRefresh]),
  log: [],
  grants: 0,
  refused: 0,
});
let state = fresh();

const b64u = (b) => Buffer.from(b).toString('base64url');
function sign(claims, privateKey, keyId) {
  const head = b64u(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: keyId }));
  const body = b64u(JSON.stringify(claims));
  const s = createSign('RSA-SHA256');
  s.update(`${head}.${body}`);
  return `${head}.${body}.${s.sign(privateKey).toString('base64url')}`;
}

function send(res, status, body, headers = {}) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers });
  res.end(text);
}

async function readBody(req) {
  const chunks = [];
  for await (const c of req) chunks.push(c);
  return Buffer.concat(chunks).toString('utf8');
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const server = createServer(async (req, res) => {
  const url = new URL(req.url, 'http://x');
  const text = await readBody(req);
  const json = () => (text ? JSON.parse(text) : {});
  try {
    if (url.pathname === '/.well-known/openid-configuration') {
      return send(res, 200, { issuer, jwks_uri: `${issuer}/jwks`, id_token_signing_alg_values_supported: ['RS256'] });
    }
    if (url.pathname === '/jwks') {
      const jwk = key.publicKey.export({ format: 'jwk' });
      return send(res, 200, { keys: [{ ...jwk, kid, alg: 'RS256', use: 'sig' }] });
    }
    if (url.pathname === '/oauth2/token' && req.method === 'POST') {
      const form = new URLSearchParams(text);
      const c = state.config;
      if (c.delayMs) await sleep(c.delayMs);
      const rt = form.get('refresh_token') ?? '';
      const entry = { time: new Date().toISOString(), refreshToken: rt.slice(-4), resource: form.get('resource'), scope: form.get('scope') };
      if (c.fail) {
        state.log.push({ ...entry, ok: false, error: 'unavailable' });
        return send(res, 503, { error: 'temporarily_unavailable' });
      }
      if (form.get('grant_type') !== 'refresh_token' || form.get('client_id') !== clientId || form.get('client_secret') !== clientSecret) {
        state.refused++;
        state.log.push({ ...entry, ok: false, error: 'invalid_client' });
        return send(res, 401, { error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided.' });
      }
      if (c.revoked || !state.refreshTokens.has(rt)) {
        state.refused++;
        state.log.push({ ...entry, ok: false, error: 'invalid_grant' });
        return send(res, 400, { error: 'invalid_grant', error_description: `AADSTS70008: The provided authorization code or refresh token has expired due to inactivity. Token: ${rt}` });
      }
      state.grants++;
      let refresh = rt;
      if (c.rotate) {
        refresh = `rt-${randomBytes(12).toString('hex')}`;
        state.refreshTokens = new Set([refresh]);
      }
      state.log.push({ ...entry, ok: true });
      // v1 endpoint style: expires_in as a string.
      return send(res, 200, {
        token_type: 'Bearer', expires_in: String(c.expiresIn), resource: form.get('resource'),
        access_token: `pc-at-${state.grants}-${randomBytes(8).toString('hex')}`, refresh_token: refresh,
      });
    }
    if (url.pathname === '/__auth/health') return send(res, 200, { ok: true });
    if (url.pathname === '/__auth/reset' && req.method === 'POST') {
      state = fresh();
      return send(res, 200, { ok: true });
    }
    if (url.pathname === '/__auth/config' && req.method === 'POST') {
      Object.assign(state.config, json());
      if (json().refreshToken) state.refreshTokens.add(json().refreshToken);
      return send(res, 200, state.config);
    }
    if (url.pathname === '/__auth/log') {
      return send(res, 200, { grants: state.grants, refused: state.refused, items: state.log });
    }
    if (url.pathname === '/__auth/id-token' && req.method === 'POST') {
      const b = json();
      const now = Math.floor(Date.now() / 1000);
      const claims = {
        iss: b.iss ?? issuer, aud: b.aud ?? defaultAudience, sub: b.sub ?? 'partner-user-1',
        name: b.name ?? 'Pat Partner', roles: b.roles ?? ['AdminAgent'],
        iat: now, nbf: now - 5, exp: now + (b.expiresIn ?? 3600),
      };
      const token = b.forge ? sign(claims, forgeKey.privateKey, kid) : sign(claims, key.privateKey, kid);
      return send(res, 200, { token });
    }
    send(res, 404, { error: 'not_found' });
  } catch (e) {
    send(res, 400, { error: 'bad_request', detail: String(e.message ?? e) });
  }
});

server.listen(port, '127.0.0.1', () => {
  issuer = `http://127.0.0.1:${server.address().port}`;
  console.log(`auth stand-in listening on ${issuer}`);
});
for (const sig of ['SIGTERM', 'SIGINT']) process.on(sig, () => { server.close(); process.exit(0); });
