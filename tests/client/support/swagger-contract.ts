import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { REPO } from '../../support/repo.ts';

/**
 * The official KFP v2beta1 swagger (tests/fixtures/kfp-swagger) as an executable contract: finds
 * the operation a request addresses and lists everything about the request that the swagger does
 * not allow. Body schemas are made strict (no properties beyond the declared ones), so a camelCase
 * or misspelt field is caught, not silently ignored the way protojson would. This file knows
 * nothing about the client under test.
 */

interface SwaggerParam {
  name: string;
  in: 'query' | 'path' | 'body' | 'formData' | 'header';
  required?: boolean;
  type?: string;
  schema?: unknown;
}

interface SwaggerOp {
  operationId: string;
  consumes?: string[];
  parameters?: SwaggerParam[];
  responses: Record<string, { schema?: unknown }>;
}

export interface MatchedOperation {
  readonly operationId: string;
  readonly method: string;
  readonly template: string;
  readonly pathParams: Record<string, string>;
  readonly file: string;
  readonly op: SwaggerOp;
}

export interface ContractRequest {
  readonly method: string;
  readonly url: URL;
  readonly contentType: string | undefined;
  readonly body: Buffer;
}

interface Route {
  method: string;
  template: string;
  regex: RegExp;
  names: string[];
  literalLength: number;
  file: string;
  op: SwaggerOp;
}

const DIR = path.join(REPO, 'tests', 'fixtures', 'kfp-swagger');

/**
 * Keys the API server accepts in list filters, per resource (backend/src/apiserver/model/*.go,
 * APIToModelFieldMap, KFP 2.17). A predicate on any other key is refused by the server.
 */
const FILTER_KEYS: Record<string, readonly string[]> = {
  PipelineService_ListPipelines: ['pipeline_id', 'id', 'name', 'display_name', 'created_at', 'description', 'namespace'],
  PipelineService_ListPipelineVersions: ['pipeline_version_id', 'id', 'name', 'display_name', 'created_at', 'status', 'description', 'pipeline_spec'],
  ExperimentService_ListExperiments: ['experiment_id', 'id', 'name', 'display_name', 'created_at', 'last_run_created_at', 'description', 'namespace', 'storage_state'],
  RunService_ListRuns: ['run_id', 'id', 'display_name', 'name', 'created_at', 'finished_at', 'description', 'scheduled_at', 'storage_state', 'status', 'namespace', 'experiment_id', 'state', 'state_history', 'runtime_details', 'recurring_run_id'],
};

export class SwaggerContract {
  readonly #routes: Route[] = [];
  readonly #docs = new Map<string, { definitions: Record<string, unknown> }>();
  readonly #validators = new Map<string, ValidateFunction>();
  readonly #ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });

