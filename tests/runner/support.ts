/**
 * Running small pipelines through the local runner in tests: compile (kfp-ts's own compiler),
 * load as a user's file would be loaded, run with the test venv as `--venv` (no installs), in a
 * temporary pipeline root the caller removes.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadPipelinePackage } from '../../src/client/pipeline-file.ts';
import type { Pipeline } from '../../src/dsl/pipeline.ts';
import type { JsonValue } from '../../src/ir/index.ts';
import { compileToYaml } from '../../src/project/compile-to-yaml.ts';
import { runLocal, type LocalRunResult, type RunLocalOptions, type TaskRecord } from '../../src/runner/index.ts';
import { REPO } from '../support/repo.ts';

export const VENV = path.join(REPO, '.venv');

export async function compileText(p: Pipeline): Promise<string> {
  const result = await compileToYaml(p.build(), {});
  if (result.yamlText === undefined) throw new Error(result.diagnostics.map((d) => `${d.code} ${d.path}: ${d.message}`).join('\n'));
  return result.yamlText;
}

export function loadText(text: string) {
  const loaded = loadPipelinePackage(text);
  if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => d.message).join('\n'));
  return loaded.pkg;
}

export class TempRoot {
  readonly dir = mkdtempSync(path.join(os.tmpdir(), 'kfp-ts-runner-'));
  path(...parts: string[]): string {
    return path.join(this.dir, ...parts);
  }
  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Compiles and runs a pipeline with the test venv; caching off unless asked. */
export async function runPipeline(p: Pipeline, args: Record<string, JsonValue>, root: TempRoot, options: RunLocalOptions = {}): Promise<LocalRunResult> {
  const pkg = loadText(await compileText(p));
  return runLocal(pkg.pipelineSpec, args, {
    venv: VENV,
    pipelineRoot: root.path('root'),
    disableCaching: true,
    ...(pkg.platformSpec !== undefined ? { platformSpec: pkg.platformSpec } : {}),
    ...options,
  });
}

export function task(result: LocalRunResult, taskPath: string): TaskRecord {
  const t = result.tasks.find((r) => r.path === taskPath);
  if (t === undefined) throw new Error(`no task ${taskPath} in ${result.tasks.map((r) => r.path).join(', ')}`);
  return t;
}

export function states(result: LocalRunResult): Record<string, string> {
  return Object.fromEntries(result.tasks.map((t) => [t.path, t.state]));
}

export function readLog(record: TaskRecord): string {
  return record.logFile === undefined ? '' : readFileSync(record.logFile, 'utf8');
}

/** Every record of a task name (a task in a loop has one per iteration), in path order. */
export function named(result: LocalRunResult, name: string): TaskRecord[] {
  return result.tasks.filter((r) => r.name === name).sort((a, b) => a.path.localeCompare(b.path));
}
