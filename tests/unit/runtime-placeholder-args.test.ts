/**
 * Runtime placeholders (`runtime.workspacePath`, …) as task arguments: kfp's `dsl.*_PLACEHOLDER`
 * are plain strings, so they pass where a string does and are written as constants.
 */
import { describe, expect, it } from 'vitest';
import { Dataset, containerComponent, kubernetes, pipeline, pythonComponent, runtime, str, z } from '../../src/index.ts';
import { codesAndPaths, compileErrors, compileOk, echo } from './support.ts';

const workspace = kubernetes.pipelineConfig({ workspace: { size: '1Gi' } });

const show = containerComponent({
  name: 'show',
  inputs: { text: z.string(), n: z.int().default(1), items: z.array(z.string()).default([]) },
  implementation: ({ inputs }) => ({ image: 'alpine', command: ['echo', inputs.text, inputs.n, inputs.items] }),
});

const count = pythonComponent({ name: 'count', source: { code: 'def count(n: int):\n    print(n)\n' }, inputs: { n: z.int() } });

/** kfp 2.17.3's `dsl.*_PLACEHOLDER` strings, by the name kfp-ts gives each in `runtime`. */
const KFP_PLACEHOLDERS: Record<string, string> = {
  pipelineJobName: '{{$.pipeline_job_name}}', // PIPELINE_JOB_NAME_PLACEHOLDER
  pipelineJobResourceName: '{{$.pipeline_job_resource_name}}', // PIPELINE_JOB_RESOURCE_NAME_PLACEHOLDER
  pipelineJobId: '{{$.pipeline_job_uuid}}', // PIPELINE_JOB_ID_PLACEHOLDER
  pipelineTaskName: '{{$.pipeline_task_name}}', // PIPELINE_TASK_NAME_PLACEHOLDER
  pipelineTaskId: '{{$.pipeline_task_uuid}}', // PIPELINE_TASK_ID_PLACEHOLDER
  pipelineRoot: '{{$.pipeline_root}}', // PIPELINE_ROOT_PLACEHOLDER
  pipelineJobCreateTimeUtc: '{{$.pipeline_job_create_time_utc}}', // PIPELINE_JOB_CREATE_TIME_UTC_PLACEHOLDER
  pipelineJobScheduleTimeUtc: '{{$.pipeline_job_schedule_time_utc}}', // PIPELINE_JOB_SCHEDULE_TIME_UTC_PLACEHOLDER
  executorInput: '{{$}}', // PIPELINE_TASK_EXECUTOR_INPUT_PLACEHOLDER
  executorOutputPath: '{{$.outputs.output_file}}', // PIPELINE_TASK_EXECUTOR_OUTPUT_PATH_PLACEHOLDER
  workspacePath: '{{$.workspace_path}}', // WORKSPACE_PATH_PLACEHOLDER
};

describe('runtime placeholders as task arguments', () => {
  it('passes each one to a string input as the constant kfp writes', () => {
    // GIVEN every runtime placeholder given to a Python and to a container component's string input
    const names = Object.keys(runtime) as (keyof typeof runtime)[];
    expect([...names].sort()).toEqual(Object.keys(KFP_PLACEHOLDERS).sort());
    const p = pipeline({ name: 'all', pipelineConfig: workspace }, (_p, s) => {
      for (const name of names) {
        s.task(echo, { x: runtime[name] });
        s.task(show, { text: runtime[name] });
      }
    });
    // WHEN compiled
    const tasks = compileOk(p).root.dag.tasks;
    // THEN each task's input is a runtimeValue constant holding kfp's text for that placeholder
    expect(Object.keys(tasks)).toHaveLength(2 * names.length);
    names.forEach((name, i) => {
      const suffix = i === 0 ? '' : `-${i + 1}`;
      expect(tasks[`echo${suffix}`].inputs.parameters.x, name).toEqual({ runtimeValue: { constant: KFP_PLACEHOLDERS[name] } });
      expect(tasks[`show${suffix}`].inputs.parameters.text, name).toEqual({ runtimeValue: { constant: KFP_PLACEHOLDERS[name] } });
    });
  });

  it('writes them inside str`` templates and inside list arguments as their text', () => {
    const p = pipeline({ name: 'nested', inputs: { run: z.string() } }, (p, s) => {
      s.task(show, { text: str`${runtime.pipelineJobName}/${p.run}`, items: [runtime.pipelineTaskId, p.run] });
    });
    const inputs = compileOk(p).root.dag.tasks.show.inputs.parameters;
    expect(inputs.text.runtimeValue.constant).toBe("{{$.pipeline_job_name}}/{{$.inputs.parameters['pipelinechannel--run']}}");
    expect(inputs.items.runtimeValue.constant).toEqual(['{{$.pipeline_task_uuid}}', "{{$.inputs.parameters['pipelinechannel--run']}}"]);
  });

  it('is an importer URI written as a constant, in the executor and the task', () => {
    const p = pipeline({ name: 'uri' }, (_p, s) => void s.importer({ artifactUri: runtime.pipelineRoot, artifactType: Dataset }));
    const spec = compileOk(p);
    expect(spec.deploymentSpec.executors['exec-importer'].importer.artifactUri).toEqual({ constant: '{{$.pipeline_root}}' });
    expect(spec.root.dag.tasks.importer.inputs.parameters.uri).toEqual({ runtimeValue: { constant: '{{$.pipeline_root}}' } });
  });

  it('refuses one given to an int input as task/type-mismatch, as kfp refuses a string there', () => {
    const p = pipeline({ name: 'into-int' }, (_p, s) => {
      // @ts-expect-error a runtime placeholder is a string, not an int
      s.task(count, { n: runtime.pipelineJobId });
    });
    expect(codesAndPaths(compileErrors(p))).toEqual([['task/type-mismatch', 'into-int/count/inputs/n']]);
  });
});

