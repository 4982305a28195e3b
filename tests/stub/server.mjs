#!/usr/bin/env node
// Stub Partner Center REST server for customer-wizard: the contract in docs/openapi.yaml over
// real HTTP, with CORS, request validation, idempotency on MS-RequestId, a request log, a
// control API under /__stub and fault injection. Node built-ins + yaml + ajv + ajv-formats.
//
//   STUB_PORT=8787 node tests/stub/server.mjs       (STUB_PORT=0 picks a free port)
//
// See tests/stub/README.md.
import http from 'node:http';
import { randomUUID, randomInt } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve, relative } from 'node:path';
import { REPO_ROOT, compileContract, formatErrors } from './contract.mjs';

const PORT = Number(process.env.STUB_PORT ?? 8787);
const HOST = process.env.STUB_HOST ?? '127.0.0.1';
const DEMO_DIR = resolve(process.env.STUB_DEMO_DIR ?? resolve(REPO_ROOT, 'public', 'demo'));
const VERBOSE = !!process.env.STUB_VERBOSE;
// STUB_IDEMPOTENCY=off: POSTs are not deduplicated by MS-RequestId (the server's journal tests
// use it to show that the server alone repeats nothing).
const IDEMPOTENT = process.env.STUB_IDEMPOTENCY !== 'off';
const MAX_BODY = 1024 * 1024;

const contract = compileContract();

// Registration-number countries (domain.md); the phone is required there too.
const REG_COUNTRIES = new Set(
  'AM AZ BY HU KZ KG MD RU TJ UZ UA IN BR ZA PL AE SA TR TH VN MM IQ SS VE'.split(' '),
);
const SIDE_EFFECT_OPS = { createCustomer: 'customer', createCustomerAgreement: 'agreement', createOrder: 'order' };
const FAULT_KINDS = ['latency', 'timeout', 'drop-after', 'status', 'rate-limit', 'business', 'malformed'];
const ALLOWED_HEADERS = ['ms-requestid', 'ms-correlationid', 'x-locale', 'authorization', 'content-type', 'accept'];
const EXPOSED_HEADERS = 'MS-RequestId, MS-CorrelationId, Retry-After';

// ------------------------------------------------------------------ state
let state;
let log;
let faults;
let profileOverride;
let idempotency; // key -> {status, body, headers, request}: request is the body it answered
let inflight; // key -> Promise
let seq = 0;
let faultSeq = 0;
const held = new Set(); // responses held open by "timeout" faults
function reset() {
  state = { customers: [], agreements: [], orders: [] };
  log = [];
  faults = [];
  profileOverride = null;
  idempotency = new Map();
  inflight = new Map();
  for (const res of held) res.socket?.destroy();
  held.clear();
}
reset();

// ------------------------------------------------------------------ helpers
class HttpError extends Error {
  constructor(status, body, headers = {}) {
    super(body?.description ?? `HTTP ${status}`);
    this.status = status;
    this.body = body;
    this.headers = headers;
  }
}
const err = (code, description, data = [], extra = {}) => ({ code, description, data, source: 'stub', ...extra });

async function demo(rel, { optional = false } = {}) {
  const file = resolve(DEMO_DIR, rel);
  if (!file.startsWith(DEMO_DIR)) throw new HttpError(400, err(400, 'bad path'));
  try {
    return JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    if (e.code === 'ENOENT') {
      if (optional) return undefined;
      throw new HttpError(500, err(500, `stub: demo data file missing: ${relative(REPO_ROOT, file)}`, [relative(REPO_ROOT, file)]));
    }
    throw new HttpError(500, err(500, `stub: cannot read ${relative(REPO_ROOT, file)}: ${e.message}`));
  }
}
const asCollection = (x) => (Array.isArray(x) ? { totalCount: x.length, items: x } : { ...x, items: x?.items ?? [], totalCount: x?.totalCount ?? x?.items?.length ?? 0 });

function strongPassword() {
  const sets = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnopqrstuvwxyz', '23456789', '!#$%&*+-=?@'];
  const all = sets.join('');
  const chars = sets.map((s) => s[randomInt(s.length)]);
  while (chars.length < 16) chars.push(all[randomInt(all.length)]);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}
