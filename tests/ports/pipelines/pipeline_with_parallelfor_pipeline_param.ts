// corpus: valid/pipeline_with_parallelfor_pipeline_param.yaml
import { pipeline, pythonComponent, z } from '../../../src/index.ts';

const code = `
def print_with_prefix(prefix: str, item: str) -> str:
    return prefix + item


def make_prefix() -> str:
    return 'stand-in'
`;
const printWithPrefix = pythonComponent({
  name: 'print_with_prefix',
  source: { code },
  inputs: { prefix: z.string(), item: z.string() },
  outputs: { Output: z.string() },
});
const makePrefix = pythonComponent({ name: 'make_prefix', source: { code }, outputs: { Output: z.string() } });

export default pipeline(
  {
    name: 'pipeline-parallelfor-pipeline-param',
    description: 'Pipeline parameter used alongside loop item inside ParallelFor.',
    inputs: { prefix: z.string(), loop_parameter: z.array(z.string()) },
  },
  (p, s) => {
    s.parallelFor(p.loop_parameter, (item, s) => {
      s.task(printWithPrefix, { prefix: p.prefix, item });
    }, { parallelism: 1 });
    const prefixTask = s.task(makePrefix, {});
    s.parallelFor(p.loop_parameter, (item, s) => {
      s.task(printWithPrefix, { prefix: prefixTask.outputs.Output, item });
    });
    s.parallelFor(['x', 'y'], (_outer, s) => {
      s.parallelFor(p.loop_parameter, (inner, s) => {
        s.task(printWithPrefix, { prefix: p.prefix, item: inner });
      });
    }, { parallelism: 2 });
  },
);
