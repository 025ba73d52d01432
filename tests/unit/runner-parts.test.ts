import { describe, expect, it } from 'vitest';
import { cacheKey, fingerprint } from '../../src/runner/cache-key.ts';
import { containerRunArgs } from '../../src/runner/container-engine.ts';
import type { DagInstance, TaskNode } from '../../src/runner/dag-state.ts';
import { buildExecutorInput, launcherExecutorInput } from '../../src/runner/executor-input.ts';
import { groupRows, plainLine, renderLive } from '../../src/runner/live-view.ts';
import type { TaskRecord } from '../../src/runner/model.ts';
import { parameterValue, resolveArtifactOutput, resolveParameterOutput } from '../../src/runner/output-resolution.ts';
import { resolveArguments } from '../../src/runner/placeholders.ts';
import { installedPackages, parsePythonCommand } from '../../src/runner/python-command.ts';
import { nextRetryDelayMs, retryPlan } from '../../src/runner/retry-policy.ts';
import type { ComponentSpec, PipelineTaskSpec } from '../../src/ir/index.ts';

const PRELUDE = `
if ! [ -x "$(command -v pip)" ]; then
    python3 -m ensurepip || python3 -m ensurepip --user || apt-get install python3-pip
fi

PIP_DISABLE_PIP_VERSION_CHECK=1 python3 -m pip install --quiet --no-warn-script-location --index-url https://pypi.example/simple --trusted-host https://pypi.example/simple 'pandas==3.1.1' 'six'  &&  python3 -m pip install --quiet --no-warn-script-location 'kfp==2.17.3' '--no-deps' 'typing-extensions>=3.7.4,<5; python_version<"3.9"' && "$0" "$@"
`;
const PROGRAM = `program_path=$(mktemp -d)\nprintf "%s" "$0" > "$program_path/ephemeral_component.py"\n_KFP_RUNTIME=true python3 -m kfp.dsl.executor_main --component_module_path "$program_path/ephemeral_component.py" "$@"\n`;

describe("kfp's lightweight Python command", () => {
  it('GIVEN the pip prelude THEN its installs are read in order, options kept, and the command starts after it', () => {
    const parsed = parsePythonCommand(['sh', '-c', PRELUDE, 'sh', '-ec', PROGRAM, 'def f(): pass', '--executor_input', '{{$}}']);
    expect(parsed?.command).toEqual(['sh', '-ec', PROGRAM, 'def f(): pass', '--executor_input', '{{$}}']);
    expect(parsed?.installs.map((i) => i.args)).toEqual([
      ['--quiet', '--no-warn-script-location', '--index-url', 'https://pypi.example/simple', '--trusted-host', 'https://pypi.example/simple', 'pandas==3.1.1', 'six'],
      ['--quiet', '--no-warn-script-location', 'kfp==2.17.3', '--no-deps', 'typing-extensions>=3.7.4,<5; python_version<"3.9"'],
    ]);
    expect(installedPackages(parsed!.installs)).toEqual(['pandas==3.1.1', 'six', 'kfp==2.17.3', 'typing-extensions>=3.7.4,<5; python_version<"3.9"']);
  });

  it('GIVEN no prelude (install_kfp_package=False) THEN no installs; GIVEN any other container THEN not Python', () => {
    expect(parsePythonCommand(['sh', '-ec', PROGRAM, 'code'])?.installs).toEqual([]);
    expect(parsePythonCommand(['python3', '-m', 'kfp.dsl.executor_main', '--executor_input', '{{$}}'])).toBeUndefined();
    expect(parsePythonCommand(['echo', 'hi'])).toBeUndefined();
  });
});

