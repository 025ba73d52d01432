/**
 * Issue 10, scope 4: every DSL builder and configuring call, driven from plain JavaScript with
 * random wrong values (fast-check, fixed seed). Each case goes through what `kfp-ts compile` runs
 * once a file is loaded (compileLoadedPipeline, reportDiagnostics, and the CLI's internal-error
 * report for anything that escapes) and must end with exit code 1 and a diagnostic with a code,
 * naming the file and the task (or the user's line), never a stack trace and never an internal
 * error. Real CLI processes over the same kinds of value: tests/cli/plain-js-wrong-values.test.ts.
 */
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dataset, cmd, collected, containerComponent, notebookComponent, pythonComponent, eq, gt, input, itemField, output, pipeline, str, z, type Pipeline } from '../../src/index.ts';
import { addNodeSelector, addPodLabel, setImagePullPolicy, setTimeout as setK8sTimeout, useSecretAsEnv } from '../../src/kubernetes/index.ts';
import { artifactType } from '../../src/dsl/artifacts.ts';
import type { Scope } from '../../src/dsl/scope.ts';
import type { SourceFrame } from '../../src/project/bundle-errors.ts';
import { compileLoadedPipeline } from '../../src/cli/compile-file.ts';
import { internalErrorText } from '../../src/cli/internal-error.ts';
import { reportDiagnostics } from '../../src/cli/report.ts';
import { compileToYaml } from '../../src/project/compile-to-yaml.ts';
import { makeWrongValue, wrongValueSpec, USER_THROW, type WrongClass, type WrongValueSpec } from '../support/wrong-values.ts';

/** The "user's file" of every case: this test file, as the CLI names a file given on its command line. */
const FILE = path.relative(process.cwd(), new URL(import.meta.url).pathname);
const TASK = "task 'fuzz-task'";
/** The task named: in a refusal's message, or in the compiler's path of the task (`pipeline/fuzz-task/inputs/x`). */
const NAMES_TASK = /task 'fuzz-task'|: fuzz\/fuzz-task\//;

const task = containerComponent({
  name: 'fuzz-task',
  inputs: { x: z.string() },
  outputs: { out: z.string(), data: output(Dataset) },
  implementation: ({ inputs, outputs }) => ({ image: 'alpine', command: ['echo', inputs.x, outputs.out.path, outputs.data.path] }),
});
const noInputs = containerComponent({ name: 'fuzz-task', outputs: { out: z.string() }, implementation: ({ outputs }) => ({ image: 'alpine', command: ['true', outputs.out.path] }) });

type Params = { readonly x: never; readonly n: never; readonly list: never; readonly d: never };
type Body = (s: Scope, p: Params, w: () => unknown) => void;

interface Site {
  readonly name: string;
  /** Classes of value that are right at this place (skipped there). */
  readonly accepts: readonly WrongClass[];
  /** Whether the diagnostic names the task (else it is placed at the user's line). */
  readonly namesTask?: boolean;
  readonly body: Body;
}

const STRINGS: readonly WrongClass[] = ['string', 'huge-string'];
const PY = 'def f():\n    pass\n';
const t = (s: Scope, p: Params) => s.task(task, { x: p.x });
const any = (v: unknown) => v as never;

