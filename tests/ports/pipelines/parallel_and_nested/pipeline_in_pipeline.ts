// corpus: valid/parallel_and_nested/pipeline_in_pipeline.yaml — a pipeline used as a component.
import { containerComponent, pipeline, pythonComponent, z } from '../../../../src/index.ts';

const code = `
def print_op1(msg: str) -> str:
    return msg
`;
const printOp1 = pythonComponent({ name: 'print_op1', source: { code }, inputs: { msg: z.string() }, outputs: { Output: z.string() } });

const printOp2 = containerComponent({
  name: 'print_op2',
  inputs: { msg: z.string() },
  implementation: ({ inputs }) => ({ image: 'alpine', command: ['echo', inputs.msg] }),
});

const innerPipeline = pipeline({ name: 'inner-pipeline', inputs: { msg: z.string() } }, (p, s) => {
  const task = s.task(printOp1, { msg: p.msg });
  s.task(printOp2, { msg: task.outputs.Output });
});

export default pipeline({ name: 'pipeline-in-pipeline' }, (_p, s) => {
  s.task(printOp1, { msg: 'Hello' });
  s.task(innerPipeline, { msg: 'world' });
});