function safeRegex(src) {
  if (!src) return null;
  try { return new RegExp(src); } catch { return null; }
}
const lc = (s) => String(s ?? '').toLowerCase();
const hdr = (req, name) => {
  const v = req.headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ------------------------------------------------------------------ handlers (one per operationId)
// Each gets ctx = {pathParams, query, body, req, entry} and returns {status, body?, headers?, created?}.
const handlers = {
  async getMyProfile() {
    return { status: 200, body: profileOverride ?? (await demo('profile.json')) };
  },

  async getCountryValidationRules({ pathParams }) {
    const iso2 = pathParams.iso2.toUpperCase();
    const rules = await demo(`countryvalidationrules/${iso2}.json`, { optional: true });
    if (!rules) throw new HttpError(404, err(404, `No country validation rules for '${iso2}'.`, [iso2]));
    return { status: 200, body: rules };
  },

  async checkDomainAvailability({ pathParams }) {
    const taken = await isDomainTaken(pathParams.domain);
    return { status: taken ? 200 : 404 };
  },

  async validateAddress({ body }) {
    // Rule (as stated in public/demo/address-corrections.json): the first item whose
    // match.country and match.postalCode equal the request's (exact, after trimming) answers its
    // suggestion; otherwise "VerifiedShippable" with no suggestions, or "None" when the address
    // breaks the country's rules.
    const [corr, rules] = await Promise.all([
      demo('address-corrections.json', { optional: true }),
      demo(`countryvalidationrules/${body.country}.json`, { optional: true }),
    ]);
    const t = (s) => String(s ?? '').trim();
    const hit = (corr?.items ?? []).find(
      (c) => t(c?.match?.country) === t(body.country) && t(c?.match?.postalCode) === t(body.postalCode),
    );
    if (hit) {
      const out = { originalAddress: body, suggestedAddresses: [hit.suggested], status: hit.status ?? 'StreetPartial' };
      if (hit.validationMessage) out.validationMessage = hit.validationMessage;
      return { status: 200, body: out };
    }
    const broken = rules ? addressProblems(rules, {
      state: body.state, city: body.city, postalCode: body.postalCode,
    }) : [];
    if (broken.length) {
      return { status: 200, body: { originalAddress: body, suggestedAddresses: [], status: 'None', validationMessage: `Address field invalid for property: ${broken.map((b) => `'${b}'`).join(', ')}` } };
    }
    return { status: 200, body: { originalAddress: body, suggestedAddresses: [], status: 'VerifiedShippable' } };
  },

  async listIndirectResellers() {
    return { status: 200, body: asCollection(await demo('resellers.json')) };
  },

  async listOffers({ query, req }) {
    // Partner Center answers offer texts in the X-Locale language: Turkish from
    // offers.tr.json where the demo data has it, English otherwise.
    const turkish = /^tr\b/i.test(hdr(req, 'x-locale') ?? '');
    const localized = turkish ? await demo('offers.tr.json', { optional: true }) : undefined;
    const all = asCollection(localized ?? (await demo('offers.json'))).items;
    const offset = Number(query.offset ?? 0);
    const size = Number(query.size ?? 200);
    const items = all.slice(offset, offset + size);
    const body = { totalCount: all.length, items, attributes: { objectType: 'Collection' } };
    if (offset + size < all.length) {
      body.links = {
        next: {
          uri: `/v1/offers?country=${query.country}&offset=${offset + size}&size=${size}`,
          method: 'GET',
          headers: [],
        },
      };
    }
    return { status: 200, body };
  },

  async getRelationshipRequest() {
    return { status: 200, body: await demo('relationshiprequest.json') };
  },

  async listAgreementTemplates() {
    return { status: 200, body: asCollection(await demo('agreements.json')) };
  },

  async createCustomer({ body, entry }) {
    const addr = body.BillingProfile.DefaultAddress;
    const country = addr.Country;
    const [rules, resellers, takenList] = await Promise.all([
      demo(`countryvalidationrules/${country}.json`, { optional: true }),
      demo('resellers.json', { optional: true }),
      demo('domains-taken.json', { optional: true }),
    ]);
    // ---- from here on synchronous: no interleaving between the check and the create
    const domain = lc(body.CompanyProfile.Domain);
    if (domainTakenSync(domain, takenList)) {
      throw new HttpError(409, err(27100, 'Domain not available', [body.CompanyProfile.Domain]));
    }
    if (REG_COUNTRIES.has(country)) {
      if (!body.CompanyProfile.OrganizationRegistrationNumber) {
        throw new HttpError(400, err(600049, `Organization registration number is required for ${country}.`, ['OrganizationRegistrationNumber']));
      }
      if (!addr.PhoneNumber) {
        throw new HttpError(400, err(600051, `Phone number is required for ${country}.`, ['PhoneNumber']));
      }
    } else if (body.CompanyProfile.OrganizationRegistrationNumber) {
      entry.warnings.push(`OrganizationRegistrationNumber sent for ${country}, which does not require it`);
    }
    if (rules) {
      const broken = addressProblems(rules, { state: addr.State, city: addr.City, postalCode: addr.PostalCode, phoneNumber: addr.PhoneNumber });
      if (broken.length) {
        // As Partner Center writes it: one `property_name:  <Name>Invalid - Details` per property.
        throw new HttpError(400, err(27002, 'A property has invalid data.', broken.map((b) => `property_name:  ${b}Invalid - Details`), { source: 'PartnerFD' }));
      }
    } else {
      entry.warnings.push(`no demo country rules for ${country}; address rules not checked`);
    }
    if (body.AssociatedPartnerId && resellers) {
      const ids = asCollection(resellers).items.map((r) => lc(r.id));
      if (!ids.includes(lc(body.AssociatedPartnerId))) {
        throw new HttpError(400, err(27002, 'AssociatedPartnerId is not the id of one of your indirect resellers.', ['AssociatedPartnerId']));
      }
    }
    const id = randomUUID();
    const bp = body.BillingProfile;
    const customer = {
      id,
      commerceId: randomUUID(),
      companyProfile: {
        tenantId: id,
        domain: body.CompanyProfile.Domain,
        companyName: bp.CompanyName,
        ...(body.CompanyProfile.OrganizationRegistrationNumber
          ? { organizationRegistrationNumber: body.CompanyProfile.OrganizationRegistrationNumber }
          : {}),
        attributes: { objectType: 'CustomerCompanyProfile' },
      },
      billingProfile: {
        id: randomUUID(),
        firstName: addr.FirstName,
        lastName: addr.LastName,
        email: bp.Email,
        culture: bp.Culture,
        language: bp.Language,
        companyName: bp.CompanyName,
        defaultAddress: Object.fromEntries(
          Object.entries(addr).map(([k, v]) => [k[0].toLowerCase() + k.slice(1), v]),
        ),
        attributes: { objectType: 'CustomerBillingProfile' },
      },
      relationshipToPartner: 'reseller',
      allowDelegatedAccess: body.enableGDAPByDefault,
      userCredentials: { userName: 'admin', password: strongPassword(), attributes: { objectType: 'UserCredentials' } },
      associatedPartnerId: body.AssociatedPartnerId ?? null,
      attributes: { objectType: 'Customer' },
    };
    state.customers.push({ ...structuredClone(customer), request: body, requestId: entry.headers['MS-RequestId'], createdAt: new Date().toISOString() });
    return { status: 201, body: customer, created: 'customer' };
  },

  async createCustomerAgreement({ pathParams, body, entry }) {
    const customer = findCustomer(pathParams.id);
    if (state.agreements.some((a) => lc(a.customerId) === lc(customer.id))) {
      throw new HttpError(409, err(600061, 'The customer agreement has already been attested for this customer.', [customer.id]));
    }
    const agreed = Date.parse(body.dateAgreed);
    if (!Number.isNaN(agreed) && agreed > Date.now() + 24 * 3600 * 1000) entry.warnings.push('dateAgreed is in the future');
    const agreement = {
      primaryContact: body.primaryContact,
      dateAgreed: body.dateAgreed,
      templateId: body.templateId,
      type: body.type,
      agreementLink: body.agreementLink ?? 'https://aka.ms/customeragreement',
      customerId: customer.id,
      userId: randomUUID(),
      attributes: { objectType: 'Agreement' },
    };
    state.agreements.push({ ...structuredClone(agreement), requestId: entry.headers['MS-RequestId'], createdAt: new Date().toISOString() });
    return { status: 201, body: agreement, created: 'agreement' };
  },

  async createOrder({ pathParams, body, entry }) {
    const [offersRaw, resellers] = await Promise.all([demo('offers.json'), demo('resellers.json', { optional: true })]);
    const customer = findCustomer(pathParams.id);
    if (lc(body.referenceCustomerId) !== lc(customer.id)) {
      throw new HttpError(400, err(400, 'referenceCustomerId must equal the customer id in the path.', ['referenceCustomerId']));
    }
    const offers = asCollection(offersRaw).items;
    const mpnIds = resellers ? asCollection(resellers).items.map((r) => String(r.mpnId)) : null;
    const earlier = state.orders.filter((o) => lc(o.referenceCustomerId) === lc(customer.id)).flatMap((o) => o.lineItems.map((l) => lc(l.offerId)));
    const inThis = body.lineItems.map((l) => lc(l.offerId));
    const groups = new Set();
    for (const line of body.lineItems) {
      const where = [`lineItemNumber: ${line.lineItemNumber}`, `offerId: ${line.offerId}`];
      const offer = offers.find((o) => lc(o.id) === lc(line.offerId));
      if (!offer) throw new HttpError(400, err(800070, `Offer ${line.offerId} was not found.`, where));
      if (offer.isAvailableForPurchase === false) throw new HttpError(400, err(800070, `Offer ${line.offerId} is not available for purchase.`, where));
      const min = offer.minimumQuantity ?? 1;
      const max = offer.maximumQuantity ?? Number.MAX_SAFE_INTEGER;
      if (line.quantity < min || line.quantity > max) {
        throw new HttpError(400, err(900275, `The quantity ${line.quantity} is not within the allowed range ${min}-${max} for the offer.`,
          [...where, `minimumQuantity: ${min}`, `maximumQuantity: ${max}`]));
      }
      if (offer.isAddOn && (offer.prerequisiteOffers ?? []).length) {
        const pre = offer.prerequisiteOffers.map(lc);
        if (!pre.some((p) => inThis.includes(p) || earlier.includes(p))) {
          throw new HttpError(400, err(400, `Add-on ${line.offerId} needs one of its prerequisite offers in the same order.`, where));
        }
      }
      if (line.partnerIdOnRecord && mpnIds && !mpnIds.includes(line.partnerIdOnRecord)) {
        throw new HttpError(400, err(400, 'partnerIdOnRecord is not the mpnId of one of your indirect resellers.', [...where, 'partnerIdOnRecord']));
      }
      const cycles = (offer.supportedBillingCycles ?? []).map(lc);
      if (cycles.length && !cycles.includes(lc(body.billingCycle))) entry.warnings.push(`line ${line.lineItemNumber}: billingCycle ${body.billingCycle} not in offer's supportedBillingCycles`);
      if (line.termDuration && offer.termDurations && !offer.termDurations.includes(line.termDuration)) entry.warnings.push(`line ${line.lineItemNumber}: termDuration ${line.termDuration} not in offer's termDurations`);
      groups.add(offer.salesGroupId ?? '');
    }
    if (groups.size > 1) {
      throw new HttpError(400, err(400, 'Offers of different sales groups must be ordered separately.', [...groups].map((g) => `salesGroupId: ${g}`)));
    }
    const id = randomUUID().toUpperCase();
    const order = {
      id,
      referenceCustomerId: customer.id,
      billingCycle: body.billingCycle,
      lineItems: body.lineItems.map((l) => {
        const sub = randomUUID().toUpperCase();
        return {
          ...l,
          subscriptionId: sub,
          resourceIds: [sub],
          links: { subscription: { uri: `/customers/${customer.id}/subscriptions/${sub}`, method: 'GET', headers: [] } },
        };
      }),
      status: process.env.STUB_ORDER_STATUS === 'pending' ? 'pending' : 'completed',
      creationDate: new Date().toISOString(),
      currencyCode: 'USD',
      links: { self: { uri: `/customers/${customer.id}/orders/${id}`, method: 'GET', headers: [] } },
      attributes: { objectType: 'Order' },
    };
    state.orders.push({ ...structuredClone(order), requestId: entry.headers['MS-RequestId'] });
    return { status: 201, body: order, created: 'order' };
  },
};

/** Property names (State, City, PostalCode, PhoneNumber) that break the country's rules. */
function addressProblems(rules, a) {
  const out = [];
  const states = rules.supportedStatesList ?? [];
  if ((rules.isStateRequired && !a.state) || (a.state && states.length && !states.some((s) => lc(s) === lc(a.state)))) out.push('State');
  if (rules.isCityRequired && !a.city) out.push('City');
  const pc = safeRegex(rules.postalCodeRegex);
  if ((rules.isPostalCodeRequired && !a.postalCode) || (a.postalCode && pc && !pc.test(a.postalCode))) out.push('PostalCode');
  const ph = safeRegex(rules.phoneNumberRegex);
  if (a.phoneNumber && ph && !ph.test(a.phoneNumber)) out.push('PhoneNumber');
  return out;
}

function findCustomer(id) {
  const c = state.customers.find((x) => lc(x.id) === lc(id));
  if (!c) throw new HttpError(404, err(404, `Customer ${id} was not found.`, [id]));
  return c;
}
function domainTakenSync(domain, takenList) {
  const d = lc(domain);
  const prefix = d.split('.')[0];
  const items = (takenList?.items ?? (Array.isArray(takenList) ? takenList : [])).map(lc);
  if (items.some((t) => (t.includes('.') ? t === d : t === prefix))) return true;
  return state.customers.some((c) => lc(c.companyProfile.domain).split('.')[0] === prefix);
}
async function isDomainTaken(domain) {
  return domainTakenSync(domain, await demo('domains-taken.json', { optional: true }));
}

// ------------------------------------------------------------------ HTTP plumbing
function corsHeaders(req) {
  const h = { Vary: 'Origin' };
  const origin = hdr(req, 'origin');
  if (origin) {
    h['Access-Control-Allow-Origin'] = origin;
    h['Access-Control-Allow-Credentials'] = 'true';
    h['Access-Control-Expose-Headers'] = EXPOSED_HEADERS;
  }
  return h;
}
function send(req, res, status, body, headers = {}) {
  if (res.headersSent || res.destroyed) return;
  const h = { ...corsHeaders(req), 'Cache-Control': 'no-store', ...headers };
  const rid = hdr(req, 'ms-requestid');
  const cid = hdr(req, 'ms-correlationid');
  if (rid) h['MS-RequestId'] = rid;
  if (cid) h['MS-CorrelationId'] = cid;
  let payload = '';
  if (body !== undefined && body !== null) {
    payload = typeof body === 'string' ? body : JSON.stringify(body);
    h['Content-Type'] ??= 'application/json; charset=utf-8';
  }
  h['Content-Length'] = Buffer.byteLength(payload);
  res.writeHead(status, h);
  res.end(req.method === 'HEAD' ? undefined : payload);
}
function readBody(req) {
  return new Promise((resolveBody, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (c) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new HttpError(413, err(413, 'Request body too large')));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
function preflight(req, res) {
  const h = corsHeaders(req);
  const asked = (hdr(req, 'access-control-request-headers') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const allowed = asked.filter((n) => ALLOWED_HEADERS.includes(n.toLowerCase()) || n.toLowerCase().startsWith('x-'));
  h['Access-Control-Allow-Headers'] = [...new Set(['MS-RequestId', 'MS-CorrelationId', 'X-Locale', 'Authorization', 'Content-Type', 'Accept', ...allowed])].join(', ');
  h['Access-Control-Allow-Methods'] = 'GET, HEAD, POST, DELETE, OPTIONS';
  h['Access-Control-Max-Age'] = '600';
  if (hdr(req, 'access-control-request-private-network') === 'true') h['Access-Control-Allow-Private-Network'] = 'true';
  res.writeHead(204, { ...h, 'Content-Length': 0 });
  res.end();
}

function sideEffect(req, url) {
  const m = contract.match(req.method, url.pathname);
  return !!(m && !m.methodMismatch && SIDE_EFFECT_OPS[m.op.operationId]);
}

function matchFault(method, path) {
  return faults.filter(
    (f) =>
      f.remaining !== 0 &&
      (!f.method || f.method === method) &&
      (f.path.endsWith('*') ? path.startsWith(f.path.slice(0, -1)) : f.path === path),
  );
}
function consume(f) {
  f.hits++;
  if (f.remaining > 0) f.remaining--;
}

async function handleApi(req, res, url, rawBody) {
  const started = Date.now();
  const query = Object.fromEntries(url.searchParams);
  let body;
  let bodyParseError;
  if (rawBody) {
    try { body = JSON.parse(rawBody); } catch (e) { bodyParseError = e.message; }
  }
  const entry = {
    seq: ++seq,
    time: new Date().toISOString(),
    method: req.method,
    path: url.pathname,
    query,
    headers: {
      'MS-RequestId': hdr(req, 'ms-requestid') ?? null,
      'MS-CorrelationId': hdr(req, 'ms-correlationid') ?? null,
      'X-Locale': hdr(req, 'x-locale') ?? null,
      Authorization: hdr(req, 'authorization') ?? null,
    },
    body: bodyParseError ? rawBody : body ?? null,
    status: null,
    created: null,
    replayed: false,
    fault: null,
    dropped: false,
    warnings: [],
    durationMs: null,
  };
  log.push(entry);
  const finish = (status) => {
    entry.status = status;
    entry.durationMs = Date.now() - started;
    if (VERBOSE) console.log(`${entry.method} ${entry.path} -> ${status ?? '(no answer)'}${entry.fault ? ` [${entry.fault}]` : ''}${entry.created ? ` +${entry.created}` : ''}${entry.replayed ? ' (replay)' : ''}`);
  };
  const reply = (status, b, headers) => { finish(status); send(req, res, status, b, headers); };

  // ---- faults
  let dropAfter = false;
  for (const f of matchFault(req.method, url.pathname)) {
    if (f.remaining === 0) continue;
    consume(f);
    entry.fault = entry.fault ? `${entry.fault}+${f.kind}` : f.kind;
    if (f.kind === 'latency') { await sleep(f.ms ?? 1000); continue; }
    if (f.kind === 'drop-after') { dropAfter = true; break; }
    if (f.kind === 'timeout') {
      finish(null);
      held.add(res);
      res.on('close', () => held.delete(res));
      return;
    }
    if (f.kind === 'status') {
      const st = f.status ?? 500;
      return reply(st, err(f.code ?? st, f.description ?? `Injected fault: HTTP ${st}`, f.data ?? []), f.retryAfter !== undefined ? { 'Retry-After': String(f.retryAfter) } : {});
    }
    if (f.kind === 'rate-limit') {
      const ra = f.retryAfter ?? 1;
      const d = `Rate limit is exceeded. Try again in ${ra} seconds.`;
      return reply(429, err(429, d, [], { message: d, errorName: 'TooManyRequests', isRetryable: true }), { 'Retry-After': String(ra) });
    }
    if (f.kind === 'business') {
      const extra = {};
      for (const k of ['message', 'errorName', 'isRetryable', 'source']) if (f[k] !== undefined) extra[k] = f[k];
      const answer = { status: f.status ?? 400, body: err(f.code ?? 400, f.description ?? `Injected business error ${f.code}`, f.data ?? [], extra) };
      // A business failure is a final answer: an idempotent server replays it for the same id.
      if (req.method === 'POST' && sideEffect(req, url)) {
        const key = idempotencyKey(req, url);
        const recorded = replay(key, rawBody, entry);
        if (recorded) return reply(recorded.status, recorded.body, recorded.headers);
        remember(key, rawBody, answer);
      }
      return reply(answer.status, answer.body);
    }
    if (f.kind === 'malformed') {
      return reply(200, '{not json', { 'Content-Type': 'application/json; charset=utf-8' });
    }
  }

  // ---- the work
  let result;
  try {
    result = await processRequest(req, url, query, body, rawBody, bodyParseError, entry);
  } catch (e) {
    result = e instanceof HttpError ? { status: e.status, body: e.body, headers: e.headers } : { status: 500, body: err(500, `stub error: ${e.message}`) };
    if (!(e instanceof HttpError)) console.error(e);
  }
  if (req.method === 'HEAD') result.body = undefined;
  if (dropAfter) {
    entry.dropped = true;
    finish(result.status);
    req.socket.destroy();
    return;
  }
  reply(result.status, result.body, result.headers);
}

async function processRequest(req, url, query, body, rawBody, bodyParseError, entry) {
  const m = contract.match(req.method, url.pathname);
  if (!m) throw new HttpError(404, err(404, `No route ${req.method} ${url.pathname} in docs/openapi.yaml.`, [url.pathname]));
  if (m.methodMismatch) throw new HttpError(405, err(405, `Method ${req.method} not allowed on ${url.pathname}.`, [req.method]));
  const { op, pathParams } = m;
  const q = { ...query };
  const errors = op.validate({ pathParams, query: q, headers: req.headers, body, rawBody, bodyParseError });
  if (errors.length) {
    throw new HttpError(400, err(400, 'The request does not conform to the contract (docs/openapi.yaml).', errors));
  }
  const created = SIDE_EFFECT_OPS[op.operationId];
  if (!created) return handlers[op.operationId]({ pathParams, query: q, body, req, entry });
  if (!IDEMPOTENT) {
    const result = await handlers[op.operationId]({ pathParams, query: q, body, req, entry });
    entry.created = result.created ?? null;
    return result;
  }

  // Idempotent POST: the same MS-RequestId on the same route answers the stored response
  // (a success or a business failure); with another body it is refused.
  const key = idempotencyKey(req, url);
  if (inflight.has(key)) await inflight.get(key).catch(() => {});
  const recorded = replay(key, rawBody, entry);
  if (recorded) return recorded;
  let done;
  inflight.set(key, new Promise((r) => { done = r; }));
  try {
    let result;
    try {
      result = await handlers[op.operationId]({ pathParams, query: q, body, req, entry });
    } catch (e) {
      if (e instanceof HttpError) remember(key, rawBody, { status: e.status, body: e.body, headers: e.headers });
      throw e;
    }
    remember(key, rawBody, result);
    entry.created = result.created ?? null;
    return result;
  } finally {
    inflight.delete(key);
    done();
  }
}

const idempotencyKey = (req, url) => `${req.method} ${lc(url.pathname)} ${lc(hdr(req, 'ms-requestid'))}`;
const canonical = (raw) => { try { return JSON.stringify(JSON.parse(raw)); } catch { return raw ?? ''; } };

/** Records a final answer (2xx, or a 4xx business failure other than 429) for its request id. */
function remember(key, rawBody, result) {
  const s = result.status;
  if ((s >= 200 && s < 300) || (s >= 400 && s < 500 && s !== 429)) {
    idempotency.set(key, structuredClone({ status: s, body: result.body, headers: result.headers, request: canonical(rawBody) }));
  }
}

/** The recorded answer for a reused request id; a reuse with another body is refused (409). */
function replay(key, rawBody, entry) {
  const rec = idempotency.get(key);
  if (!rec) return null;
  entry.replayed = true;
  if (rec.request !== canonical(rawBody)) {
    entry.warnings.push('MS-RequestId reused with a different body');
    return { status: 409, body: err(409, 'This MS-RequestId was already used for a different request. A changed request needs a new MS-RequestId.', [entry.headers['MS-RequestId'] ?? '']) };
  }
  const { request: _, ...answer } = structuredClone(rec);
  return answer;
}

// ------------------------------------------------------------------ control API (/__stub)
async function handleControl(req, res, url, rawBody) {
  const route = `${req.method} ${url.pathname.replace(/\/+$/, '')}`;
  let body = null;
  if (rawBody) {
    try { body = JSON.parse(rawBody); } catch (e) { return send(req, res, 400, err(400, `body is not valid JSON: ${e.message}`)); }
  }
  const q = Object.fromEntries(url.searchParams);
  switch (route) {
    case 'GET /__stub/health':
      return send(req, res, 200, { ok: true, demoDir: relative(REPO_ROOT, DEMO_DIR) || '.' });
    case 'POST /__stub/reset':
      reset();
      return send(req, res, 200, { ok: true });
    case 'GET /__stub/log': {
      let items = log;
      if (q.method) items = items.filter((e) => e.method === q.method.toUpperCase());
      if (q.path) items = items.filter((e) => (q.path.endsWith('*') ? e.path.startsWith(q.path.slice(0, -1)) : e.path === q.path));
      if (q.since) items = items.filter((e) => e.seq > Number(q.since));
      return send(req, res, 200, { totalCount: items.length, items });
    }
    case 'GET /__stub/state':
      return send(req, res, 200, state);
    case 'GET /__stub/profile':
      return send(req, res, 200, { override: profileOverride });
    case 'POST /__stub/profile': {
      if (q.preset) {
        if (!/^[A-Za-z0-9_-]+$/.test(q.preset)) return send(req, res, 400, err(400, 'bad preset name'));
        try { profileOverride = await demo(`profiles/${q.preset}.json`); } catch (e) { return send(req, res, e.status ?? 500, e.body); }
        return send(req, res, 200, { ok: true, profile: profileOverride });
      }
      if (body === null || (typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length === 0)) {
        profileOverride = null;
        return send(req, res, 200, { ok: true, profile: null });
      }
      const v = contract.schema('Profile');
      if (!q.unchecked && !v(body)) return send(req, res, 400, err(400, 'Not a Profile (docs/openapi.yaml); add ?unchecked=1 to force.', formatErrors(v.errors, 'body')));
      profileOverride = body;
      return send(req, res, 200, { ok: true, profile: profileOverride });
    }
    case 'DELETE /__stub/profile':
      profileOverride = null;
      return send(req, res, 200, { ok: true, profile: null });
    case 'GET /__stub/faults':
      return send(req, res, 200, { faults });
    case 'DELETE /__stub/faults':
      faults = [];
      return send(req, res, 200, { faults });
    case 'POST /__stub/faults': {
      const list = Array.isArray(body) ? body : body?.faults ?? (body?.kind ? [body] : null);
      if (!Array.isArray(list)) return send(req, res, 400, err(400, 'Expected {"faults": [...]}'));
      const problems = [];
      const added = [];
      list.forEach((f, i) => {
        if (!f || typeof f !== 'object') return problems.push(`faults[${i}] is not an object`);
        if (!FAULT_KINDS.includes(f.kind)) problems.push(`faults[${i}].kind must be one of ${FAULT_KINDS.join(', ')}`);
        if (typeof f.path !== 'string' || !f.path.startsWith('/')) problems.push(`faults[${i}].path must be a path starting with '/' (a trailing '*' makes it a prefix)`);
        if (f.times !== undefined && !(Number.isInteger(f.times) && (f.times > 0 || f.times === -1))) problems.push(`faults[${i}].times must be a positive integer or -1 (always)`);
        if (f.kind === 'business' && !Number.isInteger(f.code)) problems.push(`faults[${i}].code (integer) is required for kind "business"`);
        if (f.kind === 'status' && f.status !== undefined && !(Number.isInteger(f.status) && f.status >= 100 && f.status <= 599)) problems.push(`faults[${i}].status must be an HTTP status`);
        if (f.kind === 'latency' && f.ms !== undefined && !(Number.isFinite(f.ms) && f.ms >= 0)) problems.push(`faults[${i}].ms must be a number >= 0`);
        added.push({ ...f, id: ++faultSeq, method: f.method ? String(f.method).toUpperCase() : null, times: f.times ?? 1, remaining: f.times ?? 1, hits: 0 });
      });
      if (problems.length) return send(req, res, 400, err(400, 'Invalid faults', problems));
      faults.push(...added);
      return send(req, res, 200, { faults });
    }
    default:
      return send(req, res, 404, err(404, `No control route ${route}`, [
        'POST /__stub/reset', 'GET /__stub/log', 'GET /__stub/state', 'POST|GET|DELETE /__stub/profile',
        'POST|GET|DELETE /__stub/faults', 'GET /__stub/health',
      ]));
  }
}

// ------------------------------------------------------------------ server
const server = http.createServer(async (req, res) => {
  let url;
  try {
    url = new URL(req.url, 'http://stub.local');
  } catch {
    return send(req, res, 400, err(400, 'bad URL'));
  }
  if (req.method === 'OPTIONS') return preflight(req, res);
  let rawBody;
  try {
    rawBody = await readBody(req);
  } catch (e) {
    return send(req, res, e.status ?? 400, e.body ?? err(400, e.message));
  }
  try {
    if (url.pathname === '/__stub' || url.pathname.startsWith('/__stub/')) return await handleControl(req, res, url, rawBody);
    return await handleApi(req, res, url, rawBody);
  } catch (e) {
    console.error(e);
    send(req, res, 500, err(500, `stub error: ${e.message}`));
  }
});
server.keepAliveTimeout = 5000;

server.listen(PORT, HOST, () => {
  const { port } = server.address();
  console.log(`stub listening on http://${HOST}:${port}`);
  if (VERBOSE) console.log(`demo data from ${DEMO_DIR}`);
});

let closing = false;
function shutdown(sig) {
  if (closing) return;
  closing = true;
  if (VERBOSE) console.log(`stub: ${sig}, shutting down`);
  for (const res of held) res.socket?.destroy();
  held.clear();
  server.close(() => process.exit(0));
  server.closeIdleConnections?.();
  setTimeout(() => { server.closeAllConnections?.(); process.exit(0); }, 1500).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