const SITES: readonly Site[] = [
  { name: 's.task component', accepts: [], body: (s, _p, w) => void s.task(any(w()), {}) },
  { name: 's.task arguments', accepts: ['undefined'], namesTask: true, body: (s, _p, w) => void s.task(noInputs, any(w())) },
  { name: 's.task argument x', accepts: [...STRINGS], namesTask: true, body: (s, _p, w) => void s.task(task, { x: any(w()) }) },
  { name: 'after', accepts: [], namesTask: true, body: (s, p, w) => void t(s, p).after(any(w())) },
  { name: 'withResources', accepts: [], namesTask: true, body: (s, p, w) => void t(s, p).withResources(any(w())) },
  { name: 'withResources cpuLimit', accepts: [...STRINGS, 'undefined'], namesTask: true, body: (s, p, w) => void t(s, p).withResources({ cpuLimit: any(w()) }) },
  { name: 'withResources acceleratorCount', accepts: [...STRINGS, 'number', 'undefined'], namesTask: true, body: (s, p, w) => void t(s, p).withResources({ acceleratorType: 'nvidia', acceleratorCount: any(w()) }) },
  { name: 'withEnv', accepts: [], namesTask: true, body: (s, p, w) => void t(s, p).withEnv(any(w())) },
  { name: 'withEnv value', accepts: [...STRINGS, 'undefined'], namesTask: true, body: (s, p, w) => void t(s, p).withEnv({ A: any(w()) }) },
  { name: 'withCaching', accepts: ['boolean'], namesTask: true, body: (s, p, w) => void t(s, p).withCaching(any(w())) },
  { name: 'withCaching cache key', accepts: [...STRINGS, 'undefined'], namesTask: true, body: (s, p, w) => void t(s, p).withCaching(true, any(w())) },
  { name: 'withRetry', accepts: [], namesTask: true, body: (s, p, w) => void t(s, p).withRetry(any(w())) },
  { name: 'withRetry maxRetryCount', accepts: ['number'], namesTask: true, body: (s, p, w) => void t(s, p).withRetry({ maxRetryCount: any(w()) }) },
  { name: 'withRetry backoffDuration', accepts: [...STRINGS, 'undefined'], namesTask: true, body: (s, p, w) => void t(s, p).withRetry({ maxRetryCount: 1, backoffDuration: any(w()) }) },
  { name: 'withDisplayName', accepts: [...STRINGS], namesTask: true, body: (s, p, w) => void t(s, p).withDisplayName(any(w())) },
  { name: 'withContainerImage', accepts: [...STRINGS], namesTask: true, body: (s, p, w) => void t(s, p).withContainerImage(any(w())) },
  { name: 'withKubernetes', accepts: ['function'], namesTask: true, body: (s, p, w) => void t(s, p).withKubernetes(any(w())) },
  { name: 'withKubernetes setting', accepts: [], namesTask: true, body: (s, p, w) => void t(s, p).withKubernetes(any(w())) },
  { name: 's.if condition', accepts: [], body: (s, p, w) => void s.if(any(w()), (s) => void t(s, p)) },
  { name: 's.if body', accepts: ['function'], body: (s, p, w) => void s.if(eq(p.x, 'a'), any(w())) },
  { name: 's.if display name', accepts: [...STRINGS, 'undefined'], body: (s, p, w) => void s.if(eq(p.x, 'a'), (s) => void t(s, p), any(w())) },
  { name: 'elif condition', accepts: [], body: (s, p, w) => void s.if(eq(p.x, 'a'), (s) => void t(s, p)).elif(any(w()), (s) => void t(s, p)) },
  { name: 'else body', accepts: ['function'], body: (s, p, w) => s.if(eq(p.x, 'a'), (s) => void t(s, p)).else(any(w())) },
  { name: 'eq left', accepts: [], body: (s, p, w) => void s.if(eq(any(w()), 'a'), (s) => void t(s, p)) },
  { name: 'gt right', accepts: ['number', 'boolean', ...STRINGS], body: (s, p, w) => void s.if(gt(p.n, any(w())), (s) => void t(s, p)) },
  { name: 'parallelFor items', accepts: ['array'], body: (s, p, w) => void s.parallelFor(any(w()), (_i, s) => void t(s, p)) },
  { name: 'parallelFor body', accepts: ['function'], body: (s, _p, w) => void s.parallelFor([1, 2], any(w())) },
  { name: 'parallelFor options', accepts: ['undefined'], body: (s, p, w) => void s.parallelFor([1, 2], (_i, s) => void t(s, p), any(w())) },
  { name: 'parallelFor parallelism', accepts: ['undefined', 'number'], body: (s, p, w) => void s.parallelFor([1, 2], (_i, s) => void t(s, p), { parallelism: any(w()) }) },
  { name: 'itemField item', accepts: [], body: (s, _p, w) => void s.parallelFor([{ a: 'x' }], (_i, s) => void s.task(task, { x: any(itemField(any(w()), 'a')) })) },
  { name: 'itemField key', accepts: [...STRINGS], body: (s, _p, w) => void s.parallelFor([{ a: 'x' }], (i, s) => void s.task(task, { x: any(itemField(i as never, any(w()))) })) },
  { name: 'exitHandler task', accepts: [], body: (s, p, w) => void s.exitHandler(any(w()), (s) => void t(s, p)) },
  { name: 'exitHandler body', accepts: ['function'], body: (s, p, w) => void s.exitHandler(t(s, p), any(w())) },
  { name: 'importer options', accepts: [], body: (s, _p, w) => void s.importer(any(w())) },
  { name: 'importer artifactUri', accepts: [...STRINGS], body: (s, _p, w) => void s.importer({ artifactUri: any(w()), artifactType: Dataset }) },
  { name: 'importer artifactType', accepts: [], body: (s, _p, w) => void s.importer({ artifactUri: 'gs://b/x', artifactType: any(w()) }) },
  { name: 'importer metadata value', accepts: [...STRINGS, 'number', 'boolean', 'null', 'array', 'frozen-object', 'map', 'undefined'], body: (s, _p, w) => void s.importer({ artifactUri: 'gs://b/x', artifactType: Dataset, metadata: { k: any(w()) } }) },
  { name: 'oneOf', accepts: [], body: (s, _p, w) => void s.oneOf(any(w())) },
  { name: 'collected', accepts: [], body: (s, _p, w) => void s.task(task, { x: any(collected(any(w()))) }) },
  { name: 'str value', accepts: [...STRINGS, 'number', 'boolean', 'non-finite'], body: (s, _p, w) => void s.task(task, { x: str`a${any(w())}b` }) },
  { name: 'nested pipeline options', accepts: [], body: (s, _p, w) => void s.task(pipeline(any(w()), () => undefined), {}) },
  { name: 'nested pipeline name', accepts: [...STRINGS], body: (s, _p, w) => void s.task(pipeline({ name: any(w()) }, () => undefined), {}) },
  { name: 'nested pipeline inputs', accepts: ['undefined'], body: (s, _p, w) => void s.task(pipeline({ name: 'inner', inputs: any(w()) }, () => undefined), {}) },
  { name: 'nested pipeline body', accepts: ['function'], body: (s, _p, w) => void s.task(pipeline({ name: 'inner' }, any(w())), {}) },
  { name: 'nested pipeline description', accepts: [...STRINGS, 'undefined'], body: (s, _p, w) => void s.task(pipeline({ name: 'inner', description: any(w()) }, () => undefined), {}) },
  { name: 'input artifact type', accepts: [], body: (_s, _p, w) => void input(any(w())) },
  { name: 'input options', accepts: ['undefined'], body: (_s, _p, w) => void input(Dataset, any(w())) },
  { name: 'output artifact type', accepts: [], body: (_s, _p, w) => void output(any(w())) },
  { name: 'artifactType title', accepts: [...STRINGS], body: (_s, _p, w) => void artifactType(any(w())) },
  { name: 'pythonComponent options', accepts: [], body: (s, _p, w) => void s.task(pythonComponent(any(w())), {}) },
  { name: 'pythonComponent name', accepts: [...STRINGS], body: (s, _p, w) => void s.task(pythonComponent({ name: any(w()), source: { code: PY } }), {}) },
  { name: 'pythonComponent source', accepts: [...STRINGS], body: (s, _p, w) => void s.task(pythonComponent({ name: 'f', source: any(w()) }), {}) },
  { name: 'pythonComponent baseImage', accepts: [...STRINGS, 'undefined'], body: (s, _p, w) => void s.task(pythonComponent({ name: 'f', source: { code: PY }, baseImage: any(w()) }), {}) },
  { name: 'pythonComponent packagesToInstall', accepts: ['undefined'], body: (s, _p, w) => void s.task(pythonComponent({ name: 'f', source: { code: PY }, packagesToInstall: any(w()) }), {}) },
  { name: 'pythonComponent outputs', accepts: ['undefined'], body: (s, _p, w) => void s.task(pythonComponent({ name: 'f', source: { code: PY }, outputs: any(w()) }), {}) },
  { name: 'notebookComponent notebook', accepts: [...STRINGS], body: (s, _p, w) => void s.task(notebookComponent({ name: 'f', source: { code: PY }, notebook: any(w()) }), {}) },
  { name: 'containerComponent options', accepts: [], body: (s, _p, w) => void s.task(containerComponent(any(w())), {}) },
  { name: 'containerComponent implementation', accepts: ['function'], body: (s, _p, w) => void s.task(containerComponent({ name: 'c', implementation: any(w()) }), {}) },
  { name: 'containerComponent image', accepts: [...STRINGS], body: (s, _p, w) => void s.task(containerComponent({ name: 'c', implementation: () => ({ image: any(w()) }) }), {}) },
  { name: 'containerComponent command element', accepts: [...STRINGS], body: (s, _p, w) => void s.task(containerComponent({ name: 'c', implementation: () => ({ image: 'alpine', command: [any(w())] }) }), {}) },
  { name: 'cmd value', accepts: [...STRINGS, 'number', 'non-finite'], body: (s, _p, w) => void s.task(containerComponent({ name: 'c', implementation: () => ({ image: 'alpine', command: [cmd`--x=${any(w())}`] }) }), {}) },
  { name: 'kubernetes useSecretAsEnv task', accepts: [], body: (_s, _p, w) => void useSecretAsEnv(any(w()), { secretName: 's', secretKeyToEnv: { k: 'K' } }) },
  { name: 'kubernetes addPodLabel task', accepts: [], body: (_s, _p, w) => void addPodLabel(any(w()), { labelKey: 'a', labelValue: 'b' }) },
  { name: 'kubernetes setTimeout seconds', accepts: ['number'], body: (s, p, w) => void setK8sTimeout(t(s, p), any(w())) },
  { name: 'kubernetes setImagePullPolicy', accepts: [], body: (s, p, w) => void setImagePullPolicy(t(s, p), any(w())) },
  { name: 'kubernetes addNodeSelector options', accepts: [], body: (s, p, w) => void addNodeSelector(t(s, p), any(w())) },
  { name: 'kubernetes addNodeSelector labelKey', accepts: [...STRINGS], body: (s, p, w) => void addNodeSelector(t(s, p), { labelKey: any(w()), labelValue: 'v' }) },
];

