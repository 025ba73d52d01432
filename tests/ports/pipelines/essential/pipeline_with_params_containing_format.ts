// corpus: valid/essential/pipeline_with_params_containing_format.yaml
import { pipeline, pythonComponent, str, z } from '../../../../src/index.ts';

const code = `
def print_op(text: str) -> str:
    return text


def print_op2(text1: str, text2: str) -> str:
    return text1 + text2
`;
const printOp = pythonComponent({ name: 'print_op', source: { code }, inputs: { text: z.string() }, outputs: { Output: z.string() } });
const printOp2 = pythonComponent({
  name: 'print_op2',
  source: { code },
  inputs: { text1: z.string(), text2: z.string() },
  outputs: { Output: z.string() },
});

export default pipeline({ name: 'pipeline-with-pipelineparam-containing-format', inputs: { name: z.string().default('KFP') } }, (p, s) => {
  const printTask = s.task(printOp, { text: str`Hello ${p.name}` });
  s.task(printOp, { text: str`${printTask.outputs.Output}, again.` });
  s.parallelFor(['1', '2'], (item, s) => {
    s.task(printOp2, { text1: item, text2: str` and ${p.name}.` });
  });
});
