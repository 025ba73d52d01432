import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { parseAllDocuments } from 'yaml';
import { SwaggerContract, goQueryUnescape, type MatchedOperation, type MultipartPart } from './swagger-contract.ts';

/**
 * A stand-in for the KFP API server on 127.0.0.1: in-memory pipelines, versions, experiments and
 * runs, with the backend's uniqueness rules (pipeline name per namespace, version name per
 * pipeline, experiment name per namespace) and its error shapes (googleRpcStatus for gRPC-gateway
 * routes, `{error_message, error_details}` for the upload routes). Every request is checked against
 * the official swagger first; a request that does not conform is answered 400 and recorded in
 * `violations`, which the tests require to stay empty. Faults can be scripted per operation.
 */

export type FaultMode =
  /** Close the connection without answering, before doing anything. */
  | 'drop'
  /** Do the work, then close the connection without answering (the ambiguous case). */
  | 'apply-then-drop'
  /** Answer `status` without doing anything. */
  | 'status'
  /** Do the work, then answer `status` (a gateway that timed out after forwarding). */
  | 'apply-then-status'
  /** Wait `delayMs` before answering normally (past the client's read timeout). */
  | 'delay'
  /** Do the work, then wait `delayMs` before answering. */
  | 'apply-then-delay';

export interface Fault {
  readonly operation: string;
  readonly mode: FaultMode;
  readonly status?: number;
  readonly body?: string;
  readonly delayMs?: number;
  /** How many matching requests this fault applies to. */
  times: number;
}

export interface RecordedRequest {
  readonly operation: string | undefined;
  readonly method: string;
  readonly url: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: Buffer;
}

interface StoredPipeline {
  pipeline_id: string;
  name: string;
  display_name: string;
  description?: string;
  namespace?: string;
  created_at: string;
}
interface StoredVersion {
  pipeline_id: string;
  pipeline_version_id: string;
  name: string;
  display_name: string;
  description?: string;
  created_at: string;
  pipeline_spec: Record<string, unknown>;
}
interface StoredExperiment {
  experiment_id: string;
  display_name: string;
  description?: string;
  namespace?: string;
  created_at: string;
  storage_state: string;
}
interface StoredRun {
  run: Record<string, unknown>;
  polls: number;
}

export interface FakeKfpOptions {
  /** When set, requests must carry `Authorization: Bearer <value>` (checked per request). */
  readonly requiredToken?: () => string | undefined;
  /** States a run goes through, one per GetRun. Default PENDING, RUNNING, SUCCEEDED. */
  readonly runStates?: readonly string[];
  /** Echo request headers in 500 bodies (to prove the client redacts what a server sends back). */
  readonly echoHeadersInErrors?: boolean;
}

export class FakeKfp {
  readonly contract = new SwaggerContract();
  readonly requests: RecordedRequest[] = [];
  readonly violations: string[] = [];
  readonly faults: Fault[] = [];
  readonly pipelines = new Map<string, StoredPipeline>();
  readonly versions = new Map<string, StoredVersion>();
  readonly experiments = new Map<string, StoredExperiment>();
  readonly runs = new Map<string, StoredRun>();
  url = '';
  readonly #server: http.Server;
  readonly #options: FakeKfpOptions;
  #clock = Date.parse('2026-01-01T00:00:00Z');

