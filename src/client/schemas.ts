import * as z from 'zod';

/**
 * Response shapes of the KFP v2beta1 REST API (backend/api/v2beta1/swagger/*.swagger.json, KFP
 * 2.17), declared once as zod schemas; the TypeScript types are inferred from them. Field names are
 * the proto names the server emits (snake_case). proto3 JSON omits empty fields, so almost
 * everything is optional; only the ids a call cannot succeed without are required. Objects are
 * loose: a newer server may add fields, and `--format json` passes them through untouched.
 */

export const RpcStatus = z.looseObject({
  code: z.number().optional(),
  message: z.string().optional(),
  details: z.array(z.unknown()).optional(),
});
export type RpcStatus = z.infer<typeof RpcStatus>;

/** The upload endpoints answer errors in the v1beta1 `Error` shape, not googleRpcStatus. */
export const UploadErrorBody = z.looseObject({
  error_message: z.string().optional(),
  error_details: z.string().optional(),
});

/** A pipeline (`v2beta1Pipeline`). */
export const Pipeline = z.looseObject({
  pipeline_id: z.string(),
  name: z.string().optional(),
  display_name: z.string().optional(),
  description: z.string().optional(),
  created_at: z.string().optional(),
  namespace: z.string().optional(),
  error: RpcStatus.optional(),
  tags: z.record(z.string(), z.string()).optional(),
});
/** A pipeline (`v2beta1Pipeline`). */
export type Pipeline = z.infer<typeof Pipeline>;

/** A pipeline version (`v2beta1PipelineVersion`). */
export const PipelineVersion = z.looseObject({
  pipeline_id: z.string().optional(),
  pipeline_version_id: z.string(),
  name: z.string().optional(),
  display_name: z.string().optional(),
  description: z.string().optional(),
  created_at: z.string().optional(),
  package_url: z.looseObject({ pipeline_url: z.string().optional() }).optional(),
  code_source_url: z.string().optional(),
  pipeline_spec: z.record(z.string(), z.unknown()).optional(),
  error: RpcStatus.optional(),
  tags: z.record(z.string(), z.string()).optional(),
});
/** A pipeline version (`v2beta1PipelineVersion`). */
export type PipelineVersion = z.infer<typeof PipelineVersion>;

/** One page of pipelines. */
export const ListPipelinesResponse = z.looseObject({
  pipelines: z.array(Pipeline).optional(),
  total_size: z.number().optional(),
  next_page_token: z.string().optional(),
});
/** One page of pipelines. */
export type ListPipelinesResponse = z.infer<typeof ListPipelinesResponse>;

/** One page of pipeline versions. */
export const ListPipelineVersionsResponse = z.looseObject({
  pipeline_versions: z.array(PipelineVersion).optional(),
  total_size: z.number().optional(),
  next_page_token: z.string().optional(),
});
/** One page of pipeline versions. */
export type ListPipelineVersionsResponse = z.infer<typeof ListPipelineVersionsResponse>;

/** An experiment (`v2beta1Experiment`). */
export const Experiment = z.looseObject({
  experiment_id: z.string(),
  display_name: z.string().optional(),
  description: z.string().optional(),
  created_at: z.string().optional(),
  namespace: z.string().optional(),
  storage_state: z.string().optional(),
  last_run_created_at: z.string().optional(),
});
/** An experiment (`v2beta1Experiment`). */
export type Experiment = z.infer<typeof Experiment>;

/** One page of experiments. */
export const ListExperimentsResponse = z.looseObject({
  experiments: z.array(Experiment).optional(),
  total_size: z.number().optional(),
  next_page_token: z.string().optional(),
});
/** One page of experiments. */
export type ListExperimentsResponse = z.infer<typeof ListExperimentsResponse>;

