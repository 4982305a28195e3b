#!/usr/bin/env node
// Checks the static demo backend data under public/demo/. Exits non-zero on any failure.
//
//   node tools/check-demo-data.mjs                    check everything
//   node tools/check-demo-data.mjs --offers PATH      also check another offer catalog (e.g. the 10k bench file)
//   node tools/check-demo-data.mjs --dir PATH         check a copy of the demo directory instead
//
// Every regex in the country rules is compiled with Node's RegExp (with and without the "u" flag,
// as a browser would) and run against realistic sample postal codes and phone numbers below.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dirIdx = process.argv.indexOf('--dir');
const DEMO = dirIdx > 0 ? resolve(process.argv[dirIdx + 1]) : join(ROOT, 'public', 'demo');
const errors = [];
const fail = (where, msg) => errors.push(`${where}: ${msg}`);
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const isStr = (v) => typeof v === 'string';
const isStrArr = (v) => Array.isArray(v) && v.every(isStr);

// ---------------------------------------------------------------- every JSON file parses
const json = new Map(); // relative path -> parsed value
(function walk(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (name.endsWith('.json')) {
      const rel = relative(DEMO, p).split('\\').join('/');
      const text = readFileSync(p, 'utf8');
      if (text.charCodeAt(0) === 0xfeff) fail(rel, 'has a BOM');
      try {
        json.set(rel, JSON.parse(text));
      } catch (e) {
        fail(rel, `invalid JSON: ${e.message}`);
      }
    }
  }
})(DEMO);
function need(rel) {
  if (!json.has(rel)) {
    fail(rel, 'missing');
    return undefined;
  }
  return json.get(rel);
}
function exactKeys(where, obj, required, optional = []) {
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return fail(where, 'not an object');
  for (const k of required) if (!(k in obj)) fail(where, `missing property ${k}`);
  for (const k of Object.keys(obj)) if (!required.includes(k) && !optional.includes(k)) fail(where, `unexpected property ${k}`);
}
function compile(where, src) {
  try {
    new RegExp(src, 'u');
    return new RegExp(src);
  } catch (e) {
    fail(where, `regex does not compile: ${e.message}`);
    return null;
  }
}

