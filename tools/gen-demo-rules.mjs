#!/usr/bin/env node
// Fills in the demo backend's country rules (GET /v1/countryvalidationrules/{iso2}) so that every
// country the app offers has an answer.
//
//   node tools/gen-demo-rules.mjs           write the missing files and public/demo/countries.json
//   node tools/gen-demo-rules.mjs --check   write nothing; exit 1 if a file is missing or countries.json is stale
//
// For every code in COUNTRIES (src/domain/model.rs) without public/demo/countryvalidationrules/XX.json
// it writes one. It never overwrites an existing file: the hand-written ones (with states, postal
// code and phone regexes and their samples in tools/check-demo-data.mjs) stay as they are. Then
// it rewrites public/demo/countries.json as the sorted codes of all rule files.
//
// A generated file knows only what can be derived without a source per country:
// - defaultCulture and the languages from CLDR's likely subtags (new Intl.Locale('und-XX').maximize()
//   in this Node's ICU): und-CI -> fr, so fr-CI; supportedLanguagesList [fr, en];
//   supportedCulturesList [fr-CI, en-US], or only [en-XX] where the language is English (as GB, AU
//   and NZ have it). The result depends on the ICU data of the Node that runs this; existing files
//   are never rewritten, so a rerun changes nothing already written.
// - countryCallingCodesList from libphonenumber-js's metadata (a devDependency); the few codes it
//   has no metadata for take the code in CALLING_CODE_FALLBACK below.
// - no states (isStateRequired false, supportedStatesList []), no postal code rule
//   (isPostalCodeRequired false, postalCodeRegex "": the contract's "none", as HK, QA and SS have
//   it), no phoneNumberRegex (optional in the contract: the app then applies its generic phone
//   check), isCityRequired true.
// No network at run time. Same input, same bytes.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getCountryCallingCode, isSupportedCountry } from 'libphonenumber-js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RULES = join(ROOT, 'public', 'demo', 'countryvalidationrules');
const COUNTRIES_JSON = join(ROOT, 'public', 'demo', 'countries.json');
const check = process.argv.includes('--check');

// Territories without numbering metadata in libphonenumber: the code a caller would dial there.
const CALLING_CODE_FALLBACK = {
  AQ: '672', // Antarctica: ITU's +672 (Australian External Territories; the Antarctic bases use +672 1x)
  BV: '47', // Bouvet Island: uninhabited Norwegian dependency, Norway's code
  GS: '500', // South Georgia and the South Sandwich Islands: shares the Falkland Islands' +500
  HM: '672', // Heard Island and McDonald Islands: Australian External Territory, +672
  PN: '64', // Pitcairn Islands: reached through New Zealand's +64
  TF: '262', // French Southern Territories: administered from Réunion, +262
  UM: '1', // U.S. Minor Outlying Islands: North American Numbering Plan
};

/** The codes the app offers: COUNTRIES in src/domain/model.rs. */
function countries() {
  const src = readFileSync(join(ROOT, 'src', 'domain', 'model.rs'), 'utf8');
  const m = /pub const COUNTRIES: &str = "([A-Z ]+)";/.exec(src);
  if (!m) throw new Error('COUNTRIES not found in src/domain/model.rs');
  const codes = m[1].trim().split(/ +/);
  for (const c of codes) if (!/^[A-Z]{2}$/.test(c)) throw new Error(`odd code ${c} in COUNTRIES`);
  return codes;
}

function callingCode(iso) {
  if (isSupportedCountry(iso)) return getCountryCallingCode(iso);
  if (CALLING_CODE_FALLBACK[iso]) return CALLING_CODE_FALLBACK[iso];
  throw new Error(`${iso}: no calling code in libphonenumber-js and none in CALLING_CODE_FALLBACK`);
}

function rules(iso) {
  let lang = new Intl.Locale(`und-${iso}`).maximize().language;
  if (!lang || lang === 'und') lang = 'en';
  const culture = Intl.getCanonicalLocales(`${lang}-${iso}`)[0];
  const dedupe = (xs) => [...new Set(xs)];
  return {
    iso2Code: iso,
    defaultCulture: culture,
    isStateRequired: false,
    supportedStatesList: [],
    supportedLanguagesList: dedupe([lang, 'en']),
    supportedCulturesList: lang === 'en' ? [culture] : dedupe([culture, 'en-US']),
    isPostalCodeRequired: false,
    postalCodeRegex: '',
    isCityRequired: true,
    countryCallingCodesList: [callingCode(iso)],
  };
}

/** The hand-written files' layout: one property a line, arrays on the property's line. */
function format(obj) {
  const lines = Object.entries(obj).map(([k, v]) => {
    const val = Array.isArray(v) ? `[${v.map((x) => JSON.stringify(x)).join(', ')}]` : JSON.stringify(v);
    return `  ${JSON.stringify(k)}: ${val}`;
  });
  return `{\n${lines.join(',\n')}\n}\n`;
}

function countriesJson(codes) {
  const rows = [];
  for (let i = 0; i < codes.length; i += 16) rows.push('    ' + codes.slice(i, i + 16).map((c) => JSON.stringify(c)).join(', '));
  return `{\n  "items": [\n${rows.join(',\n')}\n  ]\n}\n`;
}

const missing = countries().filter((iso) => !existsSync(join(RULES, `${iso}.json`)));
const written = [];
for (const iso of missing) {
  const text = format(rules(iso));
  if (!check) writeFileSync(join(RULES, `${iso}.json`), text);
  written.push(iso);
}
const all = check
  ? [...new Set([...readdirSync(RULES).filter((f) => /^[A-Z]{2}\.json$/.test(f)).map((f) => f.slice(0, 2)), ...missing])].sort()
  : readdirSync(RULES).filter((f) => /^[A-Z]{2}\.json$/.test(f)).map((f) => f.slice(0, 2)).sort();
const list = countriesJson(all);
const listStale = !existsSync(COUNTRIES_JSON) || readFileSync(COUNTRIES_JSON, 'utf8') !== list;
if (check) {
  if (written.length) console.error(`gen-demo-rules: no rules for ${written.join(' ')}`);
  if (listStale) console.error('gen-demo-rules: public/demo/countries.json is not the sorted list of rule files');
  if (written.length || listStale) {
    console.error('gen-demo-rules: run node tools/gen-demo-rules.mjs');
    process.exit(1);
  }
  console.log(`gen-demo-rules: OK: ${all.length} countries`);
} else {
  if (listStale) writeFileSync(COUNTRIES_JSON, list);
  console.log(`gen-demo-rules: wrote ${written.length} rule file(s)${written.length ? ` (${written.join(' ')})` : ''}; ` +
    `countries.json ${listStale ? 'rewritten' : 'unchanged'}: ${all.length} countries`);
}