describe('retry policy as Argo applies it', () => {
  it('GIVEN duration 2s, factor 3, max 20s THEN waits 2 s then 6 s, and gives up rather than wait past the max', () => {
    const plan = retryPlan({ maxRetryCount: 5, backoffDuration: '2s', backoffFactor: 3, backoffMaxDuration: '20s' });
    expect(nextRetryDelayMs(plan, 1, 0, 1000)).toBe(2000);
    expect(nextRetryDelayMs(plan, 2, 0, 4000)).toBe(6000);
    expect(nextRetryDelayMs(plan, 3, 0, 11000)).toBeUndefined(); // 11 s + 18 s > 20 s
    expect(nextRetryDelayMs(retryPlan({ maxRetryCount: 1 }), 2, 0, 0)).toBeUndefined();
  });

  it('GIVEN a fractional duration THEN whole seconds, as the backend passes Duration.Seconds', () => {
    expect(retryPlan({ maxRetryCount: 1, backoffDuration: '1.5s' })?.backoffSeconds).toBe(1);
  });
});

const component: ComponentSpec = {
  executorLabel: 'exec-x',
  inputDefinitions: { parameters: { n: { parameterType: 'NUMBER_INTEGER' }, label: { parameterType: 'STRING', defaultValue: 'd', isOptional: true } } },
  outputDefinitions: { parameters: { Output: { parameterType: 'NUMBER_INTEGER' } }, artifacts: { model: { artifactType: { schemaTitle: 'system.Model', schemaVersion: '0.0.1' } } } },
};

describe('executor input and placeholders', () => {
  const driver = buildExecutorInput(component, { parameters: { n: 3 }, artifacts: {} }, '/runs/r/t');

  it('GIVEN resolved inputs THEN outputs are provisioned in the task directory; the launcher adds defaults', () => {
    expect(driver.outputs).toEqual({
      parameters: { Output: { outputFile: '/runs/r/t/Output' } },
      artifacts: { model: { artifacts: [{ name: 'model', type: { schemaTitle: 'system.Model', schemaVersion: '0.0.1' }, uri: '/runs/r/t/model', metadata: {} }] } },
      outputFile: '/runs/r/t/executor_output.json',
    });
    expect(driver.inputs?.parameterValues).toEqual({ n: 3 });
    expect(launcherExecutorInput(component, driver).inputs?.parameterValues).toEqual({ n: 3, label: 'd' });
  });

  it('GIVEN Concat, IfPresent and plain placeholders THEN they resolve as kfp means them', () => {
    const ei = launcherExecutorInput(component, driver);
    const args = resolveArguments(
      [
        '--n={{$.inputs.parameters[\'n\']}}',
        '{"Concat": ["x-", "{{$.inputs.parameters[\'label\']}}"]}',
        '{"IfPresent": {"InputName": "missing", "Then": ["yes"], "Else": ["no"]}}',
        '{"IfPresent": {"InputName": "n", "Then": ["--out", "{{$.outputs.artifacts[\'model\'].path}}"]}}',
        '{{$.outputs.parameters[\'Output\'].output_file}}',
        '{{$.pipeline_job_name}}',
      ],
      { executorInput: ei, runtime: { '{{$.pipeline_job_name}}': 'my-run' } },
    );
    expect(args).toEqual(['--n=3', 'x-d', 'no', '--out', '/runs/r/t/model', '/runs/r/t/Output', 'my-run']);
    expect(JSON.parse(resolveArguments(['{{$}}'], { executorInput: ei, runtime: {} })[0]!)).toEqual(ei);
  });

  it('GIVEN an f-string constant in the executor input THEN {{$}} carries it resolved, as the launcher substitutes inside the JSON', () => {
    const withTemplate = { ...driver, inputs: { parameterValues: { n: 3, 'pipelinechannel--x': 0.5, text: "n={{$.inputs.parameters['n']}} x={{$.inputs.parameters['pipelinechannel--x']}} {{$.inputs.parameters['unset']}}" } } };
    const [json] = resolveArguments(['{{$}}'], { executorInput: withTemplate, runtime: {} });
    expect(JSON.parse(json!).inputs.parameterValues.text).toBe("n=3 x=0.5 {{$.inputs.parameters['unset']}}");
  });

  it('GIVEN a parameter with no value THEN an argument using it is an error', () => {
    expect(() => resolveArguments(["{{$.inputs.parameters['nope']}}"], { executorInput: driver, runtime: {} })).toThrow(/"nope" has no value/);
  });
});

