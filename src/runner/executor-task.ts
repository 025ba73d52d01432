/**
 * One container task, as the driver and launcher run it: secrets and env, the executor input, the
 * cache lookup (a hit hands the cached outputs on), the process — a lightweight Python component
 * as a subprocess in its Python environment, any other container with Docker or Podman — retried
 * as its retry policy says, and its outputs read back: `executor_output.json` first, then each
 * output parameter's file, artifacts merged with what the executor reported.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readIr, type JsonValue, type PipelineContainerSpec } from '../ir/index.ts';
import { fingerprint } from './cache-key.ts';
import { containerRunArgs } from './container-engine.ts';
import type { DagInstance, TaskNode } from './dag-state.ts';
import type { EngineContext } from './engine-context.ts';
import { buildExecutorInput, launcherExecutorInput, type ResolvedInputs } from './executor-input.ts';
import { resolveParameterSpec, type TaskContext } from './input-resolution.ts';
import { secretEnvironment, secretNameSource, timeoutMs } from './kubernetes-settings.ts';
import type { LocalArtifact, TaskOutputs } from './model.ts';
import { resolveArguments } from './placeholders.ts';
import { parsePythonCommand } from './python-command.ts';
import { nextRetryDelayMs, retryPlan } from './retry-policy.ts';
import { runProcess } from './task-process.ts';
import { parseParameterText } from './values.ts';
import type { PythonEnvironment } from './venv-manager.ts';

export const LOG_FILE = 'log.txt';
export const EXECUTOR_INPUT_FILE = 'executor_input.json';

type Outcome = { readonly ok: true } | { readonly ok: false; readonly message: string };

export async function runContainerTask(ctx: EngineContext, dag: DagInstance, node: TaskNode, taskCtx: TaskContext, inputs: ResolvedInputs, container: PipelineContainerSpec, executorLabel: string): Promise<void> {
  const dir = path.join(ctx.runDir, node.path);
  node.dir = dir;
  node.logFile = path.join(dir, LOG_FILE);
  await mkdir(dir, { recursive: true });
  const fail = (message: string): void => {
    node.state = 'FAILED';
    node.message = message;
  };

  const k8s = ctx.kubernetes(executorLabel);
  const named: { spec: NonNullable<typeof k8s>['secretAsEnv'] extends readonly (infer S)[] | undefined ? S : never; name: string }[] = [];
  for (const secret of k8s?.secretAsEnv ?? []) {
    const source = secretNameSource(secret);
    if (source === undefined) continue;
    if ('constant' in source) named.push({ spec: secret, name: source.constant });
    else {
      const r = resolveParameterSpec(taskCtx, source.parameter);
      if (r.ok && typeof r.value === 'string' && r.value !== '') named.push({ spec: secret, name: r.value });
      // An optional secret named by an input that has no value is left out, as the driver does.
      else if (secret.optional !== true) return fail(`the name of secret mapped to ${(secret.keyToEnv ?? []).map((k) => k.envVar).join(', ')} could not be resolved: ${r.ok ? `got ${JSON.stringify(r.value ?? null)}` : r.message}`);
    }
  }
  const secretEnv = secretEnvironment(named, ctx.secrets);
  if (!secretEnv.ok) return fail(secretEnv.message);

  const driverInput = buildExecutorInput(node.component, inputs, dir);
  const caching = ctx.cache !== undefined && node.spec.cachingOptions?.enableCache === true;
  const key = caching ? fingerprint({ executorInput: driverInput, component: node.component, container }) : undefined;
  if (ctx.cache !== undefined && key !== undefined) {
    const hit = await ctx.cache.lookup(key, ctx.pipelineName);
    if (hit !== undefined) {
      node.outputs = hit.outputs;
      node.state = 'CACHED';
      node.message = `outputs reused from run ${hit.runId} (task ${hit.taskPath})`;
      await writeFile(path.join(dir, 'cache-hit.json'), JSON.stringify(hit, null, 2));
      return;
    }
  }

  const executorInput = launcherExecutorInput(node.component, driverInput);
  await writeFile(path.join(dir, EXECUTOR_INPUT_FILE), JSON.stringify(executorInput, null, 2));
  let command: string[];
  let args: string[];
  const image = resolveImage(container.image ?? '', executorInput.inputs?.parameterValues ?? {});
  try {
    const placeholderCtx = { executorInput, runtime: ctx.placeholders.constants };
    command = resolveArguments(container.command ?? [], placeholderCtx);
    args = resolveArguments(container.args ?? [], placeholderCtx);
  } catch (err) {
    return fail((err as Error).message);
  }
  const env: NodeJS.ProcessEnv = { ...ctx.baseEnv };
  for (const e of container.env ?? []) if (e.name) env[e.name] = e.value ?? '';
  Object.assign(env, secretEnv.env);

  const python = parsePythonCommand([...command, ...args]);
  let run: (header: string) => ReturnType<typeof runProcess>;
  if (python !== undefined) {
    let pythonEnv: PythonEnvironment;
    try {
      pythonEnv = ctx.pythonEnvironment ?? (await ctx.venvs.environmentFor(python.installs));
    } catch (err) {
      return fail(`could not prepare the Python environment: ${(err as Error).message}`);
    }
    const tmp = path.join(dir, 'tmp');
    await mkdir(tmp, { recursive: true });
    const bin = pythonEnv.kind === 'venv' ? path.join(pythonEnv.dir, 'bin') : await shimDir(ctx, pythonEnv.python);
    env['PATH'] = `${bin}${path.delimiter}${env['PATH'] ?? ''}`;
    if (pythonEnv.kind === 'venv') env['VIRTUAL_ENV'] = pythonEnv.dir;
    env['TMPDIR'] = tmp;
    run = (header) => runProcess({ command: python.command, env, cwd: dir, logFile: node.logFile!, header, signal: ctx.signal, ...optionalTimeout(k8s) });
  } else {
    const engine = ctx.containerEngine;
    if (engine === undefined) return fail('this container component needs Docker or Podman');
    const name = `kfp-ts-${ctx.runId.slice(0, 8)}-${node.path.replace(/[^a-zA-Z0-9_.-]/g, '-')}`.slice(0, 120);
    const names = Object.keys(env).filter((k) => (container.env ?? []).some((e) => e.name === k) || k in secretEnv.env);
    const engineArgs = containerRunArgs({ name, image, command, args, envNames: names, mounts: [ctx.pipelineRoot, ctx.placeholders.workspacePath], workdir: dir });
    const onAbort = (): void => void execFile(engine.command, ['kill', name], () => undefined);
    run = async (header) => {
      ctx.signal.addEventListener('abort', onAbort, { once: true });
      try {
        return await runProcess({ command: [engine.command, ...engineArgs], env, cwd: dir, logFile: node.logFile!, header, signal: ctx.signal, ...optionalTimeout(k8s) });
      } finally {
        ctx.signal.removeEventListener('abort', onAbort);
      }
    };
  }

  const plan = retryPlan(node.spec.retryPolicy);
  let firstStart: number | undefined;
  for (;;) {
    const release = await ctx.slots.acquire();
    let outcome;
    try {
      if (ctx.signal.aborted) {
        node.state = 'CANCELED';
        return;
      }
      node.attempts++;
      node.state = 'RUNNING';
      node.startedAt ??= Date.now();
      firstStart ??= Date.now();
      ctx.changed(node);
      const header = `${node.attempts > 1 ? '\n' : ''}[kfp-ts] ${new Date().toISOString()} attempt ${node.attempts}: ${python ? 'python' : image}\n`;
      outcome = await run(header);
    } finally {
      release();
    }
    if (outcome.aborted) {
      node.state = 'CANCELED';
      node.message = 'stopped: the run was interrupted';
      return;
    }
    let result: Outcome;
    if (outcome.error !== undefined) result = { ok: false, message: `could not start: ${outcome.error}` };
    else if (outcome.timedOut) result = { ok: false, message: `timed out after ${(timeoutMs(k8s) ?? 0) / 1000} s (activeDeadlineSeconds)` };
    else if (outcome.exitCode !== 0) result = { ok: false, message: outcome.signal ? `killed by ${outcome.signal}` : `exited with code ${outcome.exitCode}` };
    else result = await collectOutputs(node, executorInput);
    if (result.ok) {
      node.state = 'SUCCEEDED';
      delete node.message;
      break;
    }
    const delay = nextRetryDelayMs(plan, node.attempts, firstStart, Date.now());
    if (delay === undefined) {
      await rm(path.join(dir, 'tmp'), { recursive: true, force: true });
      return fail(node.attempts > 1 ? `${result.message} (attempt ${node.attempts} of ${node.attempts})` : result.message);
    }
    node.message = `${result.message}; retrying in ${delay / 1000} s`;
    node.state = 'PENDING';
    ctx.changed(node);
    if (!(await sleep(delay, ctx.signal))) {
      node.state = 'CANCELED';
      return;
    }
  }
  await rm(path.join(dir, 'tmp'), { recursive: true, force: true });
  if (ctx.cache !== undefined && key !== undefined && node.outputs !== undefined) {
    await ctx.cache.store({ fingerprint: key, pipelineName: ctx.pipelineName, runId: ctx.runId, taskPath: node.path, createdAt: new Date().toISOString(), outputs: node.outputs });
  }
}

function optionalTimeout(k8s: Parameters<typeof timeoutMs>[0]): { timeoutMs?: number } {
  const t = timeoutMs(k8s);
  return t === undefined ? {} : { timeoutMs: t };
}

/** The driver's `resolvePodSpecInputRuntimeParameter`: an image given by an input parameter. */
function resolveImage(image: string, parameters: Readonly<Record<string, JsonValue>>): string {
  const match = /\{\{\$\.inputs\.parameters\['(.+?)'\]\}\}/.exec(image);
  if (match === null) return image;
  const value = parameters[match[1] ?? ''];
  return typeof value === 'string' ? value : image;
}

