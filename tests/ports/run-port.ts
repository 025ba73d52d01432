/**
 * Compiles one port and compares it with its golden (used by ports.test.ts and show.ts).
 *
 * Two corpora share one list of names: kfp's compiled pipelines (`valid/**`, named by their path
 * there, e.g. `critical/flip_coin`) and kfp-kubernetes' snapshot documents, named
 * `kubernetes_platform_snapshot/<name>`. A port lives at `pipelines/<name>.ts` either way.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CompileOptions } from '../../src/compiler/options.ts';
import type { Pipeline } from '../../src/dsl/pipeline.ts';
import { compileToYaml } from '../../src/project/compile-to-yaml.ts';
import { formatPath } from '../../src/diagnostics.ts';
import { parseAllDocuments } from 'yaml';
import { REPO, sharedDir, venvPython } from '../support/repo.ts';
import { irDifferences, loadIr } from '../support/yaml-compare.ts';
import { normalizeIr } from './normalize.ts';

export const CORPUS = path.join(sharedDir(), 'kfp-corpus', 'sdk-2.17.0', 'test_data', 'sdk_compiled_pipelines', 'valid');
/** kfp-kubernetes' snapshot goldens (`kubernetes_platform/python/test/snapshot/data/*.yaml`). */
export const SNAPSHOTS = path.join(sharedDir(), 'kfp-corpus', 'sdk-2.17.0', 'kubernetes_platform_snapshot');
const SNAPSHOT_PREFIX = 'kubernetes_platform_snapshot/';
/**
 * Goldens of kfp's corpus that ../shared does not carry, kept here as data with their programs
 * taken out (see goldens/README.md); named like the corpus's.
 */
const EXTRA = path.join(REPO, 'tests', 'ports', 'goldens');
const PORTS = path.join(REPO, 'tests', 'ports', 'pipelines');
export const EXPECTED: string[] = JSON.parse(readFileSync(path.join(REPO, 'tests', 'ports', 'expected-equal.json'), 'utf8'));

export function goldens(dir: string, rel = ''): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const full = path.join(dir, f);
      if (statSync(full).isDirectory()) return goldens(full, `${rel}${f}/`);
      return f.endsWith('.yaml') ? [`${rel}${f.slice(0, -5)}`] : [];
    });
}

/** Every golden: `valid/**` by its path (with the extra ones kept here), then the snapshots under `kubernetes_platform_snapshot/`. */
export function allGoldens(): string[] {
  const valid = goldens(CORPUS);
  const clash = valid.find((n) => n.startsWith(SNAPSHOT_PREFIX));
  if (clash) throw new Error(`${clash}: a golden in ${CORPUS} would shadow the kubernetes snapshot names`);
  const extra = goldens(EXTRA);
  const twice = extra.find((n) => valid.includes(n));
  if (twice) throw new Error(`${twice}: ../shared's corpus has this golden now; remove tests/ports/goldens/${twice}.yaml`);
  return [...[...valid, ...extra].sort(), ...goldens(SNAPSHOTS, SNAPSHOT_PREFIX)];
}

/** The golden file for a name from {@link allGoldens}. */
export function goldenFile(name: string): string {
  if (name.startsWith(SNAPSHOT_PREFIX)) return path.join(SNAPSHOTS, `${name.slice(SNAPSHOT_PREFIX.length)}.yaml`);
  const extra = path.join(EXTRA, `${name}.yaml`);
  return existsSync(extra) ? extra : path.join(CORPUS, `${name}.yaml`);
}

interface PortModule {
  default: Pipeline;
  compileOptions?: Omit<CompileOptions, 'sources'>;
}

/**
 * Parses a golden as kfp's tests do (PyYAML). One golden (essential/placeholder_with_if_placeholder_none_input_value)
 * continues a single-quoted scalar at the indentation of its sequence dash: PyYAML accepts it, the
 * `yaml` package reports errors (and `loadIr` would return a truncated document), so such files are
 * read with PyYAML from the test venv. So are goldens with a plain `y`/`n` scalar, which the `yaml`
 * package's YAML 1.1 reads as a boolean and PyYAML as a string.
 */
function loadGolden(file: string): unknown[] {
  const text = readFileSync(file, 'utf8');
  // The `yaml` package's YAML 1.1 also reads a plain y/n (kfp's parameter `y:`) as a boolean; PyYAML does not.
  const plainYesNo = /(?:^|[\s[{,])[yYnN](?=:|\s*$|[,\]}])/m.test(text);
  if (!plainYesNo && parseAllDocuments(text, { version: '1.1' }).every((d) => d.errors.length === 0)) return loadIr(text);
  const py = 'import json, sys, yaml; print(json.dumps(list(yaml.safe_load_all(open(sys.argv[1])))))';
  const r = spawnSync(venvPython(), ['-c', py, file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`PyYAML could not read ${file}: ${r.stderr}`);
  return JSON.parse(r.stdout) as unknown[];
}

export type Outcome = { status: 'equal' } | { status: 'differs' | 'not ported' | 'error'; detail: string[] };

export async function runPort(name: string): Promise<Outcome> {
  const file = path.join(PORTS, `${name}.ts`);
  if (!existsSync(file)) return { status: 'not ported', detail: [] };
  try {
    const mod = (await import(pathToFileURL(file).href)) as PortModule;
    const ours = await compileToYaml(mod.default.build(), mod.compileOptions ?? {});
    const errors = ours.diagnostics.filter((d) => d.severity !== 'warning');
    if (!ours.yamlText) return { status: 'error', detail: errors.map((d) => `${d.code} ${formatPath(d.path)}: ${d.message}`) };
    const theirs = loadGolden(goldenFile(name));
    const diffs = irDifferences(normalizeIr(loadIr(ours.yamlText)), normalizeIr(theirs));
    return diffs.length === 0 ? { status: 'equal' } : { status: 'differs', detail: diffs };
  } catch (err) {
    return { status: 'error', detail: [err instanceof Error ? err.message : String(err)] };
  }
}

