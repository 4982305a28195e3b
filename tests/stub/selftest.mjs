#!/usr/bin/env node
// Self-test of tests/stub/server.mjs: starts it on a free port as a child process, exercises
// every route, every fault kind, idempotency and request validation with plain fetch, checks
// every 2xx JSON answer against docs/openapi.yaml (so the demo data is contract-checked too),
// prints a summary and exits non-zero on failure. Always stops the server.
//   Run: node tests/stub/selftest.mjs        (STUB_SELFTEST_VERBOSE=1 for the server's own log)
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, writeFileSync, readFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { REPO_ROOT, compileContract, formatErrors } from './contract.mjs';

const contract = compileContract();
const DEMO = resolve(REPO_ROOT, 'public', 'demo');
const NEEDED = [
  'profile.json', 'profiles/usgov.json', 'countryvalidationrules/US.json', 'resellers.json', 'offers.json',
  'agreements.json', 'domains-taken.json', 'relationshiprequest.json', 'address-corrections.json',
];

// ------------------------------------------------------------------ fallback demo data (temp dir only)
let fallbackDir = null;
function demoDir() {
  const missing = NEEDED.filter((f) => !existsSync(join(DEMO, f)));
  if (!missing.length) return DEMO;
  console.log(`public/demo is missing ${missing.join(', ')}: using a temporary fallback built from tests/fixtures`);
  fallbackDir = mkdtempSync(join(tmpdir(), 'stub-demo-'));
  const fx = (f) => JSON.parse(readFileSync(resolve(REPO_ROOT, 'tests', 'fixtures', f), 'utf8'));
  const put = (f, v) => {
    mkdirSync(join(fallbackDir, f, '..'), { recursive: true });
    writeFileSync(join(fallbackDir, f), JSON.stringify(v, null, 2));
  };
  put('profile.json', fx('profile.response.json'));
  put('profiles/usgov.json', { ...fx('profile.response.json'), cloud: 'usgov' });
  put('countryvalidationrules/US.json', fx('country-validation-rules.US.response.json'));
  put('resellers.json', fx('relationships.response.json'));
  put('offers.json', fx('offers.response.json'));
  put('agreements.json', fx('agreements.response.json'));
  put('domains-taken.json', { items: ['contoso', 'fabrikam'] });
  put('relationshiprequest.json', fx('relationship-request.response.json'));
  const av = fx('address-validation.response.json');
  put('address-corrections.json', {
    items: [{ match: { country: 'US', postalCode: av.originalAddress.postalCode }, status: 'StreetPartial', validationMessage: av.validationMessage, suggested: av.suggestedAddresses[0] }],
  });
  return fallbackDir;
}

// ------------------------------------------------------------------ test harness
const results = [];
let current = '';
function check(cond, msg, extra) {
  results.push({ ok: !!cond, msg: `${current}: ${msg}` });
  if (!cond) console.error(`  FAIL ${msg}${extra !== undefined ? `\n       ${typeof extra === 'string' ? extra : JSON.stringify(extra).slice(0, 800)}` : ''}`);
}
function eq(a, b, msg) { check(a === b, `${msg} (got ${JSON.stringify(a)}, want ${JSON.stringify(b)})`); }
async function section(name, fn) {
  current = name;
  console.log(`- ${name}`);
  try { await fn(); } catch (e) { check(false, `threw ${e.stack ?? e}`); }
}
function conforms(schemaName, value, msg) {
  const v = contract.schema(schemaName);
  const ok = v(value);
  check(ok, `${msg ?? 'answer'} is a ${schemaName}`, ok ? undefined : formatErrors(v.errors, '').slice(0, 8).join('\n       '));
}

// ------------------------------------------------------------------ server
let child;
let base;
const CORR = randomUUID();
async function start(dir) {
  child = spawn(process.execPath, [resolve(REPO_ROOT, 'tests', 'stub', 'server.mjs')], {
    env: { ...process.env, STUB_PORT: '0', STUB_DEMO_DIR: dir, STUB_VERBOSE: process.env.STUB_SELFTEST_VERBOSE ?? '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr.on('data', (d) => process.stderr.write(`[stub] ${d}`));
  base = await new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error('stub did not start in 10 s')), 10000);
    let buf = '';
    child.stdout.on('data', (d) => {
      buf += d;
      if (process.env.STUB_SELFTEST_VERBOSE) process.stdout.write(`[stub] ${d}`);
      const m = /stub listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(buf);
      if (m) { clearTimeout(timer); ok(m[1]); }
    });
    child.on('exit', (code) => fail(new Error(`stub exited early (${code})`)));
  });
}
async function stop() {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', (code, sig) => r({ code, sig })));
  child.kill('SIGTERM');
  const t = setTimeout(() => child.kill('SIGKILL'), 3000);
  const r = await exited;
  clearTimeout(t);
  return r;
}

