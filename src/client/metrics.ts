import { isKfpError } from './errors.ts';
import type { KfpClient } from './kfp-client.ts';
import type { Run } from './schemas.ts';

/**
 * A run's metrics. The v2beta1 REST API lists each task's output artifact ids but not their
 * contents; metric values live in ML Metadata as custom properties of `system.Metrics` artifacts.
 * The KFP UI reads them over grpc-web at `<origin>/ml_metadata.MetadataStoreService/...` (served by
 * the UI server, or by Kubeflow's istio route to metadata-envoy), so this does the same with one
 * `GetArtifactsByID` call through the client's authenticated transport. The two protobuf messages
 * involved are encoded and decoded by hand below (field numbers from
 * third_party/ml-metadata/ml_metadata/proto/metadata_store{,_service}.proto in kubeflow/pipelines).
 * Unreachable metadata is not an error: the result says why there are no values.
 */
export interface MetricValue {
  readonly task: string;
  readonly artifact: string;
  readonly name: string;
  readonly value: number;
}

export interface RunMetrics {
  readonly values: MetricValue[];
  /** Why `values` is empty, when it is. */
  readonly note?: string;
}

const METRICS_TYPE = 'system.Metrics';

export async function collectRunMetrics(kfp: KfpClient, run: Run): Promise<RunMetrics> {
  const owners = new Map<string, { task: string; output: string }>();
  for (const t of run.run_details?.task_details ?? []) {
    for (const [output, list] of Object.entries(t.outputs ?? {})) {
      for (const id of list.artifact_ids ?? []) owners.set(String(id), { task: t.display_name ?? t.task_id ?? '?', output });
    }
  }
  if (owners.size === 0) return { values: [], note: 'the run reported no output artifacts' };
  const ids = [...owners.keys()].filter((id) => /^\d+$/.test(id));
  let artifacts: MlmdArtifact[];
  try {
    artifacts = await getArtifactsById(kfp, ids);
  } catch (err) {
    const why = isKfpError(err) ? err.code : (err as Error).message;
    return { values: [], note: `metric values are kept in ML Metadata, which did not answer at ${kfp.http.baseUrl.origin}/ml_metadata.MetadataStoreService (${why}); see them in the UI` };
  }
  const values: MetricValue[] = [];
  for (const a of artifacts) {
    if (a.type !== undefined && a.type !== METRICS_TYPE) continue;
    const owner = owners.get(String(a.id));
    for (const [name, v] of Object.entries(a.customProperties).sort(([x], [y]) => x.localeCompare(y))) {
      if (typeof v !== 'number' || name === 'display_name') continue;
      values.push({ task: owner?.task ?? '?', artifact: owner?.output ?? a.name ?? String(a.id), name, value: v });
    }
  }
  return values.length > 0 ? { values } : { values, note: 'no task logged metrics' };
}

export interface MlmdArtifact {
  readonly id: bigint;
  readonly typeId: bigint | undefined;
  readonly type: string | undefined;
  readonly name: string | undefined;
  readonly uri: string | undefined;
  readonly customProperties: Record<string, number | string | boolean | undefined>;
}

export async function getArtifactsById(kfp: KfpClient, ids: readonly string[]): Promise<MlmdArtifact[]> {
  const message = encodeGetArtifactsByIdRequest(ids.map((i) => BigInt(i)));
  const frame = Buffer.alloc(5 + message.length);
  frame[0] = 0;
  frame.writeUInt32BE(message.length, 1);
  message.copy(frame, 5);
  // The metadata proxy hangs off the origin, not the API's path prefix.
  const http = kfp.http;
  const res = await http.raw({
    operation: 'MetadataStoreService_GetArtifactsByID',
    method: 'POST',
    path: `${originRelative(http.baseUrl)}/ml_metadata.MetadataStoreService/GetArtifactsByID`,
    rawBody: { bytes: frame, contentType: 'application/grpc-web+proto' },
    headers: { accept: 'application/grpc-web+proto', 'x-grpc-web': '1' },
    idempotent: true,
  });
  const { messages, status, statusMessage } = decodeGrpcWebFrames(res.body, res.headers['grpc-status'], res.headers['grpc-message']);
  if (status !== 0) throw new Error(`grpc-status ${status}${statusMessage ? `: ${statusMessage}` : ''}`);
  const body = messages[0] ?? Buffer.alloc(0);
  return decodeGetArtifactsByIdResponse(body);
}

