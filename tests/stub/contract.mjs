// Loads docs/openapi.yaml and turns it into ajv validators (JSON Schema 2020-12).
// Shared by server.mjs, check-fixtures.mjs and selftest.mjs. Node built-ins + yaml + ajv only.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SPEC_PATH = resolve(REPO_ROOT, 'docs', 'openapi.yaml');
const SCHEMA_ID = 'urn:customer-wizard:openapi';
const METHODS = ['get', 'head', 'post', 'put', 'patch', 'delete'];

export function loadSpec(path = SPEC_PATH) {
  const doc = YAML.parse(readFileSync(path, 'utf8'));
  if (!doc || typeof doc !== 'object' || !doc.paths || !doc.components?.schemas) {
    throw new Error(`${path}: not an OpenAPI document with paths and components.schemas`);
  }
  return doc;
}

// '#/components/schemas/X' -> '#/$defs/X' so the schemas live in one 2020-12 document.
function rewriteRefs(node) {
  if (Array.isArray(node)) return node.map(rewriteRefs);
  if (node && typeof node === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string' && v.startsWith('#/components/schemas/')) {
        out[k] = `${SCHEMA_ID}#/$defs/${v.slice('#/components/schemas/'.length)}`;
      } else if (k === 'example' || k === 'examples') {
        // not validation keywords; drop to keep ajv quiet
      } else {
        out[k] = rewriteRefs(v);
      }
    }
    return out;
  }
  return node;
}

function deref(spec, obj) {
  let cur = obj;
  for (let i = 0; cur && cur.$ref && i < 10; i++) {
    const ref = cur.$ref;
    if (!ref.startsWith('#/')) throw new Error(`external $ref not supported: ${ref}`);
    cur = ref.slice(2).split('/').reduce((o, k) => o?.[k.replace(/~1/g, '/').replace(/~0/g, '~')], spec);
    if (!cur) throw new Error(`unresolved $ref ${ref}`);
  }
  return cur;
}

function makeAjv({ coerce = false } = {}) {
  const ajv = new Ajv2020({ strict: false, allErrors: true, coerceTypes: coerce, useDefaults: coerce });
  addFormats(ajv);
  return ajv;
}