describe('cache key', () => {
  const container = { image: 'python:3.11', command: ['sh', '-c', 'x'], args: ['--executor_input', '{{$}}'] };
  it('GIVEN the same inputs THEN the same fingerprint; a different value, image or argument THEN another', () => {
    const a = fingerprint({ executorInput: buildExecutorInput(component, { parameters: { n: 3 }, artifacts: {} }, '/runs/r1/t'), component, container });
    const b = fingerprint({ executorInput: buildExecutorInput(component, { parameters: { n: 3 }, artifacts: {} }, '/runs/r2/other'), component, container });
    expect(a).toBe(b); // output URIs are wiped from the key
    expect(fingerprint({ executorInput: buildExecutorInput(component, { parameters: { n: 4 }, artifacts: {} }, '/x'), component, container })).not.toBe(a);
    expect(fingerprint({ executorInput: buildExecutorInput(component, { parameters: { n: 3 }, artifacts: {} }, '/x'), component, container: { ...container, image: 'python:3.12' } })).not.toBe(a);
  });

  it('GIVEN a task THEN the key has the backend CacheKey fields: input values and artifact names, output specs, container', () => {
    const ei = buildExecutorInput(component, { parameters: { n: 3 }, artifacts: { data: [{ name: 'data', uri: '/runs/r/p/data', type: { schemaTitle: 'system.Dataset' }, metadata: {} }] } }, '/x');
    expect(cacheKey({ executorInput: ei, component, container })).toEqual({
      inputArtifactNames: { data: { artifactNames: ['/runs/r/p/data'] } },
      outputArtifactsSpec: { model: { name: 'model', type: { schemaTitle: 'system.Model', schemaVersion: '0.0.1' } } },
      outputParametersSpec: { Output: 'NUMBER_INTEGER' },
      containerSpec: { image: 'python:3.11', cmdArgs: ['sh', '-c', 'x', '--executor_input', '{{$}}'] },
      inputParameterValues: { n: 3 },
    });
  });
});

describe('output resolution', () => {
  const spec: PipelineTaskSpec = {};
  const leaf = (name: string, state: TaskNode['state'], value?: number): TaskNode => ({
    name, path: name, spec, component: {}, kind: 'container', state, attempts: 1,
    ...(value !== undefined ? { outputs: { parameters: { Output: value }, artifacts: { a: [{ name: 'a', uri: `/u/${value}`, type: {}, metadata: {} }] } } } : {}),
  });
  const dag = (nodes: TaskNode[]): DagInstance => ({ path: 'd', component: {}, parameters: new Map(), artifacts: new Map(), nodes: new Map(nodes.map((n) => [n.name, n])), completions: 0, executionId: 1 });
  const loopComponent: ComponentSpec = { dag: { outputs: { parameters: { Output: { valueFromParameter: { producerSubtask: 't', outputParameterKey: 'Output' } } }, artifacts: { a: { artifactSelectors: [{ producerSubtask: 't', outputArtifactKey: 'a' }] } } } } };

  it('GIVEN a loop THEN outputs are collected in iteration order, skipping iterations whose producer did not run', () => {
    const loop: TaskNode = { ...leaf('loop', 'SUCCEEDED'), component: loopComponent, iterations: [dag([leaf('t', 'SUCCEEDED', 1)]), dag([leaf('t', 'SKIPPED')]), dag([leaf('t', 'CACHED', 3)])] };
    const parent = dag([loop]);
    expect(parameterValue(resolveParameterOutput(parent, 'loop', 'Output'))).toEqual([1, 3]);
    const artifacts = resolveArtifactOutput(parent, 'loop', 'a');
    expect(artifacts.kind === 'value' && artifacts.value.map((a) => a.uri)).toEqual(['/u/1', '/u/3']);
  });

  it('GIVEN a OneOf THEN the first branch that completed; GIVEN a failed producer THEN missing', () => {
    const group: TaskNode = {
      ...leaf('g', 'SUCCEEDED'),
      component: { dag: { outputs: { parameters: { Output: { valueFromOneof: { parameterSelectors: [{ producerSubtask: 'b1', outputParameterKey: 'Output' }, { producerSubtask: 'b2', outputParameterKey: 'Output' }] } } } } } },
      child: dag([leaf('b1', 'SKIPPED'), leaf('b2', 'SUCCEEDED', 7)]),
    };
    expect(parameterValue(resolveParameterOutput(dag([group]), 'g', 'Output'))).toBe(7);
    expect(resolveParameterOutput(dag([leaf('f', 'FAILED')]), 'f', 'Output')).toEqual({ kind: 'missing', why: 'task "f" failed' });
  });
});

