// corpus: valid/parallel_and_nested/pipeline_in_pipeline_complex.yaml — a pipeline with conditions
// used as a component inside a loop. kfp loads print_op3 from v1 YAML text
// (load_component_from_text, named 'Print Op'); the port declares the same container component.
// The .py's `pipeline_not_used` is never compiled, so it has no counterpart here.
import { containerComponent, eq, ne, pipeline, pythonComponent, z } from '../../../../src/index.ts';

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

const printOp3 = containerComponent({
  name: 'Print Op',
  inputs: { msg: z.string() },
  implementation: ({ inputs }) => ({ image: 'alpine', command: ['echo', inputs.msg] }),
});

const graphComponent = pipeline({ name: 'inner-pipeline', inputs: { msg: z.string() } }, (p, s) => {
  const task = s.task(printOp1, { msg: p.msg });
  s.if(eq(task.outputs.Output, 'Hello'), (s) => void s.task(printOp2, { msg: 'world' }));
  s.if(ne(task.outputs.Output, 'Hello'), (s) => void s.task(printOp3, { msg: 'Bye!' }));
});

export default pipeline({ name: 'pipeline-in-pipeline-complex', inputs: { msg: z.string().default('Hello') } }, (p, s) => {
  s.task(printOp1, { msg: p.msg });
  s.parallelFor(['Hello', 'world!'], (item, s) => void s.task(graphComponent, { msg: item }));
});