/** Human-readable ajv errors, prefixed with where they were found ("body", "header", ...). */
export function formatErrors(errors, where) {
  if (!errors) return [];
  const seen = new Set();
  const out = [];
  for (const e of errors) {
    // anyOf/if wrappers repeat what the branches already said
    if (e.keyword === 'anyOf' || e.keyword === 'if' || e.keyword === 'oneOf') continue;
    let msg = e.message ?? 'is invalid';
    if (e.keyword === 'enum') msg += `: ${JSON.stringify(e.params.allowedValues)}`;
    if (e.keyword === 'const') msg += `: ${JSON.stringify(e.params.allowedValue)}`;
    if (e.keyword === 'not' && /Region$/.test(e.instancePath + '')) msg = 'must not be sent for US addresses';
    const path = e.instancePath ? e.instancePath.replace(/^\//, '').replace(/\//g, '.') : '';
    const line = `${where}${path ? (where ? '.' : '') + path : ''} ${msg}`.trim();
    if (!seen.has(line)) { seen.add(line); out.push(line); }
  }
  return out;
}

/**
 * Compiles the contract. Returns
 *   { spec, schema(name) -> validate fn, operations: [{method, path, operationId, regex, keys, validate(req)}] }
 * where validate(req) takes {pathParams, query, headers (lower-case keys), body, rawBody}
 * and returns a list of error strings (empty when the request conforms).
 */
export function compileContract(spec = loadSpec()) {
  const defs = rewriteRefs(spec.components.schemas);
  const root = { $id: SCHEMA_ID, $defs: defs };
  const ajv = makeAjv();
  const ajvParams = makeAjv({ coerce: true });
  ajv.addSchema(root);
  ajvParams.addSchema(root);

  const cache = new Map();
  const schema = (name) => {
    if (!defs[name]) throw new Error(`no schema components.schemas.${name}`);
    if (!cache.has(name)) cache.set(name, ajv.compile({ $ref: `${SCHEMA_ID}#/$defs/${name}` }));
    return cache.get(name);
  };

  const operations = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    const shared = item.parameters ?? [];
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const params = [...shared, ...(op.parameters ?? [])].map((p) => deref(spec, p));
      const groups = { path: {}, query: {}, header: {} };
      const required = { path: [], query: [], header: [] };
      for (const p of params) {
        if (!groups[p.in]) continue;
        // OpenAPI says Accept / Content-Type / Authorization header parameters are ignored.
        if (p.in === 'header' && ['accept', 'content-type', 'authorization'].includes(p.name.toLowerCase())) continue;
        groups[p.in][p.name] = rewriteRefs(p.schema ?? {});
        if (p.required || p.in === 'path') required[p.in].push(p.name);
      }
      const v = {};
      for (const where of ['path', 'query', 'header']) {
        v[where] = ajvParams.compile({ type: 'object', properties: groups[where], required: required[where] });
      }
      const headerNames = Object.keys(groups.header);
      let bodyValidate = null;
      let bodyRequired = false;
      let bodySchemaName = null;
      if (op.requestBody) {
        const rb = deref(spec, op.requestBody);
        const media = rb.content?.['application/json'];
        if (media?.schema) {
          const ref = media.schema.$ref;
          bodySchemaName = ref?.startsWith('#/components/schemas/') ? ref.split('/').pop() : null;
          bodyValidate = bodySchemaName ? schema(bodySchemaName) : ajv.compile(rewriteRefs(media.schema));
          bodyRequired = !!rb.required;
        }
      }
      const keys = [];
      const regex = new RegExp(
        '^' +
          path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{([^}]+)\}/g, (_, k) => {
            keys.push(k);
            return '([^/]+)';
          }) +
          '$',
      );
      operations.push({
        method: method.toUpperCase(),
        path,
        operationId: op.operationId,
        regex,
        keys,
        bodySchemaName,
        validate(req) {
          const errs = [];
          // canonical header names, so messages say "MS-RequestId", not "ms-requestid"
          const hdrs = {};
          for (const n of headerNames) {
            const val = req.headers[n.toLowerCase()];
            if (val !== undefined) hdrs[n] = Array.isArray(val) ? val[0] : val;
          }
          if (!v.header(hdrs)) errs.push(...formatErrors(v.header.errors, 'header'));
          if (!v.path(req.pathParams)) errs.push(...formatErrors(v.path.errors, 'path'));
          if (!v.query(req.query)) errs.push(...formatErrors(v.query.errors, 'query'));
          if (bodyValidate) {
            if (req.rawBody === undefined || req.rawBody === '') {
              if (bodyRequired) errs.push('body is required (application/json)');
            } else if (req.bodyParseError) {
              errs.push(`body is not valid JSON: ${req.bodyParseError}`);
            } else if (!bodyValidate(req.body)) {
              errs.push(...formatErrors(bodyValidate.errors, 'body'));
            }
          }
          return errs;
        },
      });
    }
  }

  /** Finds the operation for a method + pathname: {op, pathParams} | {methodMismatch: true} | null. */
  function match(method, pathname) {
    let pathHit = false;
    for (const op of operations) {
      const m = op.regex.exec(pathname);
      if (!m) continue;
      pathHit = true;
      if (op.method !== method) continue;
      const pathParams = {};
      op.keys.forEach((k, i) => {
        try { pathParams[k] = decodeURIComponent(m[i + 1]); } catch { pathParams[k] = m[i + 1]; }
      });
      return { op, pathParams };
    }
    return pathHit ? { methodMismatch: true } : null;
  }

  return { spec, schema, operations, match, formatErrors };
}
