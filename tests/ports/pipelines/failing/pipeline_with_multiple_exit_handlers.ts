// corpus: valid/failing/pipeline_with_multiple_exit_handlers.yaml
import { pipeline, pythonComponent, z } from '../../../../src/index.ts';

const code = `
def print_op(message: str):
    """Prints a message."""
    print(message)


def fail_op(message: str):
    """Fails."""
    raise SystemExit(message)
`;
const printOp = pythonComponent({ name: 'print_op', source: { code }, inputs: { message: z.string() } });
const failOp = pythonComponent({ name: 'fail_op', source: { code }, inputs: { message: z.string() } });

export default pipeline({ name: 'pipeline-with-multiple-exit-handlers', inputs: { message: z.string().default('Hello World!') } }, (p, s) => {
  const first = s.task(printOp, { message: 'First exit handler has worked!' });
  s.exitHandler(first, (s) => {
    s.task(printOp, { message: p.message });
    s.task(failOp, { message: 'Task failed.' });
  });
  const second = s.task(printOp, { message: 'Second exit handler has worked!' });
  s.exitHandler(second, (s) => {
    s.task(printOp, { message: p.message });
  });
  const third = s.task(printOp, { message: 'Third exit handler has worked!' });
  s.exitHandler(third, (s) => {
    s.task(printOp, { message: p.message });
  });
});