/** The path that, appended to the base URL, reaches the origin root (`/pipeline` → `/..`). */
function originRelative(base: URL): string {
  const depth = base.pathname.split('/').filter((s) => s !== '').length;
  return depth === 0 ? '' : `/${Array(depth).fill('..').join('/')}`;
}

// ---- protobuf wire format, just enough for these messages -------------------------------------

function encodeVarint(value: bigint): number[] {
  let v = BigInt.asUintN(64, value);
  const out: number[] = [];
  while (v >= 0x80n) {
    out.push(Number(v & 0x7fn) | 0x80);
    v >>= 7n;
  }
  out.push(Number(v));
  return out;
}

export function encodeGetArtifactsByIdRequest(ids: readonly bigint[]): Buffer {
  const bytes: number[] = [];
  for (const id of ids) bytes.push(0x08, ...encodeVarint(id)); // field 1, varint
  bytes.push(0x18, 0x01); // field 3 populate_artifact_types = true
  return Buffer.from(bytes);
}

class Reader {
  pos = 0;
  constructor(readonly buf: Buffer) {}
  get done(): boolean {
    return this.pos >= this.buf.length;
  }
  varint(): bigint {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      if (this.pos >= this.buf.length) throw new Error('truncated varint');
      const b = this.buf[this.pos++] as number;
      result |= BigInt(b & 0x7f) << shift;
      if ((b & 0x80) === 0) return result;
      shift += 7n;
      if (shift > 70n) throw new Error('varint too long');
    }
  }
  bytes(): Buffer {
    const len = Number(this.varint());
    if (this.pos + len > this.buf.length) throw new Error('truncated field');
    const out = this.buf.subarray(this.pos, this.pos + len);
    this.pos += len;
    return out;
  }
  fixed64(): Buffer {
    const out = this.buf.subarray(this.pos, this.pos + 8);
    this.pos += 8;
    return out;
  }
  skip(wireType: number): void {
    if (wireType === 0) this.varint();
    else if (wireType === 1) this.pos += 8;
    else if (wireType === 2) this.bytes();
    else if (wireType === 5) this.pos += 4;
    else throw new Error(`unsupported wire type ${wireType}`);
  }
  /** Iterates fields as [number, wireType]. */
  *fields(): Generator<[number, number]> {
    while (!this.done) {
      const tag = Number(this.varint());
      yield [tag >>> 3, tag & 7];
    }
  }
}

export function decodeGetArtifactsByIdResponse(buf: Buffer): MlmdArtifact[] {
  const artifacts: Array<Omit<MlmdArtifact, 'type'> & { type: string | undefined }> = [];
  const typeNames = new Map<bigint, string>();
  const r = new Reader(buf);
  for (const [field, wt] of r.fields()) {
    if (field === 1 && wt === 2) artifacts.push(decodeArtifact(r.bytes()));
    else if (field === 2 && wt === 2) {
      const t = decodeArtifactType(r.bytes());
      if (t.id !== undefined && t.name !== undefined) typeNames.set(t.id, t.name);
    } else r.skip(wt);
  }
  return artifacts.map((a) => ({ ...a, type: a.type ?? (a.typeId !== undefined ? typeNames.get(a.typeId) : undefined) }));
}