function frames(thrown: unknown): Promise<SourceFrame[]> {
  const stack = thrown instanceof Error ? (thrown.stack ?? '') : '';
  const found: SourceFrame[] = [];
  for (const m of stack.matchAll(/(?:\(|at )(?:file:\/\/)?(\/[^():]+):(\d+):(\d+)\)?$/gm)) found.push({ file: m[1]!, line: Number(m[2]), column: Number(m[3]) });
  return Promise.resolve(found);
}

/** One case as `kfp-ts compile` runs it once the file is loaded: the exit code and the printed text. */
async function runCase(p: Pipeline): Promise<{ code: number; text: string }> {
  let text = '';
  const stderr = { write: (chunk: string) => ((text += chunk), true) } as unknown as NodeJS.WritableStream;
  try {
    const r = await compileLoadedPipeline({ pipeline: p, diagnostics: [], frames }, FILE);
    if (r.yamlText !== undefined) return { code: 0, text };
    reportDiagnostics(r.diagnostics, stderr);
    return { code: 1, text };
  } catch (err) {
    stderr.write(internalErrorText(err, ['node', 'kfp-ts', 'compile', FILE]));
    return { code: 1, text };
  }
}

const STACK = /^\s+at\s|node:internal|dist\/|\.mjs:\d/m;
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** `error: <file>: <where>: …` — the file of the case (or the user's file that threw) and the task, line or pipeline path. */
const WHERE = new RegExp(`^error: (?:${escaped(FILE)}: (?:.*${escaped(TASK)}|line \\d+:\\d+: |pipeline/|fuzz/)|tests/support/wrong-values\\.ts: line \\d+:\\d+: )`, 'm');

function pipelineFor(site: Site, spec: WrongValueSpec): Pipeline {
  return pipeline({ name: 'fuzz', inputs: { x: z.string(), n: z.int(), list: z.array(z.string()), d: input(Dataset) } }, (p, s) => {
    site.body(s, p as unknown as Params, () => makeWrongValue(spec, p.x as object));
  });
}

describe('plain JavaScript wrong values (fast-check, seed 20261204)', () => {
  it('every builder and configuring call: exit code 1, a diagnostic with a code and the file, the task or the line; no stack, no internal error', async () => {
    let cases = 0;
    const perSite = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...SITES), wrongValueSpec, async (site, spec) => {
        fc.pre(!site.accepts.includes(spec.cls));
        cases++;
        perSite.set(site.name, (perSite.get(site.name) ?? 0) + 1);
        const r = await runCase(pipelineFor(site, spec));
        const about = `${site.name} <- ${spec.cls}:\n${r.text.slice(0, 2000)}`;
        expect(r.code, about).toBe(1);
        expect(r.text, about).toMatch(/^error: .*\[[a-z]+\/[a-z-]+\]$/m);
        expect(r.text, about).not.toMatch(STACK);
        expect(r.text, about).not.toContain('internal error');
        expect(r.text, about).not.toContain('kfp-ts bug');
        // Where: the task (a refused value), the user's line (what the body threw, in whichever of
        // the user's files threw it), or the pipeline's own path (a declaration or a setting the compiler refused).
        expect(r.text, about).toMatch(WHERE);
        if (site.namesTask && !r.text.includes(': line ')) expect(r.text, about).toMatch(NAMES_TASK);
      }),
      { seed: 20261204, numRuns: 2000 },
    );
    console.log(`${cases} cases: all diagnosed (${perSite.size} call sites)`);
    expect(perSite.size).toBe(SITES.length);
  }, 120_000);

  it('constants past the limits: dsl/value-too-deep, dsl/value-too-large, at the task', async () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 150; i++) deep = [deep];
    // A Proxy may claim any length: kfp-ts reads no item of a list it will not take.
    const claimsHuge = new Proxy([], { get: (target, key) => (key === 'length' ? 2_000_000 : Reflect.get(target, key)) });
    for (const [value, code] of [
      [deep, 'dsl/value-too-deep'],
      [claimsHuge, 'dsl/value-too-large'],
    ] as const) {
      const p = pipeline({ name: 'fuzz' }, (_p, s) => void s.task(task, { x: any(value) }));
      const r = await runCase(p);
      expect(r.code).toBe(1);
      expect(r.text).toContain(`[${code}]`);
      expect(r.text).toMatch(NAMES_TASK);
    }
  });

  it('compileToYaml given anything but a pipeline: compile/not-a-pipeline, never a throw', async () => {
    let cases = 0;
    await fc.assert(
      fc.asyncProperty(wrongValueSpec, async (spec) => {
        const r = await compileToYaml(makeWrongValue(spec, {}) as never, { file: 'x.ts' });
        cases++;
        expect(r.yamlText).toBeUndefined();
        expect(r.diagnostics.map((d) => d.code)).toEqual(['compile/not-a-pipeline']);
      }),
      { seed: 20261204, numRuns: 300 },
    );
    console.log(`${cases} cases: all diagnosed (compileToYaml)`);
  });
});
