import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The read-only shared material beside the repository; tests fail loudly when it is missing. */
export function sharedDir(): string {
  const dir = path.resolve(REPO, '..', 'shared');
  if (!existsSync(dir)) throw new Error(`${dir} is missing: the tests need ../shared (the kfp corpus and the seed) beside the repository`);
  return dir;
}

/** The test venv's Python (made by .ci/run from requirements.txt). */
export function venvPython(): string {
  const py = path.join(REPO, '.venv', 'bin', 'python');
  if (!existsSync(py)) throw new Error(`${py} is missing: create the venv with 'bash .ci/run' (or python3 -m venv .venv && .venv/bin/pip install -r requirements.txt)`);
  return py;
}
