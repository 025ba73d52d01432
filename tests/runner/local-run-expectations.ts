/**
 * How each local case must end when it does not simply succeed with kfp 2.17.3's local runner's
 * outputs: the reason, the tasks that fail, and values the pipeline's semantics require (checked
 * on kfp-ts's run). tests/runner/README.md lists the same cases with both runners' results.
 */
import type { JsonValue } from '../../src/ir/index.ts';

export type Check =
  /** The task's output parameters (or the pipeline's, without `task`). */
  | { readonly task?: string; readonly parameters: Record<string, JsonValue> }
  | { readonly task: string; readonly state: string }
  /** The task's log (all attempts) matches. */
  | { readonly task: string; readonly log: RegExp }
  /** The text of the task's output artifact. */
  | { readonly task: string; readonly artifact: string; readonly text: string };

export interface Expectation {
  /** kfp-ts's run state; SUCCEEDED when not given. */
  readonly state?: 'FAILED';
  readonly why: string;
  /** Names of the container tasks that fail (in any iteration). */
  readonly failed?: readonly string[];
  /** One failed task's message matches. */
  readonly message?: RegExp;
  readonly checks?: readonly Check[];
  readonly kfp?: {
    /** kfp's local runner's result; SUCCEEDED when not given. */
    readonly state?: 'SUCCEEDED' | 'FAILED';
    readonly why?: string;
    /** Pipeline outputs that legitimately differ (paths of this run). */
    readonly differentOutputs?: readonly string[];
  };
}

const FAILS_ON_PURPOSE = 'a task fails on purpose; the run is FAILED, and what the pipeline runs after a failure ran';
const KFP_NO_INPUT_ARTIFACTS = "kfp's local runner cannot take a pipeline input artifact (`missing required argument`); kfp-ts takes it with --artifact";
const KFP_NO_PIP = "kfp's runner runs the task's pip install with no index here (PIP_NO_INDEX, so it cannot change the shared venv) and fails; kfp-ts makes a venv for the package set";

