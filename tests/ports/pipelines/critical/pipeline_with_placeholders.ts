// corpus: valid/critical/pipeline_with_placeholders.yaml
import { pipeline, pythonComponent, z } from '../../../../src/index.ts';

const printAllPlaceholders = pythonComponent({
  name: 'print_all_placeholders',
  source: {
    code: `def print_all_placeholders(
        job_name: str,
        job_resource_name: str,
        job_id: str,
        task_name: str,
        task_id: str,
):
    print(job_name, job_resource_name, job_id, task_name, task_id)
`,
  },
  inputs: { job_name: z.string(), job_resource_name: z.string(), job_id: z.string(), task_name: z.string(), task_id: z.string() },
});

// kfp's dsl.PIPELINE_*_PLACEHOLDER are plain strings, passed here as constants; kfp-ts's
// `runtime` values are command-line placeholders and are not accepted as task arguments.
export default pipeline({ name: 'pipeline-with-placeholders' }, (_p, s) => {
  s.task(printAllPlaceholders, {
    job_name: '{{$.pipeline_job_name}}',
    job_resource_name: '{{$.pipeline_job_resource_name}}',
    job_id: '{{$.pipeline_job_uuid}}',
    task_name: '{{$.pipeline_task_name}}',
    task_id: '{{$.pipeline_task_uuid}}',
  }).withCaching(false);
});
