/** Shared by the validate tests: where the repo, the corpus and the Python venv are. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');

function required(what: string, p: string): string {
  if (!existsSync(p)) throw new Error(`${what} is missing: expected it at ${p}. These tests never skip; provide it.`);
  return p;
}

export const sharedRoot = (): string => required('the shared folder (../shared next to the repo)', path.resolve(repoRoot, '..', 'shared'));
export const corpusRoot = (): string => required('the KFP IR corpus', path.join(sharedRoot(), 'kfp-corpus', 'sdk-2.17.0'));
export const pythonPath = (): string => required('the Python venv (pip install -r requirements.txt into .venv)', path.join(repoRoot, '.venv', 'bin', 'python'));

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...yamlFiles(p));
    else if (/\.ya?ml$/.test(name)) out.push(p);
  }
  return out;
}

export interface CorpusFiles {
  readonly valid: string[];
  readonly invalid: string[];
}

export function corpusFiles(): CorpusFiles {
  const root = corpusRoot();
  const valid = [
    ...yamlFiles(required('corpus valid/', path.join(root, 'test_data', 'sdk_compiled_pipelines', 'valid'))),
    ...yamlFiles(required('corpus kubernetes snapshots', path.join(root, 'kubernetes_platform_snapshot'))),
  ];
  const invalid = yamlFiles(required('corpus invalid/', path.join(root, 'test_data', 'sdk_compiled_pipelines', 'invalid')));
  if (valid.length === 0 || invalid.length === 0) throw new Error(`the corpus under ${root} holds no YAML files`);
  return { valid, invalid };
}

export function relativeToCorpus(file: string): string {
  return path.relative(corpusRoot(), file);
}

/** Run a Python script of this folder with the venv, feeding `input` as JSON; parse its JSON output. */
export function runPythonJson<T>(script: string, input: unknown): T {
  const result = spawnSync(pythonPath(), [path.join(repoRoot, 'tests', 'validate', script)], {
    input: JSON.stringify(input),
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  if (result.status !== 0) throw new Error(`${script} failed (${result.status}): ${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}
