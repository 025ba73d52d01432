// corpus: valid/pipeline_with_task_using_ignore_upstream_failure.yaml
import { pipeline, pythonComponent, z } from '../../../src/index.ts';

const code = `
def fail_op(message: str) -> str:
    """Fails."""
    raise SystemExit(1)


def print_op(message: str = 'default'):
    """Prints a message."""
    print(message)
`;
const failOp = pythonComponent({ name: 'fail_op', source: { code }, inputs: { message: z.string() }, outputs: { Output: z.string() } });
const printOp = pythonComponent({ name: 'print_op', source: { code }, inputs: { message: z.string().default('default') } });

export default pipeline({ name: 'my-pipeline', inputs: { sample_input: z.string().default('message') } }, (p, s) => {
  const task = s.task(failOp, { message: p.sample_input });
  s.task(printOp, { message: task.outputs.Output }).ignoreUpstreamFailure();
});