async function api(method, path, { body, rid = randomUUID(), headers = {}, raw = false, timeoutMs = 10000, noIds = false } = {}) {
  const h = { Accept: 'application/json', 'X-Locale': 'tr-TR', Authorization: 'Bearer selftest-token', ...headers };
  if (!noIds) { h['MS-RequestId'] = rid; h['MS-CorrelationId'] = CORR; }
  if (body !== undefined) h['Content-Type'] = 'application/json';
  const res = await fetch(base + path, {
    method, headers: h, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await res.text();
  let json;
  if (!raw && text) { try { json = JSON.parse(text); } catch { json = undefined; } }
  return { status: res.status, headers: res.headers, text, json, rid };
}
const ctl = async (method, path, body) => api(method, `/__stub${path}`, { body, noIds: true });

// ------------------------------------------------------------------ the tests
async function run() {
  const dir = demoDir();
  await start(dir);
  console.log(`stub at ${base} (demo data: ${dir})`);
  const demoJson = (f) => JSON.parse(readFileSync(join(dir, f), 'utf8'));

  await section('CORS', async () => {
    const pre = await fetch(base + '/v1/customers', {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://localhost:8080',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'ms-requestid,ms-correlationid,content-type,x-locale,authorization,accept,x-portal-tenant',
      },
    });
    eq(pre.status, 204, 'preflight status');
    eq(pre.headers.get('access-control-allow-origin'), 'http://localhost:8080', 'preflight reflects Origin');
    eq(pre.headers.get('access-control-allow-credentials'), 'true', 'preflight allows credentials');
    const allow = (pre.headers.get('access-control-allow-headers') ?? '').toLowerCase();
    for (const n of ['ms-requestid', 'ms-correlationid', 'x-locale', 'authorization', 'content-type', 'accept', 'x-portal-tenant']) {
      check(allow.includes(n), `preflight allows header ${n}`);
    }
    check((pre.headers.get('access-control-allow-methods') ?? '').includes('POST'), 'preflight allows POST');
    const r = await api('GET', '/v1/profiles/me', { headers: { Origin: 'https://portal.example' } });
    eq(r.headers.get('access-control-allow-origin'), 'https://portal.example', 'GET reflects Origin');
    eq(r.headers.get('access-control-allow-credentials'), 'true', 'GET allows credentials');
    const expose = (r.headers.get('access-control-expose-headers') ?? '').toLowerCase();
    for (const n of ['ms-requestid', 'ms-correlationid', 'retry-after']) check(expose.includes(n), `exposes ${n}`);
    eq(r.headers.get('ms-requestid'), r.rid, 'echoes MS-RequestId');
    eq(r.headers.get('ms-correlationid'), CORR, 'echoes MS-CorrelationId');
  });

  await section('validation', async () => {
    let r = await api('GET', '/v1/profiles/me', { noIds: true });
    eq(r.status, 400, 'missing MS-RequestId/MS-CorrelationId -> 400');
    conforms('ErrorLegacy', r.json, 'error');
    eq(r.json?.source, 'stub', 'error source');
    check(r.json?.data?.some((d) => d.includes('MS-RequestId')), 'error data names MS-RequestId', r.json);
    r = await api('GET', '/v1/profiles/me', { headers: { 'MS-CorrelationId': CORR }, noIds: true });
    check(r.status === 400 && r.json.data.length === 1 && r.json.data[0].includes('MS-RequestId'), 'only MS-RequestId missing -> 400 naming it', r.json);
    r = await api('GET', '/v1/profiles/me', { rid: 'not-a-guid' });
    check(r.status === 400 && r.json.data.some((d) => d.includes('uuid')), 'MS-RequestId not a GUID -> 400', r.json);
    r = await api('POST', '/v1/customers', { body: '{"oops": ' });
    check(r.status === 400 && r.json.data.some((d) => d.includes('not valid JSON')), 'unparsable body -> 400', r.json);
    r = await api('POST', '/v1/customers', { body: { enableGDAPByDefault: true, companyProfile: { domain: 'x.onmicrosoft.com' } } });
    check(r.status === 400 && r.json.data.some((d) => d.includes('CompanyProfile')), 'camelCase create body -> 400 naming CompanyProfile', r.json);
    r = await api('POST', '/v1/customers');
    check(r.status === 400 && r.json.data.some((d) => d.includes('body is required')), 'missing body -> 400', r.json);
    r = await api('GET', '/v1/nope');
    eq(r.status, 404, 'unknown route -> 404');
    r = await api('DELETE', '/v1/customers');
    eq(r.status, 405, 'wrong method -> 405');
  });

  await section('GET /v1/profiles/me + /__stub/profile', async () => {
    let r = await api('GET', '/v1/profiles/me');
    eq(r.status, 200, 'status');
    conforms('Profile', r.json);
    check(JSON.stringify(r.json) === JSON.stringify(demoJson('profile.json')), 'answers public/demo/profile.json');
    const p = { roles: ['BillingAdmin'], partnerType: 'direct', cloud: 'public', partnerEmailDomain: 'selftest.example' };
    eq((await ctl('POST', '/profile', p)).status, 200, 'set override');
    r = await api('GET', '/v1/profiles/me');
    eq(r.json?.partnerEmailDomain, 'selftest.example', 'override answered');
    eq((await ctl('POST', '/profile', { roles: 'x' })).status, 400, 'invalid override rejected');
    r = await ctl('POST', '/profile?preset=usgov');
    eq(r.status, 200, 'preset usgov');
    eq((await api('GET', '/v1/profiles/me')).json?.cloud, 'usgov', 'preset answered');
    eq((await ctl('POST', '/profile?preset=nope')).status, 500, 'unknown preset -> 500 naming the missing file');
    await ctl('DELETE', '/profile');
    check(JSON.stringify((await api('GET', '/v1/profiles/me')).json) === JSON.stringify(demoJson('profile.json')), 'DELETE restores default');
  });

  await section('GET /v1/countryvalidationrules/{iso2}', async () => {
    let r = await api('GET', '/v1/countryvalidationrules/US');
    eq(r.status, 200, 'US status');
    conforms('CountryValidationRules', r.json, 'US');
    r = await api('GET', '/v1/countryvalidationrules/XQ');
    eq(r.status, 404, 'unknown country -> 404');
    conforms('Error', r.json, '404 body');
    r = await api('GET', '/v1/countryvalidationrules/UKR');
    eq(r.status, 400, 'three letters -> 400');
    r = await api('GET', '/v1/countryvalidationrules/us');
    eq(r.status, 400, 'lower case -> 400');
  });

  const taken = demoJson('domains-taken.json').items[0];
  await section('HEAD /v1/domains/{domain}', async () => {
    let r = await api('HEAD', `/v1/domains/${taken}.onmicrosoft.com`);
    eq(r.status, 200, `${taken} is taken -> 200`);
    eq(r.text, '', 'no body');
    r = await api('HEAD', `/v1/domains/free${Date.now()}.onmicrosoft.com`);
    eq(r.status, 404, 'free -> 404');
    r = await api('HEAD', `/v1/domains/${taken.toUpperCase()}.onmicrosoft.com`);
    eq(r.status, 200, 'case-insensitive');
    r = await api('HEAD', '/v1/domains/bad_domain!.onmicrosoft.com');
    eq(r.status, 400, 'malformed domain -> 400');
  });

  await section('POST /v1/validations/address', async () => {
    const corr = demoJson('address-corrections.json').items;
    const partial = corr.find((c) => (c.status ?? 'StreetPartial') === 'StreetPartial');
    const addr = { addressLine1: '1 Some Street', city: partial.suggested.city ?? 'City', state: partial.suggested.state ?? '', postalCode: partial.match.postalCode, country: partial.match.country };
    let r = await api('POST', '/v1/validations/address', { body: addr });
    eq(r.status, 200, 'status');
    conforms('AddressValidationResponse', r.json);
    eq(r.json?.status, 'StreetPartial', 'correction -> StreetPartial');
    check(JSON.stringify(r.json?.suggestedAddresses?.[0]) === JSON.stringify(partial.suggested), 'suggestion from address-corrections.json');
    check(JSON.stringify(r.json?.originalAddress) === JSON.stringify(addr), 'originalAddress echoed');
    r = await api('POST', '/v1/validations/address', { body: { addressLine1: '500 Main St', city: 'Springfield', state: 'IL', postalCode: '62701', country: 'US' } });
    eq(r.json?.status, 'VerifiedShippable', 'no correction -> VerifiedShippable');
    eq(r.json?.suggestedAddresses?.length, 0, 'no suggestions');
    conforms('AddressValidationResponse', r.json);
    r = await api('POST', '/v1/validations/address', { body: { addressLine1: '500 Main St', city: 'Springfield', state: 'IL', postalCode: 'ABCDE', country: 'US' } });
    eq(r.json?.status, 'None', 'breaks country rules -> None');
    r = await api('POST', '/v1/validations/address', { body: { city: 'Springfield', state: 'IL', postalCode: '62701', country: 'US' } });
    check(r.status === 400 && r.json.data.some((d) => d.includes('addressLine1')), 'missing addressLine1 -> 400', r.json);
    r = await api('POST', '/v1/validations/address', { body: { addressLine1: '1 High St', city: 'London', state: '', postalCode: 'SW1A 1AA', country: 'UK' } });
    eq(r.status, 400, 'country UK -> 400');
  });

  let resellers = [];
  await section('GET /v1/relationships', async () => {
    let r = await api('GET', '/v1/relationships?relationship_type=IsIndirectCloudSolutionProviderOf');
    eq(r.status, 200, 'status');
    conforms('ResellerCollection', r.json);
    resellers = r.json?.items ?? [];
    check(resellers.length > 0, 'has resellers');
    r = await api('GET', '/v1/relationships');
    eq(r.status, 400, 'missing relationship_type -> 400');
    r = await api('GET', '/v1/relationships?relationship_type=IsIndirectResellerOf');
    eq(r.status, 400, 'wrong relationship_type -> 400');
  });

  let offers = [];
  await section('GET /v1/offers (paging)', async () => {
    const all = demoJson('offers.json');
    const allItems = Array.isArray(all) ? all : all.items;
    let r = await api('GET', '/v1/offers?country=US&offset=0&size=5');
    eq(r.status, 200, 'status');
    conforms('OfferCollection', r.json, 'page 1');
    eq(r.json?.totalCount, allItems.length, 'totalCount counts all');
    eq(r.json?.items?.length, Math.min(5, allItems.length), 'page size');
    const r2 = await api('GET', '/v1/offers?country=US&offset=5&size=5');
    eq(r2.json?.items?.[0]?.id, allItems[5]?.id, 'offset 5 starts at item 5');
    r = await api('GET', '/v1/offers?country=US');
    eq(r.json?.items?.length, Math.min(200, allItems.length), 'default page size 200');
    const pages = [];
    for (let off = 0; off < allItems.length; off += 100) pages.push(...(await api('GET', `/v1/offers?country=US&offset=${off}&size=100`)).json.items);
    eq(pages.length, allItems.length, 'all pages together give every offer');
    conforms('OfferCollection', { totalCount: pages.length, items: pages }, 'every demo offer');
    offers = pages;
    r = await api('GET', `/v1/offers?country=US&offset=${allItems.length + 10}&size=5`);
    eq(r.json?.items?.length, 0, 'offset past the end -> empty page');
    r = await api('GET', '/v1/offers?offset=0&size=5');
    eq(r.status, 400, 'missing country -> 400');
    // Offer texts in the X-Locale language (Turkish where the demo data has offers.tr.json).
    const en = await api('GET', '/v1/offers?country=US&offset=0&size=1', { headers: { 'X-Locale': 'en-US' } });
    eq(en.json?.items?.[0]?.description, allItems[0]?.description, 'X-Locale en-US -> English texts');
    const trFile = join(demoDir(), 'offers.tr.json');
    if (existsSync(trFile)) {
      const trItems = JSON.parse(readFileSync(trFile, 'utf8')).items;
      const tr = await api('GET', '/v1/offers?country=US&offset=0&size=1', { headers: { 'X-Locale': 'tr-TR' } });
      eq(tr.json?.items?.[0]?.category?.name, trItems[0].category.name, 'X-Locale tr-TR -> Turkish category');
      check(tr.json?.items?.[0]?.description !== allItems[0]?.description, 'X-Locale tr-TR -> Turkish description');
      eq(tr.json?.items?.[0]?.id, allItems[0]?.id, 'the same offers in either language');
    }
    r = await api('GET', '/v1/offers?country=US&size=abc');
    eq(r.status, 400, 'size not a number -> 400');
    r = await api('GET', '/v1/offers?country=US&offset=-1');
    eq(r.status, 400, 'negative offset -> 400');
  });

  await section('GET /v1/customers/relationshiprequests', async () => {
    const r = await api('GET', '/v1/customers/relationshiprequests');
    eq(r.status, 200, 'status');
    conforms('CustomerRelationshipRequest', r.json);
  });

  let template;
  await section('GET /v1/agreements', async () => {
    let r = await api('GET', '/v1/agreements?agreementType=MicrosoftCustomerAgreement');
    eq(r.status, 200, 'status');
    conforms('AgreementMetaDataCollection', r.json);
    template = r.json?.items?.[0]?.templateId;
    r = await api('GET', '/v1/agreements?agreementType=Other');
    eq(r.status, 400, 'other agreementType -> 400');
  });

  const prefix = `selftest${Date.now().toString(36)}`;
  const reseller = resellers[0];
  const customerBody = (p = prefix) => ({
    enableGDAPByDefault: true,
    CompanyProfile: { Domain: `${p}.onmicrosoft.com` },
    BillingProfile: {
      Email: 'tania.carr@contoso-ltd.example', Culture: 'en-US', Language: 'en', CompanyName: 'Selftest Ltd',
      DefaultAddress: { FirstName: 'Tania', LastName: 'Carr', AddressLine1: '1 Microsoft Way', City: 'Redmond', State: 'WA', PostalCode: '98052', Country: 'US', PhoneNumber: '425-555-0101' },
    },
    ...(reseller ? { AssociatedPartnerId: reseller.id } : {}),
  });
  let customer;
  await section('POST /v1/customers (+ idempotency)', async () => {
    const rid = randomUUID();
    let r = await api('POST', '/v1/customers', { body: customerBody(), rid });
    eq(r.status, 201, 'created');
    conforms('Customer', r.json);
    customer = r.json;
    eq(customer?.userCredentials?.userName, 'admin', 'userName admin');
    const pw = customer?.userCredentials?.password ?? '';
    check(pw.length >= 12 && /[A-Z]/.test(pw) && /[a-z]/.test(pw) && /\d/.test(pw) && /[^A-Za-z0-9]/.test(pw), 'strong password');
    eq(customer?.companyProfile?.domain, `${prefix}.onmicrosoft.com`, 'domain echoed');
    eq(customer?.associatedPartnerId, reseller?.id ?? null, 'associatedPartnerId echoed');
    const again = await api('POST', '/v1/customers', { body: customerBody(), rid });
    eq(again.status, 201, 'same MS-RequestId -> same status');
    eq(again.text, r.text, 'same MS-RequestId -> same body (same password)');
    let st = (await ctl('GET', '/state')).json;
    eq(st.customers.length, 1, 'one customer in state after the repeat');
    r = await api('POST', '/v1/customers', { body: customerBody() });
    eq(r.status, 409, 'same domain, new request id -> 409');
    eq(r.json?.code, 27100, 'code 27100');
    conforms('Error', r.json, '409 body');
    r = await api('HEAD', `/v1/domains/${prefix}.onmicrosoft.com`);
    eq(r.status, 200, 'created domain now taken');
    r = await api('POST', '/v1/customers', { body: customerBody(taken) });
    eq(r.json?.code, 27100, 'domain from domains-taken.json -> 27100');
    const b = customerBody(`${prefix}b`); b.BillingProfile.DefaultAddress.State = 'XX';
    const ridB = randomUUID();
    r = await api('POST', '/v1/customers', { body: b, rid: ridB });
    check(r.status === 400 && r.json.code === 27002 && r.json.data.includes('property_name:  StateInvalid - Details'), "bad state -> 27002 in Partner Center's format", r.json);
    // A business failure is a final answer: the same id replays it; the same id with the
    // corrected body is refused (a changed request needs a new MS-RequestId).
    const refused = r.text;
    r = await api('POST', '/v1/customers', { body: b, rid: ridB });
    check(r.status === 400 && r.text === refused, 'same MS-RequestId after a business failure -> the same refusal', r.json);
    b.BillingProfile.DefaultAddress.State = 'WA';
    r = await api('POST', '/v1/customers', { body: b, rid: ridB });
    check(r.status === 409 && r.json.description.includes('MS-RequestId'), 'same MS-RequestId, different body -> 409', r.json);
    r = await api('POST', '/v1/customers', { body: customerBody(`${prefix}z`), rid });
    eq(r.status, 409, 'a success\'s MS-RequestId with a different body -> 409');
    eq((await ctl('GET', '/state')).json.customers.length, 1, 'nothing created by the reused ids');
    const c = customerBody(`${prefix}c`); c.BillingProfile.DefaultAddress.Country = 'TR'; c.BillingProfile.DefaultAddress.State = 'İstanbul'; c.BillingProfile.DefaultAddress.PostalCode = '34394';
    r = await api('POST', '/v1/customers', { body: c });
    check(r.status === 400 && r.json.code === 600049, 'TR without registration number -> 600049', r.json);
    if (reseller) {
      const d = customerBody(`${prefix}d`); d.AssociatedPartnerId = randomUUID();
      r = await api('POST', '/v1/customers', { body: d });
      check(r.status === 400 && r.json.data.includes('AssociatedPartnerId'), 'unknown AssociatedPartnerId -> 400', r.json);
    }
    const e = customerBody(`${prefix}e`); e.BillingProfile.DefaultAddress.Region = 'West';
    r = await api('POST', '/v1/customers', { body: e });
    eq(r.status, 400, 'Region on a US address -> 400');
    st = (await ctl('GET', '/state')).json;
    eq(st.customers.length, 1, 'failed creates created nothing');
  });

  await section('POST /v1/customers/{id}/agreements (+ idempotency)', async () => {
    const body = {
      primaryContact: { firstName: 'Tania', lastName: 'Carr', email: 'tania.carr@contoso-ltd.example', phoneNumber: '4255550101' },
      dateAgreed: new Date().toISOString().slice(0, 10), templateId: template, type: 'MicrosoftCustomerAgreement',
    };
    const rid = randomUUID();
    let r = await api('POST', `/v1/customers/${customer.id}/agreements`, { body, rid });
    eq(r.status, 201, 'attested');
    conforms('Agreement', r.json);
    const again = await api('POST', `/v1/customers/${customer.id}/agreements`, { body, rid });
    check(again.status === 201 && again.text === r.text, 'same MS-RequestId -> same stored answer');
    r = await api('POST', `/v1/customers/${customer.id}/agreements`, { body });
    check([400, 409].includes(r.status) && r.json.code === 600061, 'second attestation -> 600061', r.json);
    eq((await ctl('GET', '/state')).json.agreements.length, 1, 'one agreement in state');
    r = await api('POST', `/v1/customers/${randomUUID()}/agreements`, { body });
    eq(r.status, 404, 'unknown customer -> 404');
    r = await api('POST', `/v1/customers/not-a-guid/agreements`, { body });
    eq(r.status, 400, 'customer id not a GUID -> 400');
    r = await api('POST', `/v1/customers/${customer.id}/agreements`, { body: { ...body, type: 'Other' } });
    eq(r.status, 400, 'wrong type -> 400');
  });

  await section('POST /v1/customers/{id}/orders (+ idempotency)', async () => {
    const base = offers.find((o) => !o.isAddOn && o.isAvailableForPurchase && o.maximumQuantity >= o.minimumQuantity);
    check(!!base, 'demo data has a purchasable base offer');
    const line = { lineItemNumber: 0, offerId: base.id, quantity: Math.max(1, base.minimumQuantity), friendlyName: 'Selftest', ...(base.termDurations?.length ? { termDuration: base.termDurations[0] } : {}), ...(reseller ? { partnerIdOnRecord: reseller.mpnId } : {}) };
    const cycle = base.supportedBillingCycles?.[0] ?? 'monthly';
    const body = { referenceCustomerId: customer.id, billingCycle: cycle, lineItems: [line] };
    const rid = randomUUID();
    let r = await api('POST', `/v1/customers/${customer.id}/orders`, { body, rid });
    eq(r.status, 201, 'ordered');
    conforms('Order', r.json);
    check(['completed', 'pending'].includes(r.json?.status), 'status completed/pending');
    check(r.json?.lineItems?.[0]?.resourceIds?.length > 0 && r.json.lineItems[0].offerId === base.id, 'line echoed with resourceIds');
    const again = await api('POST', `/v1/customers/${customer.id}/orders`, { body, rid });
    check(again.status === 201 && again.json?.id === r.json?.id, 'same MS-RequestId -> same order id');
    eq((await ctl('GET', '/state')).json.orders.length, 1, 'one order in state');
    r = await api('POST', `/v1/customers/${customer.id}/orders`, { body: { ...body, lineItems: [{ ...line, offerId: 'NOPE0000:0001' }] } });
    check(r.status === 400 && r.json.code === 800070, 'unknown offer -> 800070', r.json);
    r = await api('POST', `/v1/customers/${customer.id}/orders`, { body: { ...body, lineItems: [{ ...line, lineItemNumber: 3, quantity: base.maximumQuantity + 1 }] } });
    check(r.status === 400 && r.json.code === 900275, 'quantity above maximum -> 900275', r.json);
    check(r.json?.data?.some((d) => d.includes('lineItemNumber: 3')) && r.json.data.some((d) => d.includes(base.id)), '900275 data names lineItemNumber and offerId', r.json);
    if (base.minimumQuantity > 1) {
      r = await api('POST', `/v1/customers/${customer.id}/orders`, { body: { ...body, lineItems: [{ ...line, quantity: base.minimumQuantity - 1 }] } });
      eq(r.json?.code, 900275, 'quantity below minimum -> 900275');
    }
    const unavailable = offers.find((o) => o.isAvailableForPurchase === false);
    if (unavailable) {
      r = await api('POST', `/v1/customers/${customer.id}/orders`, { body: { ...body, lineItems: [{ ...line, offerId: unavailable.id }] } });
      eq(r.json?.code, 800070, 'offer not available for purchase -> 800070');
    }
    const addOn = offers.find((o) => o.isAddOn && o.isAvailableForPurchase && o.prerequisiteOffers?.length && !o.prerequisiteOffers.includes(base.id));
    if (addOn && !offers.some((o) => addOn.prerequisiteOffers.includes(o.id) && o.id === base.id)) {
      r = await api('POST', `/v1/customers/${customer.id}/orders`, { body: { ...body, lineItems: [{ lineItemNumber: 0, offerId: addOn.id, quantity: Math.max(1, addOn.minimumQuantity) }] } });
      eq(r.status, 400, 'add-on without its prerequisite -> 400');
    }
    if (reseller) {
      r = await api('POST', `/v1/customers/${customer.id}/orders`, { body: { ...body, lineItems: [{ ...line, partnerIdOnRecord: reseller.id }] } });
      eq(r.status, 400, 'reseller GUID as partnerIdOnRecord -> 400');
    }
    r = await api('POST', `/v1/customers/${customer.id}/orders`, { body: { ...body, referenceCustomerId: randomUUID() } });
    eq(r.status, 400, 'referenceCustomerId != path id -> 400');
    r = await api('POST', `/v1/customers/${customer.id}/orders`, { body: { ...body, lineItems: [{ ...line, quantity: '2' }] } });
    eq(r.status, 400, 'quantity as string -> 400');
    eq((await ctl('GET', '/state')).json.orders.length, 1, 'failed orders created nothing');
  });

  await section('faults', async () => {
    await ctl('POST', '/reset');
    let r = await ctl('POST', '/faults', { faults: [{ kind: 'explode', path: '/v1/customers' }] });
    eq(r.status, 400, 'unknown fault kind rejected');

    // latency
    await ctl('POST', '/faults', { faults: [{ method: 'GET', path: '/v1/profiles/me', kind: 'latency', ms: 400 }] });
    let t0 = Date.now();
    r = await api('GET', '/v1/profiles/me');
    check(r.status === 200 && Date.now() - t0 >= 380, `latency delays then answers (${Date.now() - t0} ms)`);
    t0 = Date.now();
    await api('GET', '/v1/profiles/me');
    check(Date.now() - t0 < 380, 'latency applied once (times default 1)');

    // timeout: the server holds the request and does nothing
    await ctl('POST', '/faults', { faults: [{ method: 'POST', path: '/v1/customers', kind: 'timeout' }] });
    const ridT = randomUUID();
    let threw = false;
    try { await api('POST', '/v1/customers', { body: customerBody(`${prefix}t`), rid: ridT, timeoutMs: 600 }); } catch { threw = true; }
    check(threw, 'timeout: client gives up');
    eq((await ctl('GET', '/state')).json.customers.length, 0, 'timeout: nothing created');
    r = await api('POST', '/v1/customers', { body: customerBody(`${prefix}t`), rid: ridT });
    eq(r.status, 201, 'timeout: retry with the same MS-RequestId creates it');
    eq((await ctl('GET', '/state')).json.customers.length, 1, 'timeout: exactly one customer');

    // drop-after: the work is done, the answer is lost; the retry gets the stored answer
    await ctl('POST', '/faults', { faults: [{ method: 'POST', path: '/v1/customers', kind: 'drop-after' }] });
    const ridD = randomUUID();
    threw = false;
    try { await api('POST', '/v1/customers', { body: customerBody(`${prefix}d`), rid: ridD }); } catch { threw = true; }
    check(threw, 'drop-after: connection lost');
    let st = (await ctl('GET', '/state')).json;
    eq(st.customers.length, 2, 'drop-after: the customer was created');
    r = await api('POST', '/v1/customers', { body: customerBody(`${prefix}d`), rid: ridD });
    eq(r.status, 201, 'drop-after: retry with same MS-RequestId -> 201 (not 409)');
    eq(r.json?.id, st.customers[1].id, 'drop-after: retry answers the customer created before');
    eq((await ctl('GET', '/state')).json.customers.length, 2, 'drop-after: no second customer');
    const cust = r.json;

    // drop-after on orders, prefix path
    const base = offers.find((o) => !o.isAddOn && o.isAvailableForPurchase);
    await ctl('POST', '/faults', { faults: [{ method: 'POST', path: '/v1/customers/*', kind: 'drop-after' }] });
    const orderBody = { referenceCustomerId: cust.id, billingCycle: 'monthly', lineItems: [{ lineItemNumber: 0, offerId: base.id, quantity: Math.max(1, base.minimumQuantity) }] };
    const ridO = randomUUID();
    threw = false;
    try { await api('POST', `/v1/customers/${cust.id}/orders`, { body: orderBody, rid: ridO }); } catch { threw = true; }
    check(threw, 'drop-after (prefix path): connection lost on the order');
    r = await api('POST', `/v1/customers/${cust.id}/orders`, { body: orderBody, rid: ridO });
    check(r.status === 201 && (await ctl('GET', '/state')).json.orders.length === 1, 'order retried after drop: one order');

    // status
    await ctl('POST', '/faults', { faults: [{ path: '/v1/offers', kind: 'status', status: 503 }] });
    r = await api('GET', '/v1/offers?country=US');
    eq(r.status, 503, 'status fault -> 503');
    conforms('Error', r.json, '503 body');
    eq((await api('GET', '/v1/offers?country=US&size=1')).status, 200, 'status fault applied once');

    // rate-limit
    await ctl('POST', '/faults', { faults: [{ method: 'GET', path: '/v1/agreements', kind: 'rate-limit', retryAfter: 2 }] });
    r = await api('GET', '/v1/agreements?agreementType=MicrosoftCustomerAgreement', { headers: { Origin: 'http://localhost:8080' } });
    eq(r.status, 429, 'rate-limit -> 429');
    eq(r.headers.get('retry-after'), '2', 'Retry-After header');
    conforms('ErrorNew', r.json, '429 body');

    // business
    await ctl('POST', '/faults', { faults: [{ method: 'POST', path: '/v1/customers', kind: 'business', code: 27002, description: "Address field invalid for property: 'State'", data: ['StateInvalid'] }] });
    const before = (await ctl('GET', '/state')).json.customers.length;
    r = await api('POST', '/v1/customers', { body: customerBody(`${prefix}x`) });
    const ridX = r.rid;
    check(r.status === 400 && r.json.code === 27002 && r.json.data[0] === 'StateInvalid', 'business fault answered', r.json);
    eq((await ctl('GET', '/state')).json.customers.length, before, 'business fault: nothing created');
    r = await api('POST', '/v1/customers', { body: customerBody(`${prefix}x`), rid: ridX });
    check(r.status === 400 && r.json.code === 27002, 'business fault: recorded for its MS-RequestId (replayed)', r.json);
    r = await api('POST', '/v1/customers', { body: customerBody(`${prefix}y`), rid: ridX });
    eq(r.status, 409, 'business fault: its MS-RequestId with another body -> 409');
    await ctl('POST', '/faults', { faults: [{ method: 'POST', path: '/v1/customers/*', kind: 'business', status: 409, code: 600061, description: 'Already attested', message: 'Already attested', errorName: 'AgreementExists', isRetryable: false }] });
    r = await api('POST', `/v1/customers/${cust.id}/agreements`, { body: { primaryContact: { firstName: 'A', lastName: 'B', email: 'a@b.example' }, dateAgreed: '2026-01-01', templateId: 't', type: 'MicrosoftCustomerAgreement' } });
    check(r.status === 409 && r.json.code === 600061, 'business fault with status 409', r.json);
    conforms('ErrorNew', r.json, 'business body with newer fields');

    // malformed
    await ctl('POST', '/faults', { faults: [{ method: 'GET', path: '/v1/customers/relationshiprequests', kind: 'malformed' }] });
    r = await api('GET', '/v1/customers/relationshiprequests', { raw: true });
    check(r.status === 200 && r.text === '{not json' && (r.headers.get('content-type') ?? '').includes('application/json'), 'malformed -> 200 "{not json"');

    // times
    await ctl('POST', '/faults', { faults: [{ method: 'GET', path: '/v1/countryvalidationrules/*', kind: 'status', status: 500, times: 2 }] });
    const s = [];
    for (let i = 0; i < 3; i++) s.push((await api('GET', '/v1/countryvalidationrules/US')).status);
    eq(s.join(','), '500,500,200', 'times: 2 applies to two requests');

    // HEAD fault
    await ctl('POST', '/faults', { faults: [{ method: 'HEAD', path: '/v1/domains/*', kind: 'status', status: 500 }] });
    eq((await api('HEAD', `/v1/domains/${taken}.onmicrosoft.com`)).status, 500, 'HEAD status fault');

    r = await ctl('GET', '/faults');
    check(r.json?.faults?.length >= 10 && r.json.faults.every((f) => f.remaining === 0), 'GET /__stub/faults lists them, all used up', r.json?.faults?.map((f) => [f.kind, f.remaining]));
  });

  await section('request log', async () => {
    const r = await ctl('GET', '/log');
    eq(r.status, 200, 'status');
    const items = r.json?.items ?? [];
    check(items.length > 10, 'log has entries');
    const e = items.find((x) => x.method === 'POST' && x.path === '/v1/customers' && x.created === 'customer');
    check(!!e, 'a create is logged with created: "customer"');
    check(e && e.headers['MS-RequestId'] && e.headers['MS-CorrelationId'] === CORR && e.headers['X-Locale'] === 'tr-TR' && e.headers.Authorization === 'Bearer selftest-token', 'headers recorded', e?.headers);
    check(e && e.body?.CompanyProfile?.Domain, 'parsed body recorded');
    check(e && e.status === 201 && typeof e.time === 'string', 'status and time recorded');
    check(items.some((x) => x.replayed && x.created === null && x.status === 201), 'replayed answer logged without side effect');
    check(items.some((x) => x.fault === 'timeout' && x.status === null), 'timeout logged with no status');
    check(items.some((x) => x.fault === 'drop-after' && x.dropped && x.created), 'drop-after logged as dropped with its side effect');
    const created = items.filter((x) => x.created === 'customer').length;
    eq(created, (await ctl('GET', '/state')).json.customers.length, 'one created:customer entry per customer');
    const f = await ctl('GET', '/log?method=HEAD');
    check(f.json.items.length >= 1 && f.json.items.every((x) => x.method === 'HEAD'), 'log filter by method');
  });

  await section('reset', async () => {
    await ctl('POST', '/faults', { faults: [{ path: '/v1/profiles/me', kind: 'status', status: 500 }] });
    await ctl('POST', '/profile', { roles: [], partnerType: 'direct', cloud: 'public', partnerEmailDomain: 'x.example' });
    eq((await ctl('POST', '/reset')).status, 200, 'reset');
    const st = (await ctl('GET', '/state')).json;
    check(st.customers.length === 0 && st.agreements.length === 0 && st.orders.length === 0, 'state cleared');
    eq((await ctl('GET', '/log')).json.items.length, 0, 'log cleared');
    eq((await ctl('GET', '/faults')).json.faults.length, 0, 'faults cleared');
    const r = await api('GET', '/v1/profiles/me');
    check(r.status === 200 && JSON.stringify(r.json) === JSON.stringify(demoJson('profile.json')), 'profile override cleared');
    eq((await ctl('GET', '/nope')).status, 404, 'unknown control route -> 404');
  });

  await section('graceful shutdown', async () => {
    // a held request must not keep the server alive
    await ctl('POST', '/faults', { faults: [{ path: '/v1/profiles/me', kind: 'timeout' }] });
    const pending = api('GET', '/v1/profiles/me', { timeoutMs: 5000 }).catch(() => 'aborted');
    await new Promise((r) => setTimeout(r, 150));
    const t0 = Date.now();
    const ex = await stop();
    check(ex && (ex.code === 0 || ex.sig === 'SIGTERM') && Date.now() - t0 < 2500, `SIGTERM exits promptly (${JSON.stringify(ex)}, ${Date.now() - t0} ms)`);
    await pending;
  });
}

let fatal = null;
const hardStop = () => { try { child?.kill('SIGKILL'); } catch {} };
process.on('exit', hardStop);
try {
  await run();
} catch (e) {
  fatal = e;
  console.error(`FATAL ${e.stack ?? e}`);
} finally {
  await stop().catch(() => {});
  if (fallbackDir) rmSync(fallbackDir, { recursive: true, force: true });
}
const failed = results.filter((r) => !r.ok);
console.log(`\nselftest: ${results.length - failed.length}/${results.length} checks passed${failed.length ? `, ${failed.length} FAILED:` : ''}`);
for (const f of failed) console.log(`  x ${f.msg}`);
process.exit(failed.length || fatal ? 1 : 0);