export const EXPECTATIONS: Readonly<Record<string, Expectation>> = {
  // ---- kfp-ts fails where the KFP backend would -------------------------------------------------
  'tests/cross/cases/loops.ts': {
    state: 'FAILED',
    why: "kfp types the item of a loop over a LIST pipeline parameter as STRING; the backend's iteration driver converts the item to text and the task's driver refuses text for an int input (driver/resolve.go, handleParamTypeValidationAndConversion)",
    failed: ['show-number-3'],
    message: /input "number": type mismatch: expected NUMBER_INTEGER, got string/,
    // make_grid(size=limit=3): every depth and width in range(3).
    checks: [{ task: 'make-grid', parameters: { Output: [0, 1, 2].flatMap((depth) => [0, 1, 2].map((width) => ({ depth, width }))) } }],
    kfp: { state: 'SUCCEEDED', why: "kfp's runner passes the item as the int it was" },
  },
  'tests/cross/cases/loops_over_outputs.ts': {
    state: 'FAILED',
    why: 'the same STRING loop item into an int input, for a loop over a LIST pipeline parameter nested in another loop',
    failed: ['double'],
    message: /input "number": type mismatch: expected NUMBER_INTEGER, got string/,
    kfp: { state: 'FAILED', why: "kfp's runner fails its own way (an iteration of for-loop-1)" },
  },
  'tests/ports/pipelines/pipeline_with_parallelfor_parallelism.ts': {
    state: 'FAILED',
    why: "an inner loop over the list its outer loop iterates: the backend's iteration driver removes the items input from the iteration (delete(inputs.ParameterValues, itemsInput)), so the inner loop's input is missing",
    message: /the enclosing DAG has no input parameter "pipelinechannel--loop_parameter"/,
    kfp: { state: 'SUCCEEDED' },
  },
  'tests/ports/pipelines/preprocess.ts': {
    state: 'FAILED',
    why: "the stand-in body writes none of its OutputPath outputs; the backend's launcher fails a task whose output parameter file is missing (collectOutputParameters)",
    failed: ['preprocess'],
    message: /output parameter "output_bool_parameter_path" was not written/,
    kfp: { state: 'SUCCEEDED', why: "kfp's runner does not check that output files were written" },
  },
  'tests/cross/cases/collected_nested.ts': {
    state: 'FAILED',
    why: "items of loops over untyped LIST pipeline parameters (kfp types each item STRING) into int inputs: the backend's driver refuses the text, as in loops.ts; into a str input the item runs",
    failed: ['multiply', 'show-number'],
    message: /input "(a|number)": type mismatch: expected NUMBER_INTEGER, got string/,
    checks: [
      { task: 'for-loop-3/0/shout', parameters: { Output: '7' } },
      { task: 'for-loop-3/1/shout', parameters: { Output: '8' } },
      { task: 'sum-rows', state: 'SKIPPED' },
    ],
    kfp: { state: 'FAILED', why: "kfp's runner passes the items as they were, then fails `sum-rows`" },
  },
  'tests/cross/cases/python_annotations.ts': {
    state: 'FAILED',
    why: "the stand-in bodies write none of their OutputPath outputs; the backend's launcher fails a task whose output parameter file is missing (collectOutputParameters); the exit task still runs",
    failed: ['produce', 'produce-2'],
    message: /output parameter "\w+" was not written/,
    checks: [
      { task: 'report', state: 'SUCCEEDED' },
      { task: 'exit-handler-1', state: 'FAILED' },
    ],
    kfp: { state: 'FAILED', why: "kfp's runner does not check that output files were written; it fails when a consumer asks for an output produce never wrote" },
  },
  'tests/ports/pipelines/essential/lightweight_python_functions_pipeline.ts': {
    state: 'FAILED',
    why: "kfp's sample has stand-in bodies (`pass`) that write none of their OutputPath outputs; the backend's launcher fails a task whose output parameter file is missing (collectOutputParameters)",
    failed: ['preprocess'],
    message: /output parameter "\w+_path" was not written/,
    checks: [{ task: 'train', state: 'SKIPPED' }],
    kfp: { state: 'FAILED', why: "kfp's runner does not check that output files were written; it fails when train asks for an output preprocess never wrote" },
  },
  'tests/ports/pipelines/nested_with_parameters.ts': {
    why: "outputs collected over nested loops are one flat list on the backend (driver/resolve.go CollectInputs walks the iterations breadth first into one list); kfp's runner nests them",
    checks: [{ parameters: { Output: [4, 6, 8, 6, 8, 10, 8, 10, 12] } }],
    kfp: { differentOutputs: ['Output'] },
  },

  // ---- both fail by design or for want of what a cluster has -----------------------------------
  'tests/cross/cases/composition_edges.ts': { state: 'FAILED', why: FAILS_ON_PURPOSE, failed: ['fail'], checks: [{ task: 'exit-handler-1/shard-maker/make-shards', parameters: { Output: [0, 1, 2] } }], kfp: { state: 'FAILED' } },
  'tests/cross/cases/exit_handlers.ts': {
    state: 'FAILED',
    why: FAILS_ON_PURPOSE,
    failed: ['fail'],
    checks: [
      { task: 'exit-handler-1/train', parameters: { Output: 0.9801 } },
      // The exit task gets the group's state as the backend reports it.
      { task: 'report-status', log: /^nightly FAILED exit-handler-1 None$/m },
      { task: 'exit-handler-3', state: 'SUCCEEDED' },
      { task: 'notify-2', state: 'SUCCEEDED' },
    ],
    kfp: { state: 'FAILED' },
  },
  'tests/ports/pipelines/failing/fail_v2.ts': { state: 'FAILED', why: FAILS_ON_PURPOSE, failed: ['fail'], kfp: { state: 'FAILED' } },
  'tests/ports/pipelines/failing/pipeline_with_multiple_exit_handlers.ts': {
    state: 'FAILED',
    why: FAILS_ON_PURPOSE,
    failed: ['fail-op'],
    checks: [
      { task: 'print-op', state: 'SUCCEEDED' },
      { task: 'exit-handler-2/print-op-4', state: 'SUCCEEDED' },
      { task: 'exit-handler-3/print-op-6', state: 'SUCCEEDED' },
    ],
    kfp: { state: 'FAILED' },
  },
  'tests/ports/pipelines/pipeline_as_exit_task.ts': {
    state: 'FAILED',
    why: FAILS_ON_PURPOSE,
    failed: ['fail-op'],
    checks: [{ task: 'conditional-notification/get-run-state', parameters: { Output: 'FAILED' } }],
    kfp: { state: 'FAILED' },
  },
  'tests/ports/pipelines/pipeline_with_task_final_status.ts': {
    state: 'FAILED',
    why: FAILS_ON_PURPOSE,
    failed: ['fail-op'],
    checks: [{ task: 'exit-op', log: /FAILED/ }],
    kfp: { state: 'FAILED' },
  },
  'tests/ports/pipelines/pipeline_with_task_using_ignore_upstream_failure.ts': {
    state: 'FAILED',
    why: `${FAILS_ON_PURPOSE}: the ignore-upstream-failure task runs with its input's default`,
    failed: ['fail-op'],
    checks: [{ task: 'print-op', state: 'SUCCEEDED' }],
    kfp: { state: 'FAILED', why: "kfp's runner fails looking up the failed task's output (`task 'fail-op' not found`)" },
  },
  'tests/ports/pipelines/local_execution/local_execution_pipeline_with_ignore_upstream_failure.ts': {
    state: 'FAILED',
    why: `${FAILS_ON_PURPOSE}: the ignore-upstream-failure task runs`,
    failed: ['fail-always'],
    checks: [{ task: 'write-marker', state: 'SUCCEEDED' }],
    kfp: { state: 'FAILED' },
  },
  'tests/cross/cases/artifact_types.ts': {
    state: 'FAILED',
    why: 'make-everything imports bq_types, a module the component\'s image would carry; it is in no venv here',
    failed: ['make-everything'],
    kfp: { state: 'FAILED', why: KFP_NO_INPUT_ARTIFACTS },
  },
  'tests/cross/cases/importers.ts': { state: 'FAILED', why: 'make-everything imports bq_types, a module of the component\'s image', failed: ['make-everything'], kfp: { state: 'FAILED' } },
  'tests/cross/cases/groups_mix.ts': {
    state: 'FAILED',
    why: 'merge-datasets reads artifacts imported from gs:// URIs (/gcs/... exists only in a pod with the bucket mounted)',
    failed: ['merge-datasets'],
    kfp: { state: 'FAILED', why: "kfp's runner fails earlier, on `total` inside a condition inside a loop" },
  },
  'tests/cross/cases/embedded_artifacts.ts': {
    state: 'FAILED',
    why: 'the second read_config task embeds a text file and its body parses it as JSON (the case is made to compile, not to run)',
    failed: ['read-config-2'],
    kfp: { state: 'FAILED' },
  },
  'tests/cross/cases/parameter_types.ts': {
    state: 'FAILED',
    why: 'summarise_params joins a list holding ints as strings (the body is made to compile, not to run)',
    failed: ['summarise-params-2'],
    kfp: { state: 'FAILED', why: "kfp's runner fails on an unset optional input (`Unknown value type`)" },
  },
  'tests/cross/cases/python_options.ts': { state: 'FAILED', why: 'fetch-status requests https://example.com: no network here', failed: ['fetch-status'], kfp: { state: 'FAILED' } },
  'tests/cross/cases/notebook_components.ts': {
    state: 'FAILED',
    why: 'score-2 installs no packages (packagesToInstall: []) and imports nbclient, which its image does not have; the other notebook tasks run in the venv made for their packages',
    failed: ['score-2'],
    checks: [{ task: 'score', state: 'SUCCEEDED' }],
    kfp: { state: 'FAILED', why: KFP_NO_PIP },
  },
  'tests/ports/pipelines/pipeline_with_google_artifact_type.ts': { state: 'FAILED', why: 'the component imports aiplatform (google-cloud-aiplatform, from its packages_to_install on a cluster; not in the test venv)', failed: ['model-producer'], kfp: { state: 'FAILED' } },
  'tests/ports/pipelines/pipeline_with_secret_as_volume.ts': {
    state: 'FAILED',
    why: 'the component reads the secret mounted as a volume; secret volumes have no local meaning (reported as a warning)',
    failed: ['comp'],
    kfp: { state: 'FAILED' },
  },

  // ---- kfp's local runner fails; kfp-ts runs what the pipeline says -----------------------------
  'tests/cross/cases/collected_into_groups.ts': {
    why: 'a loop\'s outputs collected into a task inside a condition after the loop',
    checks: [{ task: 'condition-2/total', parameters: { Output: 6 } }],
    kfp: { state: 'FAILED', why: "kfp's runner fails `total` inside the condition" },
  },
  'tests/cross/cases/one_of.ts': {
    why: 'OneOf over artifacts: the shard of the branch that ran reaches train_on',
    checks: [{ parameters: { Output: 'python:3.11-left' } }, { task: 'condition-branches-1/condition-2/pick-image', parameters: { Output: 'python:3.11-slim' } }, { task: 'train-on', state: 'SUCCEEDED' }],
    kfp: { state: 'FAILED', why: "kfp's runner refuses an artifact OneOf (`Expected 1 artifact in ArtifactSelectorSpec. Got: 3`)" },
  },
  'tests/cross/cases/fan_in.ts': {
    why: 'collected parameters and artifacts, from nested loops and inside a condition',
    checks: [{ parameters: { doubled: [2, 4, 6] } }, { task: 'total', parameters: { Output: 12 } }, { task: 'merge-datasets', parameters: { Output: 4 } }, { task: 'condition-5/total-2', parameters: { Output: 12 } }],
    kfp: { state: 'FAILED', why: KFP_NO_INPUT_ARTIFACTS },
  },
  'tests/cross/cases/docstring_rules.ts': {
    why: 'the pipeline takes an input artifact',
    checks: [{ task: 'args-and-returns', parameters: { Output: 'label' } }, { task: 'args-twice', parameters: { Output: '3' } }],
    kfp: { state: 'FAILED', why: KFP_NO_INPUT_ARTIFACTS },
  },
  'tests/ports/pipelines/input_artifact.ts': {
    why: 'the component prints its input artifact\'s URI',
    checks: [{ task: 'input-artifact', log: /\/inputs\/tests__ports__pipelines__input_artifact\.ts\/data$/m }],
    kfp: { state: 'FAILED', why: KFP_NO_INPUT_ARTIFACTS },
  },
  'tests/ports/pipelines/pipeline_with_metadata_fields.ts': {
    why: 'the joiner gets the concatenated dataset and the pipeline\'s input artifact',
    checks: [{ task: 'dataset-joiner', state: 'SUCCEEDED' }],
    kfp: { state: 'FAILED', why: KFP_NO_INPUT_ARTIFACTS },
  },
  'tests/ports/pipelines/pythonic_artifacts_with_multiple_returns.ts': {
    why: 'a nested pipeline returns the first of two artifacts a Pythonic component made with dsl.get_uri',
    checks: [{ task: 'splitter-pipeline/dataset-splitter', state: 'SUCCEEDED' }],
    kfp: { state: 'FAILED', why: "kfp's runner cannot pass a task output into the nested pipeline (`Parent pipeline input argument 'in_dataset' not found`)" },
  },
  'tests/ports/pipelines/artifacts_complex.ts': {
    why: 'artifacts collected from a loop (3) and from a condition in a nested loop (2 of 3 per iteration: 6), summed in a nested pipeline',
    checks: [
      { task: 'add-two-lists-of-datasets/add', artifact: 'out_dataset', text: '3' },
      { task: 'add-two-lists-of-datasets/add-2', artifact: 'out_dataset', text: '6' },
    ],
    kfp: { state: 'FAILED', why: "kfp's runner fails inside the nested loop" },
  },
  'tests/ports/pipelines/conditional_producer_and_consumers.ts': {
    why: 'outputs of a task under a condition in a loop, collected (items 2 and 3 pass the condition: 4 + 6)',
    checks: [{ parameters: { Output: 10 } }, { task: 'condition-4/add', parameters: { Output: 10 } }],
    kfp: { state: 'FAILED', why: "kfp's runner fails on the conditional producer in the loop" },
  },
  'tests/ports/pipelines/parameters_complex.ts': {
    why: 'collected outputs over loops: three iterations each sum the doubled 1..3 (12), added up: 36; nested_add returns 0',
    checks: [{ parameters: { Output: 36 } }, { task: 'for-loop-2/1/for-loop-4/2/double-2', parameters: { Output: 12 } }],
    kfp: { state: 'FAILED', why: "kfp's runner fails `simple-add` inside a loop" },
  },
  'tests/ports/pipelines/pipeline_with_nested_loops.ts': {
    why: 'a loop over a sub-list of each item (p_a), and a loop inside a loop over literals',
    checks: [
      { task: 'for-loop-1/1/for-loop-2/1/print-op', log: /^msg: 22, msg2: None$/m },
      { task: 'for-loop-4/1/for-loop-6/2/print-op-3', log: /^msg: 2, msg2: 300$/m },
    ],
    kfp: { state: 'FAILED', why: "kfp's runner fails in the first loop's iteration" },
  },
  'tests/ports/pipelines/critical/missing_kubernetes_optional_inputs.ts': {
    why: 'kubernetes settings named by unset optional inputs are left out; the task runs',
    checks: [{ task: 'log-message', log: /^baseline task$/m }],
    kfp: { state: 'FAILED', why: "kfp's runner fails on the unset optional inputs (`Unknown value type`)" },
  },
  'tests/ports/pipelines/parallel_and_nested/nested_pipeline_opt_inputs_nil_compiled.ts': {
    why: 'a nested pipeline\'s optional inputs without defaults are null, so each component gets its own default (None)',
    checks: [{ task: 'nested-pipeline/component-str', log: /^None$/m }, { task: 'nested-pipeline/component-int', log: /^None$/m }],
    kfp: { state: 'FAILED', why: "kfp's runner fails on the unset optional inputs (`Unknown value type`)" },
  },
  'tests/ports/pipelines/critical/pipeline_with_artifact_upload_download.ts': {
    why: 'a dataset output handed to the next task',
    checks: [{ task: 'print-dataset-info', log: /^Information about the artifact$/m }],
    kfp: { state: 'FAILED', why: KFP_NO_PIP },
  },
  'tests/ports/pipelines/critical/pipeline_with_placeholders.ts': {
    why: 'the run-level placeholders as task inputs: the run name, resource name and id, the task name, the parent DAG\'s id',
    checks: [{ task: 'print-all-placeholders', log: /^pipeline-with-placeholders-\S+ pipeline-with-placeholders-\S+ [0-9a-f-]{36} print-all-placeholders 1$/m }],
    kfp: { state: 'FAILED', why: "kfp's runner fails resolving the placeholders (IndexError)" },
  },
  'tests/ports/pipelines/pipeline_with_string_machine_fields_task_output.ts': {
    why: 'resource settings from task outputs (no local meaning, warned); the tasks run',
    checks: [{ task: 'sum-numbers', parameters: { Output: 3 } }, { task: 'memory-limit', parameters: { Output: '1G' } }],
    kfp: { state: 'FAILED', why: "kfp's runner cannot find the task that produces a resource setting (`task 'accelerator-limit' not found`)" },
  },
  'tests/ports/pipelines/integration/ray_integration_compiled.ts': {
    why: 'the stand-in body does not import ray, so the task runs without its packages_to_install',
    checks: [{ task: 'ray-fn', parameters: { Output: 0 } }],
    kfp: { state: 'FAILED', why: KFP_NO_PIP },
  },
  'tests/ports/pipelines/critical/notebook_component_simple.ts': { why: 'the notebook runs in the venv made for its packages (nbclient, ipykernel, jupyter_client)', checks: [{ task: 'run-train-notebook', state: 'SUCCEEDED' }], kfp: { state: 'FAILED', why: KFP_NO_PIP } },
  'tests/ports/pipelines/notebook_component_mixed.ts': { why: 'the notebook runs in the venv made for its packages', checks: [{ task: 'train-model', state: 'SUCCEEDED' }], kfp: { state: 'FAILED', why: KFP_NO_PIP } },
  'tests/ports/pipelines/essential/component_with_pip_install.ts': { why: 'yapf is installed in a venv made for the package set', checks: [{ task: 'component-with-pip-install', state: 'SUCCEEDED' }], kfp: { state: 'FAILED', why: KFP_NO_PIP } },
  'tests/ports/pipelines/essential/component_with_pip_install_in_venv.ts': { why: 'yapf is installed in a venv made for the package set', checks: [{ task: 'component-with-pip-install', state: 'SUCCEEDED' }], kfp: { state: 'FAILED', why: KFP_NO_PIP } },

  // ---- succeed alike, with no pipeline outputs to compare: values checked ------------------------
  'tests/cross/cases/string_templates.ts': {
    why: "str`` templates (kfp's f-strings) reach the components filled in, as the launcher fills them inside the executor input",
    checks: [
      { task: 'pick-image', parameters: { Output: 'python:3.11-r1-slim' } },
      { task: 'notify', log: /^\[#python:3\.11-r1-slim\] gs:\/\/acme\/r1\/data$/m },
    ],
  },

  // ---- outputs that are this run's paths ---------------------------------------------------------
  'tests/ports/pipelines/critical/pipeline_with_workspace.ts': { why: 'the output is the workspace path: the run directory\'s workspace/ (kfp: a temp dir)', checks: [{ task: 'write-to-workspace', state: 'SUCCEEDED' }], kfp: { differentOutputs: ['Output'] } },
  'tests/ports/pipelines/local_execution/local_execution_pipeline_with_retry.ts': { why: 'the output is the counter file\'s path, in the test\'s temp dir', kfp: { differentOutputs: ['Output'] } },
};