// ---------------------------------------------------------------- country rules
// [postal samples that must match, phone samples that must match]
const SAMPLES = {
  AE: [[], ['+971 4 123 4567', '04 123 4567', '+971 50 123 4567', '050 123 4567']],
  AM: [['0010', '0025'], ['+374 10 123456', '010 123456', '+374 91 123456']],
  AR: [['C1002AAB', '1002'], ['+54 11 1234 5678', '011 1234-5678', '+54 9 11 1234 5678']],
  AT: [['1010', '8010'], ['+43 1 234567', '01 234567', '0664 1234567', '+43 (0)1 5879000']],
  AU: [['2000', '0800'], ['+61 2 9876 5432', '(02) 9876 5432', '0412 345 678']],
  AZ: [['AZ1000', 'AZ 1000', '1000'], ['+994 12 123 45 67', '012 123 45 67', '+994 50 123 45 67']],
  BE: [['1000', '9000'], ['+32 2 123 45 67', '02 123 45 67', '0470 12 34 56']],
  BR: [['01310-100', '20040020'], ['+55 11 91234-5678', '(11) 3456-7890', '11 3456 7890']],
  BY: [['220030'], ['+375 17 123-45-67', '8 017 123-45-67', '+375 29 123-45-67']],
  CA: [['M5V 3L9', 'h3b2y5'], ['+1 416 555 0199', '(514) 555-0123', '416-555-0199']],
  CH: [['8001', '1201'], ['+41 44 123 45 67', '044 123 45 67', '079 123 45 67']],
  CL: [['8320000', '832-0000'], []],
  CN: [['100000', '200120'], ['+86 10 1234 5678', '010 1234 5678', '138 0013 8000', '+86 138 0013 8000']],
  CO: [['110111'], ['+57 601 123 4567', '601 123 4567', '+57 310 123 4567']],
  CZ: [['110 00', '11000'], ['+420 212 345 678', '602 123 456']],
  DE: [['10117', '80331'], ['+49 30 901820', '030 901820', '+49 (0)89 1234 5678', '0151 23456789']],
  DK: [['1050'], ['+45 33 12 34 56', '33 12 34 56']],
  EG: [['11511'], ['+20 2 12345678', '02 12345678', '010 1234 5678']],
  ES: [['28013', '08001'], ['+34 912 345 678', '912 345 678', '612 34 56 78']],
  FI: [['00100'], ['+358 9 1234 5678', '09 1234 5678', '040 123 4567']],
  FR: [['75008', '13001'], ['+33 1 42 68 53 00', '01 42 68 53 00', '06 12 34 56 78']],
  GB: [['SW1A 1AA', 'EC1A1BB', 'm1 1ae', 'B33 8TH', 'CR2 6XH', 'DN55 1PT', 'E14 5AB'], ['+44 20 7946 0958', '020 7946 0958', '+44 (0)20 7946 0958', '07700 900123', '(020) 7946 0958']],
  GR: [['105 57', '10557'], ['+30 21 0123 4567', '210 123 4567', '694 123 4567']],
  HK: [[], []],
  HU: [['1051'], ['+36 1 234 5678', '06 1 234 5678', '+36 30 123 4567', '06 30 123 4567']],
  IE: [['D02 X285', 'A65F4E2', 'd6w 1234', 'T12 K4P3'], ['+353 1 234 5678', '01 234 5678', '087 123 4567']],
  IL: [['9100001', '61000'], ['+972 3 123 4567', '03-123-4567', '052-123-4567']],
  IN: [['110001', '560 001'], ['+91 98765 43210', '098765 43210', '+91-80-2345-6789']],
  IQ: [['10001'], ['+964 1 123 4567', '+964 770 123 4567', '0770 123 4567']],
  IT: [['00184', '20121'], ['+39 06 1234 5678', '06 1234 5678', '+39 347 123 4567']],
  JP: [['100-0005', '5300001'], ['+81 3-1234-5678', '03-1234-5678', '090-1234-5678']],
  KG: [['720001'], ['+996 312 123456', '0312 123456', '+996 555 123 456']],
  KR: [['04524'], ['+82 2 123 4567', '02-1234-5678', '010-1234-5678']],
  KZ: [['050000'], ['+7 727 123 4567', '8 727 123 4567', '+7 701 123 4567']],
  LU: [['L-1111', '1111'], ['+352 26 12 34 56', '26 12 34 56', '621 123 456']],
  MD: [['MD-2001', '2001'], ['+373 22 123456', '022 123456', '+373 69 123456']],
  MM: [['11181'], ['+95 1 123 456', '01 123 456', '+95 9 123 456 789']],
  MX: [['06600', '64000'], ['+52 55 1234 5678', '55 1234 5678']],
  NL: [['1012 AB', '1012ab'], ['+31 20 123 4567', '020-123 4567', '06 12345678']],
  NO: [['0150'], ['+47 22 12 34 56', '22 12 34 56', '412 34 567']],
  NZ: [['1010'], ['+64 9 123 4567', '09 123 4567', '021 123 4567']],
  PL: [['00-950', '31-001'], ['+48 22 123 45 67', '22 123 45 67', '512 345 678']],
  PT: [['1000-001'], ['+351 21 123 4567', '213 456 789', '912 345 678']],
  QA: [[], []],
  RO: [['010011'], ['+40 21 123 4567', '021 123 4567', '0721 123 456']],
  RU: [['101000'], ['+7 495 123-45-67', '8 (495) 123-45-67', '+7 (916) 123-45-67', '8 916 123 45 67']],
  SA: [['11564', '11564-2345'], ['+966 11 123 4567', '011 123 4567', '+966 50 123 4567', '050 123 4567']],
  SE: [['111 22', '11122'], ['+46 8 123 456 78', '08-123 456 78', '070-123 45 67']],
  SG: [['018956'], ['+65 6123 4567', '6123 4567', '9123 4567']],
  SK: [['811 01'], ['+421 2 1234 5678', '02 1234 5678', '0905 123 456']],
  SS: [[], []],
  TH: [['10110'], ['+66 2 123 4567', '02 123 4567', '+66 81 234 5678', '081 234 5678']],
  TJ: [['734025'], ['+992 37 221 2345', '+992 93 123 4567']],
  TR: [['34000', '06420', '35210'], ['+90 212 555 12 34', '0532 123 45 67', '(0212) 555 12 34', '+90 (532) 123-45-67', '5321234567']],
  UA: [['01001'], ['+380 44 123 4567', '044 123 4567', '+380 67 123 4567', '067 123 4567']],
  US: [['98052', '98052-6399'], ['(425) 555-0100', '+1 425 555 0100', '425-555-0100', '425.555.0100', '1-425-555-0100']],
  UZ: [['100000'], ['+998 71 123 45 67', '+998 90 123 45 67', '71 123 45 67']],
  VE: [['1010', '1010-A'], ['+58 212 123 4567', '0212-123-4567', '0414 123 4567']],
  VN: [['100000', '10000'], ['+84 24 3123 4567', '024 3123 4567', '+84 91 234 5678', '091 234 5678']],
  ZA: [['2196', '0001'], ['+27 11 123 4567', '011 123 4567', '082 123 4567']],
};
// Values that must NOT match.
const BAD_POSTAL = { US: ['9805', '980521', 'ABCDE'], GB: ['SW1A', 'UK1 1AA1', '12345'], DE: ['1011', '101170'], TR: ['3400', '340000'],
  NL: ['1012 A', '1012-AB'], JP: ['100-00050', '10-0005'], BR: ['0131-0100'], CA: ['M5V-3L9', '12345'], IE: ['B02 X285'] };
