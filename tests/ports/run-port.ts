/** Compiles one port and compares it with its golden (used by ports.test.ts and show.ts). */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CompileOptions } from '../../src/compiler/options.ts';
import type { Pipeline } from '../../src/dsl/pipeline.ts';
import { compileToYaml } from '../../src/project/compile-to-yaml.ts';
import { REPO, sharedDir } from '../support/repo.ts';
import { irDifferences, loadIr } from '../support/yaml-compare.ts';
import { normalizeIr } from './normalize.ts';

export const CORPUS = path.join(sharedDir(), 'kfp-corpus', 'sdk-2.17.0', 'test_data', 'sdk_compiled_pipelines', 'valid');
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

interface PortModule {
  default: Pipeline;
  compileOptions?: Omit<CompileOptions, 'sources'>;
}

export type Outcome = { status: 'equal' } | { status: 'differs' | 'not ported' | 'error'; detail: string[] };

export async function runPort(name: string): Promise<Outcome> {
  const file = path.join(PORTS, `${name}.ts`);
  if (!existsSync(file)) return { status: 'not ported', detail: [] };
  try {
    const mod = (await import(pathToFileURL(file).href)) as PortModule;
    const ours = await compileToYaml(mod.default.build(), mod.compileOptions ?? {});
    const errors = ours.diagnostics.filter((d) => d.severity !== 'warning');
    if (!ours.yamlText) return { status: 'error', detail: errors.map((d) => `${d.code} ${d.path}: ${d.message}`) };
    const theirs = readFileSync(path.join(CORPUS, `${name}.yaml`), 'utf8');
    const diffs = irDifferences(normalizeIr(loadIr(ours.yamlText)), normalizeIr(loadIr(theirs)));
    return diffs.length === 0 ? { status: 'equal' } : { status: 'differs', detail: diffs };
  } catch (err) {
    return { status: 'error', detail: [err instanceof Error ? err.message : String(err)] };
  }
}