  constructor(options: FakeKfpOptions = {}) {
    this.#options = options;
    this.#server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        void this.#handle(req, Buffer.concat(chunks), res);
      });
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  count(operation: string): number {
    return this.requests.filter((r) => r.operation === operation).length;
  }

  #now(): string {
    this.#clock += 1000;
    return new Date(this.#clock).toISOString().replace(/\.\d+Z$/, 'Z');
  }

  async #handle(req: http.IncomingMessage, body: Buffer, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    // Like the API server's mux: anything outside /apis/ is simply not there (e.g. the ML Metadata
    // grpc-web proxy, which lives in the UI server).
    if (!url.pathname.startsWith('/apis/')) {
      this.requests.push({ operation: undefined, method: req.method ?? '', url: url.pathname, headers: req.headers, body });
      return this.#raw(res, 404, '404 page not found');
    }
    const checked = this.contract.checkRequest({ method: req.method ?? 'GET', url, contentType: req.headers['content-type'], body });
    const op = checked.operation;
    this.requests.push({ operation: op?.operationId, method: req.method ?? '', url: url.pathname + url.search, headers: req.headers, body });
    if (checked.problems.length > 0 || op === undefined) {
      this.violations.push(...checked.problems);
      return this.#json(res, 400, { code: 3, message: `contract violation: ${checked.problems.join('; ')}`, details: [] });
    }
    const token = this.#options.requiredToken?.();
    if (token !== undefined && req.headers.authorization !== `Bearer ${token}`) {
      return this.#json(res, 401, { code: 16, message: 'Unauthenticated: invalid or missing token', details: [] });
    }
    const fault = this.faults.find((f) => f.operation === op.operationId && f.times > 0);
    if (fault) fault.times--;
    const mode = fault?.mode;
    if (mode === 'drop') return void req.socket.destroy();
    if (mode === 'status') return this.#raw(res, fault?.status ?? 503, fault?.body ?? 'upstream connect error or disconnect/reset before headers');
    if (mode === 'delay') await sleep(fault?.delayMs ?? 0);
    if (res.destroyed || req.socket.destroyed) return;

    let status: number;
    let payload: unknown;
    try {
      [status, payload] = this.#apply(op, url, checked.body);
    } catch (err) {
      [status, payload] = [500, { code: 13, message: (err as Error).message, details: [] }];
    }
    if (status === 200) {
      const problems = this.contract.checkResponse(op, payload);
      if (problems.length > 0) this.violations.push(...problems.map((p) => `fake server: ${p}`));
    }
    if (mode === 'apply-then-drop') return void req.socket.destroy();
    if (mode === 'apply-then-status') return this.#raw(res, fault?.status ?? 504, fault?.body ?? 'upstream request timeout');
    if (mode === 'apply-then-delay') await sleep(fault?.delayMs ?? 0);
    if (res.destroyed || req.socket.destroyed) return;
    if (status === 500 && this.#options.echoHeadersInErrors === true) payload = { code: 13, message: `internal error; request headers were ${JSON.stringify(req.headers)}`, details: [] };
    this.#json(res, status, payload);
  }

  /** The backend's behaviour per operation: [status, JSON body]. */
  #apply(op: MatchedOperation, url: URL, body: unknown): [number, unknown] {
    const q = url.searchParams;
    const rpc = (code: number, status: number, message: string): [number, unknown] => [status, { code, message, details: [] }];
    const uploadError = (status: number, message: string): [number, unknown] => [status, { error_message: message, error_details: message }];
    switch (op.operationId) {
      case 'HealthzService_GetHealthz':
        return [200, { multi_user: false, pipeline_store: 'database' }];
      case 'UploadPipeline': {
        const file = (body as MultipartPart[]).find((p) => p.name === 'uploadfile');
        if (!file || !/\.(ya?ml|json)$/.test(file.filename ?? '')) return uploadError(400, 'Failed to read pipeline from file');
        const name = q.get('name') || q.get('display_name') || (file.filename ?? '');
        const ns = q.get('namespace') ?? '';
        if ([...this.pipelines.values()].some((p) => p.name === name && (p.namespace ?? '') === ns)) return uploadError(409, 'Failed to create a pipeline and a pipeline version');
        const p: StoredPipeline = { pipeline_id: randomUUID(), name, display_name: q.get('display_name') || name, created_at: this.#now(), ...(ns ? { namespace: ns } : {}), ...(q.get('description') ? { description: q.get('description') as string } : {}) };
        this.pipelines.set(p.pipeline_id, p);
        this.#addVersion(p.pipeline_id, name, p.display_name, file.content);
        return [200, p];
      }
      case 'UploadPipelineVersion': {
        const file = (body as MultipartPart[]).find((p) => p.name === 'uploadfile');
        const pid = q.get('pipelineid') ?? '';
        if (!file || !/\.(ya?ml|json)$/.test(file.filename ?? '')) return uploadError(400, 'Failed to create a pipeline version');
        if (!this.pipelines.has(pid)) return uploadError(400, 'Failed to create a pipeline version');
        const name = q.get('name') || q.get('display_name') || (file.filename ?? '');
        if ([...this.versions.values()].some((v) => v.pipeline_id === pid && v.name === name)) return uploadError(409, 'Failed to create a pipeline version');
        return [200, this.#versionJson(this.#addVersion(pid, name, q.get('display_name') || name, file.content))];
      }
      case 'PipelineService_CreatePipeline': {
        const b = body as { name?: string; display_name?: string; description?: string; namespace?: string };
        if (!b.name) return rpc(3, 400, 'name is required');
        if ([...this.pipelines.values()].some((p) => p.name === b.name && (p.namespace ?? '') === (b.namespace ?? ''))) return rpc(6, 409, `Failed to create a new pipeline. The name ${b.name} already exists. Please specify a new name`);
        const p: StoredPipeline = { pipeline_id: randomUUID(), name: b.name, display_name: b.display_name || b.name, created_at: this.#now(), ...(b.namespace ? { namespace: b.namespace } : {}), ...(b.description ? { description: b.description } : {}) };
        this.pipelines.set(p.pipeline_id, p);
        return [200, p];
      }
      case 'PipelineService_ListPipelines': {
        const all = [...this.pipelines.values()].filter((p) => (p.namespace ?? '') === (q.get('namespace') ?? ''));
        return [200, page('pipelines', applyFilter(all, q.get('filter')), q)];
      }
      case 'PipelineService_GetPipeline': {
        const p = this.pipelines.get(op.pathParams['pipeline_id'] ?? '');
        return p ? [200, p] : rpc(5, 404, `Pipeline ${op.pathParams['pipeline_id']} not found`);
      }
      case 'PipelineService_ListPipelineVersions': {
        const pid = op.pathParams['pipeline_id'] ?? '';
        if (!this.pipelines.has(pid)) return rpc(5, 404, `Pipeline ${pid} not found`);
        const all = [...this.versions.values()].filter((v) => v.pipeline_id === pid).map((v) => this.#versionJson(v));
        return [200, page('pipeline_versions', applyFilter(all, q.get('filter')), q)];
      }
      case 'PipelineService_GetPipelineVersion': {
        const v = this.versions.get(op.pathParams['pipeline_version_id'] ?? '');
        return v ? [200, this.#versionJson(v)] : rpc(5, 404, 'Pipeline version not found');
      }
      case 'ExperimentService_CreateExperiment': {
        const b = body as { display_name?: string; description?: string; namespace?: string };
        if (!b.display_name) return rpc(3, 400, 'Experiment name is empty. Please specify a valid experiment name');
        if ([...this.experiments.values()].some((e) => e.display_name === b.display_name && (e.namespace ?? '') === (b.namespace ?? ''))) return rpc(6, 409, 'Failed to create an experiment: already exists');
        const e: StoredExperiment = { experiment_id: randomUUID(), display_name: b.display_name, created_at: this.#now(), storage_state: 'AVAILABLE', ...(b.namespace ? { namespace: b.namespace } : {}), ...(b.description ? { description: b.description } : {}) };
        this.experiments.set(e.experiment_id, e);
        return [200, e];
      }
      case 'ExperimentService_ListExperiments': {
        const all = [...this.experiments.values()].filter((e) => (e.namespace ?? '') === (q.get('namespace') ?? ''));
        return [200, page('experiments', applyFilter(all, q.get('filter')), q)];
      }
      case 'RunService_CreateRun': {
        const b = body as Record<string, unknown>;
        const eid = (b['experiment_id'] as string | undefined) ?? q.get('experiment_id') ?? '';
        if (eid && !this.experiments.has(eid)) return rpc(5, 404, `Experiment ${eid} not found`);
        const run = { ...b, run_id: randomUUID(), experiment_id: eid, created_at: this.#now(), state: 'PENDING', storage_state: 'AVAILABLE', finished_at: '1970-01-01T00:00:00Z' };
        this.runs.set(run.run_id, { run, polls: 0 });
        return [200, run];
      }
      case 'RunService_GetRun': {
        const stored = this.runs.get(op.pathParams['run_id'] ?? '');
        if (!stored) return rpc(5, 404, `Run ${op.pathParams['run_id']} not found`);
        return [200, this.#advance(stored)];
      }
      case 'RunService_ListRuns': {
        let all = [...this.runs.values()].map((r) => r.run);
        const eid = q.get('experiment_id');
        if (eid) all = all.filter((r) => r['experiment_id'] === eid);
        return [200, page('runs', applyFilter(all, q.get('filter')).reverse(), q)];
      }
      default:
        return rpc(12, 501, `${op.operationId} is not implemented by the fake`);
    }
  }

  #addVersion(pid: string, name: string, display: string, content: Buffer): StoredVersion {
    // The server stores the first document, the PipelineSpec; a platform document may follow.
    const spec = (parseAllDocuments(content.toString('utf8')) as Array<{ toJS(): unknown }>)[0]?.toJS() as Record<string, unknown>;
    const v: StoredVersion = { pipeline_id: pid, pipeline_version_id: randomUUID(), name, display_name: display, created_at: this.#now(), pipeline_spec: spec };
    this.versions.set(v.pipeline_version_id, v);
    return v;
  }

  #versionJson(v: StoredVersion): Record<string, unknown> {
    return { ...v };
  }

  #advance(stored: StoredRun): Record<string, unknown> {
    const states = this.#options.runStates ?? ['PENDING', 'RUNNING', 'SUCCEEDED'];
    const state = states[Math.min(stored.polls, states.length - 1)] ?? 'PENDING';
    stored.polls++;
    const final = state === 'SUCCEEDED' || state === 'FAILED';
    const taskState = state === 'PENDING' ? 'PENDING' : state;
    stored.run = {
      ...stored.run,
      state,
      ...(final ? { finished_at: new Date(Date.parse(String(stored.run['created_at'])) + 83_000).toISOString().replace(/\.\d+Z$/, 'Z') } : {}),
      run_details: {
        task_details: [
          { run_id: stored.run['run_id'], task_id: 't1', display_name: 'train-model', state: taskState, outputs: { metrics: { artifact_ids: ['41'] } } },
          { run_id: stored.run['run_id'], task_id: 't1d', display_name: 'train-model-driver', state: 'SUCCEEDED' },
        ],
      },
    };
    return stored.run;
  }

  #json(res: http.ServerResponse, status: number, payload: unknown): void {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(payload));
  }

  #raw(res: http.ServerResponse, status: number, text: string): void {
    res.writeHead(status, { 'content-type': 'text/plain' });
    res.end(text);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** EQUALS / IS_SUBSTRING on string keys, decoded as the backend does (see SwaggerContract). */
function applyFilter<T>(items: T[], filter: string | null): T[] {
  if (!filter) return items;
  const f = JSON.parse(goQueryUnescape(filter)) as { predicates?: Array<{ key: string; operation: string; string_value?: string }> };
  return items.filter((item) =>
    (f.predicates ?? []).every((p) => {
      const v = String((item as Record<string, unknown>)[p.key] ?? '');
      if (p.operation === 'EQUALS') return v === p.string_value;
      if (p.operation === 'IS_SUBSTRING') return v.includes(p.string_value ?? '');
      return true;
    }),
  );
}

function page<T>(key: string, items: T[], q: URLSearchParams): Record<string, unknown> {
  const size = Number(q.get('page_size') ?? '0') || items.length;
  const start = Number(q.get('page_token') ?? '0') || 0;
  const slice = items.slice(start, start + size);
  const out: Record<string, unknown> = { total_size: items.length };
  if (slice.length > 0) out[key] = slice;
  if (start + size < items.length) out['next_page_token'] = String(start + size);
  return out;
}
