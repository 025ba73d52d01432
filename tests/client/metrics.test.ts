import { afterEach, describe, expect, it } from 'vitest';
import { KfpClient } from '../../src/client/kfp-client.ts';
import { collectRunMetrics } from '../../src/client/metrics.ts';
import type { Run } from '../../src/client/schemas.ts';
import { loopback, type Loopback } from './support/loopback.ts';

/**
 * Metric values come from ML Metadata over grpc-web (what the KFP UI does). The server below speaks
 * grpc-web with messages built by the small protobuf writer in this file, independent of the
 * client's reader, following metadata_store.proto / metadata_store_service.proto field numbers.
 */

// ---- an independent protobuf writer ------------------------------------------------------------
const varint = (n: bigint): number[] => {
  const out: number[] = [];
  let v = BigInt.asUintN(64, n);
  do {
    let b = Number(v & 127n);
    v >>= 7n;
    if (v > 0n) b |= 128;
    out.push(b);
  } while (v > 0n);
  return out;
};
const tag = (field: number, wire: number): number[] => varint(BigInt((field << 3) | wire));
const len = (field: number, bytes: number[]): number[] => [...tag(field, 2), ...varint(BigInt(bytes.length)), ...bytes];
const str = (field: number, s: string): number[] => len(field, [...Buffer.from(s, 'utf8')]);
const int = (field: number, n: bigint): number[] => [...tag(field, 0), ...varint(n)];
const dbl = (field: number, x: number): number[] => {
  const b = Buffer.alloc(8);
  b.writeDoubleLE(x);
  return [...tag(field, 1), ...b];
};
const value = (v: number | string): number[] => (typeof v === 'string' ? str(3, v) : Number.isInteger(v) ? int(1, BigInt(v)) : dbl(2, v));
const artifact = (id: number, typeId: number, props: Record<string, number | string>): number[] => [
  ...int(1, BigInt(id)),
  ...int(2, BigInt(typeId)),
  ...str(3, `minio://mlpipeline/v2/artifacts/${id}`),
  ...Object.entries(props).flatMap(([k, v]) => len(5, [...str(1, k), ...len(2, value(v))])),
  ...int(6, 2n), // state LIVE
];
const artifactType = (id: number, name: string): number[] => [...int(1, BigInt(id)), ...str(2, name)];
const frame = (flag: number, payload: Buffer): Buffer => {
  const h = Buffer.alloc(5);
  h[0] = flag;
  h.writeUInt32BE(payload.length, 1);
  return Buffer.concat([h, payload]);
};

/** Reads the repeated int64 field 1 (packed or not) of GetArtifactsByIDRequest. */
function requestedIds(msg: Buffer): number[] {
  const ids: number[] = [];
  let i = 0;
  const readVarint = (): bigint => {
    let r = 0n;
    let s = 0n;
    for (;;) {
      const b = msg[i++] ?? 0;
      r |= BigInt(b & 127) << s;
      if ((b & 128) === 0) return r;
      s += 7n;
    }
  };
  while (i < msg.length) {
    const t = Number(readVarint());
    if (t === 0x08) ids.push(Number(readVarint()));
    else if (t === 0x0a) {
      const end = Number(readVarint()) + i;
      while (i < end) ids.push(Number(readVarint()));
    } else readVarint();
  }
  return ids;
}

const run: Run = {
  run_id: 'r1',
  state: 'SUCCEEDED',
  run_details: {
    task_details: [
      { display_name: 'train-model', outputs: { metrics: { artifact_ids: ['41'] }, model: { artifact_ids: ['42'] } } },
      { display_name: 'evaluate', outputs: { scores: { artifact_ids: [43] } } },
    ],
  },
};

describe('run metrics from ML Metadata', () => {
  let server: Loopback | undefined;
  afterEach(async () => {
    await server?.stop();
  });

  it('GIVEN metrics artifacts WHEN collected THEN numeric custom properties of system.Metrics artifacts are the metrics', async () => {
    let seen: { path: string; contentType: string | undefined; ids: number[] } | undefined;
    server = await loopback((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        seen = { path: req.url ?? '', contentType: req.headers['content-type'], ids: requestedIds(body.subarray(5)) };
        const response = Buffer.from([
          ...len(1, artifact(41, 7, { accuracy: 0.9375, f1: 0.91, display_name: 'metrics', epochs: 12 })),
          ...len(1, artifact(42, 8, { framework: 'sklearn' })),
          ...len(1, artifact(43, 7, { auc: 0.5 })),
          ...len(2, artifactType(7, 'system.Metrics')),
          ...len(2, artifactType(8, 'system.Model')),
        ]);
        res.writeHead(200, { 'content-type': 'application/grpc-web+proto' });
        res.end(Buffer.concat([frame(0, response), frame(0x80, Buffer.from('grpc-status: 0\r\ngrpc-message: \r\n'))]));
      });
    });
    // The API behind a path prefix: the metadata proxy is found at the origin.
    const m = await collectRunMetrics(new KfpClient({ host: `${server.url}/pipeline` }), run);
    expect(seen).toEqual({ path: '/ml_metadata.MetadataStoreService/GetArtifactsByID', contentType: 'application/grpc-web+proto', ids: [41, 42, 43] });
    expect(m).toEqual({
      values: [
        { task: 'train-model', artifact: 'metrics', name: 'accuracy', value: 0.9375 },
        { task: 'train-model', artifact: 'metrics', name: 'epochs', value: 12 },
        { task: 'train-model', artifact: 'metrics', name: 'f1', value: 0.91 },
        { task: 'evaluate', artifact: 'scores', name: 'auc', value: 0.5 },
      ],
    });
  });

  it('GIVEN no metadata proxy (404) or a grpc error THEN no values and a note saying why, not a failure', async () => {
    server = await loopback((_req, res) => {
      res.writeHead(404);
      res.end('404 page not found');
    });
    const m = await collectRunMetrics(new KfpClient({ host: server.url, retry: { maxAttempts: 1 } }), run);
    expect(m.values).toEqual([]);
    expect(m.note).toMatch(/^metric values are kept in ML Metadata, which did not answer at http:\/\/127\.0\.0\.1:\d+\/ml_metadata\.MetadataStoreService \(client\/not-found\); see them in the UI$/);
    await server.stop();
    server = await loopback((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/grpc-web+proto', 'grpc-status': '7', 'grpc-message': 'denied' });
      res.end();
    });
    const denied = await collectRunMetrics(new KfpClient({ host: server.url }), run);
    expect(denied.note).toMatch(/\(grpc-status 7: denied\)/);
  });

  it('GIVEN a run without output artifacts THEN nothing is requested', async () => {
    const m = await collectRunMetrics(new KfpClient({ host: 'http://127.0.0.1:9' }), { run_id: 'x' });
    expect(m).toEqual({ values: [], note: 'the run reported no output artifacts' });
  });
});