const BAD_PHONE_ALL = ['', 'abc', '12', '+', '555', 'call me', '+90 abc'];
const BAD_PHONE = { US: ['425-555-010', '425 555 01000'], TR: ['0212 555 12', '+90 212 555 12 34 5'], GB: ['020 794'] };

const MUST = ['TR', 'US', 'GB', 'DE', 'FR', 'NL', 'ES', 'IT', 'PL', 'BR', 'IN', 'JP', 'AU', 'CA', 'MX', 'ZA', 'AE', 'SA',
  'AM', 'AZ', 'BY', 'HU', 'KZ', 'KG', 'MD', 'RU', 'TJ', 'UZ', 'UA', 'TH', 'VN',
  'IE', 'BE', 'CH', 'AT', 'SE', 'NO', 'DK', 'FI', 'PT', 'CZ', 'GR', 'SG', 'NZ', 'KR', 'CN', 'AR', 'CL', 'CO', 'EG', 'IL'];
const STATE_LIST_REQUIRED = { US: 51, CA: 13, AU: 8, BR: 27, IN: 28, MX: 32, JP: 47, TR: 81, AE: 7 };
const RULE_KEYS = ['iso2Code', 'defaultCulture', 'isStateRequired', 'supportedStatesList', 'supportedLanguagesList',
  'supportedCulturesList', 'isPostalCodeRequired', 'postalCodeRegex', 'isCityRequired', 'countryCallingCodesList'];
