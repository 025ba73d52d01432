import * as z from 'zod';

/**
 * Response shapes of the KFP v2beta1 REST API (backend/api/v2beta1/swagger/*.swagger.json, KFP
 * 2.17), declared once as zod schemas; the TypeScript types are inferred from them. Field names are
 * the proto names the server emits (snake_case). proto3 JSON omits empty fields, so almost
 * everything is optional; only the ids a call cannot succeed without are required. Objects are
 * loose: a newer server may add fields, and `--output json` passes them through untouched.
 */

/** The API's `RpcStatus` as a zod schema; fields the schema does not name pass through. */
export const RpcStatus = z.looseObject({
  code: z.number().optional(),
  message: z.string().optional(),
  details: z.array(z.unknown()).optional(),
});
/** The API's `RpcStatus`, as its schema infers it. */
export type RpcStatus = z.infer<typeof RpcStatus>;

/** The upload endpoints answer errors in the v1beta1 `Error` shape, not googleRpcStatus. */
export const UploadErrorBody = z.looseObject({
  error_message: z.string().optional(),
  error_details: z.string().optional(),
});

/**
 * A v2beta1 list response: one page of `items` under the list's own field name, the total, and
 * the token of the next page (absent on the last).
 */
function listPage<const K extends string, T extends z.ZodType>(field: K, item: T) {
  return z.looseObject({
    ...({ [field]: z.array(item).optional() } as { [F in K]: z.ZodOptional<z.ZodArray<T>> }),
    total_size: z.number().optional(),
    next_page_token: z.string().optional(),
  });
}

/** The API's `Pipeline` as a zod schema; fields the schema does not name pass through. */
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
/** The API's `Pipeline`, as its schema infers it. */
export type Pipeline = z.infer<typeof Pipeline>;

/** The API's `PipelineVersion` as a zod schema; fields the schema does not name pass through. */
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
/** The API's `PipelineVersion`, as its schema infers it. */
export type PipelineVersion = z.infer<typeof PipelineVersion>;

/** The API's `ListPipelinesResponse` as a zod schema; fields the schema does not name pass through. */
export const ListPipelinesResponse = listPage('pipelines', Pipeline);
/** The API's `ListPipelinesResponse`, as its schema infers it. */
export type ListPipelinesResponse = z.infer<typeof ListPipelinesResponse>;

/** The API's `ListPipelineVersionsResponse` as a zod schema; fields the schema does not name pass through. */
export const ListPipelineVersionsResponse = listPage('pipeline_versions', PipelineVersion);
/** The API's `ListPipelineVersionsResponse`, as its schema infers it. */
export type ListPipelineVersionsResponse = z.infer<typeof ListPipelineVersionsResponse>;

/** The API's `Experiment` as a zod schema; fields the schema does not name pass through. */
export const Experiment = z.looseObject({
  experiment_id: z.string(),
  display_name: z.string().optional(),
  description: z.string().optional(),
  created_at: z.string().optional(),
  namespace: z.string().optional(),
  storage_state: z.string().optional(),
  last_run_created_at: z.string().optional(),
});
/** The API's `Experiment`, as its schema infers it. */
export type Experiment = z.infer<typeof Experiment>;

/** The API's `ListExperimentsResponse` as a zod schema; fields the schema does not name pass through. */
export const ListExperimentsResponse = listPage('experiments', Experiment);
/** The API's `ListExperimentsResponse`, as its schema infers it. */
export type ListExperimentsResponse = z.infer<typeof ListExperimentsResponse>;

/** v2beta1RuntimeState. A string, not an enum: a newer server may report a state this client does not know. */
export const RUNTIME_STATES = ['RUNTIME_STATE_UNSPECIFIED', 'PENDING', 'RUNNING', 'SUCCEEDED', 'SKIPPED', 'FAILED', 'CANCELING', 'CANCELED', 'PAUSED'] as const;
/** A run or task state the API documents. */
export type KnownRuntimeState = (typeof RUNTIME_STATES)[number];
/** The states a run does not leave. */
export const FINAL_STATES: ReadonlySet<string> = new Set(['SUCCEEDED', 'SKIPPED', 'FAILED', 'CANCELED']);

/** The API's `RuntimeStatus` as a zod schema; fields the schema does not name pass through. */
export const RuntimeStatus = z.looseObject({
  update_time: z.string().optional(),
  state: z.string().optional(),
  error: RpcStatus.optional(),
});

