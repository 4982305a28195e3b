#!/usr/bin/env node
// Validates every tests/fixtures/*.json against its schema in docs/openapi.yaml (ajv, JSON
// Schema 2020-12), checks a few cross-fixture facts, and checks that the schemas reject known
// mistakes. Exits non-zero on any failure.   Run: node tests/stub/check-fixtures.mjs
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { REPO_ROOT, compileContract, formatErrors } from './contract.mjs';

const FIXTURES = resolve(REPO_ROOT, 'tests', 'fixtures');

// file name pattern -> schema names (components.schemas) it must satisfy
const MAP = [
  [/^profile\.response\.json$/, ['Profile']],
  [/^country-validation-rules\.[A-Z]{2}\.response\.json$/, ['CountryValidationRules']],
  [/^address-validation\.request\.json$/, ['AddressValidationRequest']],
  [/^address-validation\.response\.json$/, ['AddressValidationResponse']],
  [/^relationships\.response\.json$/, ['ResellerCollection']],
  [/^offers\.response\.json$/, ['OfferCollection']],
  [/^relationship-request\.response\.json$/, ['CustomerRelationshipRequest']],
  [/^agreements\.response\.json$/, ['AgreementMetaDataCollection']],
  [/^create-customer(\.[A-Z]{2})?\.request\.json$/, ['CreateCustomerRequest']],
  [/^create-customer\.response\.json$/, ['Customer']],
  [/^agreement\.request\.json$/, ['AgreementRequest']],
  [/^agreement\.response\.json$/, ['Agreement']],
  [/^order\.request\.json$/, ['OrderRequest']],
  [/^order\.response\.json$/, ['Order']],
  [/^error\.legacy\.json$/, ['ErrorLegacy', 'Error']],
  [/^error\.new\.json$/, ['ErrorNew', 'Error']],
  [/^error\..+\.json$/, ['Error']],
];

const contract = compileContract();
let failures = 0;
let passes = 0;
const fail = (msg) => { failures++; console.error(`FAIL ${msg}`); };
const ok = (msg) => { passes++; console.log(`ok   ${msg}`); };

const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.json')).sort();
const data = {};
for (const f of files) {
  let json;
  try {
    json = JSON.parse(readFileSync(resolve(FIXTURES, f), 'utf8'));
  } catch (e) {
    fail(`${f}: not JSON (${e.message})`);
    continue;
  }
  data[f] = json;
  const hit = MAP.find(([re]) => re.test(f));
  if (!hit) { fail(`${f}: no schema mapped (add it to MAP in check-fixtures.mjs)`); continue; }
  for (const name of hit[1]) {
    const v = contract.schema(name);
    if (v(json)) ok(`${f} is a ${name}`);
    else fail(`${f} is not a ${name}:\n       ${formatErrors(v.errors, '').join('\n       ')}`);
  }
}

// The fixtures every call relies on must exist.
for (const need of [
  'profile.response.json', 'country-validation-rules.US.response.json', 'address-validation.request.json',
  'address-validation.response.json', 'relationships.response.json', 'offers.response.json',
  'relationship-request.response.json', 'agreements.response.json', 'create-customer.request.json',
  'create-customer.response.json', 'agreement.request.json', 'agreement.response.json', 'order.request.json',
  'order.response.json', 'error.legacy.json', 'error.new.json',
]) {
  if (!data[need]) fail(`missing fixture ${need}`);
}

