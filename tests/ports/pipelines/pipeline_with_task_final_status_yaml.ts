// corpus: valid/pipeline_with_task_final_status_yaml.yaml
// kfp loads exit_op and print_op from component YAML text; the same components are declared here.
import { PipelineTaskFinalStatus, containerComponent, pipeline, z } from '../../../src/index.ts';

const image = 'registry.access.redhat.com/ubi9/python-311:latest';
const exitOp = containerComponent({
  name: 'Exit Op',
  inputs: { user_input: z.string(), status: PipelineTaskFinalStatus },
  implementation: ({ inputs }) => ({ image, command: ['echo', 'user input:', inputs.user_input, 'pipeline status:', inputs.status] }),
});
const printOp = containerComponent({
  name: 'Print Op',
  inputs: { message: z.string() },
  implementation: ({ inputs }) => ({ image, command: ['echo', inputs.message] }),
});

export default pipeline({ name: 'pipeline-with-task-final-status-yaml', inputs: { message: z.string().default('Hello World!') } }, (p, s) => {
  const exitTask = s.task(exitOp, { user_input: p.message });
  s.exitHandler(exitTask, (s) => void s.task(printOp, { message: p.message }), 'my-pipeline');
});
