/**
 * Components loaded from URLs (kfp's `load_component_from_url`) served on 127.0.0.1: two v1
 * files of the public collection and a v2 IR file, through loadComponentFromUrl (the client's
 * transport), into a content-addressed cache (revalidation and pinned digests are tested in
 * tests/load/url-loader.test.ts). Items of an untyped list into a String input.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Artifact, Dataset, input, loadComponentFromUrl, output, pipeline, z } from '../../../src/index.ts';

/** Serves tests/ on a free local port while `use` runs. */
async function withTestServer<T>(use: (base: string) => Promise<T>): Promise<T> {
  const server = createServer((req, res) => {
    readFile(new URL(`../..${req.url ?? '/'}`, import.meta.url)).then(
      (body) => res.end(body),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    return await use(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

const cacheDir = await mkdtemp(path.join(tmpdir(), 'kfp-ts-component-cache-'));
const [chicagoTaxiTrips, calculateHash, makeData] = await withTestServer(async (base) => {
  const chicago = await loadComponentFromUrl(`${base}/fixtures/kfp-v1-components/chicago_taxi_trips.yaml`, {
    cacheDir,
    inputs: { where: z.string().optional(), limit: z.int().optional(), select: z.string().optional(), format: z.string().optional() },
    outputs: { table: output(Artifact) },
  });
  const hash = await loadComponentFromUrl(`${base}/fixtures/kfp-v1-components/calculate_hash.yaml`, {
    cacheDir,
    inputs: { data: input(Artifact), hash_algorithm: z.string().default('SHA256') },
    outputs: { hash: output(Artifact) },
  });
  const make = await loadComponentFromUrl(`${base}/cross/fixtures/loaded_make_data.yaml`, { cacheDir, inputs: { rows: z.int() }, outputs: { data: output(Dataset) } });
  return [chicago, hash, make] as const;
}).finally(() => rm(cacheDir, { recursive: true, force: true }));

export default pipeline({ name: 'v1-from-url', inputs: { algorithms: z.array(z.unknown()).default(['SHA256', 'MD5']) } }, (p, s) => {
  const data = s.task(chicagoTaxiTrips, { limit: 10 });
  s.parallelFor(p.algorithms, (algorithm, s) => void s.task(calculateHash, { data: data.outputs.table, hash_algorithm: algorithm }));
  const made = s.task(makeData, { rows: 3 });
  s.task(calculateHash, { data: made.outputs.data });
});