/** v2beta1RuntimeState. A string, not an enum: a newer server may report a state this client does not know. */
export const RUNTIME_STATES = ['RUNTIME_STATE_UNSPECIFIED', 'PENDING', 'RUNNING', 'SUCCEEDED', 'SKIPPED', 'FAILED', 'CANCELING', 'CANCELED', 'PAUSED'] as const;
/** A run or task state the API documents. */
export type KnownRuntimeState = (typeof RUNTIME_STATES)[number];
/** The states a run does not leave. */
export const FINAL_STATES: ReadonlySet<string> = new Set(['SUCCEEDED', 'SKIPPED', 'FAILED', 'CANCELED']);

/** A state with the time it was entered. */
export const RuntimeStatus = z.looseObject({
  update_time: z.string().optional(),
  state: z.string().optional(),
  error: RpcStatus.optional(),
});

/** The artifact ids of one task input or output. */
export const ArtifactList = z.looseObject({ artifact_ids: z.array(z.union([z.string(), z.number()])).optional() });

/** One task of a run (`v2beta1PipelineTaskDetail`). */
export const PipelineTaskDetail = z.looseObject({
  run_id: z.string().optional(),
  task_id: z.string().optional(),
  display_name: z.string().optional(),
  create_time: z.string().optional(),
  start_time: z.string().optional(),
  end_time: z.string().optional(),
  state: z.string().optional(),
  execution_id: z.union([z.string(), z.number()]).optional(),
  error: RpcStatus.optional(),
  inputs: z.record(z.string(), ArtifactList).optional(),
  outputs: z.record(z.string(), ArtifactList).optional(),
  parent_task_id: z.string().optional(),
  state_history: z.array(RuntimeStatus).optional(),
  pod_name: z.string().optional(),
  child_tasks: z.array(z.looseObject({ task_id: z.string().optional(), pod_name: z.string().optional() })).optional(),
});
/** One task of a run (`v2beta1PipelineTaskDetail`). */
export type PipelineTaskDetail = z.infer<typeof PipelineTaskDetail>;

/** A run (`v2beta1Run`). */
export const Run = z.looseObject({
  experiment_id: z.string().optional(),
  run_id: z.string(),
  display_name: z.string().optional(),
  storage_state: z.string().optional(),
  description: z.string().optional(),
  pipeline_version_id: z.string().optional(),
  pipeline_spec: z.record(z.string(), z.unknown()).optional(),
  pipeline_version_reference: z.looseObject({ pipeline_id: z.string().optional(), pipeline_version_id: z.string().optional() }).optional(),
  runtime_config: z.looseObject({ parameters: z.record(z.string(), z.unknown()).optional(), pipeline_root: z.string().optional() }).optional(),
  service_account: z.string().optional(),
  created_at: z.string().optional(),
  scheduled_at: z.string().optional(),
  finished_at: z.string().optional(),
  state: z.string().optional(),
  error: RpcStatus.optional(),
  run_details: z
    .looseObject({
      pipeline_context_id: z.union([z.string(), z.number()]).optional(),
      pipeline_run_context_id: z.union([z.string(), z.number()]).optional(),
      task_details: z.array(PipelineTaskDetail).optional(),
    })
    .optional(),
  recurring_run_id: z.string().optional(),
  state_history: z.array(RuntimeStatus).optional(),
});
/** A run (`v2beta1Run`). */
export type Run = z.infer<typeof Run>;

/** One page of runs. */
export const ListRunsResponse = z.looseObject({
  runs: z.array(Run).optional(),
  total_size: z.number().optional(),
  next_page_token: z.string().optional(),
});
/** One page of runs. */
export type ListRunsResponse = z.infer<typeof ListRunsResponse>;

/** The server's health answer. */
export const Healthz = z.looseObject({
  multi_user: z.boolean().optional(),
  pipeline_store: z.string().optional(),
});
/** The server's health answer. */
export type Healthz = z.infer<typeof Healthz>;

/** DELETE and :archive answer `{}`. */
export const Empty = z.looseObject({});
