/**
 * The one test of the venv path (every other test runs with `venv: .venv`): a component with
 * packages_to_install gets a virtual environment made for its package set — the prelude's own
 * pip installs, `kfp` included, from the package index — once; a second run reuses it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { pipeline, pythonComponent, z } from '../../src/index.ts';
import type { RunEvent } from '../../src/runner/index.ts';
import { TempRoot, runPipeline, task } from './support.ts';

const root = new TempRoot();
afterAll(() => root.remove());

const sixVersion = pythonComponent({
  name: 'six_version',
  source: {
    code: `
def six_version() -> str:
    import sys
    import six
    return f"{six.__version__} {sys.prefix}"
`,
  },
  packagesToInstall: ['six==1.17.0'],
  outputs: { Output: z.string() },
});

it('creates a venv for a package set once, with the prelude\'s installs, and reuses it', async () => {
  const p = pipeline({ name: 'venv', outputs: { Output: z.string() } }, (_p, s) => ({ Output: s.task(sixVersion, {}).outputs.Output }));
  const cache = root.path('venvs');
  const progress: string[] = [];
  const onEvent = (e: RunEvent): void => void (e.kind === 'progress' && progress.push(e.message));
  const first = await runPipeline(p, {}, root, { venv: undefined, venvCacheDir: cache, onEvent });
  expect(first.state, JSON.stringify(task(first, 'six-version'))).toBe('SUCCEEDED');
  const [made] = readdirSync(cache).filter((d) => !d.endsWith('.lock'));
  const venv = path.join(cache, made!);
  expect(first.outputs.parameters['Output']).toBe(`1.17.0 ${venv}`);
  expect(progress.some((m) => m.startsWith('creating a Python environment for six==1.17.0, kfp==2.17.3'))).toBe(true);
  expect(JSON.parse(readFileSync(path.join(venv, 'packages.json'), 'utf8')).installs.flat()).toEqual(expect.arrayContaining(['six==1.17.0', 'kfp==2.17.3']));
  expect(existsSync(path.join(venv, 'bin', 'python3'))).toBe(true);

  progress.length = 0;
  const second = await runPipeline(p, {}, root, { venv: undefined, venvCacheDir: cache, onEvent });
  expect(second.outputs.parameters['Output']).toBe(`1.17.0 ${venv}`);
  expect(progress).toEqual([]);
});