describe('workspace use without a workspace', () => {
  it('is refused as pipeline/workspace-not-configured, for runtime.workspacePath and for a /kfp-workspace path', () => {
    // GIVEN tasks that take the workspace path, in a pipeline without pipelineConfig
    const viaPlaceholder = pipeline({ name: 'no-ws' }, (_p, s) => void s.task(echo, { x: runtime.workspacePath }));
    const viaTemplate = pipeline({ name: 'no-ws-template', inputs: { f: z.string() } }, (p, s) => void s.task(echo, { x: str`${runtime.workspacePath}/${p.f}` }));
    const viaMountPath = pipeline({ name: 'no-ws-mount' }, (_p, s) => void s.task(show, { text: '/kfp-workspace/data.csv' }));
    // WHEN compiled THEN each is refused at the argument that uses it
    expect(codesAndPaths(compileErrors(viaPlaceholder))).toEqual([['pipeline/workspace-not-configured', 'no-ws/echo/inputs/x']]);
    expect(codesAndPaths(compileErrors(viaTemplate))).toEqual([['pipeline/workspace-not-configured', 'no-ws-template/echo/inputs/x']]);
    expect(codesAndPaths(compileErrors(viaMountPath))).toEqual([['pipeline/workspace-not-configured', 'no-ws-mount/show/inputs/text']]);
  });

  it('is refused for an importer URI in the workspace', () => {
    const p = pipeline({ name: 'no-ws-importer' }, (_p, s) => void s.importer({ artifactUri: runtime.workspacePath, artifactType: Dataset }));
    expect(codesAndPaths(compileErrors(p))).toEqual([['pipeline/workspace-not-configured', 'no-ws-importer/importer/inputs/uri']]);
  });

  it('is judged per pipeline, with its own pipelineConfig, as kfp judges each @dsl.pipeline', () => {
    // GIVEN an inner pipeline using the workspace without a config of its own, in an outer one that has one
    const inner = pipeline({ name: 'inner' }, (_p, s) => void s.task(echo, { x: runtime.workspacePath }));
    const outer = pipeline({ name: 'outer', pipelineConfig: workspace }, (_p, s) => void s.task(inner, {}));
    expect(codesAndPaths(compileErrors(outer))).toEqual([['pipeline/workspace-not-configured', 'outer/inner/inner/echo/inputs/x']]);
    // and the placeholder given to an inner pipeline's input counts for the pipeline that gives it
    const takes = pipeline({ name: 'takes', inputs: { t: z.string() } }, (p, s) => void s.task(echo, { x: p.t }));
    const gives = pipeline({ name: 'gives', pipelineConfig: workspace }, (_p, s) => void s.task(takes, { t: runtime.workspacePath }));
    expect(compileOk(gives).root.dag.tasks.takes.inputs.parameters.t).toEqual({ runtimeValue: { constant: '{{$.workspace_path}}' } });
    const givesWithout = pipeline({ name: 'gives-without' }, (_p, s) => void s.task(takes, { t: runtime.workspacePath }));
    expect(codesAndPaths(compileErrors(givesWithout))).toEqual([['pipeline/workspace-not-configured', 'gives-without/takes/inputs/t']]);
  });

  it('is accepted with a workspace, and (as kfp) when the path is only inside a list argument', () => {
    compileOk(pipeline({ name: 'ws', pipelineConfig: workspace }, (_p, s) => void s.task(echo, { x: runtime.workspacePath })));
    compileOk(pipeline({ name: 'in-list' }, (_p, s) => void s.task(show, { text: 'x', items: [runtime.workspacePath] })));
  });
});