const rules = new Map();
const ruleFiles = [...json.keys()].filter((k) => k.startsWith('countryvalidationrules/'));
for (const rel of ruleFiles) {
  const r = json.get(rel);
  const iso = rel.slice('countryvalidationrules/'.length, -'.json'.length);
  if (!/^[A-Z]{2}$/.test(iso)) fail(rel, 'file name is not an ISO2 code');
  if (iso === 'UK') fail(rel, 'use GB, never UK');
  exactKeys(rel, r, RULE_KEYS, ['phoneNumberRegex']);
  if (!r) continue;
  rules.set(iso, r);
  if (r.iso2Code !== iso) fail(rel, `iso2Code ${r.iso2Code} does not match the file name`);
  for (const k of ['isStateRequired', 'isPostalCodeRequired', 'isCityRequired']) if (typeof r[k] !== 'boolean') fail(rel, `${k} not boolean`);
  for (const k of ['supportedStatesList', 'supportedLanguagesList', 'supportedCulturesList', 'countryCallingCodesList']) {
    if (!isStrArr(r[k])) fail(rel, `${k} not a string array`);
    else if (new Set(r[k]).size !== r[k].length) fail(rel, `${k} has duplicates`);
  }
  if (!isStrArr(r.supportedStatesList)) continue;
  // A state list exists exactly when the state is required.
  if (r.isStateRequired !== r.supportedStatesList.length > 0) fail(rel, 'isStateRequired must be true iff supportedStatesList is non-empty');
  if (STATE_LIST_REQUIRED[iso] && r.supportedStatesList.length < STATE_LIST_REQUIRED[iso]) fail(rel, `expected at least ${STATE_LIST_REQUIRED[iso]} states`);
  if (r.supportedStatesList.some((s) => s.trim() !== s || !s)) fail(rel, 'blank or padded state');
  if (!r.supportedCulturesList.includes(r.defaultCulture)) fail(rel, 'defaultCulture not in supportedCulturesList');
  for (const c of [...r.supportedCulturesList, ...r.supportedLanguagesList]) {
    try {
      if (Intl.getCanonicalLocales(c)[0] !== c) fail(rel, `culture/language ${c} is not canonical`);
    } catch {
      fail(rel, `invalid culture/language ${c}`);
    }
  }
  for (const c of r.supportedCulturesList) {
    if (!r.supportedLanguagesList.includes(c.split('-')[0])) fail(rel, `culture ${c} has no language in supportedLanguagesList`);
  }
  if (!r.countryCallingCodesList.length || r.countryCallingCodesList.some((c) => !/^\d{1,4}$/.test(c))) fail(rel, 'bad countryCallingCodesList');
  if (!isStr(r.postalCodeRegex)) fail(rel, 'postalCodeRegex must be a string ("" when none)');
  if (r.isPostalCodeRequired && !r.postalCodeRegex) fail(rel, 'postal code required but no regex');
  // Every country with a postal code or phone regex has samples above (the hand-written files);
  // one with neither (most of them made by tools/gen-demo-rules.mjs) has nothing to sample.
  const sample = SAMPLES[iso];
  if (!sample && (r.postalCodeRegex || (r.phoneNumberRegex !== undefined && r.phoneNumberRegex !== null)))
    fail(rel, 'has a postal code or phone regex but no samples in tools/check-demo-data.mjs');
  if (r.postalCodeRegex) {
    const re = compile(`${rel} postalCodeRegex`, r.postalCodeRegex);
    if (re) {
      if (!r.postalCodeRegex.startsWith('^') || !r.postalCodeRegex.endsWith('$')) fail(rel, 'postalCodeRegex must be anchored');
      if (sample && !sample[0].length) fail(rel, 'no postal samples');
      for (const s of sample?.[0] ?? []) if (!re.test(s)) fail(rel, `postal sample ${JSON.stringify(s)} does not match`);
      for (const s of ['', '!!!', ...(BAD_POSTAL[iso] ?? [])]) if (re.test(s)) fail(rel, `bad postal ${JSON.stringify(s)} matches`);
    }
  } else if (sample?.[0].length) fail(rel, 'postal samples given but no regex');
  if (r.phoneNumberRegex !== undefined && r.phoneNumberRegex !== null) {
    if (!isStr(r.phoneNumberRegex) || !r.phoneNumberRegex) fail(rel, 'phoneNumberRegex must be a non-empty string, null or absent');
    const re = compile(`${rel} phoneNumberRegex`, r.phoneNumberRegex);
    if (re) {
      if (!r.phoneNumberRegex.startsWith('^') || !r.phoneNumberRegex.endsWith('$')) fail(rel, 'phoneNumberRegex must be anchored');
      if (sample && !sample[1].length) fail(rel, 'no phone samples');
      for (const s of sample?.[1] ?? []) if (!re.test(s)) fail(rel, `phone sample ${JSON.stringify(s)} does not match`);
      for (const s of [...BAD_PHONE_ALL, ...(BAD_PHONE[iso] ?? [])]) if (re.test(s)) fail(rel, `bad phone ${JSON.stringify(s)} matches`);
    }
  } else if (sample?.[1].length) fail(rel, 'phone samples given but no regex');
}
if (rules.size < 45) fail('countryvalidationrules', `only ${rules.size} countries (need >= 45)`);
// The demo answers for every country the app offers (COUNTRIES in src/domain/model.rs), and only those.
{
  const m = /pub const COUNTRIES: &str = "([A-Z ]+)";/.exec(readFileSync(join(ROOT, 'src', 'domain', 'model.rs'), 'utf8'));
  const offered = m ? m[1].trim().split(/ +/) : [];
  if (offered.length < 200) fail('src/domain/model.rs', `COUNTRIES not found or short (${offered.length} codes)`);
  const noRules = offered.filter((c) => !rules.has(c));
  if (noRules.length) fail('countryvalidationrules', `no rules for ${noRules.join(' ')} (run node tools/gen-demo-rules.mjs)`);
  for (const c of rules.keys()) if (m && !offered.includes(c)) fail(`countryvalidationrules/${c}.json`, 'not in COUNTRIES (src/domain/model.rs)');
}
for (const c of MUST) if (!rules.has(c)) fail('countryvalidationrules', `missing ${c}`);
if (![...rules.values()].some((r) => !('phoneNumberRegex' in r))) fail('countryvalidationrules', 'no country without phoneNumberRegex');
{
  const tr = rules.get('TR');
  for (const p of ['İstanbul', 'Iğdır', 'Şanlıurfa', 'İzmir', 'Ağrı', 'Çanakkale', 'Düzce'])
    if (tr && !tr.supportedStatesList.includes(p)) fail('countryvalidationrules/TR.json', `missing province ${p}`);
  const us = rules.get('US');
  for (const s of ['WA', 'DC', 'PR', 'NY', 'CA']) if (us && !us.supportedStatesList.includes(s)) fail('countryvalidationrules/US.json', `missing ${s}`);
}

