// corpus: valid/pipeline_with_task_final_status.yaml
import { PipelineTaskFinalStatus, pipeline, pythonComponent, z } from '../../../src/index.ts';

const code = `
def exit_op(user_input: str, status: PipelineTaskFinalStatus):
    """Checks pipeline run status."""
    print(user_input, status.state)


def print_op(message: str):
    """Prints a message."""
    print(message)


def fail_op(message: str):
    """Fails."""
    raise SystemExit(message)
`;
const exitOp = pythonComponent({ name: 'exit_op', source: { code }, inputs: { user_input: z.string(), status: PipelineTaskFinalStatus } });
const printOp = pythonComponent({ name: 'print_op', source: { code }, inputs: { message: z.string() } });
const failOp = pythonComponent({ name: 'fail_op', source: { code }, inputs: { message: z.string() } });

export default pipeline({ name: 'pipeline-with-task-final-status', inputs: { message: z.string().default('Hello World!') } }, (p, s) => {
  const exitTask = s.task(exitOp, { user_input: p.message });
  s.exitHandler(exitTask, (s) => {
    s.task(printOp, { message: p.message });
    s.task(failOp, { message: 'Task failed.' });
  }, 'my-pipeline');
});