/** The API's `ArtifactList` as a zod schema; fields the schema does not name pass through. */
export const ArtifactList = z.looseObject({ artifact_ids: z.array(z.union([z.string(), z.number()])).optional() });

/** The API's `PipelineTaskDetail` as a zod schema; fields the schema does not name pass through. */
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
/** The API's `PipelineTaskDetail`, as its schema infers it. */
export type PipelineTaskDetail = z.infer<typeof PipelineTaskDetail>;

/**
 * What a run is made of, in a `Run` and in a `RecurringRun` alike (each run of a recurring run is
 * created from its copy of these): the pipeline (a version, or an inline spec), the runtime
 * config and the service account it runs as.
 */
const runTemplate = {
  pipeline_version_id: z.string().optional(),
  pipeline_spec: z.record(z.string(), z.unknown()).optional(),
  pipeline_version_reference: z.looseObject({ pipeline_id: z.string().optional(), pipeline_version_id: z.string().optional() }).optional(),
  runtime_config: z.looseObject({ parameters: z.record(z.string(), z.unknown()).optional(), pipeline_root: z.string().optional() }).optional(),
  service_account: z.string().optional(),
};

/** The API's `Run` as a zod schema; fields the schema does not name pass through. */
export const Run = z.looseObject({
  experiment_id: z.string().optional(),
  run_id: z.string(),
  display_name: z.string().optional(),
  storage_state: z.string().optional(),
  description: z.string().optional(),
  ...runTemplate,
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
/** The API's `Run`, as its schema infers it. */
export type Run = z.infer<typeof Run>;

/** The API's `ListRunsResponse` as a zod schema; fields the schema does not name pass through. */
export const ListRunsResponse = listPage('runs', Run);
/** The API's `ListRunsResponse`, as its schema infers it. */
export type ListRunsResponse = z.infer<typeof ListRunsResponse>;

/** A proto int64: JSON carries it as a string ("3600"); a number is accepted too. */
export const Int64 = z.union([z.string(), z.number()]);

/** The API's `CronSchedule` as a zod schema; fields the schema does not name pass through. */
export const CronSchedule = z.looseObject({ cron: z.string().optional(), start_time: z.string().optional(), end_time: z.string().optional() });
/** The API's `PeriodicSchedule` as a zod schema; fields the schema does not name pass through. */
export const PeriodicSchedule = z.looseObject({ interval_second: Int64.optional(), start_time: z.string().optional(), end_time: z.string().optional() });
/** The API's `Trigger` as a zod schema; fields the schema does not name pass through. */
export const Trigger = z.looseObject({ cron_schedule: CronSchedule.optional(), periodic_schedule: PeriodicSchedule.optional() });
/** The API's `Trigger`, as its schema infers it. */
export type Trigger = z.infer<typeof Trigger>;

/** v2beta1RecurringRun. `mode` is what was asked (ENABLE/DISABLE), `status` what the server did (ENABLED/DISABLED). */
export const RecurringRun = z.looseObject({
  recurring_run_id: z.string(),
  display_name: z.string().optional(),
  description: z.string().optional(),
  ...runTemplate,
  max_concurrency: Int64.optional(),
  trigger: Trigger.optional(),
  mode: z.string().optional(),
  created_at: z.string().optional(),
  updated_at: z.string().optional(),
  status: z.string().optional(),
  error: RpcStatus.optional(),
  no_catchup: z.boolean().optional(),
  namespace: z.string().optional(),
  experiment_id: z.string().optional(),
});
/** The API's `RecurringRun`, as its schema infers it. */
export type RecurringRun = z.infer<typeof RecurringRun>;

/** The list field is `recurringRuns`: that is its name in the proto, so the server's proto-name JSON uses it. */
export const ListRecurringRunsResponse = listPage('recurringRuns', RecurringRun);
/** The API's `ListRecurringRunsResponse`, as its schema infers it. */
export type ListRecurringRunsResponse = z.infer<typeof ListRecurringRunsResponse>;

/** The API's `Healthz` as a zod schema; fields the schema does not name pass through. */
export const Healthz = z.looseObject({
  multi_user: z.boolean().optional(),
  pipeline_store: z.string().optional(),
});
/** The API's `Healthz`, as its schema infers it. */
export type Healthz = z.infer<typeof Healthz>;

/** DELETE and :archive answer `{}`. */
export const Empty = z.looseObject({});