// ---------------------------------------------------------------- countries.json
{
  const c = need('countries.json');
  if (c) {
    exactKeys('countries.json', c, ['items']);
    const expected = [...rules.keys()].sort();
    if (JSON.stringify(c.items) !== JSON.stringify(expected)) fail('countries.json', 'items must be exactly the sorted ISO2 codes of countryvalidationrules/*.json');
  }
}

// ---------------------------------------------------------------- resellers.json
{
  const r = need('resellers.json');
  if (r) {
    exactKeys('resellers.json', r, ['totalCount', 'items']);
    const items = r.items ?? [];
    if (r.totalCount !== items.length) fail('resellers.json', 'totalCount != items.length');
    if (items.length < 30) fail('resellers.json', `only ${items.length} resellers (need >= 30)`);
    const ids = new Set();
    const mpn = new Set();
    items.forEach((x, i) => {
      const w = `resellers.json items[${i}]`;
      exactKeys(w, x, ['id', 'name', 'relationshipType', 'state', 'mpnId', 'location']);
      if (!GUID.test(x.id)) fail(w, `id ${x.id} is not a lowercase GUID`);
      if (ids.has(x.id)) fail(w, 'duplicate id');
      ids.add(x.id);
      if (!/^\d{7}$/.test(x.mpnId)) fail(w, 'mpnId must be a 7-digit string');
      if (mpn.has(x.mpnId)) fail(w, 'duplicate mpnId');
      mpn.add(x.mpnId);
      if (x.relationshipType !== 'IsIndirectCloudSolutionProviderOf') fail(w, 'relationshipType');
      if (!isStr(x.name) || !x.name.trim()) fail(w, 'name');
      const m = /^(.+), ([A-Z]{2})$/.exec(x.location ?? '');
      if (!m) fail(w, 'location must be "City, CC"');
      else if (!rules.has(m[2])) fail(w, `location country ${m[2]} has no country rules`);
    });
    if (!items.some((x) => x.state !== 'Active')) fail('resellers.json', 'need at least one non-Active reseller');
    if (items.filter((x) => x.location?.endsWith(', TR') && /[çğıİöşüÇĞÖŞÜ]/.test(x.name)).length < 2) fail('resellers.json', 'need Turkish resellers with Turkish characters');
  }
}

// ---------------------------------------------------------------- offers
const OFFER_KEYS = ['id', 'name', 'description', 'minimumQuantity', 'maximumQuantity', 'isAddOn', 'prerequisiteOffers',
  'isAvailableForPurchase', 'billing', 'supportedBillingCycles', 'category', 'unitType', 'isTrial', 'salesGroupId'];
