// corpus: valid/pipeline_with_dynamic_task_output_custom_training_job.yaml (no .py upstream)
// GCPC's v1 custom_training_job, declared here as the container component the golden holds.
import { cmd, containerComponent, pipeline, pythonComponent, z } from '../../../src/index.ts';

const code = `
def accelerator_count() -> int:
    return 1


def accelerator_type() -> str:
    return 'NVIDIA_TESLA_P4'


def machine_type() -> str:
    return 'n1-standard-4'
`;
const acceleratorCount = pythonComponent({ name: 'accelerator_count', source: { code }, outputs: { Output: z.int() } });
const acceleratorType = pythonComponent({ name: 'accelerator_type', source: { code }, outputs: { Output: z.string() } });
const machineType = pythonComponent({ name: 'machine_type', source: { code }, outputs: { Output: z.string() } });

const customTrainingJob = containerComponent({
  name: 'custom_training_job',
  inputs: {
    base_output_directory: z
      .string()
      .default('')
      .describe('The Cloud Storage location to store the output of this CustomJob or HyperparameterTuningJob. See [more information ](https://cloud.google.com/vertex-ai/docs/reference/rest/v1/GcsDestination).'),
    display_name: z.string().describe('The name of the CustomJob.'),
    enable_web_access: z
      .boolean()
      .default(false)
      .describe(
        'Whether you want Vertex AI to enable [interactive shell access ](https://cloud.google.com/vertex-ai/docs/training/monitor-debug-interactive-shell) to training containers. If `True`, you can access interactive shells at the URIs given by [CustomJob.web_access_uris][].',
      ),
    encryption_spec_key_name: z
      .string()
      .default('')
      .describe('Customer-managed encryption key options for the CustomJob. If this is set, then all resources created by the CustomJob will be encrypted with the provided encryption key.'),
    labels: z
      .record(z.string(), z.string())
      .default({})
      .describe('The labels with user-defined metadata to organize the CustomJob. See [more information](https://goo.gl/xmQnxf).'),
    location: z.string().default('us-central1').describe('Location for creating the custom training job. If not set, default to us-central1.'),
    network: z
      .string()
      .default('')
      .describe(
        'The full name of the Compute Engine network to which the job should be peered. For example, `projects/12345/global/networks/myVPC`. Format is of the form `projects/{project}/global/networks/{network}`. Where `{project}` is a project number, as in `12345`, and `{network}` is a network name. Private services access must already be configured for the network. If left unspecified, the job is not peered with any network.',
      ),
    project: z
      .string()
      .default('{{$.pipeline_google_cloud_project_id}}')
      .describe('Project to create the custom training job in. Defaults to the project in which the PipelineJob is run.'),
    reserved_ip_ranges: z
      .array(z.string())
      .default([])
      .describe(
        'A list of names for the reserved IP ranges under the VPC network that can be used for this job. If set, we will deploy the job within the provided IP ranges. Otherwise, the job will be deployed to any IP ranges under the provided VPC network.',
      ),
    restart_job_on_worker_restart: z
      .boolean()
      .default(false)
      .describe('Restarts the entire CustomJob if a worker gets restarted. This feature can be used by distributed training jobs that are not resilient to workers leaving and joining a job.'),
    service_account: z
      .string()
      .default('')
      .describe(
        "Sets the default service account for workload run-as account. The [service account ](https://cloud.google.com/vertex-ai/docs/pipelines/configure-project#service-account) running the pipeline submitting jobs must have act-as permission on this run-as account. If unspecified, the Vertex AI Custom Code [Service Agent ](https://cloud.google.com/vertex-ai/docs/general/access-control#service-agents) for the CustomJob's project.",
      ),
    tensorboard: z.string().default('').describe('The name of a Vertex AI TensorBoard resource to which this CustomJob will upload TensorBoard logs.'),
    timeout: z
      .string()
      .default('604800s')
      .describe('The maximum job running time. The default is 7 days. A duration in seconds with up to nine fractional digits, terminated by \'s\', for example: "3.5s".'),
    worker_pool_specs: z
      .array(z.record(z.string(), z.unknown()))
      .default([])
      .describe(
        'Serialized json spec of the worker pools including machine type and Docker image. All worker pools except the first one are optional and can be skipped by providing an empty value. See [more information](https://cloud.google.com/vertex-ai/docs/reference/rest/v1/CustomJobSpec#WorkerPoolSpec).',
      ),
  },
  outputs: {
    gcp_resources: z
      .string()
      .describe(
        'Serialized JSON of `gcp_resources` [proto](https://github.com/kubeflow/pipelines/tree/master/components/google-cloud/google_cloud_pipeline_components/proto) which tracks the CustomJob.',
      ),
  },
  implementation: ({ inputs: i, outputs }) => ({
    image: 'gcr.io/ml-pipeline/google-cloud-pipeline-components:2.14.1',
    command: ['python3', '-u', '-m', 'google_cloud_pipeline_components.container.v1.custom_job.launcher'],
    args: [
      '--type',
      'CustomJob',
      '--payload',
      cmd`{"display_name": "${i.display_name}", "job_spec": {"worker_pool_specs": ${i.worker_pool_specs}, "scheduling": {"timeout": "${i.timeout}", "restart_job_on_worker_restart": ${i.restart_job_on_worker_restart}}, "service_account": "${i.service_account}", "tensorboard": "${i.tensorboard}", "enable_web_access": ${i.enable_web_access}, "network": "${i.network}", "reserved_ip_ranges": ${i.reserved_ip_ranges}, "base_output_directory": {"output_uri_prefix": "${i.base_output_directory}"}}, "labels": ${i.labels}, "encryption_spec": {"kms_key_name": "${i.encryption_spec_key_name}"}}`,
      '--project',
      i.project,
      '--location',
      i.location,
      '--gcp_resources',
      outputs.gcp_resources.path,
    ],
  }),
});

export default pipeline(
  { name: 'pipeline', inputs: { encryption_spec_key_name: z.string().default(''), location: z.string(), project: z.string() } },
  (p, s) => {
    const count = s.task(acceleratorCount, {});
    const type = s.task(acceleratorType, {});
    const machine = s.task(machineType, {});
    s.task(customTrainingJob, {
      display_name: 'add-numbers',
      encryption_spec_key_name: p.encryption_spec_key_name,
      location: p.location,
      project: p.project,
      worker_pool_specs: [
        {
          container_spec: { args: ['foo'], command: ['echo'], image_uri: 'gcr.io/ml-pipeline/google-cloud-pipeline-components:2.5.0' },
          machine_spec: { accelerator_count: count.outputs.Output, accelerator_type: type.outputs.Output, machine_type: machine.outputs.Output },
          replica_count: 1,
        },
      ] as never,
    });
  },
);