  constructor(dir: string = DIR) {
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.swagger.json'))) {
      const doc = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as { paths?: Record<string, Record<string, SwaggerOp>>; definitions?: Record<string, unknown> };
      this.#docs.set(file, { definitions: strictify(doc.definitions ?? {}) as Record<string, unknown> });
      for (const [template, methods] of Object.entries(doc.paths ?? {})) {
        for (const [method, op] of Object.entries(methods)) {
          const names: string[] = [];
          const pattern = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{([^}]+)\}/g, (_m, name: string) => {
            names.push(name);
            return '([^/:]+)';
          });
          this.#routes.push({ method: method.toUpperCase(), template, regex: new RegExp(`^${pattern}$`), names, literalLength: template.replace(/\{[^}]+\}/g, '').length, file, op });
        }
      }
    }
  }

  get operationIds(): string[] {
    return this.#routes.map((r) => r.op.operationId);
  }

  match(method: string, pathname: string): MatchedOperation | undefined {
    const candidates = this.#routes
      .filter((r) => r.method === method.toUpperCase())
      .map((r) => ({ r, m: r.regex.exec(pathname) }))
      .filter((x): x is { r: Route; m: RegExpExecArray } => x.m !== null)
      .sort((a, b) => b.r.literalLength - a.r.literalLength);
    const best = candidates[0];
    if (best === undefined) return undefined;
    const pathParams: Record<string, string> = {};
    best.r.names.forEach((n, i) => (pathParams[n] = decodeURIComponent(best.m[i + 1] ?? '')));
    return { operationId: best.r.op.operationId, method: best.r.method, template: best.r.template, pathParams, file: best.r.file, op: best.r.op };
  }

  /** Every way the request departs from the swagger; empty when it conforms. */
  checkRequest(req: ContractRequest): { operation: MatchedOperation | undefined; problems: string[]; body: unknown } {
    const problems: string[] = [];
    const op = this.match(req.method, req.url.pathname);
    if (op === undefined) return { operation: undefined, problems: [`no operation for ${req.method} ${req.url.pathname}`], body: undefined };
    const params = op.op.parameters ?? [];
    const query = params.filter((p) => p.in === 'query');
    for (const [key, value] of req.url.searchParams) {
      const decl = query.find((p) => p.name === key);
      if (decl === undefined) {
        problems.push(`${op.operationId}: undeclared query parameter "${key}"`);
        continue;
      }
      if (decl.type === 'integer' && !/^-?\d+$/.test(value)) problems.push(`${op.operationId}: query "${key}" must be an integer, got "${value}"`);
      if (decl.type === 'boolean' && !/^(true|false)$/.test(value)) problems.push(`${op.operationId}: query "${key}" must be a boolean, got "${value}"`);
      if (key === 'filter') problems.push(...this.#checkFilter(op, value));
    }
    for (const p of query.filter((q) => q.required === true)) {
      if (!req.url.searchParams.has(p.name)) problems.push(`${op.operationId}: missing required query parameter "${p.name}"`);
    }
    let body: unknown;
    const bodyParam = params.find((p) => p.in === 'body');
    const formParams = params.filter((p) => p.in === 'formData');
    if (bodyParam !== undefined) {
      if (!(req.contentType ?? '').startsWith('application/json')) problems.push(`${op.operationId}: body must be application/json, got ${req.contentType}`);
      try {
        body = JSON.parse(req.body.toString('utf8'));
      } catch {
        problems.push(`${op.operationId}: body is not JSON`);
      }
      if (body !== undefined) problems.push(...this.validate(op.file, bodyParam.schema, body).map((e) => `${op.operationId}: body ${e}`));
    } else if (formParams.length > 0) {
      if (!(req.contentType ?? '').startsWith('multipart/form-data')) problems.push(`${op.operationId}: body must be multipart/form-data, got ${req.contentType}`);
      const parts = parseMultipart(req.body, req.contentType ?? '');
      for (const part of parts) {
        const decl = formParams.find((p) => p.name === part.name);
        if (decl === undefined) problems.push(`${op.operationId}: undeclared form field "${part.name}"`);
        else if (decl.type === 'file' && part.filename === undefined) problems.push(`${op.operationId}: form field "${part.name}" must be a file part`);
      }
      for (const p of formParams.filter((f) => f.required === true)) {
        if (!parts.some((x) => x.name === p.name)) problems.push(`${op.operationId}: missing required form field "${p.name}"`);
      }
      body = parts;
    } else if (req.body.length > 0) {
      problems.push(`${op.operationId}: takes no body, got ${req.body.length} bytes`);
    }
    return { operation: op, problems, body };
  }

  /** Checks a response the fake server is about to send against the operation's 200 schema. */
  checkResponse(op: MatchedOperation, json: unknown): string[] {
    const schema = op.op.responses['200']?.schema;
    if (schema === undefined) return [];
    return this.validate(op.file, schema, json).map((e) => `${op.operationId}: response ${e}`);
  }

  validate(file: string, schema: unknown, value: unknown): string[] {
    const key = `${file}:${JSON.stringify(schema)}`;
    let fn = this.#validators.get(key);
    if (fn === undefined) {
      const doc = this.#docs.get(file);
      fn = this.#ajv.compile({ allOf: [strictify(schema)], definitions: doc?.definitions ?? {} });
      this.#validators.set(key, fn);
    }
    if (fn(value)) return [];
    return (fn.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? ''}${e.params && 'additionalProperty' in e.params ? ` "${String(e.params.additionalProperty)}"` : ''}`);
  }

  /**
   * The swagger documents `filter` as "a url-encoded, JSON-serialized filter protocol buffer": the
   * server decodes the query value and then URL-unescapes it once more (Go url.QueryUnescape,
   * which also turns '+' into ' ') before parsing it as a v2beta1Filter.
   */
  #checkFilter(op: MatchedOperation, value: string): string[] {
    let json: unknown;
    try {
      json = JSON.parse(goQueryUnescape(value));
    } catch {
      return [`${op.operationId}: filter is not url-encoded JSON: ${value.slice(0, 80)}`];
    }
    const problems = this.validate('filter.swagger.json', { $ref: '#/definitions/v2beta1Filter' }, json).map((e) => `${op.operationId}: filter ${e}`);
    const keys = FILTER_KEYS[op.operationId];
    const preds = (json as { predicates?: Array<{ key?: string }> }).predicates ?? [];
    for (const p of preds) if (keys && !keys.includes(p.key ?? '')) problems.push(`${op.operationId}: filter key "${p.key}" is not filterable`);
    return problems;
  }
}

export function goQueryUnescape(s: string): string {
  return decodeURIComponent(s.replace(/\+/g, ' '));
}

/** Every object schema with properties gets additionalProperties: false unless it says otherwise. */
function strictify(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(strictify);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) out[k] = strictify(v);
  if (out['properties'] !== undefined && out['additionalProperties'] === undefined) out['additionalProperties'] = false;
  return out;
}

export interface MultipartPart {
  readonly name: string;
  readonly filename: string | undefined;
  readonly content: Buffer;
}

export function parseMultipart(body: Buffer, contentType: string): MultipartPart[] {
  const m = /boundary=("?)([^";]+)\1/.exec(contentType);
  if (!m) return [];
  const boundary = Buffer.from(`--${m[2]}`);
  const parts: MultipartPart[] = [];
  let pos = body.indexOf(boundary);
  while (pos >= 0) {
    const start = pos + boundary.length;
    if (body.subarray(start, start + 2).toString() === '--') break;
    const next = body.indexOf(boundary, start);
    if (next < 0) break;
    const chunk = body.subarray(start + 2, next - 2); // skip CRLF after boundary, before next
    const headerEnd = chunk.indexOf('\r\n\r\n');
    const headers = chunk.subarray(0, headerEnd).toString('utf8');
    const content = chunk.subarray(headerEnd + 4);
    const disp = /content-disposition:\s*form-data;([^\r\n]*)/i.exec(headers)?.[1] ?? '';
    const name = /\bname="([^"]*)"/.exec(disp)?.[1] ?? '';
    const filename = /\bfilename="([^"]*)"/.exec(disp)?.[1];
    parts.push({ name, filename, content });
    pos = next;
  }
  return parts;
}
