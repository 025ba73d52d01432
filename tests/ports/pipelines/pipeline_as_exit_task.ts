// corpus: valid/pipeline_as_exit_task.yaml — a pipeline (with a condition inside) as the exit task
// of an exit handler, its PipelineTaskFinalStatus input filled from the handler.
import { PipelineTaskFinalStatus, eq, pipeline, pythonComponent, z } from '../../../src/index.ts';

const code = `
def print_op(message: str):
    """Prints a message."""
    print(message)


def fail_op(message: str):
    """Fails."""
    raise SystemExit(message)


def get_run_state(status: dict) -> str:
    return status.get('state', '')
`;
const printOp = pythonComponent({ name: 'print_op', source: { code }, inputs: { message: z.string() } });
const failOp = pythonComponent({ name: 'fail_op', source: { code }, inputs: { message: z.string() } });
const getRunState = pythonComponent({
  name: 'get_run_state',
  source: { code },
  inputs: { status: z.record(z.string(), z.unknown()) },
  outputs: { Output: z.string() },
});

const exitOp = pipeline(
  { name: 'conditional-notification', description: 'Checks pipeline run status.', inputs: { status: PipelineTaskFinalStatus } },
  (p, s) => {
    // kfp passes the final status to a dict input; its channel type allows undefined like any optional input.
    const state = s.task(getRunState, { status: p.status as never });
    s.if(eq(state.outputs.Output, 'FAILED'), (s) => void s.task(printOp, { message: 'notify task failure.' }));
  },
);

export default pipeline({ name: 'pipeline-with-task-final-status-conditional', inputs: { message: z.string().default('Hello World!') } }, (p, s) => {
  const exitTask = s.task(exitOp, {});
  s.exitHandler(
    exitTask,
    (s) => {
      s.task(printOp, { message: p.message });
      s.task(failOp, { message: 'Task failed.' });
    },
    'my-pipeline',
  );
});