function decodeArtifact(buf: Buffer): MlmdArtifact {
  const r = new Reader(buf);
  let id = 0n;
  let typeId: bigint | undefined;
  let type: string | undefined;
  let name: string | undefined;
  let uri: string | undefined;
  const customProperties: Record<string, number | string | boolean | undefined> = {};
  for (const [field, wt] of r.fields()) {
    if (field === 1 && wt === 0) id = r.varint();
    else if (field === 2 && wt === 0) typeId = r.varint();
    else if (field === 3 && wt === 2) uri = r.bytes().toString('utf8');
    else if (field === 5 && wt === 2) {
      const [k, v] = decodeMapEntry(r.bytes());
      if (k !== undefined) customProperties[k] = v;
    } else if (field === 7 && wt === 2) name = r.bytes().toString('utf8');
    else if (field === 8 && wt === 2) type = r.bytes().toString('utf8');
    else r.skip(wt);
  }
  return { id, typeId, type, name, uri, customProperties };
}

function decodeArtifactType(buf: Buffer): { id: bigint | undefined; name: string | undefined } {
  const r = new Reader(buf);
  let id: bigint | undefined;
  let name: string | undefined;
  for (const [field, wt] of r.fields()) {
    if (field === 1 && wt === 0) id = r.varint();
    else if (field === 2 && wt === 2) name = r.bytes().toString('utf8');
    else r.skip(wt);
  }
  return { id, name };
}

/** map<string, Value> entry: key = 1, value = 2 (Value: int 1, double 2, string 3, bool 6). */
function decodeMapEntry(buf: Buffer): [string | undefined, number | string | boolean | undefined] {
  const r = new Reader(buf);
  let key: string | undefined;
  let value: number | string | boolean | undefined;
  for (const [field, wt] of r.fields()) {
    if (field === 1 && wt === 2) key = r.bytes().toString('utf8');
    else if (field === 2 && wt === 2) {
      const v = new Reader(r.bytes());
      for (const [vf, vwt] of v.fields()) {
        if (vf === 1 && vwt === 0) value = Number(BigInt.asIntN(64, v.varint()));
        else if (vf === 2 && vwt === 1) value = v.fixed64().readDoubleLE(0);
        else if (vf === 3 && vwt === 2) value = v.bytes().toString('utf8');
        else if (vf === 6 && vwt === 0) value = v.varint() !== 0n;
        else v.skip(vwt);
      }
    } else r.skip(wt);
  }
  return [key, value];
}

/** grpc-web body: frames of [flag][u32 length][payload]; flag 0x80 marks the trailers. */
export function decodeGrpcWebFrames(
  body: Buffer,
  headerStatus: string | string[] | undefined,
  headerMessage?: string | string[] | undefined,
): { messages: Buffer[]; status: number; statusMessage: string | undefined } {
  const messages: Buffer[] = [];
  // A "trailers-only" answer (an error without a body) carries the status in the HTTP headers.
  let status = headerStatus === undefined ? undefined : Number(Array.isArray(headerStatus) ? headerStatus[0] : headerStatus);
  const hm = Array.isArray(headerMessage) ? headerMessage[0] : headerMessage;
  let statusMessage: string | undefined = hm === undefined || hm === '' ? undefined : decodeURIComponent(hm);
  let pos = 0;
  while (pos + 5 <= body.length) {
    const flag = body[pos] as number;
    const len = body.readUInt32BE(pos + 1);
    const payload = body.subarray(pos + 5, pos + 5 + len);
    pos += 5 + len;
    if ((flag & 0x80) === 0) {
      messages.push(payload);
      continue;
    }
    for (const line of payload.toString('utf8').split('\r\n')) {
      const i = line.indexOf(':');
      if (i < 0) continue;
      const k = line.slice(0, i).trim().toLowerCase();
      const v = line.slice(i + 1).trim();
      if (k === 'grpc-status') status = Number(v);
      if (k === 'grpc-message' && v !== '') statusMessage = decodeURIComponent(v);
    }
  }
  return { messages, status: status ?? 0, statusMessage };
}