const SALES_GROUPS = ['MicrosoftOffice', 'Dynamics', 'Azure', 'Windows365', 'Security'];
function checkOffers(where, o, minCount, strict) {
  exactKeys(where, o, ['totalCount', 'items']);
  const items = o?.items ?? [];
  if (o?.totalCount !== items.length) fail(where, 'totalCount != items.length');
  if (items.length < minCount) fail(where, `only ${items.length} offers (need >= ${minCount})`);
  const byId = new Map();
  const names = new Set();
  const cats = new Map();
  items.forEach((x, i) => {
    const w = `${where} items[${i}] ${x?.name ?? ''}`;
    exactKeys(w, x, OFFER_KEYS, ['termDurations']);
    if (!x) return;
    if (!/^([0-9A-Z]{12}:\d{4}|[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12})$/.test(x.id)) fail(w, `odd id ${x.id}`);
    if (byId.has(x.id)) fail(w, `duplicate id ${x.id}`);
    byId.set(x.id, x);
    if (names.has(x.name)) fail(w, 'duplicate name');
    names.add(x.name);
    if (!isStr(x.description) || !x.description) fail(w, 'description');
    if (!Number.isInteger(x.minimumQuantity) || !Number.isInteger(x.maximumQuantity) || x.minimumQuantity < 1 || x.minimumQuantity > x.maximumQuantity || x.maximumQuantity > 1000000)
      fail(w, 'bad quantities');
    for (const k of ['isAddOn', 'isAvailableForPurchase', 'isTrial']) if (typeof x[k] !== 'boolean') fail(w, `${k} not boolean`);
    if (!['license', 'usage', 'none'].includes(x.billing)) fail(w, `billing ${x.billing}`);
    if (!isStrArr(x.supportedBillingCycles) || !x.supportedBillingCycles.length || x.supportedBillingCycles.some((c) => !['monthly', 'annual', 'triennial', 'none'].includes(c)))
      fail(w, 'supportedBillingCycles');
    if ('termDurations' in x && (!isStrArr(x.termDurations) || !x.termDurations.length || x.termDurations.some((t) => !['P1M', 'P1Y', 'P3Y'].includes(t))))
      fail(w, 'termDurations');
    exactKeys(`${w} category`, x.category, ['id', 'name']);
    if (x.category) {
      if (cats.has(x.category.id) && cats.get(x.category.id) !== x.category.name) fail(w, 'category id with two names');
      cats.set(x.category.id, x.category.name);
    }
    if (!isStr(x.unitType) || !x.unitType) fail(w, 'unitType');
    if (!SALES_GROUPS.includes(x.salesGroupId)) fail(w, `salesGroupId ${x.salesGroupId}`);
    if (!isStrArr(x.prerequisiteOffers)) fail(w, 'prerequisiteOffers');
    if (x.isAddOn !== (x.prerequisiteOffers?.length > 0)) fail(w, 'isAddOn must be true iff prerequisiteOffers is non-empty');
    if (x.isTrial && (!x.name.endsWith('Trial') || x.maximumQuantity > 25)) fail(w, 'trials end with "Trial" and allow at most 25');
    if (!x.isTrial && /\bTrial\b/.test(x.name)) fail(w, 'named Trial but isTrial false');
  });
  for (const x of items) {
    for (const p of x.prerequisiteOffers ?? []) {
      const b = byId.get(p);
      if (!b) fail(`${where} ${x.name}`, `prerequisite ${p} not in the catalog`);
      else if (b.salesGroupId !== x.salesGroupId) fail(`${where} ${x.name}`, `prerequisite ${b.name} in another sales group`);
      else if (p === x.id) fail(`${where} ${x.name}`, 'requires itself');
    }
  }
  const n = (f) => items.filter(f).length;
  const stats = { offers: items.length, addOns: n((x) => x.isAddOn), trials: n((x) => x.isTrial), unavailable: n((x) => !x.isAvailableForPurchase), categories: cats.size };
  if (!strict) return stats; // mix checks apply to the shipped catalog only
  if (stats.addOns < items.length * 0.08) fail(where, 'fewer than 8% add-ons');
  if (stats.trials < items.length * 0.04) fail(where, 'fewer than 4% trials');
  if (stats.unavailable < items.length * 0.03) fail(where, 'fewer than 3% unavailable offers');
  if (cats.size < 8) fail(where, 'fewer than 8 categories');
  for (const g of SALES_GROUPS) if (!items.some((x) => x.salesGroupId === g)) fail(where, `no offer in sales group ${g}`);
  return stats;
}
const offerStats = json.has('offers.json') ? checkOffers('offers.json', json.get('offers.json'), 320, true) : (need('offers.json'), null);
const extraIdx = process.argv.indexOf('--offers');
let extraStats = null;
if (extraIdx > 0) {
  const p = resolve(process.argv[extraIdx + 1]);
  try {
    extraStats = checkOffers(p, JSON.parse(readFileSync(p, 'utf8')), 1, false);
  } catch (e) {
    fail(p, e.message);
  }
}

