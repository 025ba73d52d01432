/**
 * Components loaded from a URL (kfp's `load_component_from_url`): kfp-ts takes IR text, so the
 * pipeline fetches it and hands it to componentFromIrYaml. A local HTTP server stands in for the
 * remote host. The loaded pipeline (with kubernetes settings) runs inside a ParallelFor over a
 * parameter, a loaded component inside a condition; the component's executor clashes with the
 * pipeline's (`-2`).
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { componentFromIrYaml, eq, pipeline, z } from '../../../src/index.ts';

/** Serves the fixtures directory on a free local port while `use` runs. */
async function withFixtureServer<T>(use: (base: string) => Promise<T>): Promise<T> {
  const server = createServer((req, res) => {
    readFile(new URL(`../fixtures${req.url ?? '/'}`, import.meta.url)).then(
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

const fetchText = async (url: string): Promise<string> => {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`GET ${url}: ${res.status}`);
  return res.text();
};

const [prepareAndTrain, makeData] = await withFixtureServer(async (base) => [
  componentFromIrYaml(await fetchText(`${base}/loaded_prepare_and_train.yaml`)),
  componentFromIrYaml(await fetchText(`${base}/loaded_make_data.yaml`)),
]);

export default pipeline({ name: 'loaded-from-url', inputs: { sizes: z.array(z.int()).default([5, 10]), big: z.boolean().default(true) } }, (p, s) => {
  s.parallelFor(p.sizes, (rows, s) => void s.task(prepareAndTrain!, { rows, epochs: 1 }), { parallelism: 1 });
  s.if(eq(p.big, true), (s) => void s.task(makeData!, { rows: 100 }));
});