// Cross-fixture facts the app relies on.
function check(cond, msg) { cond ? ok(msg) : fail(msg); }
const resellers = data['relationships.response.json']?.items ?? [];
const offers = data['offers.response.json']?.items ?? [];
const cc = data['create-customer.request.json'];
const cust = data['create-customer.response.json'];
const order = data['order.request.json'];
const agr = data['agreement.request.json'];
const tmpl = data['agreements.response.json']?.items ?? [];
if (cc && cust && order && agr) {
  check(resellers.some((r) => r.id === cc.AssociatedPartnerId), 'AssociatedPartnerId is a reseller id (GUID), not an mpnId');
  check(order.lineItems.every((l) => !l.partnerIdOnRecord || resellers.some((r) => r.mpnId === l.partnerIdOnRecord)),
    'partnerIdOnRecord is a reseller mpnId');
  check(cust.companyProfile.domain.toLowerCase() === cc.CompanyProfile.Domain.toLowerCase(), 'create-customer response echoes the domain');
  check(order.referenceCustomerId === cust.id, 'order.referenceCustomerId is the created customer id');
  check(tmpl.some((t) => t.templateId === agr.templateId), 'agreement templateId comes from GET /v1/agreements');
  for (const l of order.lineItems) {
    const o = offers.find((x) => x.id.toLowerCase() === l.offerId.toLowerCase());
    check(!!o && l.quantity >= o.minimumQuantity && l.quantity <= o.maximumQuantity,
      `order line ${l.lineItemNumber}: offer exists and quantity within min/max`);
    if (o?.isAddOn) {
      check(o.prerequisiteOffers.some((p) => order.lineItems.some((x) => x.offerId.toLowerCase() === p.toLowerCase())),
        `order line ${l.lineItemNumber}: add-on has a prerequisite in the same order`);
    }
  }
  const groups = new Set(order.lineItems.map((l) => offers.find((o) => o.id.toLowerCase() === l.offerId.toLowerCase())?.salesGroupId));
  check(groups.size === 1, 'order lines share one salesGroupId');
  const av = data['address-validation.response.json'];
  check(av?.status === 'StreetPartial' && av.suggestedAddresses.length > 0, 'address-validation response has status StreetPartial with suggestions');
}

// The schemas must reject the classic mistakes.
const clone = (x) => JSON.parse(JSON.stringify(x));
const negatives = [];
if (cc) {
  let b = clone(cc); b.BillingProfile.DefaultAddress.Country = 'UK';
  negatives.push(['CreateCustomerRequest', b, 'Country "UK" (must be GB)']);
  b = clone(cc); b.BillingProfile.DefaultAddress.Region = 'West';
  negatives.push(['CreateCustomerRequest', b, 'Region on a US address']);
  b = clone(cc); b.companyProfile = b.CompanyProfile; delete b.CompanyProfile;
  negatives.push(['CreateCustomerRequest', b, 'camelCase companyProfile instead of CompanyProfile']);
  b = clone(cc); b.AssociatedPartnerId = '4847383';
  negatives.push(['CreateCustomerRequest', b, 'mpnId as AssociatedPartnerId']);
  b = clone(cc); b.CompanyProfile.Domain = 'contoso-ltd.onmicrosoft.com';
  negatives.push(['CreateCustomerRequest', b, 'domain prefix with a hyphen']);
  b = clone(cc); b.CompanyProfile.Domain = 'a'.repeat(28) + '.onmicrosoft.com';
  negatives.push(['CreateCustomerRequest', b, 'domain prefix of 28 characters']);
  b = clone(cc); delete b.enableGDAPByDefault;
  negatives.push(['CreateCustomerRequest', b, 'missing enableGDAPByDefault']);
}
if (order) {
  let b = clone(order); b.lineItems[0].partnerIdOnRecord = 'a1ec9335-e5a8-4b0f-95ae-5d0d1a2e4e8b';
  negatives.push(['OrderRequest', b, 'reseller GUID as partnerIdOnRecord']);
  b = clone(order); b.lineItems[0].quantity = '25';
  negatives.push(['OrderRequest', b, 'quantity as a string']);
  b = clone(order); b.lineItems = [];
  negatives.push(['OrderRequest', b, 'no line items']);
}
if (agr) {
  const b = clone(agr); b.type = 'MicrosoftCloudAgreement';
  negatives.push(['AgreementRequest', b, 'wrong agreement type']);
}
negatives.push(['Error', { code: '27002', description: 'x' }, 'error code as a string']);
negatives.push(['ErrorNew', { code: 1, description: 'x', data: [], source: 's' }, 'newer error without message/errorName/isRetryable']);
for (const [name, value, what] of negatives) {
  const v = contract.schema(name);
  check(!v(value), `${name} rejects ${what}`);
}

console.log(`\n${passes} passed, ${failures} failed (${files.length} fixtures)`);
process.exit(failures ? 1 : 0);