/** A directory whose `python3` and `python` run the given interpreter (so a venv's interpreter keeps its venv). */
async function shimDir(ctx: EngineContext, interpreter: string): Promise<string> {
  const dir = path.join(ctx.runDir, '.python-shim');
  if (!existsSync(path.join(dir, 'python3'))) {
    await mkdir(dir, { recursive: true });
    const script = `#!/bin/sh\nexec '${interpreter.replace(/'/g, `'\\''`)}' "$@"\n`;
    for (const name of ['python3', 'python']) await writeFile(path.join(dir, name), script, { mode: 0o755 });
  }
  return dir;
}

function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** The launcher's output collection: executor_output.json wins, then output parameter files. */
async function collectOutputs(node: TaskNode, executorInput: ReturnType<typeof launcherExecutorInput>): Promise<Outcome> {
  const outputFile = executorInput.outputs?.outputFile ?? '';
  let reported = readIr('ExecutorOutput', {});
  if (existsSync(outputFile)) {
    try {
      reported = readIr('ExecutorOutput', JSON.parse(await readFile(outputFile, 'utf8')));
    } catch (err) {
      return { ok: false, message: `${outputFile} is not valid JSON: ${(err as Error).message}` };
    }
  }
  const parameters: Record<string, JsonValue> = {};
  for (const [name, spec] of Object.entries(executorInput.outputs?.parameters ?? {})) {
    const given = reported.parameterValues?.[name];
    if (given !== undefined) {
      parameters[name] = given;
      continue;
    }
    const type = node.component.outputDefinitions?.parameters?.[name]?.parameterType;
    let text: string;
    try {
      text = await readFile(spec.outputFile ?? '', 'utf8');
    } catch {
      return { ok: false, message: `output parameter "${name}" was not written (no ${spec.outputFile}, and not in executor_output.json)` };
    }
    try {
      parameters[name] = parseParameterText(text, type);
    } catch (err) {
      return { ok: false, message: `output parameter "${name}" (${type}): ${(err as Error).message}` };
    }
  }
  const artifacts: Record<string, LocalArtifact[]> = {};
  for (const [name, list] of Object.entries(executorInput.outputs?.artifacts ?? {})) {
    const provisioned = list.artifacts?.[0];
    if (provisioned === undefined) continue;
    const given = reported.artifacts?.[name]?.artifacts?.[0];
    const customPath = given?.customPath || provisioned.customPath;
    artifacts[name] = [
      {
        name: provisioned.name ?? name,
        uri: given?.uri || provisioned.uri || '',
        type: provisioned.type ?? {},
        metadata: { ...(provisioned.metadata ?? {}), ...(given?.metadata ?? {}) },
        ...(customPath ? { customPath } : {}),
      },
    ];
  }
  const outputs: TaskOutputs = { parameters, artifacts };
  node.outputs = outputs;
  return { ok: true };
}