describe('what the user sees', () => {
  const rec = (path: string, state: TaskRecord['state'], kind: TaskRecord['kind'] = 'container', extra: Partial<TaskRecord> = {}): TaskRecord => ({ path, name: path.split('/').pop()!, kind, state, attempts: 1, ...extra });
  const records = [rec('prep', 'SUCCEEDED', 'container', { durationMs: 1200 }), rec('for-loop-1', 'RUNNING', 'loop'), rec('for-loop-1/0', 'RUNNING', 'iteration'), rec('for-loop-1/0/train', 'SUCCEEDED'), rec('for-loop-1/1/train', 'RUNNING'), rec('for-loop-1/2/train', 'PENDING'), rec('report', 'SKIPPED', 'container', { skipReason: 'condition' })];

  it('GIVEN loop iterations THEN one row per loop body task, after its loop, with counts by state', () => {
    expect(groupRows(records).map((r) => [r.label, r.depth, r.records.length])).toEqual([
      ['prep', 0, 1],
      ['for-loop-1', 0, 1],
      ['for-loop-1/*/train', 1, 3],
      ['report', 0, 1],
    ]);
    const lines = renderLive(records, 0, 'run x', 20, 120);
    expect(lines[0]).toBe('run x');
    expect(lines[1]).toMatch(/^prep +SUCCEEDED +1\.2 s$/);
    expect(lines[3]).toMatch(/^ {2}train +×3: 1 running, 1 pending, 1 succeeded$/);
    expect(lines[4]).toMatch(/^report +SKIPPED .*\(condition false\)$/);
  });

  it('GIVEN more rows than lines THEN running and failed rows are kept and the rest counted', () => {
    const lines = renderLive(records, 0, 'run x', 3, 120);
    expect(lines.slice(1)).toEqual([expect.stringMatching(/^for-loop-1 +RUNNING/), '… 3 more tasks']);
  });

  it('GIVEN a state change THEN a plain line with clock, elapsed time, path, state and reason', () => {
    const at = Date.parse('2026-01-01T10:00:05Z');
    expect(plainLine(rec('fail', 'FAILED', 'container', { message: 'exited with code 1', durationMs: 800 }), at - 5000, at)).toBe('10:00:05 +5.0 s  fail  FAILED (800 ms) — exited with code 1');
  });
});

describe('container engine', () => {
  it('GIVEN a container task THEN the pipeline root is mounted at the same path, the command replaces the entrypoint, env values stay off the command line', () => {
    expect(containerRunArgs({ name: 'n', image: 'alpine:3', command: ['sh', '-c'], args: ['echo hi'], envNames: ['TOKEN'], mounts: ['/runs'], workdir: '/runs/r/t' })).toEqual([
      'run', '--rm', '--name', 'n', '-w', '/runs/r/t', '-v', '/runs:/runs', '-e', 'TOKEN', '--entrypoint', 'sh', 'alpine:3', '-c', 'echo hi',
    ]);
  });
});