// ---------------------------------------------------------------- offers.tr.json (X-Locale: tr-TR)
// The same catalog in Turkish: same offers in the same order with the same facts; only the
// texts differ. Every category and the most common offers have Turkish texts.
let trTranslated = 0;
if (json.has('offers.json') && need('offers.tr.json')) {
  const en = json.get('offers.json').items ?? [];
  const tr = json.get('offers.tr.json').items ?? [];
  const where = 'offers.tr.json';
  if (tr.length !== en.length) fail(where, `${tr.length} offers, offers.json has ${en.length}`);
  const facts = (o) => JSON.stringify({ ...o, description: undefined, category: o.category?.id });
  en.forEach((e, i) => {
    const t = tr[i];
    if (!t || t.id !== e.id) return fail(where, `offer ${i} is ${t?.id}, offers.json has ${e.id}`);
    if (facts(t) !== facts(e)) fail(where, `${e.id}: differs from offers.json in more than its texts`);
    if (!isStr(t.description) || !t.description.trim()) fail(where, `${e.id}: no description`);
    if (t.description !== e.description) trTranslated++;
  });
  const names = new Map(tr.map((t) => [t.category?.id, t.category?.name]));
  for (const [id, name] of names) {
    if (!['Windows', 'Azure'].includes(id) && name === en.find((e) => e.category?.id === id)?.category?.name) fail(where, `category ${id} is not translated`);
  }
  const COMMON = ['Microsoft 365 Business Basic', 'Microsoft 365 Business Standard', 'Microsoft 365 Business Premium', 'Microsoft 365 E3',
    'Microsoft 365 E5', 'Office 365 E3', 'Microsoft Teams Essentials', 'Exchange Online (Plan 1)', 'Microsoft 365 Copilot', 'Microsoft Defender for Business'];
  for (const n of COMMON) {
    const i = en.findIndex((e) => e.name === n);
    if (i < 0) fail(where, `common offer ${n} is not in offers.json`);
    else if (tr[i]?.description === en[i].description) fail(where, `common offer ${n} has no Turkish description`);
  }
  if (trTranslated < 100) fail(where, `only ${trTranslated} descriptions in Turkish (need >= 100)`);
}

