/**
 * Every pipeline the test suite compiles from TypeScript: the seed pipelines (pipelines/), the
 * cross-compile cases (tests/cross/cases) and the corpus ports (tests/ports/pipelines). Used to
 * hand all of them to checks that look at compiled output as a whole (the KFP backend's own code).
 */
import { readdirSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CompileOptions } from '../../src/compiler/options.ts';
import { formatPath, type Diagnostic } from '../../src/diagnostics.ts';
import type { Pipeline } from '../../src/dsl/pipeline.ts';
import { compileToYaml } from '../../src/project/compile-to-yaml.ts';
import { REPO } from './repo.ts';

interface PipelineModule {
  default?: unknown;
  compileOptions?: Omit<CompileOptions, 'sources'>;
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const full = path.join(dir, f);
      if (statSync(full).isDirectory()) return tsFiles(full);
      return f.endsWith('.ts') && !f.startsWith('_') ? [full] : [];
    });
}

function isPipeline(v: unknown): v is Pipeline {
  return typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 'pipelineHandle';
}

/** The modules whose default export is a pipeline, relative to the repository. */
export function suitePipelineFiles(): string[] {
  return [
    ...tsFiles(path.join(REPO, 'pipelines')),
    ...tsFiles(path.join(REPO, 'tests', 'cross', 'cases')),
    ...tsFiles(path.join(REPO, 'tests', 'ports', 'pipelines')),
  ].map((f) => path.relative(REPO, f));
}

export interface CompiledSuitePipeline {
  /** The module, relative to the repository. */
  readonly source: string;
  /** The compiled file, or undefined when the module has no default pipeline or did not compile. */
  readonly yamlFile?: string;
  readonly problem?: string;
  /** The compile's warnings (e.g. what the KFP backend will refuse to run). */
  readonly warnings: readonly Diagnostic[];
}

/** Compiles each suite pipeline into `outDir` (one file per module, named after its path). */
export async function compileSuitePipelines(outDir: string): Promise<CompiledSuitePipeline[]> {
  const out: CompiledSuitePipeline[] = [];
  for (const source of suitePipelineFiles()) {
    const mod = (await import(pathToFileURL(path.join(REPO, source)).href)) as PipelineModule;
    if (!isPipeline(mod.default)) {
      out.push({ source, problem: 'no default-exported pipeline', warnings: [] });
      continue;
    }
    const result = await compileToYaml(mod.default.build(), mod.compileOptions ?? {});
    if (result.yamlText === undefined) {
      out.push({ source, problem: result.diagnostics.map((d) => `${d.code} ${formatPath(d.path)}: ${d.message}`).join('; '), warnings: [] });
      continue;
    }
    const yamlFile = path.join(outDir, `${source.replace(/\.ts$/, '').replace(/[\\/]/g, '__')}.yaml`);
    await writeFile(yamlFile, result.yamlText);
    out.push({ source, yamlFile, warnings: result.diagnostics.filter((d) => d.severity === 'warning') });
  }
  return out;
}
