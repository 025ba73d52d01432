// corpus: valid/parallel_and_nested/pipeline_with_loops.yaml
import { itemField, pipeline, pythonComponent, z } from '../../../../src/index.ts';

const code = `
def args_generator_op() -> List[Dict[str, str]]:
    return []


def print_text(msg: str):
    print(msg)


def print_struct(struct: Dict):
    print(struct)
`;
const argsGeneratorOp = pythonComponent({ name: 'args_generator_op', source: { code }, outputs: { Output: z.array(z.record(z.string(), z.string())) } });
const printText = pythonComponent({ name: 'print_text', source: { code }, inputs: { msg: z.string() } });
const printStruct = pythonComponent({ name: 'print_struct', source: { code }, inputs: { struct: z.record(z.string(), z.unknown()) } });

export default pipeline({ name: 'pipeline-with-loops', inputs: { loop_parameter: z.array(z.string()).default(['a', 'b']) } }, (p, s) => {
  s.parallelFor(p.loop_parameter, (item, s) => {
    s.task(printText, { msg: item });
  });
  const argsGenerator = s.task(argsGeneratorOp, {});
  s.parallelFor(argsGenerator.outputs.Output, (item, s) => {
    s.task(printStruct, { struct: item });
    s.task(printText, { msg: itemField(item, 'A_a') });
    s.task(printText, { msg: itemField(item, 'B_b') });
  });
  s.parallelFor([{ A_a: '1', B_b: '2' }, { A_a: '10', B_b: '20' }], (item, s) => {
    s.task(printStruct, { struct: item });
    s.task(printText, { msg: itemField(item, 'A_a') });
    s.task(printText, { msg: itemField(item, 'B_b') });
  });
});