// ---------------------------------------------------------------- examples in messages (src/domain/examples.rs)
// The phone and postal code examples that messages give must be valid for their country.
{
  const src = readFileSync(join(ROOT, 'src', 'domain', 'examples.rs'), 'utf8');
  const rows = [...src.matchAll(/^([A-Z]{2})\|([^|\n]*)\|([^|\\\n"]*)/gm)];
  if (rows.length < 40) fail('src/domain/examples.rs', `only ${rows.length} examples found`);
  for (const [, iso, phone, postal] of rows) {
    const r = rules.get(iso);
    if (!r) { fail('src/domain/examples.rs', `${iso}: no country rules`); continue; }
    if (phone && r.phoneNumberRegex && !new RegExp(r.phoneNumberRegex).test(phone)) fail('src/domain/examples.rs', `${iso}: phone example ${phone} does not match`);
    if (phone && !r.countryCallingCodesList.some((c) => phone.startsWith(`+${c} `))) fail('src/domain/examples.rs', `${iso}: phone example ${phone} lacks the country code`);
    if (postal && !(r.postalCodeRegex && new RegExp(r.postalCodeRegex).test(postal))) fail('src/domain/examples.rs', `${iso}: postal example ${postal} does not match`);
  }
}

// ---------------------------------------------------------------- small files
const ROLES = ['GlobalAdmin', 'UserManagementAdmin', 'AdminAgent', 'SalesAgent', 'BillingAdmin', 'HelpdeskAgent'];
{
  const a = need('agreements.json');
  if (a) {
    exactKeys('agreements.json', a, ['totalCount', 'items']);
    if (a.totalCount !== a.items?.length) fail('agreements.json', 'totalCount');
    for (const x of a.items ?? []) {
      exactKeys('agreements.json item', x, ['templateId', 'agreementType', 'agreementLink', 'versionRank']);
      if (!GUID.test(x.templateId)) fail('agreements.json', 'templateId');
      if (x.agreementType !== 'MicrosoftCustomerAgreement') fail('agreements.json', 'agreementType');
      if (!/^https:\/\//.test(x.agreementLink)) fail('agreements.json', 'agreementLink');
      if (!Number.isInteger(x.versionRank)) fail('agreements.json', 'versionRank');
    }
  }
  const profiles = ['profile.json', 'profiles/direct.json', 'profiles/global-admin.json', 'profiles/no-role.json', 'profiles/usgov.json'];
  for (const rel of [...new Set([...profiles, ...[...json.keys()].filter((k) => k.startsWith('profiles/'))])]) {
    const p = need(rel);
    if (!p) continue;
    exactKeys(rel, p, ['roles', 'partnerType', 'cloud', 'partnerEmailDomain']);
    if (!isStrArr(p.roles) || p.roles.some((r) => !ROLES.includes(r))) fail(rel, 'roles');
    if (!['direct', 'indirectProvider'].includes(p.partnerType)) fail(rel, 'partnerType');
    if (!['public', 'usgov'].includes(p.cloud)) fail(rel, 'cloud');
    if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(p.partnerEmailDomain)) fail(rel, 'partnerEmailDomain');
  }
  const d = need('domains-taken.json');
  if (d) {
    exactKeys('domains-taken.json', d, ['items']);
    if (!isStrArr(d.items) || d.items.length < 15) fail('domains-taken.json', 'need >= 15 prefixes');
    for (const x of d.items ?? []) if (!/^[a-z0-9]{1,27}$/.test(x)) fail('domains-taken.json', `bad prefix ${x}`);
    if (new Set(d.items).size !== d.items?.length) fail('domains-taken.json', 'duplicates');
  }
  const rr = need('relationshiprequest.json');
  if (rr) {
    exactKeys('relationshiprequest.json', rr, ['url']);
    try {
      const u = new URL(rr.url);
      if (u.protocol !== 'https:' || !GUID.test(u.searchParams.get('partnerId') ?? '')) fail('relationshiprequest.json', 'url needs https and a partnerId GUID');
    } catch {
      fail('relationshiprequest.json', 'url does not parse');
    }
  }
  const ac = need('address-corrections.json');
  if (ac) {
    exactKeys('address-corrections.json', ac, ['rule', 'items']);
    if (!isStr(ac.rule) || !ac.rule) fail('address-corrections.json', 'rule');
    if ((ac.items ?? []).length < 10) fail('address-corrections.json', 'need >= 10 items');
    const keys = new Set();
    (ac.items ?? []).forEach((x, i) => {
      const w = `address-corrections.json items[${i}]`;
      exactKeys(w, x, ['match', 'status', 'suggested'], ['validationMessage']);
      exactKeys(`${w} match`, x.match, ['country', 'postalCode']);
      exactKeys(`${w} suggested`, x.suggested, ['addressLine1', 'city', 'state', 'postalCode', 'country'], ['addressLine2']);
      if (!x.match || !x.suggested) return;
      const key = `${x.match.country}|${x.match.postalCode}`;
      if (keys.has(key)) fail(w, 'duplicate match');
      keys.add(key);
      if (!['VerifiedShippable', 'StreetPartial', 'None'].includes(x.status)) fail(w, `status ${x.status}`);
      if (x.suggested.country !== x.match.country) fail(w, 'suggested.country differs from match.country');
      const r = rules.get(x.match.country);
      if (!r) return fail(w, `no rules for ${x.match.country}`);
      const re = r.postalCodeRegex ? new RegExp(r.postalCodeRegex) : null;
      if (re && !re.test(x.match.postalCode)) fail(w, 'match.postalCode fails the country regex');
      if (re && !re.test(x.suggested.postalCode)) fail(w, 'suggested.postalCode fails the country regex');
      if (r.supportedStatesList.length && !r.supportedStatesList.includes(x.suggested.state)) fail(w, `state ${x.suggested.state} not in the country's list`);
      if (r.isCityRequired && !x.suggested.city) fail(w, 'city required');
    });
  }
}

// ---------------------------------------------------------------- report
const expected = new Set(['countries.json', 'resellers.json', 'offers.json', 'agreements.json', 'profile.json', 'domains-taken.json',
  'relationshiprequest.json', 'address-corrections.json', 'offers-10k.json', 'offers.tr.json']);
for (const k of json.keys()) if (!expected.has(k) && !k.startsWith('countryvalidationrules/') && !k.startsWith('profiles/')) fail(k, 'unexpected file');
if (errors.length) {
  console.error(`check-demo-data: ${errors.length} problem(s)`);
  for (const e of errors.slice(0, 60)) console.error('  ' + e);
  if (errors.length > 60) console.error(`  ... and ${errors.length - 60} more`);
  process.exit(1);
}
const s = offerStats;
console.log(`check-demo-data: OK: ${rules.size} countries, ${json.get('resellers.json').items.length} resellers, ${s.offers} offers (${s.addOns} add-ons, ${s.trials} trials, ${s.unavailable} unavailable, ${s.categories} categories; ${trTranslated} in Turkish)` +
  (extraStats ? `; ${process.argv[extraIdx + 1]}: ${extraStats.offers} offers (${extraStats.addOns} add-ons)` : ''));
